import { defineCheck, type CheckContext, type CheckOutcome } from '../../core/check.js';
import type { Lead } from '../../core/lead.js';
import { SOURCE_CODES, type SourceCode } from './codes.js';
import { findDuplicates } from './duplicates.js';
import { verifyFormToken } from './form-token.js';
import { networkKey } from './network-key.js';
import { resolveSourceOptions, type ResolvedSourceOptions, type SourceVerificationOptions, type VelocityKey } from './options.js';
import { requestOrigin } from './origin.js';
import { verifyLeadPartnerToken } from './partner-token.js';
import { personKeys, type PersonKeys } from './person-keys.js';
import { countVelocity } from './velocity.js';

export { SOURCE_CODES, type SourceCode } from './codes.js';
export { DEFAULT_DUPLICATE_LOOKBACK_DAYS, VELOCITY_DEFAULTS } from './options.js';
export type { SourceVerificationOptions, VelocityKey, VelocityLimit, VelocityOptions, VelocityRule } from './options.js';
export type { PartnerDirectory, PartnerEntry } from './partner-token.js';
export { dedupeEmail } from './person-keys.js';

/** What each rule did with a lead, in the check's evidence. */
export type RuleStatus = 'pass' | 'fail' | 'not configured' | 'no store' | 'no data' | 'skipped';

/** The rules of the check, in the order they run. */
export type SourceRule = 'honeypot' | 'origin' | 'attribution' | 'staleness' | 'formToken' | 'partnerToken' | 'velocity' | 'duplicates';

type Ctx = CheckContext<SourceCode>;

const RULES: readonly SourceRule[] = ['honeypot', 'origin', 'attribution', 'staleness', 'formToken', 'partnerToken', 'velocity', 'duplicates'];

const DAY_MS = 86_400_000;
// A capture time this far ahead of the receive time is no clock drift (time zones included): it is wrong.
const FUTURE_CAPTURE_MS = DAY_MS;
const MAX_ATTRIBUTION_LENGTH = 100;

/**
 * Checks where a lead came from and that a person sent it (research
 * ../shared/research/compliance_source.md §2, catalogue SV-01…SV-13):
 *
 * - honeypot (always): a filled hidden field is `SOURCE_HONEYPOT`;
 * - origin (`allowedOrigins`): `SOURCE_ORIGIN_NOT_ALLOWED`; no Origin/Referer and no verified
 *   credential is `SOURCE_UNAUTHENTICATED` (unless `serverPosts: 'trusted'`);
 * - attribution (`requirePartner`, `requireUtmSource`): `SOURCE_UNATTRIBUTED`;
 * - staleness (`maxAgeDays`): `SOURCE_STALE`, for batch feeds;
 * - form token (`formTokenSecret`): `SOURCE_FORM_TOKEN_INVALID`, `SOURCE_TOO_FAST`;
 * - partner token (`partners`): `SOURCE_TOKEN_INVALID`;
 * - velocity (on by default, needs the gate's store): `SOURCE_VELOCITY` (email, phone),
 *   `SOURCE_VELOCITY_SHARED` (domain, IP: shared by many people, so a human looks);
 * - duplicates (on by default, needs the gate's store): `SOURCE_DUPLICATE`.
 *
 * Honeypot, origin, attribution and staleness are synchronous and need nothing: with
 * `velocity: false, duplicateLookbackDays: false` and no secret the check runs anywhere,
 * even in the browser. With a secret or a store rule it is async and `runsIn: 'server'`:
 * a browser can be bypassed, and secrets and shared state live on the server. Without a
 * store, the store rules (velocity, duplicates, single use of tokens) cannot run: the
 * evidence says so and no code is reported. A store that fails makes the check throw, so
 * the gate reports `SYSTEM_CHECK_FAILED` (→ review), never a silent pass.
 *
 * Evidence: `{ rules: { [rule]: 'pass' | 'fail' | 'not configured' | 'no store' | 'no data' | 'skipped' }, … }`.
 *
 * @example
 * sourceVerification({
 *   allowedOrigins: ['https://www.example.com'],
 *   formTokenSecret: process.env.LEADGATE_FORM_SECRET,
 *   partners: { 'acme-reseller': { secret: process.env.ACME_PARTNER_SECRET! } },
 * });
 */
