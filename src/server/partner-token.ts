import { hmacSign, type HmacSecret } from '../core/hmac.js';
import { LeadGateError } from '../core/errors.js';
import { normalizeLead } from '../core/lead.js';
import type { LeadStore } from '../core/store.js';
import {
  partnerSigningPayload,
  verifyLeadPartnerToken,
  type PartnerDirectory,
  type PartnerTokenResult,
} from '../checks/source/partner-token.js';

// Partner side of the signed partner tokens (research compliance_source.md §2.2, after
// Standard Webhooks). Verification lives with the `source` check
// (src/checks/source/partner-token.ts); signing needs a partner's secret, so it lives here.

export { PARTNER_TOKEN_TOLERANCE_MS, parsePartnerToken, partnerSigningPayload } from '../checks/source/partner-token.js';
export type { PartnerDirectory, PartnerEntry, PartnerTokenProblem, PartnerTokenResult } from '../checks/source/partner-token.js';

/** Options for {@link signPartnerToken}. */
export interface SignPartnerTokenOptions {
  /** The partner's id, as the lead carries it in `source.partnerId`. */
  partnerId: string;
  /** The partner's secret; several (during a key rotation) give one `v1=` signature each. */
  secret: HmacSecret | readonly HmacSecret[];
  /** When the lead is signed: a Date, or unix seconds. Default now. Sign just before sending. */
  timestamp?: Date | number;
}

/**
 * Signs a lead for a partner feed: returns `t=<unix seconds>,v1=<base64url HMAC-SHA256>`
 * over `partnerId.timestamp.canonicalJson(lead)`, for the lead's `source.partnerToken`.
 * The lead is normalised first exactly as the gate normalises it (trimmed strings, email
 * domain in lower case, unknown keys under `custom`), and any `source.partnerToken` it
 * already has is left out, so the gate computes the same bytes on arrival. A partner
 * that signs in another language must produce the same canonical JSON (RFC 8785 style:
 * sorted keys, no whitespace) of the same normalised lead.
 *
 * @throws LeadGateError when `partnerId` is empty or differs from the lead's `source.partnerId`.
 * @example
 * const lead = { email: 'jane@acme.com', source: { partnerId: 'acme-reseller', utm_source: 'acme' } };
 * lead.source.partnerToken = await signPartnerToken(lead, { partnerId: 'acme-reseller', secret: process.env.PARTNER_SECRET! });
 * await fetch('https://leads.example.com/leads', { method: 'POST', body: JSON.stringify(lead) });
 */
export async function signPartnerToken(lead: unknown, options: SignPartnerTokenOptions): Promise<string> {
  const { partnerId } = options;
  if (typeof partnerId !== 'string' || partnerId.trim() === '' || partnerId !== partnerId.trim()) {
    throw new LeadGateError('signPartnerToken: option "partnerId" must be a non-empty string without surrounding spaces', { option: 'partnerId' });
  }
  const normalized = normalizeLead(lead).lead;
  if (normalized.source?.partnerId !== partnerId) {
    throw new LeadGateError(`signPartnerToken: option "partnerId" must equal the lead's source.partnerId (the gate verifies the token for the partner the lead names)`, { option: 'partnerId' });
  }
  const timestamp = unixSeconds(options.timestamp);
  const message = partnerSigningPayload(normalized, partnerId, timestamp);
  const secrets = Array.isArray(options.secret) ? (options.secret as readonly HmacSecret[]) : [options.secret as HmacSecret];
  if (secrets.length === 0) throw new LeadGateError('signPartnerToken: option "secret" needs at least one secret', { option: 'secret' });
  const signatures = await Promise.all(secrets.map((secret) => hmacSign(secret, message)));
  return [`t=${timestamp}`, ...signatures.map((signature) => `v1=${signature}`)].join(',');
}

/** Options for {@link verifyPartnerToken}. */
export interface VerifyPartnerTokenOptions {
  partners: PartnerDirectory;
  /** Makes the token single use (`store.seen`); without one, replays are not detected. */
  store?: LeadStore;
  /** The receive time. Default now. */
  now?: () => Date;
  /** Default 300,000 ms (±5 minutes). */
  toleranceMs?: number;
}

/**
 * Verifies a lead's `source.partnerToken` outside a gate (a partner's own test suite, a
 * webhook relay). The `source` check does the same inside a gate. Never throws on a bad
 * token; a failing store or partner lookup does.
 *
 * @example
 * const result = await verifyPartnerToken(lead, { partners: { 'acme-reseller': { secret } } });
 * result.valid || console.log(result.problem); // 'forged', 'expired', 'reused', …
 */
export function verifyPartnerToken(lead: unknown, options: VerifyPartnerTokenOptions): Promise<PartnerTokenResult> {
  return verifyLeadPartnerToken(normalizeLead(lead).lead, options);
}

function unixSeconds(timestamp: Date | number | undefined): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new LeadGateError('signPartnerToken: option "timestamp" must be a Date or whole unix seconds', { option: 'timestamp' });
  }
  return seconds;
}
