import { LeadGateError } from '../core/errors.js';
import { fromBase64Url, hmacSign, hmacVerify, toBase64Url } from '../core/hmac.js';
import { memoryStore, LEAD_STORE_METHODS, type LeadStore } from '../core/store.js';
import { parseOutcome, type OutcomeRecord } from '../outcomes/record.js';
import type { OutcomeStore } from '../outcomes/store.js';
import type { HeaderReader, IncomingRequest } from './incoming.js';
import { problem, problemResponse } from './problem.js';
import { bodyKind } from './request-body.js';

// `POST /outcomes`: CRM webhooks carrying sales outcomes (issue 13 §2), authenticated
// as Standard Webhooks specifies (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md,
// research compliance_source.md §2.2, the scheme the partner tokens follow):
// - headers `webhook-id`, `webhook-timestamp` (unix seconds), `webhook-signature`
//   (space-separated `v1,<base64 HMAC-SHA256>`; several while a secret is rotated);
// - the signed content is `<id>.<timestamp>.<raw body>`;
// - the secret is `whsec_<base64 of the key bytes>`;
// - a timestamp more than 5 minutes from now is refused, and so is an id seen before.

/** How far `webhook-timestamp` may be from the receive time: ±300 s, as Standard Webhooks. */
export const OUTCOME_WEBHOOK_TOLERANCE_MS = 300_000;
const DEFAULT_MAX_BODY = 1024 * 1024;
const DEFAULT_MAX_RECORDS = 1000;
const MAX_SIGNATURES = 8;
const WEBHOOK_ID = /^[\x21-\x7e]{1,200}$/;

/** Options of `createHandler`'s `outcomes`: enables `POST /outcomes`. */
export interface OutcomesRouteOptions {
  /** The shared secret(s), `whsec_<base64>` as Standard Webhooks tools generate them; several while one is rotated. */
  secret: string | readonly string[];
  /** Where the outcomes go: `memoryOutcomeStore()`, `jsonlOutcomeStore(path)`, `redisOutcomeStore(client)`. */
  store: OutcomeStore;
  /**
   * Remembers webhook ids so a replay is refused (`seen`, for twice the tolerance). Give
   * the gate's shared store (e.g. `redisStore`) when several servers receive webhooks.
   * Default: an in-process `memoryStore()`.
   */
  replayStore?: LeadStore;
  /** Default 300,000 ms (±5 minutes). */
  toleranceMs?: number;
  /** Largest body, bytes. Default 1 MiB (a CRM batches up to a few hundred records). */
  maxBodyBytes?: number;
  /** Most records in one body. Default 1,000. */
  maxRecords?: number;
}

/** The route the handler mounts: `(request, now) => Response`. */
export type OutcomesRoute = (request: IncomingRequest, now: Date) => Promise<Response>;

/**
 * Builds the `POST /outcomes` route from validated options. The body is one outcome
 * record or an array of them (`OutcomeRecord`: `{ leadId, stage, at, reason?, … }`).
 * Answers:
 * - `200 { received, changed, unchanged }` when every record was stored (a record the
 *   store already held counts as `unchanged`: exports and retries repeat rows);
 * - `401` problem+json for a missing, forged or out-of-window signature;
 * - `409` for a `webhook-id` already received;
 * - `422` with `records: [{ index, issues }]` when any record is invalid (none is stored,
 *   so the sender can fix its mapping and send the whole batch again);
 * - `400`/`413`/`415` for a body that is not JSON, too large or of another type;
 * - `503` + `Retry-After` when the outcome store fails.
 */
