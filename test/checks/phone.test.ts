import { getExampleNumber } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { phoneValidity, PHONE_CODES, type PhoneValidityOptions } from '../../src/checks/phone/index.js';
import { isLeadGateError, LeadGateError } from '../../src/core/errors.js';
import { runCheck, syncContext } from '../helpers/run-check.js';

// Numbers that libphonenumber's max metadata accepts as valid, with the type it gives them.
const DE_MOBILE = '+49 151 23456789'; // MOBILE
const US_LINE = '+1 212 736 5000'; // FIXED_LINE_OR_MOBILE (Manhattan)
const CA_LINE = '+1 416 967 1111'; // FIXED_LINE_OR_MOBILE (Toronto)
const GB_LINE = '+44 20 7946 0018'; // FIXED_LINE (London)
const JE_LINE = '+44 1534 456789'; // FIXED_LINE (Jersey)
const GB_PREMIUM = '+44 909 876 5432'; // PREMIUM_RATE
const DE_SHARED_COST = '+49 180 2 123456'; // SHARED_COST
const US_TOLL_FREE = '+1 800 234 5678'; // TOLL_FREE
const GB_TOLL_FREE = '+44 800 123 4567'; // TOLL_FREE
const UNIVERSAL_FREEPHONE = '+800 1234 5678'; // TOLL_FREE, non-geographic
const KZ_MOBILE = '+7 701 123 4567'; // MOBILE, shares +7 with RU

const check = (options?: PhoneValidityOptions) => phoneValidity(options);

