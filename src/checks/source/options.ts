import * as z from 'zod/mini';
import type { HmacSecret } from '../../core/hmac.js';
import { parseOptions, type OptionsOwner } from '../../core/options.js';
import { FORM_TOKEN_DEFAULTS } from './form-token.js';
import { serialiseOrigin } from './origin.js';
import { PARTNER_TOKEN_TOLERANCE_MS, type PartnerDirectory } from './partner-token.js';
import { LeadGateError } from '../../core/errors.js';

/** One velocity limit: more than `limit` submissions in a fixed window of `windowMs` is too many. */
export interface VelocityLimit {
  limit: number;
  windowMs: number;
}

/** The limits of one velocity key: one window, several (e.g. per 10 minutes and per day), or `false` to not count it. */
export type VelocityRule = false | VelocityLimit | readonly VelocityLimit[];

/** The velocity keys (research §2.4, SV-11). A key left out keeps its default. */
export interface VelocityOptions {
  /** The address normalised for dedupe (Gmail dots and +tags removed). Default 5 per hour. */
  email?: VelocityRule;
  /** The phone in E.164. Default 5 per hour. */
  phone?: VelocityRule;
  /** A company email domain (free-mail and disposable domains are never counted). Default 50 per hour. */
  domain?: VelocityRule;
  /** `context.ip`: an IPv4 address or an IPv6 /64. Default 20 per 10 minutes and 200 per day. */
  ip?: VelocityRule;
}

/** Options for {@link sourceVerification}. Every rule that needs configuration runs only when configured. */
export interface SourceVerificationOptions {
  /**
   * Exact `scheme://host[:port]` origins your forms are served from. A request whose
   * Origin (or, without one, Referer) names another origin is `SOURCE_ORIGIN_NOT_ALLOWED`;
   * a request with neither must take the server-to-server path, a verified credential
   * (see `serverPosts`). Default: not checked.
   */
  allowedOrigins?: readonly string[];
  /**
   * With `allowedOrigins`: what a request with no Origin, no Referer and no credential is
   * (research SV-01: "origin absent: the request must take the server-to-server path,
   * otherwise REJECT"). `'credential'` (default): it must carry a form token or a partner
   * token that this check verifies (`formTokenSecret`, `partners`), else
   * `SOURCE_UNAUTHENTICATED`. `'trusted'`: you call the gate from your own backend, which
   * authenticated the post itself, without `createHandler`; such requests are not judged.
   */
  serverPosts?: 'credential' | 'trusted';
  /**
   * The server secret form tokens are signed with (`issueFormToken` in `leadgate/server`).
   * When set, every lead must carry a valid `source.formToken`. Default: not checked.
   */
  formTokenSecret?: HmacSecret;
  /** When set, form tokens must have been issued for this form id. */
  formId?: string;
  /** Faster than this from render to submit is `SOURCE_TOO_FAST`. Default 3,000 ms. */
  minSubmitMs?: number;
  /** A form token older than this is `SOURCE_FORM_TOKEN_INVALID` (`expired`). Default 2 h. */
  formTokenMaxAgeMs?: number;
  /**
   * Partner secrets by partner id, or a lookup function. When set, a lead that names a
   * partner (or carries a partner token) must carry a valid `source.partnerToken`.
   */
  partners?: PartnerDirectory;
  /** How far a partner token's timestamp may be from the receive time. Default 300,000 ms (±5 min). */
  partnerTokenToleranceMs?: number;
  /** A lead without `source.partnerId` is `SOURCE_UNATTRIBUTED` (the partner motion). Default false. */
  requirePartner?: boolean;
  /** A lead without `source.utm_source` is `SOURCE_UNATTRIBUTED`. Default false. */
  requireUtmSource?: boolean;
  /** Submission limits per key (needs the gate's store), or `false` for none. Default: every key, default limits. */
  velocity?: false | VelocityOptions;
  /** How far back the same person is a duplicate (needs the gate's store), or `false`. Default 30 days. */
  duplicateLookbackDays?: number | false;
  /** A lead captured (`source.capturedAt`) longer ago than this is `SOURCE_STALE`. Default: not checked. */
  maxAgeDays?: number;
  /**
   * Salt of the digests under which emails, phones, domains and IPs become store keys.
   * Every server that shares a store must use the same value; a secret value keeps the
   * digests from being reversed by hashing a list of known addresses. Default
   * `leadgate.source.v1` (stable, not secret).
   */
  keySalt?: string;
}

