import { consentClaims, receiptSigningInput, type ReceiptClaims } from '../checks/consent/receipt.js';
import { LeadGateError } from '../core/errors.js';
import { canonicalJson, hmacSign, randomNonce, textToBase64Url, type HmacSecret } from '../core/hmac.js';
import { normalizeLead } from '../core/lead.js';

// Signing half of the consent receipts (research compliance_source.md §1.4). Only the
// server holds the secret: a browser that could sign could sign anything (research §0.2).
// Verification lives in src/checks/consent/receipt.ts, which the consent check uses.

export { RECEIPT_FIELDS, receiptMismatches, verifyReceipt } from '../checks/consent/receipt.js';
export type { ReceiptClaims, ReceiptField, ReceiptProblem, ReceiptVerification } from '../checks/consent/receipt.js';

/** What a receipt is signed over: the lead as submitted (its `email` and `consent`); other fields are ignored. */
export interface ReceiptInput {
  email?: unknown;
  consent?: unknown;
}

/** Options for {@link signReceipt}. */
export interface SignReceiptOptions {
  /** The server's receipt secret; the consent check's `receiptSecret`. Never send it to a browser. */
  secret: HmacSecret;
  /** Clock, for tests: the receipt's `signedAt`. */
  now?: () => Date;
}

/**
 * Signs a consent receipt for a lead when the server receives it: HMAC-SHA256 (Web
 * Crypto) over the canonical JSON (RFC 8785 style) of the consent text id and hash, the
 * box states (given, renderedChecked, userInteracted, requiredToSubmit), the channels and
 * purposes, capturedAt, the page URL, the SHA-256 of the lower-cased email, and the
 * signing time. Compact form: `base64url(claims).base64url(signature)`.
 *
 * The lead is normalised first, as the gate does, so the consent check compares like
 * with like. Put the receipt in `lead.consent.receipt` and store it with the lead: a
 * consent check with the same `receiptSecret` then reports CONSENT_RECEIPT_INVALID if
 * any covered field or the email changes.
 *
 * @example
 * import { signReceipt } from 'leadgate/server';
 * const receipt = await signReceipt(body, { secret: process.env.LEADGATE_RECEIPT_SECRET! });
 * const lead = { ...body, consent: { ...body.consent, receipt } };
 */
export async function signReceipt(input: ReceiptInput, options: SignReceiptOptions): Promise<string> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new LeadGateError('signReceipt: expected the lead (an object with email and consent)', { option: 'input' });
  }
  if (options?.secret === undefined || options.secret === null || options.secret === '') {
    throw new LeadGateError('signReceipt: option "secret" is required', { option: 'secret' });
  }
  const { lead } = normalizeLead({ email: input.email, consent: input.consent });
  const claims: ReceiptClaims = {
    ...consentClaims(lead),
    v: 1,
    id: randomNonce(),
    signedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  const payload = textToBase64Url(canonicalJson(claims));
  return `${payload}.${await hmacSign(options.secret, receiptSigningInput(payload))}`;
}
