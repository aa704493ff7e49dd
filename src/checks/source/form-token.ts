import { base64UrlToText, hmacVerify, type HmacSecret } from '../../core/hmac.js';
import type { LeadStore } from '../../core/store.js';

// Verification of the signed render token (research compliance_source.md §2.5.2, after
// the avastechnology HMAC-timestamp pattern:
// https://avastechnology.com/Blog/Post/Defending-Aganist-Spambots-Form-Expirations).
// The server says when it rendered the form; the submit proves, with the server's own
// clock, how long the visitor took and that the token is used once. An unsigned client
// timestamp would prove nothing. Issuing lives in `leadgate/server` (it needs the secret
// in hand); verifying lives here because the `source` check needs it, and checks may not
// import from src/server/ (arrows point one way).

/** The default bounds: a person needs a few seconds, and a form left open for hours is re-rendered. */
export const FORM_TOKEN_DEFAULTS = Object.freeze({ minAgeMs: 3_000, maxAgeMs: 2 * 60 * 60 * 1000 });

/** What a form token carries, once verified. */
export interface FormTokenClaims {
  /** The form the token was issued for (`default` when none was named). */
  formId: string;
  /** Server time the form was rendered, ms since the epoch. */
  issuedAt: number;
  /** Unique per token: the single-use key. */
  nonce: string;
}

/** Options for {@link verifyFormToken}. */
export interface VerifyFormTokenOptions {
  secret: HmacSecret;
  /** When set, the token must have been issued for this form. */
  formId?: string;
  /** Makes the token single use (`store.seen`); without one, replays are not detected. */
  store?: LeadStore;
  /** Submitting sooner than this after the render is `too_fast`. Default 3,000 ms. */
  minAgeMs?: number;
  /** A token older than this is `expired`. Default 2 h. */
  maxAgeMs?: number;
  now?: () => Date;
}

/** Why a token was refused. `too_fast` still consumes the token: a bot does not get a second go. */
export type FormTokenProblem = 'missing' | 'malformed' | 'forged' | 'wrong_form' | 'from_the_future' | 'expired' | 'reused' | 'too_fast';

/** The outcome of {@link verifyFormToken}: valid with its claims and age, or the problem found. */
export type FormTokenResult =
  | { valid: true; claims: FormTokenClaims; ageMs: number }
  | { valid: false; problem: FormTokenProblem; claims?: FormTokenClaims; ageMs?: number };

/** The prefix of the signed message, so a form token's signature is never valid as another artefact's. */
export const FORM_TOKEN_CONTEXT = 'leadgate.form.';

// Clocks of several servers disagree by a little; a token "from the future" beyond this is forged or misconfigured.
const CLOCK_SKEW_MS = 5_000;
const MAX_TOKEN_LENGTH = 512;

/**
 * Verifies a form token: signature (constant-time), form id, age within
 * `[minAgeMs, maxAgeMs]`, and single use through the store. Never throws on a bad
 * token; a store that fails does throw, so the calling check degrades to
 * `SYSTEM_CHECK_FAILED` instead of passing a token it could not check.
 *
 * @example
 * const result = await verifyFormToken(lead.source?.formToken, { secret, formId: 'demo-request', store });
 * if (!result.valid) console.log(result.problem); // e.g. 'too_fast', 'reused'
 */
export async function verifyFormToken(token: unknown, options: VerifyFormTokenOptions): Promise<FormTokenResult> {
  if (typeof token !== 'string' || token === '') return { valid: false, problem: 'missing' };
  const parts = token.length > MAX_TOKEN_LENGTH ? [] : token.split('.');
  if (parts.length !== 2) return { valid: false, problem: 'malformed' };
  const [payload, signature] = parts as [string, string];
  if (!(await hmacVerify(options.secret, `${FORM_TOKEN_CONTEXT}${payload}`, signature))) return { valid: false, problem: 'forged' };
  const claims = readClaims(payload);
  if (!claims) return { valid: false, problem: 'malformed' };
  if (options.formId !== undefined && claims.formId !== options.formId) return { valid: false, problem: 'wrong_form', claims };
  const ageMs = (options.now?.() ?? new Date()).getTime() - claims.issuedAt;
  const minAgeMs = options.minAgeMs ?? FORM_TOKEN_DEFAULTS.minAgeMs;
  const maxAgeMs = options.maxAgeMs ?? FORM_TOKEN_DEFAULTS.maxAgeMs;
  if (ageMs < -CLOCK_SKEW_MS) return { valid: false, problem: 'from_the_future', claims, ageMs };
  if (ageMs > maxAgeMs) return { valid: false, problem: 'expired', claims, ageMs };
  // Consumed before the speed test, so a bot that submits too fast cannot retry with the same token.
  if (options.store && (await options.store.seen(`form-token:${claims.nonce}`, maxAgeMs + CLOCK_SKEW_MS))) {
    return { valid: false, problem: 'reused', claims, ageMs };
  }
  if (ageMs < minAgeMs) return { valid: false, problem: 'too_fast', claims, ageMs };
  return { valid: true, claims, ageMs };
}

function readClaims(payload: string): FormTokenClaims | undefined {
  const text = base64UrlToText(payload);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { f?: unknown; i?: unknown; n?: unknown };
    if (typeof value.f !== 'string' || typeof value.n !== 'string' || typeof value.i !== 'number' || !Number.isFinite(value.i)) return undefined;
    return { formId: value.f, issuedAt: value.i, nonce: value.n };
  } catch {
    return undefined;
  }
}
