import type { AccountSummary, Check, CheckOutcome, Finding, LeadContext } from './check.js';
import { formatMessage } from './check.js';
import { buildCatalogue, SYSTEM_CODES, type CodeInfo } from './codes.js';
import { sha256Hex } from './digest.js';
import { LeadGateError } from './errors.js';
import { parseGateOptions, type GateOptions, type MessageOverride } from './gate-options.js';
import { RunContext, type RawFinding } from './run-context.js';
import { normalizeLead, type InputIssue, type Lead } from './lead.js';
import { decisionEvent, dispatch, toSink, type LogSink } from './log.js';
import { decide, resolveAction, type MotionPreset } from './policy.js';
import type { LeadStore } from './store.js';
import type { Action } from './types.js';
import { checkScores, scoreDimensions, type CheckResult, type Reason, type Verdict } from './verdict.js';

/** A configured gate: one motion, one policy, a fixed list of checks. */
export interface Gate {
  readonly motion: string;
  readonly policy: { readonly name: string; readonly version: string };
  readonly checks: readonly Check[];
  /** Runs every check (async ones concurrently, each under its timeout) and decides. Never throws. */
  validate(lead: unknown, context?: LeadContext): Promise<Verdict>;
  /**
   * Runs only the synchronous checks, for keystroke-speed feedback in a form. The
   * verdict lists the skipped async checks in `skipped`; the server's verdict is the
   * one that counts.
   */
  validateSync(lead: unknown, context?: LeadContext): Verdict;
  /** The action this gate gives a code (overrides applied). */
  actionFor(code: string): Action;
  /** The catalogue of every code this gate can produce, with this gate's actions. */
  codes(): CodeInfo[];
  /** Resolves when every log write started so far has finished (or failed). */
  flush(): Promise<void>;
  /**
   * The buying group of the account at `domain` (a domain, website or email address),
   * measured under this gate's motion: coverage, roles and missing roles. Delegates to
   * the first check that offers `accountSummary` (the `group` check); `undefined` when
   * the gate has none, or no single account has that domain. Rejects when the account
   * store does: unlike `validate`, it is a question the caller asked directly.
   */
  accountSummary(domain: string): Promise<AccountSummary | undefined>;
}

/** What the public `createGate` supplies to the engine: the built-in presets and checks. */
export interface GateDefaults {
  presets: Readonly<Record<string, MotionPreset>>;
  /** Instantiates the built-in checks a preset's `checks` table names, with its options. */
  checksFor(preset: MotionPreset): Check[];
}

const DEFAULT_TIMEOUT_MS = 3000;

/**
 * Builds a gate from validated options and the defaults of the package that calls it.
 * Core stays free of the checks and presets; `createGate` in `src/gate.ts` binds them.
 */