export function outcomesRoute(input: OutcomesRouteOptions, emitError: (error: unknown) => void): OutcomesRoute {
  const options = checkOptions(input);
  const keys = options.secrets;
  const replayStore = input.replayStore ?? memoryStore();
  const toleranceMs = input.toleranceMs ?? OUTCOME_WEBHOOK_TOLERANCE_MS;
  const maxBody = input.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const maxRecords = input.maxRecords ?? DEFAULT_MAX_RECORDS;

  return async (request, now) => {
    if (bodyKind(request.headers.get('content-type')) !== 'json') {
      return problemResponse(problem('unsupported-media-type', 415, 'Send application/json.'), { 'accept-post': 'application/json' });
    }
    const bytes = await request.readBody(maxBody);
    if (bytes === 'too-large') return problemResponse(problem('body-too-large', 413, `The body is larger than ${maxBody} bytes.`), { connection: 'close' });
    if (bytes === 'unreadable') return problemResponse(problem('invalid-body', 400, 'The body could not be read.'));
    let body: string;
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return problemResponse(problem('invalid-json', 400, 'The body is not UTF-8 JSON.'));
    }

    const verified = await verifyWebhook(request.headers, body, keys, now.getTime(), toleranceMs);
    if (verified !== 'ok') return problemResponse(problem('signature-invalid', 401, SIGNATURE_DETAILS[verified]));
    const id = request.headers.get('webhook-id')!;
    const replayKey = `outcomes:webhook-id:${id}`;
    let seen: boolean;
    try {
      seen = await replayStore.seen(replayKey, 2 * toleranceMs);
    } catch (error) {
      emitError(error);
      return unavailable();
    }
    if (seen) return problemResponse(problem('webhook-replayed', 409, 'A webhook with this webhook-id was already received.'));
    // From here a failure forgets the id again, so the sender's retry (same id, fresh signature) is accepted.
    const forget = () => replayStore.delete(replayKey).catch(emitError);

    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      await forget();
      return problemResponse(problem('invalid-json', 400, 'The body could not be parsed as JSON.'));
    }
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0 || items.length > maxRecords) {
      await forget();
      return problemResponse(problem('invalid-body', 400, `Send one outcome record or an array of 1 to ${maxRecords}.`));
    }
    const records: OutcomeRecord[] = [];
    const refused: { index: number; issues: { path: string; message: string }[] }[] = [];
    items.forEach((item, index) => {
      const parsed = parseOutcome(item);
      if (parsed.ok) records.push(parsed.outcome);
      else refused.push({ index, issues: parsed.issues });
    });
    if (refused.length > 0) {
      await forget();
      return problemResponse(problem('invalid-outcomes', 422, `${refused.length} of ${items.length} records are invalid; none was stored.`, { records: refused }));
    }
    try {
      const summary = await options.store.recordAll(records);
      return new Response(JSON.stringify({ received: records.length, changed: summary.changed, unchanged: summary.unchanged }), {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    } catch (error) {
      // Records stored before the failure stay: the retry merges them again as no-ops.
      emitError(error);
      await forget();
      return unavailable();
    }
  };
}

const unavailable = () => problemResponse(problem('store-unavailable', 503, 'The outcomes could not be stored; send them again later.'), { 'retry-after': '30' });

type SignatureProblem = 'missing' | 'malformed' | 'forged' | 'expired' | 'from_the_future';

const SIGNATURE_DETAILS: Record<SignatureProblem, string> = {
  missing: 'Send webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks).',
  malformed: 'The webhook headers are malformed: webhook-timestamp is unix seconds, webhook-signature is "v1,<base64>".',
  forged: 'No signature matches: sign "<webhook-id>.<webhook-timestamp>.<body>" with HMAC-SHA256 and the shared secret.',
  expired: 'webhook-timestamp is more than the tolerance in the past.',
  from_the_future: 'webhook-timestamp is more than the tolerance in the future.',
};

/**
 * Checks the Standard Webhooks headers of one request. The signature is checked before
 * the timestamp, so an unauthenticated sender learns nothing about the clock window.
 */
