import { canonicalJson, hmacVerify, isCanonicalSignature, type HmacSecret } from '../../core/hmac.js';
import { sha256Hex } from '../../core/digest.js';
import type { Lead } from '../../core/lead.js';
import type { LeadStore } from '../../core/store.js';

// Signed partner tokens, modelled on Standard Webhooks (research compliance_source.md
// §2.2, SV-04: https://dev.to/shannonllc/standard-webhooks-explained-headers-signature-scheme-and-libraries-1c0g ;
// https://signatureapi.com/docs/api/guides/how-to/verify-webhooks): HMAC-SHA256 over
// `id.timestamp.body`, a tolerance of ±5 minutes, a constant-time compare, several
// signatures for key rotation, and each token accepted once.
//
// The token travels inside the lead (`source.partnerToken`) rather than in HTTP headers,
// so a JSONL file of partner leads carries one token per lead and the same check verifies
// a single POST and a batch alike. The body is therefore the canonical JSON (RFC 8785
// style) of the lead WITHOUT its `source.partnerToken`, as the gate normalises it.
//
// Wire format: `t=<unix seconds>,v1=<signature>[,v1=<signature>…]`, in the style of
// Stripe's `Stripe-Signature` header; a signature is base64url or base64 of the 32 bytes.

/** How far the token's timestamp may be from the receive time: ±300 s, as Standard Webhooks. */
export const PARTNER_TOKEN_TOLERANCE_MS = 300_000;

/** A partner's verification material: one secret, or several while a key is rotated. */
export interface PartnerEntry {
  secret: HmacSecret | readonly HmacSecret[];
  /** `false` refuses the partner's tokens (contract ended) without deleting its secret. Default true. */
  active?: boolean;
}

/**
 * Where partner secrets come from: a table by partner id, or a lookup (a database, a
 * secrets manager). A lookup that throws makes the check fail (`SYSTEM_CHECK_FAILED`).
 */
export type PartnerDirectory =
  | Readonly<Record<string, PartnerEntry>>
  | ((partnerId: string) => PartnerEntry | undefined | Promise<PartnerEntry | undefined>);

/** Why a partner token was refused. */
export type PartnerTokenProblem =
  | 'missing'
  | 'malformed'
  | 'no_partner_id'
  | 'unknown_partner'
  | 'inactive_partner'
  | 'forged'
  | 'expired'
  | 'from_the_future'
  | 'reused';

/** The outcome of a partner token verification. */
export type PartnerTokenResult =
  | { valid: true; partnerId: string; timestamp: number; singleUse: boolean }
  | { valid: false; problem: PartnerTokenProblem; partnerId?: string; timestamp?: number };

const MAX_TOKEN_LENGTH = 600;
const MAX_SIGNATURES = 4;

/** The lead as it is signed: a copy without `source.partnerToken`. */
export function unsignedLead(lead: Lead): Lead {
  const source = lead.source;
  if (!source || !Object.hasOwn(source, 'partnerToken')) return lead;
  const { partnerToken: _token, ...rest } = source;
  return { ...lead, source: rest };
}

/** The exact string a partner signs: `partnerId.timestamp.canonicalJson(lead without its token)`. */
export function partnerSigningPayload(lead: Lead, partnerId: string, timestamp: number): string {
  return `${partnerId}.${timestamp}.${canonicalJson(unsignedLead(lead))}`;
}

/** Reads `t=<unix seconds>,v1=<sig>[,v1=<sig>]`; `undefined` when it is not that. */
export function parsePartnerToken(token: string): { timestamp: number; signatures: string[] } | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of token.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (name === 'v1') {
      // Standard Webhooks libraries emit base64; ours emits base64url. Both name the same bytes.
      const signature = value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      if (!isCanonicalSignature(signature)) return undefined;
      if (!signatures.includes(signature)) signatures.push(signature);
    }
    // Other names (v2 schemes, later additions) are ignored, as Standard Webhooks asks.
  }
  if (timestamp === undefined || signatures.length === 0 || signatures.length > MAX_SIGNATURES) return undefined;
  return { timestamp, signatures };
}

