import type { CodeSpec } from '../../core/check.js';

/**
 * The rejection codes of the `phone` check. Keys are stable public API; `message` is
 * what the person at the form reads, `meaning` and `fix` feed `docs/codes.md`.
 */
export const PHONE_CODES = {
  PHONE_MISSING: {
    message: 'Enter your phone number.',
    meaning: 'The lead has no phone number, and the motion requires one (outbound, for example, calls every lead).',
    fix: 'Ask for the phone number on the form, or map the column that holds it when importing a list.',
  },
  PHONE_INVALID: {
    message: 'Enter a valid phone number, including the country code (e.g. +49 30 1234567).',
    meaning:
      'The phone number could not be read as a number, or it is not a valid number for its region under the numbering plan in libphonenumber\'s full ("max") metadata: wrong length, an unassigned prefix, or a national number with no country to read it in.',
    fix: 'Enter the number in international form (+ country code, then the number), or send the lead\'s country with it so a national number can be read.',
  },
  PHONE_COUNTRY_MISMATCH: {
    message: 'This phone number does not belong to the country you selected.',
    meaning:
      'The number is valid but belongs to another country than the one the lead declared (data: numberCountry, leadCountry). Numbers behind a shared calling code (+1 NANP, +44 GB/GG/JE/IM, +7 RU/KZ) are accepted for any country that could own them.',
    fix: 'Check the country field and the number; a mismatch is often a typo in either, or a lead entering someone else\'s number.',
  },
  PHONE_TYPE_SUSPECT: {
    message: 'Enter a direct phone number; premium-rate, shared-cost, toll-free, pager and voicemail numbers are not accepted.',
    meaning:
      'The number is valid but its type (data: type) is one a person rarely answers on: premium-rate or shared-cost lines cost the caller money, toll-free lines reach a switchboard, pagers and voicemail reach no one.',
    fix: 'Ask for a direct line or mobile number. Set the option directLine: false to accept toll-free numbers, or suspectTypes to choose the types yourself.',
  },
} as const satisfies Record<string, CodeSpec>;

/** A rejection code of the `phone` check. */
export type PhoneCode = keyof typeof PHONE_CODES;
