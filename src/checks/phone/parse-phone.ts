import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { recentResults } from '../recent-results.js';

/**
 * Reads a phone number as typed into a form. A number written with `+` (or an
 * international prefix such as `00` that the country's plan knows) is read as
 * international; anything else is a national number, read in the lead's country
 * (ITU-T E.164: the national significant number means nothing without its country
 * code). Returns `undefined` when no number can be read; the result may still be
 * invalid, so callers ask `readNumber()` (validity.ts).
 *
 * Uses the `/max` metadata on purpose: with the default `/min` metadata
 * libphonenumber-js only checks lengths, so `isValid()` accepts unassigned prefixes
 * and `getType()` returns nothing (libphonenumber-js issues #108, #186, #284).
 */
export function parsePhone(text: string, country: string | undefined): PhoneNumber | undefined {
  const defaultCountry = regionOf(country);
  // What the library can only refuse, and refuses by throwing a ParseError it then
  // catches (about twice a parse): no digit at all ("n/a", "tbd"), or no country to read
  // a number without "+" in. Tested equal to the library on random text.
  if (!ANY_DIGIT.test(text) || (defaultCountry === undefined && !PLUS.test(text))) return undefined;
  // parsePhoneNumberFromString never throws for bad input (unlike parsePhoneNumber),
  // and finds the number inside text such as "+49 30 1234567 (office)". Shared between
  // the checks that read one lead's phone: callers only ask the number, never change it.
  return recentNumbers(`${defaultCountry ?? ''} ${text}`, () => parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry } : {}));
}

const recentNumbers = recentResults<PhoneNumber | undefined>();
// Any decimal digit, in any script (the library reads Arabic-Indic and full-width ones too).
const ANY_DIGIT = /\p{Nd}/u;
// "+" and its full-width form, which libphonenumber also reads as the international prefix.
const PLUS = /[+\uFF0B]/;

/** The lead's country as a libphonenumber region, or `undefined` if it has no numbering plan. */
export function regionOf(country: string | undefined): CountryCode | undefined {
  return country !== undefined && isSupportedCountry(country) ? country : undefined;
}
