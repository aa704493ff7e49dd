import { defineCheck } from '../../core/check.js';
import { PHONE_CODES } from './codes.js';
import { resolvePhoneOptions, type PhoneValidityOptions } from './options.js';
import { parsePhone, regionOf } from './parse-phone.js';
import { couldBelongTo } from './possible-countries.js';
import { readNumber } from './validity.js';

export { PHONE_CODES, type PhoneCode } from './codes.js';
export { PHONE_NUMBER_TYPES, type PhoneValidityOptions } from './options.js';

/**
 * Checks the lead's phone number against libphonenumber's full ("max") metadata: that
 * it is a real, assigned number for its region, that it belongs to the country the lead
 * declared, and that it is a line a person answers (not premium-rate, shared-cost,
 * pager, voicemail or, for a direct line, toll-free).
 *
 * Synchronous and DOM-free, so it runs in the browser as well as on the server. The
 * evidence carries the number in E.164 form (`+4915123456789`) for the CRM, and the
 * gate digests it for the log.
 *
 * Codes: `PHONE_MISSING` (only with `required: true`), `PHONE_INVALID`,
 * `PHONE_COUNTRY_MISMATCH`, `PHONE_TYPE_SUSPECT`.
 *
 * @param options validated here; a bad option throws a `LeadGateError` naming it.
 * @example
 * createGate({ motion: 'inbound', checks: [phoneValidity({ required: true, directLine: false })] });
 */
export const phoneValidity = (options: PhoneValidityOptions = {}) => {
  const { required, suspectTypes } = resolvePhoneOptions(options);
  return defineCheck({
    id: 'phone',
    dimension: 'truth',
    runsIn: 'anywhere',
    fields: ['phone', 'country'],
    codes: PHONE_CODES,
    run(lead, ctx) {
      if (!lead.phone) {
        return required ? ctx.fail('PHONE_MISSING', { field: 'phone' }) : ctx.pass();
      }
      const number = parsePhone(lead.phone, lead.country);
      const reading = number && readNumber(number);
      if (!number || !reading || !reading.valid) {
        return ctx.fail('PHONE_INVALID', { field: 'phone' });
      }
      const { type } = reading;
      const evidence = { e164: number.number, country: number.country, type };

      // Only when both sides are known: a non-geographic number (+800, +882) has no
      // country, and a lead without one declares nothing to contradict.
      const leadCountry = regionOf(lead.country);
      if (leadCountry && number.country && !couldBelongTo(number, leadCountry)) {
        ctx.report('PHONE_COUNTRY_MISMATCH', { field: 'phone', data: { numberCountry: number.country, leadCountry } });
      }
      if (type && suspectTypes.has(type)) {
        ctx.report('PHONE_TYPE_SUSPECT', { field: 'phone', data: { type } });
      }
      return ctx.pass(evidence);
    },
  });
};
