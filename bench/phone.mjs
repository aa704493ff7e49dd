// (b) The phone check against a bare libphonenumber-js parse + isValid, on the same
// numbers and countries. Both sides use libphonenumber-js's "max" metadata, as the check
// does (src/checks/phone/parse-phone.ts imports 'libphonenumber-js/max'): with the
// default "min" metadata the baseline would be measuring a different (length-only) check.
import { Metadata, getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizeLead, phoneValidity } from '../dist/index.js';
import { runCheckDirect } from './check-context.mjs';
import { compare } from './timing.mjs';

export const title = 'phone check vs libphonenumber-js parse + isValid (max metadata)';
export const goal = { maxRatio: 1.2, text: 'phone check within 1.2x of parse + isValid' };

/**
 * @param {{ leads: object[], warmup: number, rounds: number, diagnosticLeads: number, diagnosticRounds: number }} input
 */
export async function run({ leads, warmup, rounds, diagnosticLeads, diagnosticRounds }) {
  // The check sees normalised leads (the gate normalises before any check runs), so both
  // sides get the normalised phone and country: 'de' has become 'DE', whitespace collapsed.
  const normalized = leads.map((lead) => normalizeLead(lead).lead);
  const check = phoneValidity();

  // Where the time goes first: the check's steps added one at a time, on a slice of the
  // same leads (the full set would triple the run time), with the two main sides for
  // scale. This run doubles as the warm-up of the main run.
  const slice = normalized.slice(0, diagnosticLeads);
  const diagnostic = await compare([...mainSides(check, slice), ...diagnosticSides(slice)], { ops: slice.length, warmup, rounds: diagnosticRounds });

  const main = await compare(mainSides(check, normalized), { ops: normalized.length, warmup: 0, rounds });

  // What the sides concluded, outside the timing.
  const codes = {};
  let bareValid = 0;
  for (const lead of normalized) {
    const outcome = runCheckDirect(check, lead);
    const key = outcome.findings.map((finding) => finding.code).join('+') || 'pass';
    codes[key] = (codes[key] ?? 0) + 1;
    if (parsePhoneNumberFromString(lead.phone, lead.country)?.isValid()) bareValid++;
  }

  const ratio = main['phone check'].medianNsPerOp / main['parse + isValid'].medianNsPerOp;
  return {
    title,
    subject: 'phone check',
    baseline: 'parse + isValid',
    ratio: Math.round(ratio * 1000) / 1000,
    goal: goal.text,
    goalMaxRatio: goal.maxRatio,
    met: ratio <= goal.maxRatio,
    sides: main,
    diagnostic: { leads: slice.length, baseline: 'parse + isValid', sides: diagnostic },
    outcomes: { checkCodes: codes, bareValid },
  };
}

function mainSides(check, leads) {
  const n = leads.length;
  const phones = leads.map((lead) => lead.phone);
  const countries = leads.map((lead) => lead.country);
  return [
    {
      name: 'phone check',
      pass() {
        let passed = 0;
        for (let i = 0; i < n; i++) if (runCheckDirect(check, leads[i]).status === 'pass') passed++;
        return passed;
      },
    },
    {
      name: 'parse + isValid',
      pass() {
        let valid = 0;
        for (let i = 0; i < n; i++) if (parsePhoneNumberFromString(phones[i], countries[i])?.isValid()) valid++;
        return valid;
      },
    },
  ];
}

function diagnosticSides(leads) {
  const n = leads.length;
  const phones = leads.map((lead) => lead.phone);
  const countries = leads.map((lead) => lead.country);
  return [
    {
      name: 'parse only',
      pass() {
        let parsed = 0;
        for (let i = 0; i < n; i++) if (parsePhoneNumberFromString(phones[i], countries[i])) parsed++;
        return parsed;
      },
    },
    {
      name: 'parse + isValid + getType',
      pass() {
        let typed = 0;
        for (let i = 0; i < n; i++) {
          const number = parsePhoneNumberFromString(phones[i], countries[i]);
          if (number?.isValid() && number.getType()) typed++;
        }
        return typed;
      },
    },
    {
      name: 'parse + isValid + getType + country match (replica of the check)',
      pass() {
        let matched = 0;
        for (let i = 0; i < n; i++) {
          const number = parsePhoneNumberFromString(phones[i], countries[i]);
          if (!number?.isValid()) continue;
          number.getType();
          if (countries[i] && number.country && couldBelongTo(number, countries[i])) matched++;
        }
        return matched;
      },
    },
    {
      // With max metadata, isValid() is `getNumberType(...) !== undefined`
      // (libphonenumber-js source/isValid.js), so isValid() then getType() matches the
      // type patterns twice. Asking getType() first, and isValid() only when it finds no
      // type, gives the same answers with one pass over the patterns for valid numbers.
      name: 'parse + (getType, else isValid) + country match (suggested order)',
      pass() {
        let matched = 0;
        for (let i = 0; i < n; i++) {
          const number = parsePhoneNumberFromString(phones[i], countries[i]);
          if (!number) continue;
          const type = number.getType();
          if (type === undefined && !number.isValid()) continue;
          if (countries[i] && number.country && couldBelongTo(number, countries[i])) matched++;
        }
        return matched;
      },
    },
  ];
}

// A copy of src/checks/phone/possible-countries.ts (not exported from the package), so the
// diagnostic side can time the country-match step on its own. Kept line for line: a
// `new Metadata()` per call and a scan of every country sharing the calling code.
let byCallingCode;
function possibleCountries(number) {
  const countries = new Set(number.getPossibleCountries());
  const length = number.nationalNumber.length;
  const metadata = new Metadata();
  for (const country of countriesSharing(number.countryCallingCode)) {
    metadata.selectNumberingPlan(country);
    if (metadata.numberingPlan?.possibleLengths().includes(length)) countries.add(country);
  }
  return [...countries];
}
function couldBelongTo(number, country) {
  return number.country === country || possibleCountries(number).includes(country);
}
function countriesSharing(callingCode) {
  if (!byCallingCode) {
    byCallingCode = new Map();
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country);
      byCallingCode.set(code, [...(byCallingCode.get(code) ?? []), country]);
    }
  }
  return byCallingCode.get(callingCode) ?? [];
}
