import type { PhoneNumberType } from 'libphonenumber-js/max';
import * as z from 'zod/mini';
import { LeadGateError } from '../../core/errors.js';
import { parseOptions, type OptionsOwner } from '../../core/options.js';

/** Options for {@link phoneValidity}. All optional. */
export interface PhoneValidityOptions {
  /**
   * Report `PHONE_MISSING` when the lead has no phone number. Default false: phone is
   * optional unless a motion needs it (the outbound preset sets it).
   */
  required?: boolean;
  /**
   * The form asks for a direct line, so a toll-free number (a switchboard or call
   * centre) is suspect. Default true. Only shapes the default `suspectTypes`.
   */
  directLine?: boolean;
  /**
   * Number types (as libphonenumber's `getType()` names them) that raise
   * `PHONE_TYPE_SUSPECT`. Replaces the default, which is PREMIUM_RATE, SHARED_COST,
   * VOICEMAIL, PAGER, plus TOLL_FREE unless `directLine` is false. `[]` turns the
   * type check off.
   */
  suspectTypes?: readonly PhoneNumberType[];
}

/** The options after validation and defaults: what the check's `run` reads. */
export interface ResolvedPhoneOptions {
  required: boolean;
  suspectTypes: ReadonlySet<PhoneNumberType>;
}

/** Every type `getType()` can return, in the order libphonenumber-js declares them. */
export const PHONE_NUMBER_TYPES = [
  'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER',
  'UAN', 'VOICEMAIL', 'FIXED_LINE_OR_MOBILE', 'FIXED_LINE', 'MOBILE',
] as const satisfies readonly PhoneNumberType[];

// Fails to compile if a libphonenumber-js upgrade adds a type the list above lacks.
const everyTypeListed: Exclude<PhoneNumberType, (typeof PHONE_NUMBER_TYPES)[number]> extends never ? true : never = true;
void everyTypeListed;

// Types nobody answers in person, or that bill the caller (ITU-T E.164 "premium rate"
// and "shared cost" services). TOLL_FREE joins them when the form asks for a direct line.
const ALWAYS_SUSPECT: readonly PhoneNumberType[] = ['PREMIUM_RATE', 'SHARED_COST', 'VOICEMAIL', 'PAGER'];

const optionsSchema = z.strictObject({
  required: z.optional(z.boolean()),
  directLine: z.optional(z.boolean()),
  suspectTypes: z.optional(z.array(z.enum(PHONE_NUMBER_TYPES))),
});

// What each option should have been, in words the person configuring the check can act on.
const EXPECTED: Record<keyof PhoneValidityOptions, string> = {
  required: 'true or false',
  directLine: 'true or false',
  suspectTypes: `an array of ${PHONE_NUMBER_TYPES.join(', ')}`,
};

const OWNER: OptionsOwner = { name: 'phoneValidity', example: '{ required: true }', expected: EXPECTED };

/**
 * Validates `phoneValidity` options once, at factory time, and applies the defaults.
 * Throws a `LeadGateError` that names the bad option.
 */
export function resolvePhoneOptions(input: unknown): ResolvedPhoneOptions {
  const { required = false, directLine = true, suspectTypes } = parseOptions(OWNER, optionsSchema, input);
  if (suspectTypes !== undefined && directLine === false && suspectTypes.includes('TOLL_FREE')) {
    // Contradictory: one option accepts toll-free numbers, the other rejects them.
    throw new LeadGateError('phoneValidity: option "directLine" is false (accept toll-free numbers) but option "suspectTypes" contains TOLL_FREE; drop one of them', { option: 'directLine' });
  }
  const types = suspectTypes ?? (directLine ? [...ALWAYS_SUSPECT, 'TOLL_FREE' as const] : ALWAYS_SUSPECT);
  return { required, suspectTypes: new Set(types) };
}

