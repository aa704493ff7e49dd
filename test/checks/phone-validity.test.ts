import fc from 'fast-check';
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it, vi } from 'vitest';
import { readNumber } from '../../src/checks/phone/validity.js';
import { personKeys } from '../../src/checks/source/person-keys.js';

describe('readNumber: a parsed number\'s type and validity, read once', () => {
  it("agrees with libphonenumber-js's isValid() and getType() on random digits in random countries", () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.constantFrom(...getCountries()), fc.stringMatching(/^\d{4,13}$/), (country: CountryCode, digits) => {
        const number = parsePhoneNumberFromString(digits, country);
        if (!number) return;
        const fresh = parsePhoneNumberFromString(digits, country)!;
        expect(readNumber(number)).toEqual({ type: fresh.getType(), valid: fresh.isValid() });
        if (fresh.isValid()) valid += 1;
        else invalid += 1;
      }),
      { numRuns: 3000, seed: 42 },
    );
    // Both answers occur, so a reading that always said one of them would fail above.
    expect(valid).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(50);
  });

  it('reads each number once: a second reading asks libphonenumber nothing', () => {
    for (const text of ['+49 30 901820', '+1 212 0000000']) {
      const number = parsePhoneNumberFromString(text)!;
      const isValid = vi.spyOn(number, 'isValid');
      const first = readNumber(number);
      const calls = isValid.mock.calls.length;
      expect(readNumber(number)).toBe(first);
      expect(isValid.mock.calls.length).toBe(calls);
    }
  });
});

describe('personKeys: the phone key', () => {
  it('is the E.164 form of a valid number, and absent for one that parses but is not valid', () => {
    expect(personKeys({ phone: '030 901820', country: 'DE' }).phone).toBe('+4930901820');
    expect(personKeys({ phone: '+1 212 0000000', country: 'US' }).phone).toBeUndefined();
    expect(parsePhoneNumberFromString('+1 212 0000000')).toBeDefined(); // parsed, so the key is refused for validity
  });
});
