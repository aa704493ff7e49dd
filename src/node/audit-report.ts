import type { Reason, Verdict } from '../core/verdict.js';
import type { Action, Decision } from '../core/types.js';
import type { MalformedReason, MalformedRow } from './csv-parser.js';
import type { MappedRow } from './column-mapping.js';
import { maskPersonalData } from './personal-data-mask.js';

/**
 * What the audit keeps of one verdict: enough for the report and the verdicts file,
 * small enough to cross a worker boundary cheaply. Built the same way on every thread,
 * so a run with workers reports exactly what a run without them does.
 */
export interface RowOutcome {
  decision: Decision;
  /** `column`: the file's column (CSV) or key (JSONL) the finding's field was read from. */
  reasons: Array<{ code: string; check: string; action: Action; field?: string; column?: string }>;
  checks: Array<{ check: string; dimension: string; status: 'pass' | 'fail' | 'error' }>;
  /** Dimension scores and, when a scoring check ran, fit/intent. */
  scores: Record<string, number | null>;
  mql?: boolean;
}

/** Reduces a verdict to its {@link RowOutcome}. */
export function toRowOutcome(verdict: Verdict): RowOutcome {
  const outcome: RowOutcome = {
    decision: verdict.decision,
    reasons: verdict.reasons.map((reason: Reason) => {
      const kept: RowOutcome['reasons'][number] = { code: reason.code, check: reason.check, action: reason.action };
      if (reason.field !== undefined) kept.field = reason.field;
      return kept;
    }),
    checks: verdict.results.map((result) => ({ check: result.check, dimension: result.dimension, status: result.status })),
    scores: { ...verdict.scores } as Record<string, number | null>,
  };
  if (verdict.mql !== undefined) outcome.mql = verdict.mql;
  return outcome;
}

/** A line that showed a code: the column the finding's field came from, and its value (masked unless shown). */
export interface CodeExample {
  line: number;
  column?: string;
  value?: string;
}

/** A number and its share of the audited leads, in percent with one decimal. */
export interface Share {
  count: number;
  percent: number;
}

/** The audit's result, as `--format json` prints it; the terminal and HTML reports render it. */
export interface AuditReport {
  tool: 'leadgate';
  reportVersion: 1;
  input: {
    file: string;
    format: 'csv' | 'jsonl';
    /** Target → the column (CSV) or key (JSONL) it came from. */
    columns: Record<string, string>;
    /** Columns or keys no target used. */
    unusedColumns: string[];
  };
  motion: string;
  policy: { name: string; version: string };
  rows: {
    /** Data rows read: audited plus malformed (the header and blank lines excluded). */
    total: number;
    audited: number;
    malformed: number;
  };
  decisions: Record<Decision, Share>;
  /** `decisions.reject.percent`, the figure `--fail-over` compares. */
  rejectionRate: number;
  /** Every code found, most frequent first; `leads` counts a lead once per code. */
  codes: Array<{ code: string; check: string; action: Action; leads: number; percent: number; examples: CodeExample[] }>;
  /** Per check the gate ran: leads it passed, failed, or could not finish. */
  checks: Array<{ check: string; dimension: string; pass: number; fail: number; error: number }>;
  /** Per dimension: leads with at least one failing or erroring check in it, and the mean score. */
  dimensions: Array<{ dimension: string; checks: string[]; leadsWithFindings: number; percent: number; meanScore: number | null }>;
  /** Mean of each score the verdicts carried (dimension scores, fit, intent), over the leads that had it. */
  scores: Record<string, { mean: number; leads: number }>;
  /** Marketing-qualified leads, when a scoring check reports it. */
  mql?: { yes: number; no: number };
  /** Decisions per source (the `@source` column, else utm_source or partnerId); `null` when no lead had one. */
  bySource: null | {
    column: string;
    sources: Array<{ source: string; leads: number; accept: number; review: number; reject: number; rejectPercent: number }>;
  };
  malformed: {
    count: number;
    byReason: Partial<Record<MalformedReason, number>>;
    /** The first rows, by line. */
    rows: MalformedRow[];
  };
  run: {
    workers: number;
    /**
     * Checks that keep state across leads (duplicates, buying groups): while there is one,
     * the audit runs on one thread so every lead sees every lead before it.
     */
    statefulChecks: string[];
    dns: boolean;
    ms: number;
    rowsPerSecond: number;
    personalData: 'masked' | 'shown';
  };
}