/** The options after validation and defaults. */
export interface ResolvedSourceOptions {
  allowedOrigins: ReadonlySet<string> | undefined;
  serverPosts: 'credential' | 'trusted';
  formToken: { secret: HmacSecret; formId: string | undefined; minAgeMs: number; maxAgeMs: number } | undefined;
  partners: PartnerDirectory | undefined;
  partnerToleranceMs: number;
  requirePartner: boolean;
  requireUtmSource: boolean;
  velocity: Readonly<Record<VelocityKey, readonly VelocityLimit[]>> | undefined;
  duplicateLookbackMs: number | undefined;
  maxAgeDays: number | undefined;
  keySalt: string;
}

/** The keys velocity is counted by. */
export type VelocityKey = 'email' | 'phone' | 'domain' | 'ip';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The default limits (research §2.4: several windows per key; per-person keys tighter than shared ones). */
export const VELOCITY_DEFAULTS: Readonly<Record<VelocityKey, readonly VelocityLimit[]>> = Object.freeze({
  email: Object.freeze([{ limit: 5, windowMs: HOUR }]),
  phone: Object.freeze([{ limit: 5, windowMs: HOUR }]),
  domain: Object.freeze([{ limit: 50, windowMs: HOUR }]),
  ip: Object.freeze([{ limit: 20, windowMs: 10 * 60_000 }, { limit: 200, windowMs: DAY }]),
});

/** Default lookback of the duplicate rule. */
export const DEFAULT_DUPLICATE_LOOKBACK_DAYS = 30;

const MIN_SECRET_BYTES = 16;

const isSecret = (value: unknown): boolean => {
  if (typeof value === 'string') return new TextEncoder().encode(value).length >= MIN_SECRET_BYTES;
  if (value instanceof Uint8Array) return value.length >= MIN_SECRET_BYTES;
  // A CryptoKey from crypto.subtle.importKey; checked by shape so no global is touched at import time.
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'secret' && 'algorithm' in value;
};

const secretSchema = z.custom<HmacSecret>(isSecret);
const limitSchema = z.strictObject({
  limit: z.number().check(z.int(), z.positive()),
  windowMs: z.number().check(z.int(), z.minimum(1000), z.maximum(366 * DAY)),
});
const ruleSchema = z.union([z.literal(false), limitSchema, z.array(limitSchema).check(z.minLength(1), z.maxLength(5))]);
const partnerEntrySchema = z.object({
  secret: z.union([secretSchema, z.array(secretSchema).check(z.minLength(1))]),
  active: z.optional(z.boolean()),
});

