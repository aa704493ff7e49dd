import * as z from 'zod/mini';
import type { HmacSecret } from '../core/hmac.js';
import type { Lead } from '../core/lead.js';
import { parseOptions, type OptionsOwner } from '../core/options.js';
import type { Verdict } from '../core/verdict.js';
import type { AllowedOrigins } from './cors.js';
import type { DeliverFunction, HandlerEvent, RetryOptions } from './delivery.js';
import type { FieldMapper } from './field-map.js';
import type { Outbox } from './outbox.js';
import type { OutcomesRouteOptions } from './outcomes-route.js';
import type { TrustProxy } from './request-context.js';

/** Options for `createHandler`. All optional. */
export interface HandlerOptions {
  /** Prefix of every route, e.g. `/api` for `POST /api/leads`. Default `''`. */
  basePath?: string;
  /**
   * Sends accepted and review leads onward. Called with the lead id as idempotency
   * key; when it throws or passes `deliverTimeoutMs`, the lead goes to the outbox and
   * is retried in the background. Without it, the handler only judges (the gate's
   * log still records every decision).
   */
  deliver?: DeliverFunction;
  /** Time one `deliver` attempt may take, ms. Default 5,000. */
  deliverTimeoutMs?: number;
  /**
   * Where undeliverable leads wait. Several are tried in order (e.g.
   * `[redisOutbox(redis), jsonlFileOutbox('outbox.jsonl')]`: when Redis is down, the
   * local file takes the lead). Default: `memoryOutbox()`.
   */
  outbox?: Outbox | Outbox[];
  /**
   * Retry pacing, or `false` for no background timer: call `handler.delivery.retryDue()`
   * yourself (e.g. from a Workers cron trigger); each pass then retries every waiting lead.
   */
  retry?: RetryOptions | false;
  /** Keeps rejected leads (for audit or appeal): an outbox or a function. Default: rejected leads are logged with their codes only. */
  quarantine?: Outbox | ((lead: Lead, verdict: Verdict) => void | Promise<void>);
  /**
   * Enables `POST /form-token`: the secret that signs render tokens, and optionally the form
   * ids it may issue for. Issuing only: the gate's `source` check verifies them when given the
   * same secret as `formTokenSecret`; `formTokenOptions(secret)` builds both.
   */
  formToken?: { secret: HmacSecret; formIds?: string[] };
  /**
   * Enables `POST /outcomes` for CRM webhooks (issue 13): sales outcomes signed as
   * Standard Webhooks with the shared `whsec_…` secret, stored in `store`.
   */
  outcomes?: OutcomesRouteOptions;
  /** Origins that may call the handler cross-site (CORS). Default: none. */
  allowedOrigins?: AllowedOrigins;
  /** Which proxies to believe about the client IP. Default `false`: the connection's address. */
  trustProxy?: TrustProxy;
  /** Request headers copied into `context.headers`. Default `DEFAULT_CONTEXT_HEADERS`. */
  contextHeaders?: string[];
  /** Largest body accepted, bytes; enforced while streaming. Default 65,536. */
  maxBodyBytes?: number;
  /** Replaces the default field mapping (see `defaultFieldMap`). */
  mapFields?: FieldMapper;
  /**
   * A body field holding the caller's own id for the lead (a CRM record id, a form
   * submission id), e.g. `'leadId'`. Its value becomes the verdict's `leadId`: in the
   * decision log, the handler's events, the answer, and as the delivery's idempotency
   * key, so the closed loop can join sales outcomes on it. The field is taken out of the
   * lead. Letters, digits and `_ . : -`, at most 200; any other value is ignored (a
   * `lead_id_ignored` event) and the gate makes the id. Default: none, the gate makes every
   * id, because a client that repeats an id would then share an idempotency key.
   */
  leadIdField?: string;
  /**
   * For HTML form posts (Accept `text/html`, urlencoded or multipart): answer `303 See
   * Other` to these URLs. `success` gets `?leadId=…`; `failure` gets `?codes=A,B` (codes
   * only, never what the person typed) or `?error=…`.
   */
  redirects?: { success: string; failure: string };
  /** Show the codes of `review` and `flag` reasons in 2xx answers. Default false: the client learns the decision only. */
  exposeReasons?: boolean;
  /** Seconds in the `Retry-After` of a 503 (all outboxes full or down). Default 30. */
  retryAfterSeconds?: number;
  /** Operational events (delivery, outbox, rejections). Default: `warn`/`error` events to `console.warn`, error names only. */
  onEvent?: (event: HandlerEvent) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

const fn = z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function');
const outboxShape = z.custom<Outbox>(
  (value) => typeof value === 'object' && value !== null && ['put', 'claim', 'reschedule', 'ack', 'size'].every((m) => typeof (value as unknown as Record<string, unknown>)[m] === 'function'),
);
const secret = z.custom<HmacSecret>((value) => (typeof value === 'string' && value.length >= 16) || value instanceof Uint8Array || (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey));
const positiveMs = z.number().check(z.positive(), z.maximum(3_600_000));

const handlerOptionsSchema = z.strictObject({
  basePath: z.optional(z.string().check(z.regex(/^(\/[A-Za-z0-9._~-]+)*$/))),
  deliver: z.optional(fn),
  deliverTimeoutMs: z.optional(positiveMs),
  outbox: z.optional(z.union([outboxShape, z.array(outboxShape).check(z.minLength(1))])),
  retry: z.optional(
    z.union([
      z.literal(false),
      z.strictObject({
        intervalMs: z.optional(positiveMs),
        baseDelayMs: z.optional(positiveMs),
        maxDelayMs: z.optional(z.number().check(z.positive(), z.maximum(86_400_000))),
        batchSize: z.optional(z.number().check(z.int(), z.positive(), z.maximum(10_000))),
      }),
    ]),
  ),
  quarantine: z.optional(z.union([outboxShape, fn])),
  formToken: z.optional(z.strictObject({ secret, formIds: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,100}$/)))) })),
  outcomes: z.optional(z.custom<OutcomesRouteOptions>((value) => typeof value === 'object' && value !== null && !Array.isArray(value))),
  allowedOrigins: z.optional(z.union([z.array(z.string().check(z.regex(/^https?:\/\/[^/\s]+$/))), fn])),
  trustProxy: z.optional(z.union([z.literal(false), z.number().check(z.int(), z.positive(), z.maximum(20)), fn])),
  contextHeaders: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9-]+$/)))),
  maxBodyBytes: z.optional(z.number().check(z.int(), z.positive(), z.maximum(10 * 1024 * 1024))),
  mapFields: z.optional(fn),
  leadIdField: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,100}$/))),
  redirects: z.optional(z.strictObject({ success: z.string().check(z.minLength(1)), failure: z.string().check(z.minLength(1)) })),
  exposeReasons: z.optional(z.boolean()),
  retryAfterSeconds: z.optional(z.number().check(z.int(), z.positive(), z.maximum(86_400))),
  onEvent: z.optional(fn),
  now: z.optional(fn),
});