const EXAMPLES_PER_CODE = 3;
const MALFORMED_LISTED = 100;
const SOURCES_TRACKED = 1000;
const SOURCES_LISTED = 20;
const OTHER_SOURCES = '(other)';
const NO_SOURCE = '(none)';

interface SourceCount {
  leads: number;
  accept: number;
  review: number;
  reject: number;
}

/**
 * Counts an audit as it goes, so memory does not grow with the number of rows: counts
 * per decision, code, check, dimension and source, a few masked examples per code and
 * the first malformed rows. Rows must be added in input order (examples are the first
 * lines that showed a code).
 */
export class AuditTally {
  private audited = 0;
  private readonly decisions: Record<Decision, number> = { accept: 0, review: 0, reject: 0 };
  private readonly codes = new Map<string, { check: string; action: Action; leads: number; examples: CodeExample[] }>();
  private readonly checks = new Map<string, { dimension: string; pass: number; fail: number; error: number }>();
  private readonly dimensionFindings = new Map<string, number>();
  private readonly scores = new Map<string, { sum: number; leads: number }>();
  private mql: { yes: number; no: number } | undefined;
  private readonly sources = new Map<string, SourceCount>();
  private sawSource = false;
  private malformedCount = 0;
  private readonly malformedByReason: Partial<Record<MalformedReason, number>> = {};
  private readonly malformedRows: MalformedRow[] = [];
  private readonly seenCodes = new Set<string>();
  private readonly seenDimensions = new Set<string>();

  constructor(private readonly showPersonalData: boolean) {}

  /** Adds one audited lead. */
  add(line: number, row: MappedRow, outcome: RowOutcome): void {
    this.audited += 1;
    this.decisions[outcome.decision] += 1;

    const seenCodes = this.seenCodes;
    seenCodes.clear();
    for (const reason of outcome.reasons) {
      if (seenCodes.has(reason.code)) continue;
      seenCodes.add(reason.code);
      let entry = this.codes.get(reason.code);
      if (!entry) this.codes.set(reason.code, (entry = { check: reason.check, action: reason.action, leads: 0, examples: [] }));
      entry.leads += 1;
      if (entry.examples.length < EXAMPLES_PER_CODE) entry.examples.push(this.example(line, row, reason.field, reason.column));
    }

    const seenDimensions = this.seenDimensions;
    seenDimensions.clear();
    for (const result of outcome.checks) {
      let entry = this.checks.get(result.check);
      if (!entry) this.checks.set(result.check, (entry = { dimension: result.dimension, pass: 0, fail: 0, error: 0 }));
      entry[result.status] += 1;
      if (result.status !== 'pass' && !seenDimensions.has(result.dimension)) {
        seenDimensions.add(result.dimension);
        this.dimensionFindings.set(result.dimension, (this.dimensionFindings.get(result.dimension) ?? 0) + 1);
      }
    }

    for (const key in outcome.scores) {
      const value = outcome.scores[key];
      if (typeof value !== 'number') continue;
      let entry = this.scores.get(key);
      if (!entry) this.scores.set(key, (entry = { sum: 0, leads: 0 }));
      entry.sum += value;
      entry.leads += 1;
    }
    if (outcome.mql !== undefined) {
      this.mql ??= { yes: 0, no: 0 };
      this.mql[outcome.mql ? 'yes' : 'no'] += 1;
    }

    let source = row.source;
    if (source === undefined) source = NO_SOURCE;
    else this.sawSource = true;
    let count = this.sources.get(source);
    if (!count) {
      // Bounded: a column with a unique value per row must not grow the map forever.
      const key = this.sources.size < SOURCES_TRACKED ? source : OTHER_SOURCES;
      count = this.sources.get(key);
      if (!count) this.sources.set(key, (count = { leads: 0, accept: 0, review: 0, reject: 0 }));
    }
    count.leads += 1;
    count[outcome.decision] += 1;
  }

