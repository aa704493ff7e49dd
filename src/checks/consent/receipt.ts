import { sha256Hex } from '../../core/digest.js';
import { base64UrlToText, canonicalJson, hmacVerify, type HmacSecret } from '../../core/hmac.js';
import { readConsent } from './read-consent.js';

// Consent receipts (research §1.4): the server signs what the form recorded, so the
// record cannot be edited or moved to another lead afterwards. This file holds what
// verification needs and is safe in any bundle; signing (which needs the secret at
// hand) is `signReceipt` in src/server/receipt.ts, the `leadgate/server` entry.
// Format: base64url(canonical JSON of the claims) "." base64url(HMAC-SHA256).

/** The consent fields a receipt covers, in the order mismatches are reported. */
export const RECEIPT_FIELDS = [
  'textId',
  'textHash',
  'given',
  'renderedChecked',
  'userInteracted',
  'requiredToSubmit',
  'channels',
  'purposes',
  'capturedAt',
  'pageUrl',
  'emailSha256',
] as const;

export type ReceiptField = (typeof RECEIPT_FIELDS)[number];

/** What a consent receipt says, once verified. Absent fields were absent when it was signed. */
export interface ReceiptClaims {
  /** Format version. */
  v: 1;
  /** Random id of this receipt, for the audit trail. */
  id: string;
  /** ISO 8601 server time of signing (the server's `receivedAt`). */
  signedAt: string;
  textId?: string;
  /** SHA-256 (hex) of the consent text shown. */
  textHash?: string;
  given?: boolean;
  renderedChecked?: boolean;
  userInteracted?: boolean;
  requiredToSubmit?: boolean;
  /** Sorted. */
  channels?: string[];
  /** Sorted. */
  purposes?: string[];
  capturedAt?: string;
  pageUrl?: string;
  /** SHA-256 (hex) of the trimmed, lower-cased email: binds the receipt to one person. */
  emailSha256?: string;
}

/** The covered part of the claims, as computed from a lead. */
export type ConsentClaims = Partial<Pick<ReceiptClaims, ReceiptField>>;

/** Why a receipt was refused. */
export type ReceiptProblem = 'missing' | 'malformed' | 'forged';

/** What {@link verifyReceipt} concluded. */
export type ReceiptVerification = { valid: true; claims: ReceiptClaims } | { valid: false; problem: ReceiptProblem };

// Domain separation: a form token or a partner token signed with the same secret is never a receipt.
const SIGNING_CONTEXT = 'leadgate.receipt.v1.';
const MAX_RECEIPT_LENGTH = 8192;

/** The string the HMAC is computed over, for a base64url payload. */
export function receiptSigningInput(payload: string): string {
  return SIGNING_CONTEXT + payload;
}

/**
 * The covered fields of a (normalised) lead: its consent record read defensively, and
 * the SHA-256 of its email. `signReceipt` signs these; the consent check recomputes them
 * from the lead it sees and compares.
 */
export function consentClaims(lead: { email?: unknown; consent?: unknown }): ConsentClaims {
  const consent = readConsent(lead.consent) ?? {};
  const claims: ConsentClaims = {};
  for (const key of ['textId', 'textHash', 'capturedAt', 'pageUrl'] as const) if (consent[key] !== undefined) claims[key] = consent[key];
  for (const key of ['given', 'renderedChecked', 'userInteracted', 'requiredToSubmit'] as const) if (consent[key] !== undefined) claims[key] = consent[key];
  if (consent.channels) claims.channels = [...consent.channels].sort();
  if (consent.purposes) claims.purposes = [...new Set(consent.purposes)].sort();
  if (typeof lead.email === 'string' && lead.email.trim() !== '') claims.emailSha256 = sha256Hex(lead.email.trim().toLowerCase());
  return claims;
}

/**
 * Verifies a receipt's signature (constant time, Web Crypto) and shape. Never throws on
 * a bad receipt. A valid receipt still has to match the lead: see {@link receiptMismatches}.
 *
 * @example
 * const result = await verifyReceipt(lead.consent.receipt, { secret: process.env.LEADGATE_RECEIPT_SECRET! });
 * if (result.valid) console.log(result.claims.signedAt);
 */
export async function verifyReceipt(receipt: unknown, options: { secret: HmacSecret }): Promise<ReceiptVerification> {
  if (typeof receipt !== 'string' || receipt === '') return { valid: false, problem: 'missing' };
  const parts = receipt.length > MAX_RECEIPT_LENGTH ? [] : receipt.split('.');
  if (parts.length !== 2) return { valid: false, problem: 'malformed' };
  const [payload, signature] = parts as [string, string];
  if (!(await hmacVerify(options.secret, receiptSigningInput(payload), signature))) return { valid: false, problem: 'forged' };
  const claims = readClaims(payload);
  return claims ? { valid: true, claims } : { valid: false, problem: 'malformed' };
}

/** The covered fields whose signed value differs from the lead's current one (`[]` when it matches). */
export function receiptMismatches(claims: ReceiptClaims, lead: { email?: unknown; consent?: unknown }): ReceiptField[] {
  const current = consentClaims(lead);
  return RECEIPT_FIELDS.filter((field) => canonicalJson(claims[field] ?? null) !== canonicalJson(current[field] ?? null));
}

function readClaims(payload: string): ReceiptClaims | undefined {
  const text = base64UrlToText(payload);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.v !== 1 || typeof record.id !== 'string' || typeof record.signedAt !== 'string') return undefined;
  const strings = ['textId', 'textHash', 'capturedAt', 'pageUrl', 'emailSha256'];
  const booleans = ['given', 'renderedChecked', 'userInteracted', 'requiredToSubmit'];
  for (const key of strings) if (record[key] !== undefined && typeof record[key] !== 'string') return undefined;
  for (const key of booleans) if (record[key] !== undefined && typeof record[key] !== 'boolean') return undefined;
  for (const key of ['channels', 'purposes']) {
    const list = record[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === 'string'))) return undefined;
  }
  return record as unknown as ReceiptClaims;
}
