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
  /**
   * `anywhere` (default): pure, runs in the browser too. `server`: needs the server (a
   * store, a secret) or keeps state across leads; the browser gate and multi-threaded
   * audits leave it to the server.
   */
  runsIn?: RunsIn;
  /** The lead fields it reads: the DOM binding re-runs it when these change. Default none. */
  fields?: readonly LeadField[];
  /** True when `run` returns a promise: `validateSync` skips such checks. */
  async?: boolean;
  /** Overrides the gate's `timeoutMs` for this check. */
  timeoutMs?: number;
  /**
   * Keys are the stable rejection codes; values are a message or a full spec. A code is
   * UPPER_SNAKE_CASE and starts with the check's id in upper case and `_` (`work-email` →
   * `WORK_EMAIL_…`), so codes of two checks never collide; `SYSTEM_` is the gate's own.
   */
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
const DIMENSION = /^(compliance|truth|value)$/;

/**
 * Declares a check. Importing a check registers nothing; a gate runs the checks it is
 * given. Codes are typed, so `ctx.fail('EMAIL_MISING')` is a compile error.
 *
 * Only `id`, `dimension`, `codes` and `run` are required. Anything invalid (an id that is
 * not a lower-case identifier, an unknown dimension, a code without the id's prefix or
 * with the reserved `SYSTEM_` one, `run` not a function, `fields` naming no lead field)
 * throws a `LeadGateError` whose `option` names the property.
 *
 * @example
 * const workEmailOnly = defineCheck({
 *   id: 'work-email', dimension: 'truth', fields: ['email'],
 *   codes: { WORK_EMAIL_REQUIRED: 'Use your work email address.' },
 *   run(lead, ctx) {
 *     return lead.email?.endsWith('@gmail.com') ? ctx.fail('WORK_EMAIL_REQUIRED', { field: 'email' }) : ctx.pass();
 *   },
 * });
 */
export function defineCheck<const C extends string>(definition: CheckDefinition<C>): Check<C> {
  // Compact on purpose: this runs in every check's browser bundle (role check: 12 KB gzip).
  const d = (typeof definition === 'object' && definition !== null ? definition : {}) as Partial<CheckDefinition<C>>;
  const { id } = d;
  const bad = (option: string, expected: string): never => {
    throw new LeadGateError(`defineCheck(${JSON.stringify(id)}): "${option}" must be ${expected}`, { option });
  };
  // `system` would own the SYSTEM_ codes, which are the gate's.
  if (typeof id !== 'string' || !CHECK_ID.test(id) || id === 'system') bad('id', 'a lower-case id such as "email"');
  if (!DIMENSION.test(d.dimension as string)) bad('dimension', 'compliance, truth or value');
  const runsIn = d.runsIn ?? 'anywhere';
  if (runsIn != 'anywhere' && runsIn != 'server') bad('runsIn', 'anywhere or server');
  // Names are not checked against the lead schema, which would put zod in every bundle.
  const fields = d.fields ?? [];
  if (!Array.isArray(fields) || !fields.every((field) => typeof field == 'string')) bad('fields', 'an array of lead fields');
  if (typeof d.run !== 'function') bad('run', 'a function');
  if (d.timeoutMs !== undefined && !((d.timeoutMs as number) > 0 && (d.timeoutMs as number) < Infinity)) bad('timeoutMs', 'a positive number');
  if (typeof d.codes !== 'object' || d.codes === null || Array.isArray(d.codes)) bad('codes', 'an object of code → message');
  const prefix = codePrefix(id!);
  const codes = {} as { [K in C]: CodeSpec };
  for (const [code, spec] of Object.entries(d.codes!) as [C, string | CodeSpec][]) {
    if (!CODE_NAME.test(code) || !code.startsWith(prefix) || code === prefix) bad(`codes.${code}`, `UPPER_SNAKE_CASE starting with ${prefix}`);
    if (typeof spec !== 'string' && typeof spec?.message !== 'string') bad(`codes.${code}`, 'a message or { message }');
    codes[code] = typeof spec === 'string' ? { message: spec } : { ...spec };
  }
  return Object.freeze({
    id: id!,
    dimension: d.dimension!,
    runsIn,
    fields: Object.freeze([...fields]),
    async: d.async === true,
    timeoutMs: d.timeoutMs,
    codes: Object.freeze(codes),
    run: d.run!,
    ...(d.operations === undefined ? {} : { operations: Object.freeze({ ...d.operations }) }),
  });
}

/** `work-email` → `WORK_EMAIL_`: what every code of the check starts with. */
export function codePrefix(id: string): string {
  return `${id.toUpperCase().replace(/-/g, '_')}_`;
}

/** Fills `{name}` placeholders from a finding's data; unknown placeholders stay as written. */
export function formatMessage(template: string, data: Record<string, unknown> | undefined): string {
  if (!data || !template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