export const sourceVerification = (options: SourceVerificationOptions = {}) => {
  const resolved = resolveSourceOptions(options);
  const server = resolved.formToken !== undefined || resolved.partners !== undefined || resolved.velocity !== undefined || resolved.duplicateLookbackMs !== undefined;
  return defineCheck({
    id: 'source',
    dimension: 'compliance',
    runsIn: server ? 'server' : 'anywhere',
    fields: ['source', 'email', 'phone', 'country'],
    async: server,
    codes: SOURCE_CODES,
    run(lead, ctx) {
      const run = new SourceRun(lead, resolved, ctx);
      run.localRules();
      if (!server) return run.finish();
      // Nothing to verify and no store to ask: the server rules settle without a promise.
      return run.serverRulesHaveWork() ? run.serverRules() : run.settleIdleServerRules();
    },
  });
};

function present(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/** One lead through the rules: what they found and what the evidence says. */
class SourceRun {
  readonly rules: Partial<Record<SourceRule, RuleStatus>> = {};
  readonly evidence: Record<string, unknown> = { rules: this.rules };
  readonly source: Record<string, unknown>;
  /** A finding that says the submission is not genuine (a bot, a forgery, a replay). */
  notGenuine = false;
  readonly receivedAt: Date;
  #keys: PersonKeys | undefined;

  constructor(
    readonly lead: Lead,
    readonly options: ResolvedSourceOptions,
    readonly ctx: Ctx,
  ) {
    this.source = lead.source ?? {};
    this.receivedAt = receiveTime(ctx);
  }

  localRules(): void {
    this.honeypot();
    this.origin();
    this.attribution();
    this.staleness();
  }

  async serverRules(): Promise<CheckOutcome> {
    // The person keys are read before the first await, while the phone and email checks'
    // parses of this lead are still among the shared recent results: after it, a batch of
    // concurrent leads (an audit validates 512 at once) has pushed them out, and the phone
    // would be parsed again (about 12 µs a lead).
    if (this.ctx.store && (this.options.velocity || this.options.duplicateLookbackMs !== undefined)) void this.keys;
    // Tokens first: whether the submission is genuine decides whether it may mark the person as seen.
    await Promise.all([this.formToken(), this.partnerToken()]);
    await Promise.all([this.velocity(), this.duplicates()]);
    return this.finish();
  }

  /** Whether a server rule has I/O to do for this lead: a form token to verify, a partner's token, a store to ask. */
  serverRulesHaveWork(): boolean {
    const { formToken, partners, velocity, duplicateLookbackMs } = this.options;
    if (formToken) return true;
    if (partners && (text(this.source.partnerId) || (this.source.partnerToken !== undefined && this.source.partnerToken !== ''))) return true;
    return this.ctx.store !== undefined && (velocity !== undefined || duplicateLookbackMs !== undefined);
  }

  /** What {@link serverRules} concludes when {@link serverRulesHaveWork} is false, synchronously. */
  settleIdleServerRules(): CheckOutcome {
    (this.evidence.attribution as Record<string, unknown>).partnerVerified = false;
    this.rules.formToken = 'not configured';
    this.rules.partnerToken = this.options.partners ? 'no data' : 'not configured';
    this.rules.velocity = this.options.velocity ? 'no store' : 'not configured';
    this.rules.duplicates = this.options.duplicateLookbackMs === undefined ? 'not configured' : 'no store';
    return this.finish();
  }

  /** The lead's email, phone and company domain as velocity and duplicate keys; read once. */
  get keys(): PersonKeys {
    return (this.#keys ??= personKeys(this.lead));
  }

  finish(): CheckOutcome {
    for (const rule of RULES) this.rules[rule] ??= 'not configured';
    return this.ctx.pass(this.evidence);
  }

  private report(code: SourceCode, data?: Record<string, unknown>, field = 'source'): void {
    this.ctx.report(code, data ? { field, data } : { field });
  }

  /** SV-06 (research §2.5.1, kiwee.eu): people never see the field, bots fill it. */
  private honeypot(): void {
    const value = this.source.honeypot;
    const filled = value !== undefined && value !== null && value !== '' && value !== false;
    this.rules.honeypot = filled ? 'fail' : 'pass';
    if (filled) {
      this.notGenuine = true;
      this.report('SOURCE_HONEYPOT');
    }
  }

  /**
   * SV-01 (research §2.1): an allow-list of exact origins. Without Origin and Referer the
   * request must take the server-to-server path: a credential this check verifies (a form
   * token with `formTokenSecret`, a partner token with `partners`), else
   * `SOURCE_UNAUTHENTICATED`, unless `serverPosts: 'trusted'`. The credential's own rule
   * judges whether it is valid.
   */
  private origin(): void {
    const allowed = this.options.allowedOrigins;
    if (!allowed) return void (this.rules.origin = 'not configured');
    const seen = requestOrigin(this.ctx.context.origin, this.ctx.context.referer);
    if (!seen) {
      const credential = (this.options.formToken !== undefined && present(this.source.formToken)) || (this.options.partners !== undefined && present(this.source.partnerToken));
      if (credential || this.options.serverPosts === 'trusted') return void (this.rules.origin = 'no data');
      this.rules.origin = 'fail';
      this.notGenuine = true;
      return this.report('SOURCE_UNAUTHENTICATED', undefined, 'context.origin');
    }
    this.evidence.origin = seen;
    if (allowed.has(seen.origin)) return void (this.rules.origin = 'pass');
    this.rules.origin = 'fail';
    this.notGenuine = true;
    this.report('SOURCE_ORIGIN_NOT_ALLOWED', { origin: seen.origin, via: seen.via }, 'context.origin');
  }

  /** Research §2.3: UTMs are attribution, not authentication; they never credit a partner. */
  private attribution(): void {
    const partnerId = text(this.source.partnerId);
    const utmSource = attributionValue(this.source.utm_source);
    const attribution: Record<string, unknown> = {};
    if (partnerId) attribution.partnerId = partnerId.slice(0, MAX_ATTRIBUTION_LENGTH);
    for (const key of ['utm_source', 'utm_medium', 'utm_campaign'] as const) {
      const value = attributionValue(this.source[key]);
      if (value) attribution[key] = value;
    }
    this.evidence.attribution = attribution;
    const missing: string[] = [];
    if (this.options.requirePartner && !partnerId) missing.push('partnerId');
    if (this.options.requireUtmSource && !utmSource) missing.push('utm_source');
    if (!this.options.requirePartner && !this.options.requireUtmSource) return void (this.rules.attribution = 'not configured');
    this.rules.attribution = missing.length > 0 ? 'fail' : 'pass';
    if (missing.length > 0) this.report('SOURCE_UNATTRIBUTED', { missing: missing.join(', ') }, `source.${missing[0]}`);
  }

  /** SV-13 (research §2.4): old and resold leads; consent ages with them. */
  private staleness(): void {
    const maxAgeDays = this.options.maxAgeDays;
    if (maxAgeDays === undefined) return void (this.rules.staleness = 'not configured');
    const captured = this.source.capturedAt;
    if (captured === undefined) return void (this.rules.staleness = 'no data');
    const at = typeof captured === 'string' ? Date.parse(captured) : Number.NaN;
    if (!Number.isFinite(at)) {
      this.rules.staleness = 'fail';
      return this.report('SOURCE_STALE', { reason: 'unreadable', maxAgeDays }, 'source.capturedAt');
    }
    const ageMs = this.receivedAt.getTime() - at;
    const ageDays = Math.floor(ageMs / DAY_MS);
    this.evidence.capturedAgeDays = ageDays;
    if (ageMs < -FUTURE_CAPTURE_MS) {
      this.rules.staleness = 'fail';
      return this.report('SOURCE_STALE', { reason: 'in_the_future', maxAgeDays }, 'source.capturedAt');
    }
    if (ageMs > maxAgeDays * DAY_MS) {
      this.rules.staleness = 'fail';
      return this.report('SOURCE_STALE', { reason: 'too_old', ageDays, maxAgeDays }, 'source.capturedAt');
    }
    this.rules.staleness = 'pass';
  }

  /** SV-07 (research §2.5.2): the server's signed render time, single use. */
  private async formToken(): Promise<void> {
    const config = this.options.formToken;
    if (!config) return void (this.rules.formToken = 'not configured');
    const store = this.ctx.store;
    const result = await verifyFormToken(this.source.formToken, {
      secret: config.secret,
      ...(config.formId === undefined ? {} : { formId: config.formId }),
      ...(store ? { store } : {}),
      minAgeMs: config.minAgeMs,
      maxAgeMs: config.maxAgeMs,
      now: () => this.receivedAt,
    });
    this.evidence.formToken = result.valid
      ? { ageMs: result.ageMs, formId: result.claims.formId, singleUse: store !== undefined }
      : { problem: result.problem, ...(result.ageMs === undefined ? {} : { ageMs: result.ageMs }), singleUse: store !== undefined };
    if (result.valid) return void (this.rules.formToken = 'pass');
    this.rules.formToken = 'fail';
    this.notGenuine = true;
    if (result.problem === 'too_fast') this.report('SOURCE_TOO_FAST', { ageMs: result.ageMs, minMs: config.minAgeMs }, 'source.formToken');
    else this.report('SOURCE_FORM_TOKEN_INVALID', { problem: result.problem }, 'source.formToken');
  }

  /** SV-04 (research §2.2): Standard-Webhooks-style HMAC over partnerId.timestamp.body. */
  private async partnerToken(): Promise<void> {
    const partners = this.options.partners;
    const attribution = this.evidence.attribution as Record<string, unknown>;
    attribution.partnerVerified = false;
    if (!partners) return void (this.rules.partnerToken = 'not configured');
    // A lead that claims no partner asks for no partner's credit; requirePartner reports it as unattributed.
    if (!text(this.source.partnerId) && (this.source.partnerToken === undefined || this.source.partnerToken === '')) {
      return void (this.rules.partnerToken = 'no data');
    }
    const store = this.ctx.store;
    const result = await verifyLeadPartnerToken(this.lead, {
      partners,
      ...(store ? { store } : {}),
      now: () => this.receivedAt,
      toleranceMs: this.options.partnerToleranceMs,
    });
    this.evidence.partnerToken = result.valid ? { singleUse: result.singleUse } : { problem: result.problem };
    if (result.valid) {
      attribution.partnerVerified = true;
      return void (this.rules.partnerToken = 'pass');
    }
    this.rules.partnerToken = 'fail';
    this.notGenuine = true;
    this.report('SOURCE_TOKEN_INVALID', { problem: result.problem }, 'source.partnerToken');
  }

  /** SV-11 (research §2.4): per-person keys reject, shared keys (IP, domain) go to a human. */
  private async velocity(): Promise<void> {
    const limits = this.options.velocity;
    if (!limits) return void (this.rules.velocity = 'not configured');
    const store = this.ctx.store;
    if (!store) return void (this.rules.velocity = 'no store');
    const values: Partial<Record<VelocityKey, string>> = { ...this.keys };
    const network = networkKey(this.ctx.context.ip);
    if (network) values.ip = network;
    const outcome = await countVelocity(store, values, limits, this.options.keySalt);
    this.evidence.velocity = outcome.counts;
    this.rules.velocity = outcome.exceeded.length > 0 ? 'fail' : Object.keys(outcome.counts).length > 0 ? 'pass' : 'no data';
    for (const excess of outcome.exceeded) {
      const shared = excess.key === 'ip' || excess.key === 'domain';
      const field = excess.key === 'ip' ? 'context.ip' : excess.key === 'domain' ? 'email' : excess.key;
      this.report(shared ? 'SOURCE_VELOCITY_SHARED' : 'SOURCE_VELOCITY', { key: excess.key, count: excess.count, limit: excess.limit, windowMs: excess.windowMs }, field);
    }
  }

  /** SV-12 (research §2.4): the same person within the lookback window. */
  private async duplicates(): Promise<void> {
    const lookbackMs = this.options.duplicateLookbackMs;
    if (lookbackMs === undefined) return void (this.rules.duplicates = 'not configured');
    const store = this.ctx.store;
    if (!store) return void (this.rules.duplicates = 'no store');
    // A bot or a forgery that borrowed a real person's address must not make that person's
    // own later submission a duplicate: only genuine submissions mark a person as seen.
    if (this.notGenuine) return void (this.rules.duplicates = 'skipped');
    const { email, phone } = this.keys;
    if (email === undefined && phone === undefined) return void (this.rules.duplicates = 'no data');
    const found = await findDuplicates(store, { ...(email ? { email } : {}), ...(phone ? { phone } : {}) }, lookbackMs, this.options.keySalt);
    this.rules.duplicates = found.length > 0 ? 'fail' : 'pass';
    if (found.length > 0) {
      this.report('SOURCE_DUPLICATE', { key: found[0], keys: found.join(', '), lookbackDays: Math.round(lookbackMs / DAY_MS) }, found[0]);
    }
  }
}

/** The receive time the server stamped on the context, else the gate's clock. */
function receiveTime(ctx: Ctx): Date {
  const stamped = ctx.context.receivedAt;
  if (typeof stamped === 'string') {
    const at = Date.parse(stamped);
    if (Number.isFinite(at)) return new Date(at);
  }
  return ctx.now();
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** UTM values are case-sensitive in analytics; compare them trimmed and lower-cased (research §2.3). */
function attributionValue(value: unknown): string | undefined {
  const found = text(value);
  return found === undefined ? undefined : found.toLowerCase().slice(0, MAX_ATTRIBUTION_LENGTH);
}
