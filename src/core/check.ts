import { LeadGateError } from './errors.js';
import type { Lead, LeadField } from './lead.js';
import type { LeadStore } from './store.js';
import type { Dimension, RunsIn } from './types.js';

/**
 * What a rejection code means. `message` is shown to the person filling the form (a
 * template over the finding's `data`, e.g. `Did you mean {suggestion}?`); `meaning`
 * and `fix` are for the people reading `docs/codes.md` and the audit report.
 */
export interface CodeSpec {
  message: string;
  meaning?: string;
  fix?: string;
}

/** One reason a check gives about a lead. `code` is stable public API. */
export interface Finding {
  code: string;
  check: string;
  field?: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Where a finding points and what it saw, as passed to `ctx.fail`/`ctx.report`. */
export interface FindingDetail {
  field?: LeadField | (string & {});
  data?: Record<string, unknown>;
}

/**
 * What a check returns: build it with `ctx.pass()` / `ctx.fail()`, not by hand.
 *
 * One evidence key is read by the gate: `scores` (`{ fit?, intent?, mql? }`) is lifted
 * into the verdict's `scores.fit`, `scores.intent` and `mql`, so a scoring check (icp)
 * reports its numbers without the gate knowing about it.
 */
export interface CheckOutcome {
  readonly status: 'pass' | 'fail';
  readonly findings: ReadonlyArray<{ code: string; field?: string; data?: Record<string, unknown> }>;
  readonly evidence?: Record<string, unknown>;
}

/**
 * Facts about the request a lead arrived in: filled in by the server handler, the DOM
 * binding or the CLI. Checks read it; they never write it.
 */
export interface LeadContext {
  /** Reuse an id the caller already has; otherwise the gate makes one. */
  leadId?: string;
  /** `Sec-GPC: 1` or `navigator.globalPrivacyControl`. */
  gpc?: boolean;
  ip?: string;
  userAgent?: string;
  origin?: string;
  referer?: string;
  /** `Sec-Fetch-Site` of the request (`same-origin`, `same-site`, `cross-site`, `none`). */
  secFetchSite?: string;
  /** ISO 8601 time the server received the lead; checks prefer it to their own clock. */
  receivedAt?: string;
  /** Request headers, lower-case names; only those a check documents that it reads. */
  headers?: Readonly<Record<string, string>>;
  [key: string]: unknown;
}

/** What a check's `run` receives besides the lead. One object per run: no ambient state. */
export interface CheckContext<C extends string = string> {
  /** The motion the gate runs under, e.g. `inbound`. */
  readonly motion: string;
  readonly context: Readonly<LeadContext>;
  /** Aborted when the check's timeout passes; pass it on to every I/O call. */
  readonly signal: AbortSignal;
  /** Shared state for duplicates, velocity, suppression; `undefined` when none is configured. */
  readonly store: LeadStore | undefined;
  /** The gate's clock (injectable for tests). */
  now(): Date;
  /** Records a finding and carries on, for checks that report several. */
  report(code: C, detail?: FindingDetail): void;
  /** Records a finding and finishes the check. */
  fail(code: C, detail?: FindingDetail, evidence?: Record<string, unknown>): CheckOutcome;
  /** Finishes the check; its status is `fail` if anything was reported. */
  pass(evidence?: Record<string, unknown>): CheckOutcome;
}

/**
 * An account's buying group, as a check that keeps account state reports it (the
 * built-in `group` check). Generic on purpose: roles are plain strings, so core knows
 * nothing of personas or account stores.
 */
export interface AccountSummary {
  accountId: string;
  name: string;
  /** On the target account list. */
  target?: boolean;
  /** Already a customer. */
  customer?: boolean;
  /** Weighted share of the required roles the contacts fill, 0–1, under the gate's motion. */
  coverage: number;
  /** Role → how many contacts play it. */
  roles: Readonly<Record<string, number>>;
  /** Required roles nobody plays yet, most important first. */
  missingRoles: readonly string[];
  /** How many contacts the account has. */
  contacts: number;
}

/**
 * Operations a check offers besides `run`, which the gate exposes as its own methods
 * (`gate.accountSummary`). A check that has none leaves `operations` out.
 */
export interface CheckOperations {
  /** Backs `gate.accountSummary(domain)`; `motion` is the gate's motion. Rejects when its store fails. */
  accountSummary?(domain: string, options: { motion: string }): Promise<AccountSummary | undefined>;
}

/** The declaration given to `defineCheck`. */
export interface CheckDefinition<C extends string> {
  /** Stable id: the gate de-duplicates checks by it, and logs and docs use it. */
  id: string;
  dimension: Dimension;
  runsIn: RunsIn;
  /** The lead fields it reads: the DOM binding re-runs it when these change. */
  fields: readonly LeadField[];
  /** True when `run` returns a promise: `validateSync` skips such checks. */
  async?: boolean;
  /** Overrides the gate's `timeoutMs` for this check. */
  timeoutMs?: number;
  /** Keys are the stable rejection codes; values are a message or a full spec. */
  codes: { readonly [K in C]: string | CodeSpec };
  run(lead: Lead, ctx: CheckContext<C>): CheckOutcome | Promise<CheckOutcome>;
  /** Extra operations the gate exposes (see {@link CheckOperations}). */
  operations?: CheckOperations;
}

/** A check, ready to hand to a gate. Plain data plus one function. */
export interface Check<C extends string = string> {
  readonly id: string;
  readonly dimension: Dimension;
  readonly runsIn: RunsIn;
  readonly fields: readonly LeadField[];
  readonly async: boolean;
  readonly timeoutMs: number | undefined;
  readonly codes: { readonly [K in C]: CodeSpec };
  run(lead: Lead, ctx: CheckContext<C>): CheckOutcome | Promise<CheckOutcome>;
  readonly operations?: CheckOperations;
}

const CHECK_ID = /^[a-z][a-z0-9_-]*$/;
const CODE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Declares a check. Importing a check registers nothing; a gate runs the checks it is
 * given. Codes are typed, so `ctx.fail('EMAIL_MISING')` is a compile error.
 *
 * @example
 * const workEmailOnly = defineCheck({
 *   id: 'work-email', dimension: 'truth', runsIn: 'anywhere', fields: ['email'],
 *   codes: { WORK_EMAIL_REQUIRED: 'Use your work email address.' },
 *   run(lead, ctx) {
 *     return lead.email?.endsWith('@gmail.com') ? ctx.fail('WORK_EMAIL_REQUIRED', { field: 'email' }) : ctx.pass();
 *   },
 * });
 */
export function defineCheck<const C extends string>(definition: CheckDefinition<C>): Check<C> {
  if (typeof definition?.id !== 'string' || !CHECK_ID.test(definition.id)) {
    throw new LeadGateError(`defineCheck: "id" must be a lower-case identifier such as "email", got ${JSON.stringify(definition?.id)}`, { option: 'id' });
  }
  if (typeof definition.run !== 'function') {
    throw new LeadGateError(`defineCheck("${definition.id}"): "run" must be a function`, { option: 'run' });
  }
  const codes = {} as { [K in C]: CodeSpec };
  for (const [code, spec] of Object.entries(definition.codes ?? {}) as [C, string | CodeSpec][]) {
    if (!CODE_NAME.test(code) || code.startsWith('SYSTEM_')) {
      throw new LeadGateError(
        `defineCheck("${definition.id}"): code "${code}" must be UPPER_SNAKE_CASE and must not use the reserved SYSTEM_ prefix`,
        { option: `codes.${code}` },
      );
    }
    codes[code] = typeof spec === 'string' ? { message: spec } : { ...spec };
  }
  return Object.freeze({
    id: definition.id,
    dimension: definition.dimension,
    runsIn: definition.runsIn,
    fields: Object.freeze([...definition.fields]),
    async: definition.async === true,
    timeoutMs: definition.timeoutMs,
    codes: Object.freeze(codes),
    run: definition.run,
    ...(definition.operations === undefined ? {} : { operations: Object.freeze({ ...definition.operations }) }),
  });
}

/** Fills `{name}` placeholders from a finding's data; unknown placeholders stay as written. */
export function formatMessage(template: string, data: Record<string, unknown> | undefined): string {
  if (!data || !template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
