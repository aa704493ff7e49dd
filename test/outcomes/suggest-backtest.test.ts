import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomesCommand } from '../../src/cli/commands/outcomes.js';
import { backtest, LoopJoin, OutcomeIndex, suggestPolicy, type LoopReport } from '../../src/node/index.js';

const AT = '2026-10-01T09:00:00Z';
type Code = { code: string; check: string; action: string };
const event = (leadId: string, decision: string, codes: Code[] = [], scores: Record<string, number> = {}) => ({
  type: 'leadgate.decision', leadId, at: AT, decision, motion: 'inbound', policy: { name: 'inbound', version: '1.2.0' }, codes, source: {}, identity: {}, timings: { totalMs: 1, checks: {} }, scores,
});

/** `count` leads with the given decision, codes and scores, of which `sql` reached SQL and `rejected` were rejected by sales with `reason`. */
function cohort(prefix: string, count: number, spec: { decision?: string; codes?: Code[]; fit?: number; sql: number; rejected?: number; reason?: string }) {
  const events = [];
  const outcomes = [];
  for (let i = 0; i < count; i++) {
    const leadId = `${prefix}${i}`;
    events.push(event(leadId, spec.decision ?? 'accept', spec.codes, spec.fit === undefined ? {} : { fit: spec.fit, intent: 0 }));
    if (i < spec.sql) outcomes.push({ leadId, stage: 'sql', at: AT });
    else if (i < spec.sql + (spec.rejected ?? 0)) outcomes.push({ leadId, stage: 'rejected', at: AT, reason: spec.reason ?? 'SALES_NO_NEED' });
    else outcomes.push({ leadId, stage: 'mql', at: AT });
  }
  return { events, outcomes };
}

function reportOf(cohorts: ReturnType<typeof cohort>[], minCount = 30): LoopReport {
  const index = new OutcomeIndex();
  for (const { outcomes } of cohorts) outcomes.forEach((outcome) => index.addInput(outcome));
  const join = new LoopJoin(index, { minCount });
  for (const { events } of cohorts) events.forEach((item) => join.addDecision(item));
  return join.result();
}

describe('suggestPolicy: proposed, never applied', () => {
  const reviewCode = (code: string): Code[] => [{ code, check: 'email', action: 'review' }];

  it('a review code whose leads convert like clean accepted ones → flag; one that converts at half → nothing (near miss)', () => {
    const report = reportOf([
      cohort('a', 200, { sql: 50 }),
      cohort('m', 60, { decision: 'review', codes: reviewCode('EMAIL_DOMAIN_MISMATCH'), sql: 15 }),
      cohort('f', 60, { decision: 'review', codes: reviewCode('EMAIL_FREE_PROVIDER'), sql: 7 }),
    ]);
    const { config, suggestions } = suggestPolicy(report, { motion: 'inbound' });
    expect(config).toEqual({ motion: 'inbound', overrides: { EMAIL_DOMAIN_MISMATCH: 'flag' } });
    expect(suggestions[0]).toMatchObject({ target: 'overrides.EMAIL_DOMAIN_MISMATCH', from: 'review', to: 'flag', evidence: { with: { successes: 15, n: 60 }, acceptedClean: { successes: 50, n: 200 } } });
  });

  it('a flagged code whose leads sales rejects for its own dimension → review; at the overall share → nothing (near miss)', () => {
    const flag = (code: string): Code[] => [{ code, check: 'role', action: 'flag' }];
    const report = reportOf([
      cohort('a', 300, { sql: 60, rejected: 15, reason: 'SALES_WRONG_TITLE' }),
      cohort('u', 60, { codes: flag('ROLE_UNRECOGNISED'), sql: 6, rejected: 24, reason: 'SALES_WRONG_TITLE' }),
      cohort('c', 60, { codes: flag('ROLE_CHANGED'), sql: 12, rejected: 3, reason: 'SALES_WRONG_TITLE' }),
    ]);
    const { config, suggestions } = suggestPolicy(report);
    expect(config.overrides).toEqual({ ROLE_UNRECOGNISED: 'review' });
    expect(suggestions[0]!.evidence).toMatchObject({ rejectedSameDimension: { successes: 24, n: 60 } });
  });

  it('an ICP fit cut-off where a low band converts under half the overall rate; without behaviour data no intent threshold', () => {
    const report = reportOf([cohort('low', 80, { fit: 25, sql: 0 }), cohort('high', 40, { fit: 85, sql: 12 })]);
    const { config, notes } = suggestPolicy(report);
    expect(config.checks).toEqual({ icp: { fitFloor: 80 } });
    expect(notes).toContain('intent: no behaviour data (every lead at 0 points); no MQL intent threshold proposed');
    // Near miss: the low band converting at the overall rate gives no cut-off.
    expect(suggestPolicy(reportOf([cohort('low', 80, { fit: 25, sql: 24 }), cohort('high', 40, { fit: 85, sql: 12 })])).config.checks).toBeUndefined();
  });
});