export function assembleGate(rawOptions: GateOptions, defaults: GateDefaults): Gate {
  const options = parseGateOptions(rawOptions);
  const preset = typeof options.motion === 'string' ? defaults.presets[options.motion] : options.motion;
  if (!preset) throw new LeadGateError(`createGate: unknown motion "${String(options.motion)}"`, { option: 'motion' });

  const checks = mergeChecks(defaults.checksFor(preset), options.checks);
  const knownCodes = new Map<string, Check | undefined>(Object.keys(SYSTEM_CODES).map((code) => [code, undefined]));
  for (const check of checks) for (const code of Object.keys(check.codes)) knownCodes.set(code, check);

  const overrides = { ...options.overrides };
  const messages: Record<string, MessageOverride> = { ...options.messages };
  for (const [name, table] of [['overrides', overrides], ['messages', messages]] as const) {
    for (const code of Object.keys(table)) {
      if (!knownCodes.has(code)) {
        throw new LeadGateError(`createGate: option "${name}.${code}" names a code no check of this gate produces`, { option: `${name}.${code}` });
      }
    }
  }

  const actionCache = new Map<string, Action>();
  const actionFor = (code: string): Action => {
    let action = actionCache.get(code);
    if (!action) actionCache.set(code, (action = resolveAction(preset, overrides, code)));
    return action;
  };
  const policy = Object.freeze({ name: preset.name, version: policyVersion(preset, overrides) });
  const sinks: LogSink[] = (Array.isArray(options.log) ? options.log : options.log ? [options.log] : []).map(toSink);
  const salt = options.logSalt ?? randomId();
  const onLogError = options.onLogError ?? ((error: unknown, sinkName: string) => {
    console.error(`leadgate: log sink "${sinkName}" failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  const pendingLogs = new Set<Promise<void>>();
  // What validateSync runs and skips: fixed per gate, so not filtered again per lead.
  const syncChecks = checks.filter((check) => !check.async);
  const asyncCheckIds = checks.filter((check) => check.async).map((check) => check.id);
  const now = options.now ?? (() => new Date());
  // The verdict's `at`, formatted once per millisecond: toISOString costs about 0.6 µs,
  // and a dozen leads are decided in one millisecond of a batch. An invalid date from a
  // caller's `now` never matches (NaN), so it throws as toISOString always did.
  let stampedMs = Number.NaN;
  let stamped = '';
  const timestamp = (): string => {
    const date = now();
    const ms = date.getTime();
    if (ms !== stampedMs) {
      stamped = date.toISOString();
      stampedMs = ms;
    }
    return stamped;
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const render = (check: Check | undefined, checkId: string, raw: RawFinding): Finding => {
    const finding: Finding = { code: raw.code, check: checkId, message: '' };
    if (raw.field !== undefined) finding.field = raw.field;
    if (raw.data !== undefined) finding.data = raw.data;
    const spec = check?.codes[raw.code] ?? SYSTEM_CODES[raw.code as keyof typeof SYSTEM_CODES];
    // The message is rendered last: an override function receives the finding's code, field and data.
    finding.message = messageFor(messages[raw.code], finding, spec?.message ?? raw.code);
    return finding;
  };

  const runOne = (check: Check, lead: Lead, context: LeadContext, sync: boolean): CheckResult | Promise<CheckResult> => {
    const started = performance.now();
    const ctx = new RunContext(preset.name, context, options.store as LeadStore | undefined, now);

    let outcome: CheckOutcome | Promise<CheckOutcome>;
    try {
      outcome = check.run(lead, ctx);
    } catch (error) {
      return errorResult(check, error, started, render);
    }
    // Most checks return synchronously: their result is made without the closures below.
    if (!isThenable(outcome)) return toResult(check, outcome, started, render);
    const done = (value: unknown) => toResult(check, value, started, render);
    const failed = (error: unknown) => errorResult(check, error, started, render);
    if (sync) {
      outcome.then(undefined, () => undefined); // nobody awaits it; keep the rejection handled
      return failed(new Error(`check "${check.id}" returned a promise but is not declared async`));
    }
    const limit = check.timeoutMs ?? timeoutMs;
    return new Promise<CheckResult>((resolve) => {
      const timer = setTimeout(() => {
        const timeout = new DOMException(`check "${check.id}" timed out after ${limit} ms`, 'TimeoutError');
        ctx.abort(timeout);
        resolve(failed(timeout));
      }, limit);
      outcome.then(
        (value) => (clearTimeout(timer), resolve(done(value))),
        (error) => (clearTimeout(timer), resolve(failed(error))),
      );
    });
  };

  const conclude = (lead: Lead, issues: InputIssue[], results: CheckResult[], context: LeadContext, started: number, skipped?: string[]): Verdict => {
    if (issues.length > 0) {
      results.unshift({
        check: 'input', dimension: 'system', status: 'fail', ms: 0,
        findings: issues.map((issue) => render(undefined, 'input', issue)),
      });
    }
    const reasons: Reason[] = [];
    for (const result of results) {
      for (const finding of result.findings) {
        const action = actionFor(finding.code);
        if (action !== 'ignore') reasons.push(asReason(finding, action));
      }
    }
    reasons.sort((a, b) => STRENGTH[b.action] - STRENGTH[a.action]);
    // Built by assignment: V8 (Node 20) copies a spread or a rest that follows other
    // properties through a slow runtime path, ~300 ns a verdict (reason-spread.mjs).
    const { mql, fit, intent } = checkScores(results);
    const scores = scoreDimensions(results, actionFor);
    if (fit !== undefined) scores.fit = fit;
    if (intent !== undefined) scores.intent = intent;
    const verdict: Verdict = {
      decision: decide(reasons.map((reason) => reason.action)),
      motion: preset.name,
      policy,
      reasons,
      results,
      scores,
      leadId: typeof context.leadId === 'string' && context.leadId.length > 0 ? context.leadId.slice(0, 200) : randomId(),
      at: timestamp(),
      ms: round(performance.now() - started),
    };
    if (skipped && skipped.length > 0) verdict.skipped = skipped;
    if (mql !== undefined) verdict.mql = mql;
    log(verdict, lead);
    return verdict;
  };

  const log = (verdict: Verdict, lead: Lead) => {
    if (sinks.length === 0) return;
    let event;
    try {
      const privacy: Parameters<typeof decisionEvent>[2] = { salt, logPersonalData: options.logPersonalData === true };
      for (const result of verdict.results) {
        const e164 = result.evidence?.e164;
        if (typeof e164 === 'string') {
          if (e164) privacy.e164 = e164;
          break;
        }
      }
      event = decisionEvent(verdict, lead, privacy);
    } catch (error) {
      onLogError(error, 'event');
      return;
    }
    const pending = dispatch(event, sinks, (error, sink) => onLogError(error, sink.name ?? 'sink'));
    if (pending) {
      pendingLogs.add(pending);
      void pending.finally(() => pendingLogs.delete(pending));
    }
  };

  return Object.freeze({
    motion: preset.name,
    policy,
    checks,
    actionFor,
    codes: () => buildCatalogue(checks, [preset], overrides),
    accountSummary: async (domain: string) => {
      const operations = checks.find((check) => typeof check.operations?.accountSummary === 'function')?.operations;
      return operations?.accountSummary ? operations.accountSummary(domain, { motion: preset.name }) : undefined;
    },
    flush: async () => {
      while (pendingLogs.size > 0) await Promise.all([...pendingLogs]);
    },
    async validate(input: unknown, context: LeadContext = {}): Promise<Verdict> {
      const started = performance.now();
      const { lead, issues } = normalizeLead(input);
      const ctx = safeContext(context);
      if (issues.some((issue) => issue.code === 'SYSTEM_INPUT_INVALID')) return conclude(lead, issues, [], ctx, started);
      const outcomes = checks.map((check) => runOne(check, lead, ctx, false));
      // Only a check that returned a promise is awaited: a lead whose checks all finished
      // synchronously is decided without a promise per check.
      const results = outcomes.some(isThenable) ? await Promise.all(outcomes) : (outcomes as CheckResult[]);
      return conclude(lead, issues, results, ctx, started);
    },
    validateSync(input: unknown, context: LeadContext = {}): Verdict {
      const started = performance.now();
      const { lead, issues } = normalizeLead(input);
      const ctx = safeContext(context);
      // A copy per verdict: the caller owns what it is given.
      const skipped = asyncCheckIds.length > 0 ? asyncCheckIds.slice() : undefined;
      if (issues.some((issue) => issue.code === 'SYSTEM_INPUT_INVALID')) return conclude(lead, issues, [], ctx, started, skipped);
      const results = syncChecks.map((check) => runOne(check, lead, ctx, true) as CheckResult);
      return conclude(lead, issues, results, ctx, started, skipped);
    },
  });
}

const STRENGTH: Record<Action, number> = { ignore: 0, flag: 1, review: 2, reject: 3 };

function mergeChecks(defaults: Check[], given: GateOptions['checks']): Check[] {
  let checks: Check[];
  if (typeof given === 'function') {
    checks = given(Object.freeze([...defaults]));
    if (!Array.isArray(checks)) throw new LeadGateError('createGate: option "checks" function must return an array of checks', { option: 'checks' });
  } else {
    const replaced = new Set((given ?? []).map((check) => check.id));
    checks = [...defaults.filter((check) => !replaced.has(check.id)), ...(given ?? [])];
  }
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.id)) throw new LeadGateError(`createGate: option "checks" has two checks with the id "${check.id}"`, { option: 'checks' });
    seen.add(check.id);
  }
  return checks;
}

function toResult(check: Check, outcome: unknown, started: number, render: RenderFinding): CheckResult {
  const value = outcome as Partial<CheckOutcome> | undefined;
  if (!value || !Array.isArray(value.findings)) {
    return errorResult(check, new Error(`check "${check.id}" did not return ctx.pass() or ctx.fail()`), started, render);
  }
  let undeclared: RawFinding | undefined;
  for (const finding of value.findings as RawFinding[]) {
    if (!(finding.code in check.codes)) {
      undeclared = finding;
      break;
    }
  }
  if (undeclared) {
    // A code outside the check's table would be undocumented public API: refuse it.
    return errorResult(check, new Error(`check "${check.id}" reported undeclared code "${undeclared.code}"`), started, render);
  }
  const result: CheckResult = {
    check: check.id,
    dimension: check.dimension,
    status: value.findings.length > 0 ? 'fail' : 'pass',
    findings: value.findings.map((finding) => render(check, check.id, finding)),
    ms: round(performance.now() - started),
  };
  if (value.evidence !== undefined) result.evidence = value.evidence;
  return result;
}

type RenderFinding = (check: Check | undefined, checkId: string, raw: RawFinding) => Finding;

function errorResult(check: Check, error: unknown, started: number, render: RenderFinding): CheckResult {
  const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
  // Only the error's name travels: a message can carry the lead's own data.
  const name = error instanceof Error || error instanceof DOMException ? error.name : typeof error;
  return {
    check: check.id,
    dimension: check.dimension,
    status: 'error',
    findings: [render(undefined, check.id, { code: timedOut ? 'SYSTEM_TIMEOUT' : 'SYSTEM_CHECK_FAILED', data: { error: name } })],
    ms: round(performance.now() - started),
  };
}

function messageFor(override: MessageOverride | undefined, finding: Finding, fallback: string): string {
  if (typeof override === 'function') {
    try {
      const text = override(finding);
      if (typeof text === 'string') return text;
    } catch {
      // A broken message function must not cost the lead its verdict.
    }
    return formatMessage(fallback, finding.data);
  }
  return formatMessage(override ?? fallback, finding.data);
}

function safeContext(context: unknown): LeadContext {
  return typeof context === 'object' && context !== null && !Array.isArray(context) ? (context as LeadContext) : {};
}

function policyVersion(preset: MotionPreset, overrides: Record<string, Action>): string {
  const keys = Object.keys(overrides).sort();
  if (keys.length === 0) return preset.version;
  // Overrides change the policy, so the logged version must say so.
  const canonical = keys.map((key) => `${key}=${overrides[key]}`).join(',');
  return `${preset.version}+overrides.${sha256Hex(canonical).slice(0, 8)}`;
}

/**
 * The finding with its action, key by key in the finding's own order (the verdict's
 * JSON is what a spread gave): V8 (Node 20) spreads a finding, which render builds key
 * by key, about 25× slower, once per reason per lead (bench/investigations/reason-spread.mjs).
 */
function asReason(finding: Finding, action: Action): Reason {
  const reason = { code: finding.code, check: finding.check, message: finding.message } as Reason;
  if (finding.field !== undefined) reason.field = finding.field;
  if (finding.data !== undefined) reason.data = finding.data;
  reason.action = action;
  return reason;
}

function isThenable<T>(value: unknown): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