const EXPECTED: Record<string, string> = {
  basePath: 'a path such as "/api" (no trailing slash), or ""',
  deliver: 'an async function (lead, verdict, { leadId, attempt, signal }) => void',
  deliverTimeoutMs: 'a positive number of milliseconds, at most 3600000',
  outbox: 'an outbox (memoryOutbox(), jsonlFileOutbox(path), redisOutbox(client)) or a non-empty array of them',
  retry: 'false, or { intervalMs, baseDelayMs, maxDelayMs, batchSize } with positive numbers',
  quarantine: 'an outbox or a function (lead, verdict) => void',
  formToken: '{ secret, formIds? } with a secret of at least 16 characters (or bytes, or a CryptoKey)',
  outcomes: '{ secret: "whsec_…", store } (see outcomesRoute)',
  allowedOrigins: 'an array of origins such as "https://www.example.com" (scheme and host, no path), or a function (origin) => boolean',
  trustProxy: 'false, the number of proxies in front of the server (1–20), or a function (request, connection) => ip',
  contextHeaders: 'an array of lower-case header names',
  maxBodyBytes: 'a positive integer number of bytes, at most 10 MiB',
  mapFields: 'a function (body, kind) => lead',
  leadIdField: 'the name of a body field, such as "leadId" (letters, digits, _ . : -)',
  redirects: '{ success, failure } with two URLs',
  exposeReasons: 'true or false',
  retryAfterSeconds: 'a positive integer number of seconds',
  onEvent: 'a function (event) => void',
  now: 'a function returning a Date',
};

const OWNER: OptionsOwner = { name: 'createHandler', example: '{ deliver: async (lead, verdict) => {} }', expected: EXPECTED };

/** Validates `createHandler` options; throws a `LeadGateError` naming the bad option. */
export function parseHandlerOptions(input: unknown): HandlerOptions {
  parseOptions(OWNER, handlerOptionsSchema, input);
  // The schema checks shapes; the caller's own functions and objects are kept as given.
  return (input ?? {}) as HandlerOptions;
}
