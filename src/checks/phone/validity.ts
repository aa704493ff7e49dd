import type { NumberType, PhoneNumber } from 'libphonenumber-js/max';
import { numberType } from './number-type.js';

/** What the checks ask of a parsed number: its type, and whether it is valid. */
export interface NumberReading {
  type: NumberType;
  valid: boolean;
}

// One reading per parsed number. parsePhone hands the phone, consent and source checks
// the same PhoneNumber for a lead's phone, so the source check's person keys reuse the
// phone check's reading instead of calling isValid(), which builds a RegExp for each of
// up to a dozen patterns on every call (libphonenumber-js es6/helpers/matchesEntirely.js;
// the worker profile's top function in an audit). Weak: a reading lives as its number does.
const readings = new WeakMap<PhoneNumber, NumberReading>();

/**
 * The number's type and validity. With full metadata a number with a type is valid, so
 * the type is read first and isValid() (which would match the same patterns again) only
 * runs when there is none (libphonenumber-js isValidNumber: a type, when the metadata has types).
 */
export function readNumber(number: PhoneNumber): NumberReading {
  let reading = readings.get(number);
  if (reading === undefined) {
    const type = numberType(number);
    reading = { type, valid: type !== undefined || number.isValid() };
    readings.set(number, reading);
  }
  return reading;
}