const optionsSchema = z.strictObject({
  allowedOrigins: z.optional(z.array(z.string()).check(z.minLength(1))),
  serverPosts: z.optional(z.enum(['credential', 'trusted'])),
  formTokenSecret: z.optional(secretSchema),
  formId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  minSubmitMs: z.optional(z.number().check(z.int(), z.nonnegative(), z.maximum(10 * 60_000))),
  formTokenMaxAgeMs: z.optional(z.number().check(z.int(), z.positive(), z.maximum(7 * DAY))),
  partners: z.optional(z.union([z.custom<PartnerDirectory>((value) => typeof value === 'function'), z.record(z.string(), partnerEntrySchema)])),
  partnerTokenToleranceMs: z.optional(z.number().check(z.int(), z.minimum(1000), z.maximum(DAY))),
  requirePartner: z.optional(z.boolean()),
  requireUtmSource: z.optional(z.boolean()),
  velocity: z.optional(
    z.union([
      z.literal(false),
      z.strictObject({ email: z.optional(ruleSchema), phone: z.optional(ruleSchema), domain: z.optional(ruleSchema), ip: z.optional(ruleSchema) }),
    ]),
  ),
  duplicateLookbackDays: z.optional(z.union([z.literal(false), z.number().check(z.positive(), z.maximum(3660))])),
  maxAgeDays: z.optional(z.number().check(z.positive(), z.maximum(36_500))),
  keySalt: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

const EXPECTED: Record<keyof SourceVerificationOptions, string> = {
  allowedOrigins: 'a non-empty array of origins such as ["https://www.example.com"] (scheme, host and port only)',
  serverPosts: '"credential" or "trusted"',
  formTokenSecret: `a secret of at least ${MIN_SECRET_BYTES} bytes (string, Uint8Array or HMAC CryptoKey)`,
  formId: 'a non-empty string',
  minSubmitMs: 'a whole number of milliseconds between 0 and 600000',
  formTokenMaxAgeMs: 'a positive whole number of milliseconds, at most 7 days',
  partners: `an object { [partnerId]: { secret, active? } } with secrets of at least ${MIN_SECRET_BYTES} bytes, or a function partnerId => { secret } | undefined`,
  partnerTokenToleranceMs: 'a whole number of milliseconds between 1000 and 86400000',
  requirePartner: 'true or false',
  requireUtmSource: 'true or false',
  velocity: 'false, or { email?, phone?, domain?, ip? } each false, { limit, windowMs } or an array of them (windowMs ≥ 1000)',
  duplicateLookbackDays: 'false or a positive number of days (at most 3660)',
  maxAgeDays: 'a positive number of days',
  keySalt: 'a non-empty string',
};

const OWNER: OptionsOwner = { name: 'sourceVerification', example: "{ allowedOrigins: ['https://www.example.com'] }", expected: EXPECTED };

/** Validates `sourceVerification` options once, at factory time. Throws a `LeadGateError` naming the bad option. */
export function resolveSourceOptions(input: unknown): ResolvedSourceOptions {
  const options = parseOptions(OWNER, optionsSchema, input);
  let allowedOrigins: Set<string> | undefined;
  if (options.allowedOrigins) {
    allowedOrigins = new Set();
    for (const [index, entry] of options.allowedOrigins.entries()) {
      const origin = serialiseOrigin(entry, true);
      if (!origin) {
        throw new LeadGateError(`sourceVerification: option "allowedOrigins" must be ${EXPECTED.allowedOrigins}, received ${JSON.stringify(entry.slice(0, 80))} at index ${index}`, { option: 'allowedOrigins' });
      }
      allowedOrigins.add(origin);
    }
  }
  const velocity = options.velocity === false ? undefined : resolveVelocity(options.velocity ?? {});
  const lookbackDays = options.duplicateLookbackDays === undefined ? DEFAULT_DUPLICATE_LOOKBACK_DAYS : options.duplicateLookbackDays;
  return {
    allowedOrigins,
    serverPosts: options.serverPosts ?? 'credential',
    formToken: options.formTokenSecret === undefined ? undefined : {
      secret: options.formTokenSecret,
      formId: options.formId,
      minAgeMs: options.minSubmitMs ?? FORM_TOKEN_DEFAULTS.minAgeMs,
      maxAgeMs: options.formTokenMaxAgeMs ?? FORM_TOKEN_DEFAULTS.maxAgeMs,
    },
    partners: options.partners as PartnerDirectory | undefined,
    partnerToleranceMs: options.partnerTokenToleranceMs ?? PARTNER_TOKEN_TOLERANCE_MS,
    requirePartner: options.requirePartner ?? false,
    requireUtmSource: options.requireUtmSource ?? false,
    velocity,
    duplicateLookbackMs: lookbackDays === false ? undefined : lookbackDays * DAY,
    maxAgeDays: options.maxAgeDays,
    keySalt: options.keySalt ?? 'leadgate.source.v1',
  };
}

function resolveVelocity(given: VelocityOptions): Readonly<Record<VelocityKey, readonly VelocityLimit[]>> | undefined {
  const out = {} as Record<VelocityKey, readonly VelocityLimit[]>;
  for (const key of Object.keys(VELOCITY_DEFAULTS) as VelocityKey[]) {
    const rule = given[key] === undefined ? VELOCITY_DEFAULTS[key] : given[key];
    out[key] = rule === false ? [] : Array.isArray(rule) ? (rule as readonly VelocityLimit[]) : [rule as VelocityLimit];
  }
  return Object.values(out).some((limits) => limits.length > 0) ? out : undefined;
}
