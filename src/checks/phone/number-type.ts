import { Metadata, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';

// `PhoneNumber.getType()` with the metadata's patterns compiled once. libphonenumber-js
// builds `new RegExp('^(?:…)$')` for each pattern on every call
// (es6/helpers/matchesEntirely.js), and matching a type tries up to eleven of them:
// a third of the phone check's time (issue 15 §2). This is its getNumberType
// (es6/helpers/getNumberType.js, itself a port of Google libphonenumber's
// PhoneNumberUtil.getNumberTypeHelper), step for step, over the same metadata.
// test/checks/phone-number-type.test.ts holds it equal to getType().

/** The types after FIXED_LINE, in the order libphonenumber tries them. */
const NON_FIXED_LINE_TYPES = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

/** The parts of libphonenumber-js's Metadata this reads (internal API, not in its typings). */
interface PatternMetadata {
  selectNumberingPlan(countryOrCallingCode: string): void;
  nationalNumberPattern(): string;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

// One entry per distinct pattern in the metadata: bounded by the metadata, not by input.
const compiled = new Map<string, RegExp>();

function matchesEntirely(text: string, pattern: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${pattern})$`);
    compiled.set(pattern, regex);
  }
  return regex.test(text);
}

function isType(nationalNumber: string, type: string, metadata: PatternMetadata): boolean {
  const definition = metadata.type(type);
  if (!definition || !definition.pattern()) return false;
  const lengths = definition.possibleLengths();
  if (lengths && !lengths.includes(nationalNumber.length)) return false;
  return matchesEntirely(nationalNumber, definition.pattern());
}

let metadata: PatternMetadata | undefined;

function patternMetadata(): PatternMetadata | undefined {
  metadata ??= new Metadata() as unknown as PatternMetadata;
  return typeof metadata.type === 'function' && typeof metadata.nationalNumberPattern === 'function' ? metadata : undefined;
}

/** The number's type, as `number.getType()` returns it. */
export function numberType(number: PhoneNumber): NumberType {
  const plan = patternMetadata();
  // A libphonenumber-js whose internals moved: its own (slower) answer.
  if (!plan) return number.getType();
  if (!number.country && !number.countryCallingCode) return undefined;
  plan.selectNumberingPlan(number.country || number.countryCallingCode);
  const national = number.nationalNumber;
  if (!matchesEntirely(national, plan.nationalNumberPattern())) return undefined;
  if (isType(national, 'FIXED_LINE', plan)) {
    // An empty MOBILE pattern was removed from the metadata as a duplicate of FIXED_LINE.
    const mobile = plan.type('MOBILE');
    if (!mobile || mobile.pattern() === '' || isType(national, 'MOBILE', plan)) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const type of NON_FIXED_LINE_TYPES) if (isType(national, type, plan)) return type;
  return undefined;
}