  /** Counts one malformed row. */
  malformed(problem: MalformedRow): void {
    this.malformedCount += 1;
    this.malformedByReason[problem.reason] = (this.malformedByReason[problem.reason] ?? 0) + 1;
    if (this.malformedRows.length < MALFORMED_LISTED) this.malformedRows.push(problem);
  }

  /** Builds the report. `sourceColumn` names where the by-source values came from. */
  report(meta: Pick<AuditReport, 'input' | 'motion' | 'policy' | 'run'> & { sourceColumn: string }): AuditReport {
    const audited = this.audited;
    const percent = (count: number) => (audited === 0 ? 0 : Math.round((count / audited) * 1000) / 10);
    const share = (count: number): Share => ({ count, percent: percent(count) });
    const codes = [...this.codes.entries()]
      .map(([code, entry]) => ({ code, check: entry.check, action: entry.action, leads: entry.leads, percent: percent(entry.leads), examples: entry.examples }))
      .sort((a, b) => b.leads - a.leads || a.code.localeCompare(b.code));
    const checks = [...this.checks.entries()].map(([check, entry]) => ({ check, ...entry }));
    const dimensionIds = [...new Set(checks.map((check) => check.dimension))];
    const dimensions = dimensionIds.map((dimension) => {
      const findings = this.dimensionFindings.get(dimension) ?? 0;
      const score = this.scores.get(dimension);
      return {
        dimension,
        checks: checks.filter((check) => check.dimension === dimension).map((check) => check.check),
        leadsWithFindings: findings,
        percent: percent(findings),
        meanScore: score ? round1(score.sum / score.leads) : null,
      };
    });
    const scores = Object.fromEntries([...this.scores.entries()].map(([key, entry]) => [key, { mean: round1(entry.sum / entry.leads), leads: entry.leads }]));
    const report: AuditReport = {
      tool: 'leadgate',
      reportVersion: 1,
      input: meta.input,
      motion: meta.motion,
      policy: meta.policy,
      rows: { total: audited + this.malformedCount, audited, malformed: this.malformedCount },
      decisions: { accept: share(this.decisions.accept), review: share(this.decisions.review), reject: share(this.decisions.reject) },
      rejectionRate: percent(this.decisions.reject),
      codes,
      checks,
      dimensions,
      scores,
      bySource: this.sawSource ? { column: meta.sourceColumn, sources: this.sourceRows() } : null,
      malformed: { count: this.malformedCount, byReason: { ...this.malformedByReason }, rows: [...this.malformedRows] },
      run: meta.run,
    };
    if (this.mql) report.mql = { ...this.mql };
    return report;
  }

  private sourceRows(): NonNullable<AuditReport['bySource']>['sources'] {
    const rows = [...this.sources.entries()].sort((a, b) => b[1].leads - a[1].leads || a[0].localeCompare(b[0]));
    const listed = rows.filter(([name]) => name !== OTHER_SOURCES).slice(0, SOURCES_LISTED);
    const rest = rows.filter((row) => !listed.includes(row));
    if (rest.length > 0) {
      const other: SourceCount = { leads: 0, accept: 0, review: 0, reject: 0 };
      for (const [, count] of rest) {
        other.leads += count.leads;
        other.accept += count.accept;
        other.review += count.review;
        other.reject += count.reject;
      }
      listed.push([OTHER_SOURCES, other]);
    }
    return listed.map(([source, count]) => ({ source, ...count, rejectPercent: count.leads === 0 ? 0 : Math.round((count.reject / count.leads) * 1000) / 10 }));
  }

  private example(line: number, row: MappedRow, field: string | undefined, column: string | undefined): CodeExample {
    const example: CodeExample = { line };
    if (column !== undefined) example.column = column;
    if (field === undefined) return example;
    const raw = readPath(row.lead, field);
    if (raw === undefined || raw === null || typeof raw === 'object') return example;
    const text = String(raw).slice(0, 80);
    example.value = this.showPersonalData ? text : maskPersonalData(field, text);
    return example;
  }
}

function readPath(lead: Record<string, unknown>, path: string): unknown {
  let value: unknown = lead;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