describe('phoneValidity', () => {
  it('declares the contract the gate and the DOM binding rely on', () => {
    const phone = check();
    expect(phone.id).toBe('phone');
    expect(phone.dimension).toBe('truth');
    expect(phone.runsIn).toBe('anywhere');
    expect(phone.fields).toEqual(['phone', 'country']);
    expect(phone.async).toBe(false);
    expect(Object.keys(phone.codes).sort()).toEqual(
      ['PHONE_COUNTRY_MISMATCH', 'PHONE_INVALID', 'PHONE_MISSING', 'PHONE_TYPE_SUSPECT'],
    );
  });

  it('gives every code a non-empty message, meaning and fix', () => {
    for (const spec of Object.values(check().codes)) {
      expect(spec.message.trim()).not.toBe('');
      expect(spec.meaning?.trim()).toBeTruthy();
      expect(spec.fix?.trim()).toBeTruthy();
    }
    expect(Object.keys(PHONE_CODES)).toHaveLength(4);
  });

  it('runs synchronously (usable by validateSync)', () => {
    const outcome = check().run({ phone: DE_MOBILE, country: 'DE' }, syncContext());
    expect(outcome).not.toBeInstanceOf(Promise);
  });

  describe('a valid number', () => {
    it('passes a German mobile with country DE, with E.164 evidence', async () => {
      const outcome = await runCheck(check(), { phone: DE_MOBILE, country: 'DE' });
      expect(outcome.status).toBe('pass');
      expect(outcome.codes).toEqual([]);
      expect(outcome.evidence).toEqual({ e164: '+4915123456789', country: 'DE', type: 'MOBILE' });
    });

    it('passes the example mobile number of several countries', async () => {
      for (const country of ['DE', 'FR', 'GB', 'US', 'IN', 'BR', 'JP'] as const) {
        const example = getExampleNumber(country, mobileExamples)!;
        const outcome = await runCheck(check(), { phone: example.formatInternational(), country });
        expect(outcome.codes, country).toEqual([]);
        expect(outcome.evidence?.e164, country).toBe(example.number);
      }
    });

    it('reads a national number (no +) in the lead\'s country', async () => {
      const outcome = await runCheck(check(), { phone: '0151 23456789', country: 'DE' });
      expect(outcome.codes).toEqual([]);
      expect(outcome.evidence).toMatchObject({ e164: '+4915123456789', country: 'DE' });
    });

    it('reads the 00 international prefix with the lead\'s country', async () => {
      const outcome = await runCheck(check(), { phone: '0044 20 7946 0018', country: 'GB' });
      expect(outcome.codes).toEqual([]);
      expect(outcome.evidence?.e164).toBe('+442079460018');
    });

    it('accepts common punctuation and a trunk prefix in brackets', async () => {
      for (const phone of ['+49-151-234-56789', '+49 (0)151 23456789', '+49.151.23456789']) {
        const outcome = await runCheck(check(), { phone, country: 'DE' });
        expect(outcome.codes, phone).toEqual([]);
        expect(outcome.evidence?.e164, phone).toBe('+4915123456789');
      }
    });

    it('reads a number with + as international, whatever the lead\'s country', async () => {
      const outcome = await runCheck(check(), { phone: US_LINE, country: 'CA' });
      expect(outcome.evidence).toEqual({ e164: '+12127365000', country: 'US', type: 'FIXED_LINE_OR_MOBILE' });
    });
  });

  describe('PHONE_MISSING', () => {
    it('is reported when required and the phone is absent or blank', async () => {
      expect((await runCheck(check({ required: true }), { country: 'DE' })).codes).toEqual(['PHONE_MISSING']);
      expect((await runCheck(check({ required: true }), { phone: '   ', country: 'DE' })).codes).toEqual(['PHONE_MISSING']);
    });

    it('is not reported when phone is optional (the default)', async () => {
      const outcome = await runCheck(check(), { country: 'DE' });
      expect(outcome.status).toBe('pass');
      expect(outcome.codes).toEqual([]);
    });

    it('is not reported when required and present', async () => {
      expect((await runCheck(check({ required: true }), { phone: DE_MOBILE, country: 'DE' })).codes).toEqual([]);
    });
  });

  describe('PHONE_INVALID', () => {
    it.each([
      ['abc', 'DE'],
      ['123', 'DE'],
      ['123', undefined],
      ['+', undefined],
      ['+49 151', 'DE'], // too short
      ['+49 151 234567890123', 'DE'], // too long
      ['+1 876 123 4567', 'JM'], // right length, unassigned prefix: max metadata rejects it
      ['0151 23456789', undefined], // national number, no country to read it in
      ['06 12 34 56 78', 'US'], // a French national number read in the US
    ])('is reported for %j (country %s)', async (phone, country) => {
      const outcome = await runCheck(check(), { phone, country });
      expect(outcome.codes).toEqual(['PHONE_INVALID']);
      expect(outcome.findings[0]?.field).toBe('phone');
    });

    it('stops there: no mismatch or type finding on an invalid number', async () => {
      const outcome = await runCheck(check(), { phone: '+44 909 876', country: 'DE' });
      expect(outcome.codes).toEqual(['PHONE_INVALID']);
    });

    it('is not reported for the near miss: the same national number with its country', async () => {
      expect((await runCheck(check(), { phone: '212 736 5000', country: 'US' })).codes).toEqual([]);
      expect((await runCheck(check(), { phone: '06 12 34 56 78', country: 'FR' })).codes).toEqual([]);
      expect((await runCheck(check(), { phone: '+1 876 924 5555', country: 'JM' })).codes).toEqual([]);
    });
  });

  describe('PHONE_COUNTRY_MISMATCH', () => {
    it('is reported for a GB number on a lead from DE, with both countries as data', async () => {
      const outcome = await runCheck(check(), { phone: GB_LINE, country: 'DE' });
      expect(outcome.status).toBe('fail');
      expect(outcome.codes).toEqual(['PHONE_COUNTRY_MISMATCH']);
      expect(outcome.findings[0]).toMatchObject({ field: 'phone', data: { numberCountry: 'GB', leadCountry: 'DE' } });
      expect(outcome.evidence).toMatchObject({ e164: '+442079460018', country: 'GB' });
    });

    it('is reported for a German mobile on a lead from the US', async () => {
      expect((await runCheck(check(), { phone: DE_MOBILE, country: 'US' })).codes).toEqual(['PHONE_COUNTRY_MISMATCH']);
    });

    it('is not reported inside a shared calling code', async () => {
      expect((await runCheck(check(), { phone: US_LINE, country: 'CA' })).codes).toEqual([]); // NANP
      expect((await runCheck(check(), { phone: CA_LINE, country: 'US' })).codes).toEqual([]); // NANP
      expect((await runCheck(check(), { phone: GB_LINE, country: 'JE' })).codes).toEqual([]); // +44
      expect((await runCheck(check(), { phone: JE_LINE, country: 'GB' })).codes).toEqual([]); // +44
      expect((await runCheck(check(), { phone: KZ_MOBILE, country: 'RU' })).codes).toEqual([]); // +7
    });

    it('is not checked when the lead has no country, or the number has none', async () => {
      expect((await runCheck(check(), { phone: GB_LINE })).codes).toEqual([]);
      const freephone = await runCheck(check({ directLine: false }), { phone: UNIVERSAL_FREEPHONE, country: 'DE' });
      expect(freephone.codes).toEqual([]);
      expect(freephone.evidence).toMatchObject({ e164: '+80012345678', type: 'TOLL_FREE' });
    });

    it('is not checked when the lead\'s country has no numbering plan', async () => {
      expect((await runCheck(check(), { phone: GB_LINE, country: 'XX' })).codes).toEqual([]);
    });
  });

  describe('PHONE_TYPE_SUSPECT', () => {
    it('is reported for a premium-rate number, with its type as data', async () => {
      const outcome = await runCheck(check(), { phone: GB_PREMIUM, country: 'GB' });
      expect(outcome.codes).toEqual(['PHONE_TYPE_SUSPECT']);
      expect(outcome.findings[0]).toMatchObject({ field: 'phone', data: { type: 'PREMIUM_RATE' } });
      expect(outcome.evidence).toEqual({ e164: '+449098765432', country: 'GB', type: 'PREMIUM_RATE' });
    });

    it('is reported for a shared-cost number', async () => {
      const outcome = await runCheck(check(), { phone: DE_SHARED_COST, country: 'DE' });
      expect(outcome.findings).toMatchObject([{ code: 'PHONE_TYPE_SUSPECT', data: { type: 'SHARED_COST' } }]);
    });

    it('is reported for a toll-free number by default (the form asks for a direct line)', async () => {
      expect((await runCheck(check(), { phone: US_TOLL_FREE, country: 'US' })).codes).toEqual(['PHONE_TYPE_SUSPECT']);
      expect((await runCheck(check(), { phone: GB_TOLL_FREE, country: 'GB' })).codes).toEqual(['PHONE_TYPE_SUSPECT']);
    });

    it('is not reported for a toll-free number with directLine: false', async () => {
      expect((await runCheck(check({ directLine: false }), { phone: US_TOLL_FREE, country: 'US' })).codes).toEqual([]);
      // premium rate stays suspect
      expect((await runCheck(check({ directLine: false }), { phone: GB_PREMIUM, country: 'GB' })).codes).toEqual(['PHONE_TYPE_SUSPECT']);
    });

    it('is not reported for a fixed line or mobile', async () => {
      expect((await runCheck(check(), { phone: GB_LINE, country: 'GB' })).codes).toEqual([]);
      expect((await runCheck(check(), { phone: DE_MOBILE, country: 'DE' })).codes).toEqual([]);
    });

    it('uses suspectTypes when given, replacing the default', async () => {
      const mobileOnly = check({ suspectTypes: ['MOBILE'] });
      expect((await runCheck(mobileOnly, { phone: DE_MOBILE, country: 'DE' })).codes).toEqual(['PHONE_TYPE_SUSPECT']);
      expect((await runCheck(mobileOnly, { phone: GB_PREMIUM, country: 'GB' })).codes).toEqual([]);
      expect((await runCheck(check({ suspectTypes: [] }), { phone: GB_PREMIUM, country: 'GB' })).codes).toEqual([]);
    });

    it('is reported together with a country mismatch', async () => {
      const outcome = await runCheck(check(), { phone: GB_PREMIUM, country: 'DE' });
      expect(outcome.codes).toEqual(['PHONE_COUNTRY_MISMATCH', 'PHONE_TYPE_SUSPECT']);
    });
  });

  describe('options', () => {
    it.each([
      [{ required: 'yes' }, 'required'],
      [{ directLine: 1 }, 'directLine'],
      [{ suspectTypes: 'PREMIUM_RATE' }, 'suspectTypes'],
      [{ suspectTypes: ['PREMIUM'] }, 'suspectTypes'],
      [{ suspectType: ['PREMIUM_RATE'] }, 'suspectType'],
      [{ directLine: false, suspectTypes: ['TOLL_FREE'] }, 'directLine'],
    ])('rejects %j at factory time, naming the option', (options, option) => {
      let thrown: unknown;
      try {
        phoneValidity(options as unknown as PhoneValidityOptions);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(LeadGateError);
      expect(isLeadGateError(thrown) && thrown.option).toBe(option);
      expect((thrown as Error).message).toContain(`"${option}"`);
    });

    it('rejects options that are not an object', () => {
      expect(() => phoneValidity(null as unknown as PhoneValidityOptions)).toThrow(LeadGateError);
      expect(() => phoneValidity('strict' as unknown as PhoneValidityOptions)).toThrow(LeadGateError);
    });

    it('accepts no options, empty options and every documented option', () => {
      expect(() => phoneValidity()).not.toThrow();
      expect(() => phoneValidity({})).not.toThrow();
      expect(() => phoneValidity({ required: true, directLine: false, suspectTypes: ['PREMIUM_RATE', 'VOIP'] })).not.toThrow();
    });
  });
});
