import { LeadGateError } from './errors.js';

/** The part of a zod/mini schema that option parsing uses. */
interface OptionsSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly OptionIssue[] } };
}
interface OptionIssue {
  code: string;
  path: readonly PropertyKey[];
  keys?: readonly string[];
}

/** Who is parsing: names the function in messages and says what each option should be. */
export interface OptionsOwner {
  /** e.g. `createGate`, `emailValidity`. */
  name: string;
  /** A valid options object, shown when the options are not an object at all. */
  example: string;
  /** Top-level option → what it should have been, in words a person can act on. */
  expected: Readonly<Record<string, string>>;
}

/**
 * Validates an options object against a zod/mini schema and throws a `LeadGateError`
 * whose `option` is the path of the first bad option (`timeoutMs`,
 * `overrides.EMAIL_FREE_PROVIDER`). Array indices are not option names, so
 * `suspectTypes.0` is reported as `suspectTypes`. `undefined` means "no options".
 */
export function parseOptions<T>(owner: OptionsOwner, schema: OptionsSchema<T>, input: unknown): T {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new LeadGateError(`${owner.name}: expected an options object such as ${owner.example}, received ${describeValue(input)}`, { option: 'options' });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys?.[0] ?? '';
    throw new LeadGateError(`${owner.name}: unknown option "${key}"; known options are ${Object.keys(owner.expected).join(', ')}`, { option: key });
  }
  const path = [...issue.path];
  while (path.length > 1 && typeof path[path.length - 1] === 'number') path.pop();
  const option = path.map(String).join('.') || 'options';
  const received = path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], input);
  const expected = owner.expected[String(path[0] ?? '')] ?? 'a valid value';
  throw new LeadGateError(`${owner.name}: option "${option}" must be ${expected}, received ${describeValue(received)}`, { option });
}

/** A short, data-free description of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.slice(0, 5).map(describeValue).join(', ')}${value.length > 5 ? ', …' : ''}]`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}