describe('backtest: a candidate config on past leads, with known answers', () => {
  const work = mkdtempSync(join(tmpdir(), 'leadgate-backtest-'));
  const leads = join(work, 'leads.csv');
  // US leads (CAN-SPAM: no consent findings). Under inbound: L1 accept, L2 and L5 review
  // (EMAIL_FREE_PROVIDER), L3 review (EMAIL_ROLE_ACCOUNT), L4 reject (disposable).
  writeFileSync(leads, [
    'id,email,first name,last name,title,company,website,country',
    'L1,jane.doe@acme-robotics.com,Jane,Doe,Head of Operations,Acme Robotics,acme-robotics.com,US',
    'L2,tom.baker@gmail.com,Tom,Baker,Head of Operations,Baker Joinery,bakerjoinery.com,US',
    'L3,info@globex-industries.com,Ann,Lee,Head of Operations,Globex Industries,globex-industries.com,US',
    'L4,zed@mailinator.com,Zed,Cole,Head of Operations,Cole Works,coleworks.com,US',
    'L5,ria.sen@gmail.com,Ria,Sen,Head of Operations,Sen Analytics,senanalytics.com,US',
    '',
  ].join('\n'));
  const outcomes = join(work, 'outcomes.jsonl');
  writeFileSync(outcomes, [
    { leadId: 'L1', stage: 'sql', at: AT },
    { leadId: 'L2', stage: 'rejected', at: AT, reason: 'SALES_UNREACHABLE' },
    { leadId: 'L3', stage: 'mql', at: AT },
    { leadId: 'L5', stage: 'won', at: AT, amount: 30000 },
  ].map((record) => JSON.stringify(record)).join('\n'));
  const candidate = join(work, 'candidate.json');
  writeFileSync(candidate, JSON.stringify({ overrides: { EMAIL_FREE_PROVIDER: 'reject', EMAIL_ROLE_ACCOUNT: 'flag' } }));

  it('counts the past SQLs and won deals it stops and the sales rejections it prevents, beside the current config', async () => {
    const report = await backtest({ input: leads, outcomes, current: { motion: 'inbound' }, candidate: { motion: 'inbound', configPath: candidate } });
    expect(report.input).toEqual({ rows: 5, withoutId: 0, withOutcomes: 4, outcomeLeads: 4 });
    expect(report.current).toEqual({ leads: 5, accept: 1, review: 3, reject: 1, stoppedSql: 0, stoppedWon: 0, stoppedWonAmount: 0, preventedSalesRejections: { total: 0, byDimension: {} } });
    expect(report.candidate).toEqual({ leads: 5, accept: 2, review: 0, reject: 3, stoppedSql: 1, stoppedWon: 1, stoppedWonAmount: 30000, preventedSalesRejections: { total: 1, byDimension: { truth: 1 } } });
    expect(report.changed).toEqual({
      newlyStopped: { leads: 2, sql: 1, won: 1, salesRejected: 1 },
      newlyPassed: { leads: 0, sql: 0, won: 0, salesRejected: 0 },
      toAccept: { leads: 1, sql: 0, won: 0, salesRejected: 0 },
      toReview: { leads: 0, sql: 0, won: 0, salesRejected: 0 },
    });
  });

  it('the CLI prints both side by side; suggest writes a config backtest reads', async () => {
    let stdout = '';
    const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, env: {} };
    expect(await outcomesCommand.run(['backtest', leads, '--outcomes', outcomes, '--config', candidate], io)).toBe(0);
    expect(stdout).toMatch(/won deals stopped\s+0\s+1/);
    expect(stdout).toMatch(/sales rejections prevented\s+0\s+1/);

    const log = join(work, 'decisions.jsonl');
    writeFileSync(log, cohort('x', 40, { sql: 10 }).events.map((item) => JSON.stringify(item)).join('\n'));
    const out = join(work, 'suggested.json');
    stdout = '';
    expect(await outcomesCommand.run(['suggest', '--log', log, '--outcomes', outcomes, '--motion', 'inbound', '--out', out], io)).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ motion: 'inbound', overrides: {} });
    expect(stdout).toContain('0 proposed changes');
  });
});