async function verifyWebhook(headers: HeaderReader, body: string, keys: readonly Uint8Array[], nowMs: number, toleranceMs: number): Promise<'ok' | SignatureProblem> {
  const id = headers.get('webhook-id');
  const timestamp = headers.get('webhook-timestamp');
  const signature = headers.get('webhook-signature');
  if (!id || !timestamp || !signature) return 'missing';
  if (!WEBHOOK_ID.test(id) || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const signatures: string[] = [];
  for (const part of signature.trim().split(/\s+/)) {
    const comma = part.indexOf(',');
    // Other versions (v1a: asymmetric) are skipped, as the spec asks of a verifier that does not know them.
    if (comma < 0 || part.slice(0, comma) !== 'v1') continue;
    signatures.push(part.slice(comma + 1).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  }
  if (signatures.length === 0 || signatures.length > MAX_SIGNATURES) return 'malformed';
  const content = `${id}.${timestamp}.${body}`;
  let authentic = false;
  // Every pair is tried, no early exit; each compare is Web Crypto's constant-time verify.
  for (const key of keys) for (const candidate of signatures) if (await hmacVerify(key, content, candidate)) authentic = true;
  if (!authentic) return 'forged';
  const skewMs = nowMs - Number(timestamp) * 1000;
  if (skewMs > toleranceMs) return 'expired';
  if (skewMs < -toleranceMs) return 'from_the_future';
  return 'ok';
}

/** A `whsec_<base64>` secret's key bytes; `undefined` when it is not one. */
export function webhookSecretKey(secret: string): Uint8Array | undefined {
  if (typeof secret !== 'string' || !secret.startsWith('whsec_')) return undefined;
  const base64 = secret.slice('whsec_'.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const bytes = fromBase64Url(base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  // Standard Webhooks secrets are 24 to 64 random bytes; fewer than 16 is not a secret.
  return bytes && bytes.length >= 16 ? bytes : undefined;
}

/** Options for {@link signOutcomeWebhook}. */
export interface SignOutcomeWebhookOptions {
  /** The shared `whsec_<base64>` secret. */
  secret: string;
  /** A unique id per message (the receiver refuses one it has seen). */
  id: string;
  /** When it is sent: a Date or unix seconds. Default now. */
  timestamp?: Date | number;
}

/**
 * The Standard Webhooks headers for a body, for a relay or a test that posts outcomes
 * to `POST /outcomes` (a CRM's own webhook signing does the same).
 *
 * @example
 * const body = JSON.stringify([{ leadId: 'L-1', stage: 'sql', at: '2026-11-03T10:00:00Z' }]);
 * const headers = await signOutcomeWebhook(body, { secret: process.env.OUTCOMES_SECRET!, id: crypto.randomUUID() });
 * await fetch('https://leads.example.com/outcomes', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
 */
export async function signOutcomeWebhook(body: string, options: SignOutcomeWebhookOptions): Promise<Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>> {
  const key = webhookSecretKey(options.secret);
  if (!key) throw new LeadGateError('signOutcomeWebhook: option "secret" must be "whsec_" followed by the base64 of at least 16 bytes', { option: 'secret' });
  if (typeof options.id !== 'string' || !WEBHOOK_ID.test(options.id)) {
    throw new LeadGateError('signOutcomeWebhook: option "id" must be 1 to 200 printable characters without spaces', { option: 'id' });
  }
  const raw = options.timestamp ?? new Date();
  const timestamp = raw instanceof Date ? Math.floor(raw.getTime() / 1000) : raw;
  if (!Number.isInteger(timestamp) || timestamp < 0) throw new LeadGateError('signOutcomeWebhook: option "timestamp" must be a Date or whole unix seconds', { option: 'timestamp' });
  const signature = await hmacSign(key, `${options.id}.${timestamp}.${body}`);
  return { 'webhook-id': options.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${toStandardBase64(signature)}` };
}

/** base64url without padding → standard base64 with padding, as Standard Webhooks writes signatures. */
function toStandardBase64(base64url: string): string {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}

const OUTCOME_STORE_METHODS = ['record', 'recordAll', 'get', 'leads', 'count'] as const;

/** Validates `outcomes` beyond its shape; throws `LeadGateError` naming the bad sub-option. */
function checkOptions(input: OutcomesRouteOptions): { secrets: Uint8Array[]; store: OutcomeStore } {
  const fail = (option: string, expected: string): never => {
    throw new LeadGateError(`createHandler: option "outcomes.${option}" must be ${expected}`, { option: `outcomes.${option}` });
  };
  if (typeof input !== 'object' || input === null) fail('secret', 'set: outcomes is { secret, store }');
  const list = typeof input.secret === 'string' ? [input.secret] : Array.isArray(input.secret) ? input.secret : [];
  const secrets = list.map((secret) => webhookSecretKey(secret));
  if (secrets.length === 0 || secrets.some((key) => key === undefined)) fail('secret', '"whsec_" followed by the base64 of at least 16 bytes, or a non-empty array of such secrets');
  const store = input.store as unknown as Record<string, unknown> | undefined;
  if (typeof store !== 'object' || store === null || !OUTCOME_STORE_METHODS.every((method) => typeof store[method] === 'function')) {
    fail('store', 'an outcome store (memoryOutcomeStore(), jsonlOutcomeStore(path), redisOutcomeStore(client))');
  }
  const replay = input.replayStore as unknown as Record<string, unknown> | undefined;
  if (replay !== undefined && (typeof replay !== 'object' || replay === null || !LEAD_STORE_METHODS.every((method) => typeof replay[method] === 'function'))) {
    fail('replayStore', 'a LeadStore (memoryStore(), redisStore(client))');
  }
  const positiveInt = (value: unknown, max: number) => value === undefined || (Number.isInteger(value) && (value as number) > 0 && (value as number) <= max);
  if (!positiveInt(input.toleranceMs, 3_600_000)) fail('toleranceMs', 'a positive whole number of milliseconds, at most 3600000');
  if (!positiveInt(input.maxBodyBytes, 10 * 1024 * 1024)) fail('maxBodyBytes', 'a positive whole number of bytes, at most 10 MiB');
  if (!positiveInt(input.maxRecords, 100_000)) fail('maxRecords', 'a positive whole number, at most 100000');
  return { secrets: secrets as Uint8Array[], store: input.store };
}
