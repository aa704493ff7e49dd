import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomesCommand } from '../../src/cli/commands/outcomes.js';
import { closedLoopReport, LoopJoin, OutcomeIndex, rate, wilsonInterval, type LoopReport } from '../../src/node/index.js';

describe('wilsonInterval: against published values', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat Med
  // 17:857-872, Table I, method 3 (Wilson score, no continuity correction).
  const cases: Array<[number, number, number, number]> = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  for (const [successes, n, low, high] of cases) {
    it(`${successes}/${n} → [${low}, ${high}]`, () => {
      const interval = wilsonInterval(successes, n);
      expect(interval.low).toBeCloseTo(low, 4);
      expect(interval.high).toBeCloseTo(high, 4);
    });
  }

  it('below the minimum count a rate is "too few", with its counts', () => {
    expect(rate(3, 10, 30)).toEqual({ successes: 3, n: 10, tooFew: true });
    expect(rate(9, 30, 30)).toMatchObject({ successes: 9, n: 30, rate: 0.3 });
    expect(rate(0, 0, 1)).toEqual({ successes: 0, n: 0, tooFew: true });
  });
});

const T0 = Date.parse('2026-10-01T09:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

interface DecisionInput {
  leadId: string;
  decision?: string;
  hours?: number;
  motion?: string;
  version?: string;
  source?: Record<string, string>;
  codes?: Array<{ code: string; check: string; action: string }>;
}

const decision = ({ leadId, decision = 'accept', hours = 0, motion = 'inbound', version = '1.2.0', source = { utm_source: 'newsletter' }, codes = [] }: DecisionInput) => ({
  type: 'leadgate.decision', leadId, at: at(hours), decision, motion, policy: { name: motion, version }, codes, timings: { totalMs: 1, checks: {} }, source, identity: {},
});

function joined(decisions: unknown[], outcomes: unknown[], options = { minCount: 1 }): LoopReport {
  const index = new OutcomeIndex();
  for (const outcome of outcomes) index.addInput(outcome);
  const loop = new LoopJoin(index, options);
  for (const event of decisions) loop.addDecision(event);
  return loop.result();
}

describe('the join: decisions with outcomes', () => {
  it('counts each lead once down the funnel; a later stage implies the earlier ones', () => {
    const report = joined(
      [decision({ leadId: 'a' }), decision({ leadId: 'b' }), decision({ leadId: 'c' }), decision({ leadId: 'd' })],
      [
        { leadId: 'a', stage: 'mql', at: at(1) },
        // b only has won in the export: it was an MQL, SAL and SQL.
        { leadId: 'b', stage: 'won', at: at(500), amount: 12000 },
        { leadId: 'c', stage: 'rejected', at: at(30), reason: 'SALES_FAKE' },
      ],
    );
    expect(report.funnel).toMatchObject({ leads: 4, mql: 3, sal: 1, sql: 1, won: 1, salesRejected: 1, wonAmount: 12000 });
    expect(report.funnel.rates.mqlToSql).toMatchObject({ successes: 1, n: 3 });
  });

  it('missing outcomes, outcomes for unknown leads, repeated decisions and invalid lines are counted, not lost', () => {
    const report = joined(
      [decision({ leadId: 'a' }), decision({ leadId: 'a', hours: 5 }), decision({ leadId: 'no-outcome' }), { type: 'leadgate.decision' }, 'not an event'],
      [
        { leadId: 'a', stage: 'sql', at: at(3) },
        { leadId: 'a', stage: 'sql', at: at(3) },
        { leadId: 'ghost', stage: 'mql', at: at(2) },
        { leadId: 'x', stage: 'rejected', at: at(2) },
      ],
    );
    expect(report.input).toEqual({ decisions: 2, duplicateDecisions: 1, invalidDecisions: 2, outcomeRecords: 4, invalidOutcomes: 1, outcomeLeads: 2, outcomesForUnknownLeads: 1 });
    expect(report.funnel).toMatchObject({ leads: 2, mql: 1, sql: 1 });
  });

  it("a late rejection record wins over an earlier one, whatever the file order", () => {
    const records = [
      { leadId: 'a', stage: 'rejected', at: at(50), reason: 'SALES_NO_BUDGET' },
      { leadId: 'a', stage: 'rejected', at: at(10), reason: 'SALES_FAKE' },
    ];
    for (const outcomes of [records, [...records].reverse()]) {
      const report = joined([decision({ leadId: 'a' })], outcomes);
      expect(report.salesRejections.byReason).toEqual([{ code: 'SALES_NO_BUDGET', dimension: 'value', label: expect.any(String), count: 1 }]);
    }
  });

  it('groups by capture decision (flagged apart from clean accepts), motion, policy and source', () => {
    const report = joined(
      [
        decision({ leadId: 'a', source: { partnerId: 'acme', utm_source: 'x' } }),
        decision({ leadId: 'b', codes: [{ code: 'ROLE_UNRECOGNISED', check: 'role', action: 'flag' }] }),
        decision({ leadId: 'c', decision: 'review', motion: 'abm', source: { formId: 'demo' } }),
        decision({ leadId: 'd', decision: 'reject', source: {} }),
      ],
      [{ leadId: 'b', stage: 'sql', at: at(5) }],
    );
    expect(Object.keys(report.byDecision).sort()).toEqual(['accept', 'flagged', 'reject', 'review']);
    expect(report.byDecision.flagged).toMatchObject({ leads: 1, sql: 1 });
    expect(Object.keys(report.bySource).sort()).toEqual(['(none)', 'form:demo', 'partner:acme', 'utm:newsletter']);
    expect(Object.keys(report.byMotion).sort()).toEqual(['abm', 'inbound']);
    expect(Object.keys(report.byPolicy).sort()).toEqual(['abm@1.2.0', 'inbound@1.2.0']);
  });

  it('response time: median, p90, over the SLA, MQLs never touched', () => {
    const touches = [1, 2, 3, 4, 5, 6, 7, 8, 30, 50];
    const decisions = touches.map((_, i) => decision({ leadId: `t${i}` }));
    const outcomes = touches.map((hours, i) => ({ leadId: `t${i}`, stage: 'mql', at: at(hours), firstTouchAt: at(hours) }));
    decisions.push(decision({ leadId: 'cold' }));
    outcomes.push({ leadId: 'cold', stage: 'mql', at: at(1) } as (typeof outcomes)[number]);
    const report = joined(decisions, outcomes);
    expect(report.responseTime).toMatchObject({ touched: 10, medianHours: 5, p90Hours: 30 });
    expect(report.responseTime.overSla).toMatchObject({ successes: 2, n: 10 });
    expect(report.responseTime.mqlsNeverTouched).toMatchObject({ successes: 1, n: 11 });
    // A 4-hour SLA: 6 of 10 touched late.
    const index = new OutcomeIndex();
    outcomes.forEach((outcome) => index.addInput(outcome));
    const strict = new LoopJoin(index, { slaHours: 4, minCount: 1 });
    decisions.forEach((event) => strict.addDecision(event));
    expect(strict.result().responseTime.overSla).toMatchObject({ successes: 6, n: 10 });
  });

  it('the unserviceable share: stopped at the form plus rejected by sales for truth or compliance', () => {
    const report = joined(
      [decision({ leadId: 'r1', decision: 'reject' }), decision({ leadId: 'a1' }), decision({ leadId: 'a2' }), decision({ leadId: 'a3' })],
      [
        { leadId: 'a1', stage: 'rejected', at: at(2), reason: 'SALES_UNREACHABLE' },
        { leadId: 'a2', stage: 'rejected', at: at(2), reason: 'SALES_NO_BUDGET' },
      ],
    );
    expect(report.salesRejections.byDimension).toEqual({ truth: 1, value: 1 });
    expect(report.salesRejections.unserviceable).toEqual({ leads: 4, stoppedAtCapture: 0.25, rejectedBySalesTruthOrCompliance: 0.25, total: 0.5 });
    expect(report.salesRejections.bySource).toEqual({ 'utm:newsletter': { truth: 1, value: 1 } });
  });

  it('per capture code: MQL → SQL with the code vs without, lift, and sales rejections of the same dimension', () => {
    const flag = [{ code: 'EMAIL_FREE_PROVIDER', check: 'email', action: 'review' }];
    const decisions = [
      ...Array.from({ length: 10 }, (_, i) => decision({ leadId: `w${i}`, decision: 'review', codes: flag })),
      ...Array.from({ length: 10 }, (_, i) => decision({ leadId: `o${i}` })),
    ];
    const outcomes = [
      ...Array.from({ length: 10 }, (_, i) => (i < 2 ? { leadId: `w${i}`, stage: 'sql', at: at(9) } : { leadId: `w${i}`, stage: 'rejected', at: at(9), reason: i < 5 ? 'SALES_UNREACHABLE' : 'SALES_NO_NEED' })),
      ...Array.from({ length: 10 }, (_, i) => (i < 5 ? { leadId: `o${i}`, stage: 'sql', at: at(9) } : { leadId: `o${i}`, stage: 'mql', at: at(9) })),
    ];
    const [row] = joined(decisions, outcomes).codes;
    expect(row).toMatchObject({ code: 'EMAIL_FREE_PROVIDER', dimension: 'truth', action: 'review', with: { successes: 2, n: 10 }, without: { successes: 5, n: 10 }, salesRejectedSameDimension: 3 });
    expect(row!.lift).toBeCloseTo(0.4, 10);
    // With a minimum count above the sample, no rate and no lift.
    const index = new OutcomeIndex();
    outcomes.forEach((outcome) => index.addInput(outcome));
    const small = new LoopJoin(index, { minCount: 30 });
    decisions.forEach((event) => small.addDecision(event));
    expect(small.result().codes[0]).toMatchObject({ with: { tooFew: true }, lift: null });
  });

  it('marks the date the policy changed; one policy, no change', () => {
    const report = joined([decision({ leadId: 'a', version: '1.1.0', hours: 0 }), decision({ leadId: 'b', version: '1.2.0', hours: 48 }), decision({ leadId: 'c', version: '1.1.0', hours: 10 })], []);
    expect(report.policies.map((policy) => [policy.policy, policy.leads])).toEqual([['inbound@1.1.0', 2], ['inbound@1.2.0', 1]]);
    expect(report.policyChanges).toEqual([{ at: at(48), from: 'inbound@1.1.0', to: 'inbound@1.2.0' }]);
    expect(joined([decision({ leadId: 'a' })], []).policyChanges).toEqual([]);
  });
});

describe('leadgate outcomes report (files, CLI)', () => {
  const work = mkdtempSync(join(tmpdir(), 'leadgate-loop-'));
  const log = join(work, 'decisions.jsonl');
  const outcomesFile = join(work, 'outcomes.jsonl');
  writeFileSync(log, `${[decision({ leadId: 'L1' }), decision({ leadId: 'L2', decision: 'reject' })].map((event) => JSON.stringify(event)).join('\n')}\n{broken\n`);
  writeFileSync(outcomesFile, `${JSON.stringify({ leadId: 'L1', stage: 'sql', at: at(20), firstTouchAt: at(2) })}\nnot json\n`);

  async function report(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
    const code = await outcomesCommand.run(['report', ...args], io);
    return { code, stdout, stderr };
  }

  it('streams both files: the same figures as the library join; broken lines counted', async () => {
    const result = await closedLoopReport({ log, outcomes: outcomesFile }, { minCount: 1 });
    expect(result.input).toMatchObject({ decisions: 2, invalidDecisions: 1, outcomeRecords: 2, invalidOutcomes: 1, outcomeLeads: 1 });
    expect(result.funnel).toMatchObject({ leads: 2, mql: 1, sql: 1 });
    expect(result.responseTime.medianHours).toBe(2);
  });

  it('prints the terminal summary, JSON and a self-contained HTML page', async () => {
    const terminal = await report(['--log', log, '--outcomes', outcomesFile, '--min-count', '1']);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toContain('Funnel');
    expect(terminal.stdout).toMatch(/all leads\s+2 · 1 → 1 → 1 → 0/);
    const json = await report(['--log', log, '--outcomes', outcomesFile, '--format', 'json', '--out', join(work, 'loop.html')]);
    expect(JSON.parse(json.stdout).funnel.rates.mqlToSql).toEqual({ successes: 1, n: 1, tooFew: true });
    const html = readFileSync(join(work, 'loop.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('data-metric="funnel.sql" data-value="1"');
  });

  it('bad options are usage errors; a missing file is a failure, not a crash', async () => {
    await expect(report(['--log', log])).rejects.toThrow(/--outcomes/);
    await expect(report(['--log', log, '--outcomes', outcomesFile, '--sla-hours', 'soon'])).rejects.toThrow(/--sla-hours must be a whole number/);
    const missing = await report(['--log', join(work, 'nope.jsonl'), '--outcomes', outcomesFile]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });
});
