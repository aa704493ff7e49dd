import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { numberType } from '../../src/checks/phone/number-type.js';
import { parsePhone } from '../../src/checks/phone/parse-phone.js';

describe('numberType: getType() with compiled patterns', () => {
  it("equals libphonenumber-js's getType() for every country's example mobile number and its neighbours", () => {
    let typed = 0;
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      // The example, then the same number with its last digits changed (other types, invalid ones).
      const national = example.nationalNumber;
      const variants = [national, ...['0', '1', '5', '9', '00', '99', '12345'].map((tail) => national.slice(0, -tail.length) + tail), `${national}0`, national.slice(0, -1)];
      for (const variant of variants) {
        const number = parsePhoneNumberFromString(variant, country);
        if (!number) continue;
        expect([country, variant, numberType(number)]).toEqual([country, variant, number.getType()]);
        if (number.getType() !== undefined) typed += 1;
      }
    }
    // Most examples are typed (MOBILE, FIXED_LINE_OR_MOBILE), so a numberType that always said undefined would fail above.
    expect(typed).toBeGreaterThan(200);
  });

  it('equals getType() for random digits in random countries, and for international and non-geographic numbers', () => {
    const countries = getCountries();
    fc.assert(
      fc.property(fc.constantFrom(...countries), fc.stringMatching(/^\d{4,13}$/), (country: CountryCode, digits) => {
        const number = parsePhoneNumberFromString(digits, country);
        if (number) expect(numberType(number)).toBe(number.getType());
      }),
      { numRuns: 3000, seed: 15 },
    );
    for (const text of ['+800 1234 5678', '+882 1234 5678', '+1 212 555 0123', '+1 800 555 0123', '+44 20 7946 0958', '+44 7700 900123', '+49 30 901820', '+49 900 1234567', '+7 701 123 4567']) {
      const number = parsePhoneNumberFromString(text)!;
      expect([text, numberType(number)]).toEqual([text, number.getType()]);
    }
  });
});

describe('parsePhone: what it refuses before asking the library', () => {
  const parts = ['+', '\uFF0B', '0', '00', '1', '49', '30', '901820', '7', ' ', '-', '(', ')', '.', '/', 'ext.', 'x', 'tel:', 'n/a', 'call me', '\u0664\u0669', '\uFF14\uFF19', '\u0967', 'a'];
  // Not ';phone-context=+49': libphonenumber-js itself answers an RFC 3966 context differently on repeated calls (1.13.16).
  it('answers as parsePhoneNumberFromString does on random text, with and without a country', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 8 }), fc.constantFrom(undefined, 'DE', 'US', 'GB', 'XX'), (pieces, country) => {
        const text = pieces.join('');
        const library = parsePhoneNumberFromString(text, country === 'DE' || country === 'US' || country === 'GB' ? { defaultCountry: country } : {});
        expect([text, country, parsePhone(text, country)?.number]).toEqual([text, country, library?.number]);
      }),
      { numRuns: 5000, seed: 15 },
    );
  });

  it('refuses text with no digit, and a number without "+" when there is no country to read it in', () => {
    expect(parsePhone('n/a', 'US')).toBeUndefined();
    expect(parsePhone('030 901820', undefined)).toBeUndefined();
    // Near misses: the same number with its country, and written internationally, are read.
    expect(parsePhone('030 901820', 'DE')?.number).toBe('+4930901820');
    expect(parsePhone('+49 30 901820', undefined)?.number).toBe('+4930901820');
  });
});
