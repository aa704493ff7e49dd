import type { Lead } from '../../core/lead.js';
import { analyzeEmail } from '../email/analyze.js';
import { parsePhone } from '../phone/parse-phone.js';
import { readNumber } from '../phone/validity.js';

// The values that identify a person (or their company) across submissions, for the
// duplicate and velocity rules (research compliance_source.md §2.4). They only ever
// leave this module as salted digests: the store never holds an address or a number.

/** Providers that ignore dots in the local part and treat googlemail.com as gmail.com. */
const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

/**
 * An email address in the form used to tell one person from another, never to send
 * mail: lower case; for gmail.com and googlemail.com the dots and the `+tag` of the
 * local part removed and the domain unified to gmail.com; for every other provider only
 * the `+tag` removed (research §2.4, https://www.vcharts.net/en/help/email-alias).
 * `undefined` when the address is not a valid one.
 *
 * @example
 * dedupeEmail('Jane.Doe+news@GoogleMail.com') // 'janedoe@gmail.com'
 * dedupeEmail('jane.doe+crm@acme.com')        // 'jane.doe@acme.com'
 */
export function dedupeEmail(email: string): string | undefined {
  const analysis = analyzeEmail(email);
  if (!analysis.valid) return undefined;
  let local = analysis.local.toLowerCase();
  let domain = analysis.domain;
  const plus = local.indexOf('+');
  // A local part that starts with "+" has no tag to strip, only a name.
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/** The keys one lead gives: each `undefined` when the lead has no usable value. */
export interface PersonKeys {
  /** {@link dedupeEmail} of the lead's address. */
  email?: string;
  /** The phone in E.164 (`+4930901820`), so formatting never splits one person in two. */
  phone?: string;
  /** The email's domain when it is a company's: free-mail and disposable domains are shared by strangers. */
  domain?: string;
}

/** Reads the person keys of a lead. Pure; never throws on a malformed lead. */
export function personKeys(lead: Lead): PersonKeys {
  const keys: PersonKeys = {};
  if (typeof lead.email === 'string') {
    const analysis = analyzeEmail(lead.email);
    if (analysis.valid) {
      keys.email = dedupeEmail(lead.email);
      if (!analysis.free && !analysis.disposable) keys.domain = analysis.domain;
    }
  }
  if (typeof lead.phone === 'string') {
    const number = parsePhone(lead.phone, lead.country);
    if (number && readNumber(number).valid) keys.phone = number.number;
  }
  return keys;
}
