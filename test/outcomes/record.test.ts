import { describe, expect, it } from 'vitest';
import { isOutcomeCode, isOutcomeStage, OUTCOME_CODES, OUTCOME_STAGES } from '../../src/outcomes/codes.js';
import { mergeOutcome, parseOutcome, MAX_OUTCOME_ID_LENGTH, MAX_OUTCOME_NOTE_LENGTH, type LeadOutcomes, type OutcomeRecord } from '../../src/outcomes/record.js';

const valid = { leadId: 'L-1', stage: 'rejected', at: '2026-11-03T14:20:00Z', reason: 'SALES_NO_BUDGET' };

function issuePaths(input: unknown): string[] {
  const parsed = parseOutcome(input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return parsed.issues.map((issue) => issue.path);
}

describe('parseOutcome', () => {
  it('accepts a full record and keeps every field', () => {
    const full = { ...valid, note: 'pricing', firstTouchAt: '2026-11-02T09:00:00Z', owner: 'rep-7', amount: 12000 };
    expect(parseOutcome(full)).toEqual({ ok: true, outcome: full });
  });

  it('accepts a date without a time, and every stage', () => {
    for (const stage of OUTCOME_STAGES) {
      const record = { leadId: 'L-1', stage, at: '2026-11-03', ...(stage === 'rejected' ? { reason: 'SALES_FAKE' } : {}) };
      expect(parseOutcome(record).ok, stage).toBe(true);
    }
  });

  it.each([null, undefined, 'L-1', 42, [], true])('answers issues for %j, never throws', (input) => {
    const parsed = parseOutcome(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.length).toBeGreaterThan(0);
  });

  it('names the field of each problem', () => {
    expect(issuePaths({ ...valid, leadId: '' })).toEqual(['leadId']);
    expect(issuePaths({ ...valid, leadId: 'x'.repeat(MAX_OUTCOME_ID_LENGTH + 1) })).toEqual(['leadId']);
    expect(issuePaths({ ...valid, stage: 'closed-won' })).toEqual(['stage']);
    expect(issuePaths({ ...valid, at: '03/11/2026' })).toEqual(['at']);
    expect(issuePaths({ ...valid, at: '2026-13-45' })).toEqual(['at']);
    expect(issuePaths({ ...valid, reason: 'NO_BUDGET' })).toEqual(['reason']);
    expect(issuePaths({ ...valid, note: 'x'.repeat(MAX_OUTCOME_NOTE_LENGTH + 1) })).toEqual(['note']);
    expect(issuePaths({ ...valid, amount: -1 })).toEqual(['amount']);
    expect(issuePaths({ ...valid, amount: '100' })).toEqual(['amount']);
    expect(issuePaths({ ...valid, firstTouchAt: 'yesterday' })).toEqual(['firstTouchAt']);
  });

  it('lists several problems of one record at once', () => {
    expect(issuePaths({ leadId: 7, stage: 'won' }).sort()).toEqual(['at', 'leadId']);
  });

  it('requires a reason on a rejected lead, not on a lost one (near miss)', () => {
    expect(issuePaths({ leadId: 'L-1', stage: 'rejected', at: '2026-11-03' })).toEqual(['reason']);
    expect(parseOutcome({ leadId: 'L-1', stage: 'lost', at: '2026-11-03' }).ok).toBe(true);
  });

  it('a zero amount is a valid amount (near miss of negative)', () => {
    expect(parseOutcome({ ...valid, amount: 0 }).ok).toBe(true);
  });
});

describe('the outcome guards', () => {
  it('isOutcomeCode knows the catalogue only, own keys only', () => {
    for (const code of Object.keys(OUTCOME_CODES)) expect(isOutcomeCode(code), code).toBe(true);
    expect(isOutcomeCode('SALES_NOPE')).toBe(false);
    expect(isOutcomeCode('constructor')).toBe(false);
    expect(isOutcomeCode(undefined)).toBe(false);
  });

  it('isOutcomeStage knows the eight stages', () => {
    expect(OUTCOME_STAGES.filter(isOutcomeStage)).toHaveLength(8);
    expect(isOutcomeStage('Won')).toBe(false);
  });
});

describe('mergeOutcome', () => {
  const record = (stage: OutcomeRecord['stage'], at: string, extra: Partial<OutcomeRecord> = {}): OutcomeRecord => ({ leadId: 'L-1', stage, at, ...extra });

  it('keeps the latest at per stage, whatever the order rows arrive in', () => {
    const early = record('lost', '2026-11-01', { reason: 'SALES_NO_BUDGET' });
    const late = record('lost', '2026-11-05', { reason: 'SALES_LOST_TO_COMPETITOR' });
    for (const order of [[early, late], [late, early]]) {
      const outcomes: LeadOutcomes = { leadId: 'L-1', stages: {} };
      for (const item of order) mergeOutcome(outcomes, item);
      expect(outcomes.stages.lost?.reason).toBe('SALES_LOST_TO_COMPETITOR');
    }
  });

  it('compares instants, not text: a time zone offset counts', () => {
    const outcomes: LeadOutcomes = { leadId: 'L-1', stages: {} };
    mergeOutcome(outcomes, record('sql', '2026-11-03T10:00:00Z', { owner: 'a' }));
    // 09:30 in New York is 14:30 UTC: later, although it sorts earlier as text.
    expect(mergeOutcome(outcomes, record('sql', '2026-11-03T09:30:00-05:00', { owner: 'b' }))).toBe(true);
    expect(outcomes.stages.sql?.owner).toBe('b');
  });

  it('a replayed record is a no-op, and a tie keeps the record held', () => {
    const outcomes: LeadOutcomes = { leadId: 'L-1', stages: {} };
    const first = record('won', '2026-11-03', { amount: 100 });
    expect(mergeOutcome(outcomes, first)).toBe(true);
    expect(mergeOutcome(outcomes, { ...first })).toBe(false);
    expect(mergeOutcome(outcomes, record('won', '2026-11-03', { amount: 999 }))).toBe(false);
    expect(outcomes.stages.won?.amount).toBe(100);
  });

  it('stages are independent: a later sql does not replace the mql', () => {
    const outcomes: LeadOutcomes = { leadId: 'L-1', stages: {} };
    mergeOutcome(outcomes, record('mql', '2026-11-01'));
    mergeOutcome(outcomes, record('sql', '2026-11-04'));
    expect(Object.keys(outcomes.stages).sort()).toEqual(['mql', 'sql']);
  });
});
