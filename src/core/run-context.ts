import type { CheckContext, CheckOutcome, FindingDetail, LeadContext } from './check.js';
import type { LeadStore } from './store.js';

/** A finding as a check reports it, before the gate renders its message. */
export type RawFinding = { code: string } & FindingDetail;

/**
 * The `CheckContext` of one check run. A class rather than an object literal because the
 * gate makes one per check per lead, and V8 builds a literal with a getter about 20×
 * slower than a class instance (bench/investigations/context-literal.mjs). Methods are
 * called as `ctx.fail(…)`, as the check contract shows.
 */
export class RunContext implements CheckContext {
  readonly findings: RawFinding[] = [];
  #controller: AbortController | undefined;

  constructor(
    readonly motion: string,
    readonly context: LeadContext,
    readonly store: LeadStore | undefined,
    readonly now: () => Date,
  ) {}

  /** Made on first use: most checks never read it. */
  get signal(): AbortSignal {
    return this.controller().signal;
  }

  /** Aborts the signal (a timeout), whether or not the check has read it yet. */
  abort(reason: unknown): void {
    this.controller().abort(reason);
  }

  report(code: string, detail?: FindingDetail): void {
    // By assignment, not `{ code, ...detail }`: V8 (Node 20) copies a spread that follows
    // another property through a slow runtime path, once per finding per lead
    // (bench/investigations/reason-spread.mjs). The gate reads only these two keys.
    const finding: RawFinding = { code };
    if (detail?.field !== undefined) finding.field = detail.field;
    if (detail?.data !== undefined) finding.data = detail.data;
    this.findings.push(finding);
  }

  fail(code: string, detail?: FindingDetail, evidence?: Record<string, unknown>): CheckOutcome {
    this.report(code, detail);
    return this.pass(evidence);
  }

  pass(evidence?: Record<string, unknown>): CheckOutcome {
    const status = this.findings.length > 0 ? 'fail' : 'pass';
    return evidence === undefined ? { status, findings: this.findings } : { status, findings: this.findings, evidence };
  }

  private controller(): AbortController {
    return (this.#controller ??= new AbortController());
  }
}