/** Options of {@link verifyLeadPartnerToken}. */
export interface VerifyPartnerTokenOptions {
  partners: PartnerDirectory;
  /** Makes the token single use (`store.seen`); without one, replays are not detected. */
  store?: LeadStore;
  /** The receive time the timestamp is compared with. */
  now?: () => Date;
  /** Default {@link PARTNER_TOKEN_TOLERANCE_MS}. */
  toleranceMs?: number;
  /** Prefix of the single-use store key. Default `source`. */
  keyPrefix?: string;
}

/**
 * Verifies `lead.source.partnerToken` for `lead.source.partnerId` on a lead as the gate
 * normalised it. Never throws on a bad token; a store or a partner lookup that fails
 * does, so the calling check becomes `SYSTEM_CHECK_FAILED` rather than passing a token
 * it could not check.
 */
export async function verifyLeadPartnerToken(lead: Lead, options: VerifyPartnerTokenOptions): Promise<PartnerTokenResult> {
  const source = lead.source ?? {};
  const token = source.partnerToken;
  const partnerId = typeof source.partnerId === 'string' && source.partnerId !== '' ? source.partnerId : undefined;
  if (token === undefined || token === '') return partnerId ? { valid: false, problem: 'missing', partnerId } : { valid: false, problem: 'missing' };
  if (!partnerId) return { valid: false, problem: 'no_partner_id' };
  const parsed = typeof token === 'string' ? parsePartnerToken(token) : undefined;
  if (!parsed) return { valid: false, problem: 'malformed', partnerId };
  const { timestamp, signatures } = parsed;

  const entry = await lookUp(options.partners, partnerId);
  if (!entry) return { valid: false, problem: 'unknown_partner', partnerId, timestamp };
  if (entry.active === false) return { valid: false, problem: 'inactive_partner', partnerId, timestamp };

  const message = partnerSigningPayload(lead, partnerId, timestamp);
  const secrets = Array.isArray(entry.secret) ? (entry.secret as readonly HmacSecret[]) : [entry.secret as HmacSecret];
  let authentic = false;
  // Every pair is tried, with no early exit on a near match; each compare is Web Crypto's constant-time verify.
  for (const secret of secrets) {
    for (const signature of signatures) {
      if (await hmacVerify(secret, message, signature)) authentic = true;
    }
  }
  if (!authentic) return { valid: false, problem: 'forged', partnerId, timestamp };

  const toleranceMs = options.toleranceMs ?? PARTNER_TOKEN_TOLERANCE_MS;
  const skewMs = (options.now?.() ?? new Date()).getTime() - timestamp * 1000;
  if (skewMs > toleranceMs) return { valid: false, problem: 'expired', partnerId, timestamp };
  if (skewMs < -toleranceMs) return { valid: false, problem: 'from_the_future', partnerId, timestamp };

  if (!options.store) return { valid: true, partnerId, timestamp, singleUse: false };
  // The key is the digest of what was signed, not of one signature: a token re-sent with
  // another of its rotation signatures is the same token. A token is only acceptable
  // within ±tolerance of its timestamp, so remembering it for twice that covers its life.
  const key = `${options.keyPrefix ?? 'source'}:partner-token:${sha256Hex(message)}`;
  if (await options.store.seen(key, 2 * toleranceMs)) return { valid: false, problem: 'reused', partnerId, timestamp };
  return { valid: true, partnerId, timestamp, singleUse: true };
}

async function lookUp(partners: PartnerDirectory, partnerId: string): Promise<PartnerEntry | undefined> {
  if (typeof partners === 'function') {
    const entry = await partners(partnerId);
    if (entry !== undefined && (typeof entry !== 'object' || entry === null || !('secret' in entry))) {
      throw new TypeError('sourceVerification: the partners lookup must resolve to { secret } or undefined');
    }
    return entry;
  }
  // Own keys only: a partner id of "constructor" must not find Object.prototype's.
  return Object.hasOwn(partners, partnerId) ? partners[partnerId] : undefined;
}
