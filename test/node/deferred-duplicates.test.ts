import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditGate } from '../../src/node/audit-gate.js';
import { auditStore } from '../../src/node/audit-store.js';
import { DuplicateDeferral, seenBefore } from '../../src/node/deferred-duplicates.js';
import { validateBatch } from '../../src/node/validate-batch.js';

// Duplicate detection split between workers and the main thread: the marks pass (the
// source check alone), the answers worked out in input order, the validate pass with
// them. The outcomes must be a single thread's.
const JANE = { email: 'jane.doe@acme-robotics.com', phone: '+1 212 736 1234', country: 'US', title: 'Head of Procurement', company: 'Acme Robotics' };
const LEADS = [
  JANE,
  // A bot that borrowed Jane's address (honeypot filled): it must not mark her as seen.
  { ...JANE, source: { honeypot: 'http://spam.example' } },
  { ...JANE, email: 'Jane.Doe+webinar@acme-robotics.com' },
  { email: 'bob.stone@northwind-logistics.com', country: 'US', title: 'CFO' },
  { ...JANE, email: 'someone.else@acme-robotics.com' }, // the same phone: a duplicate by phone alone
];
const summary = (outcomes: Array<{ decision: string; reasons: Array<{ code: string }> }>) => outcomes.map((outcome) => [outcome.decision, outcome.reasons.map((reason) => reason.code)]);
const duplicates = (outcome: { reasons: Array<{ code: string }> }) => outcome.reasons.filter((reason) => reason.code === 'SOURCE_DUPLICATE').length;

describe('deferred duplicate marks', () => {
  it('the marks pass records the marks of genuine leads only; with the answers, the validate pass gives a single thread\'s outcomes', async () => {
    const single = await buildAuditGate({});
    const expected = await validateBatch(single.gate, LEADS, 16);
    expect(expected.map(duplicates)).toEqual([0, 0, 1, 0, 1]);

    const deferral = new DuplicateDeferral();
    const marking = await buildAuditGate({}, { store: deferral.store(auditStore()), checkIds: ['source'] });
    expect(marking.gate.checks.map((check) => check.id)).toEqual(['source']);
    const marks = await deferral.marks(marking.gate, LEADS, 16);
    expect(marks.map((lead) => lead.length)).toEqual([2, 0, 2, 1, 2]);
    expect(marks[0]![0]![0]).toMatch(/^source:duplicate:(email|phone):[0-9a-f]{64}$/);

    // Two batches, answered in order against one store: a repeat across batches is found.
    const store = auditStore();
    const answers = [...(await seenBefore(store, marks.slice(0, 2))), ...(await seenBefore(store, marks.slice(2)))];
    expect(answers.map((keys) => keys.length)).toEqual([0, 0, 2, 0, 1]);
    expect(answers[4]![0]).toMatch(/^source:duplicate:phone:/);

    const full = await buildAuditGate({}, { store: deferral.store(auditStore()) });
    const outcomes = await deferral.validate(full.gate, LEADS, 16, undefined, answers);
    expect(summary(outcomes)).toEqual(summary(expected));
    // Near miss: without the answers, the validate pass finds no duplicate at all.
    expect((await deferral.validate(full.gate, LEADS, 16, undefined, LEADS.map(() => []))).map(duplicates)).toEqual([0, 0, 0, 0, 0]);
  });

  it('an audit gate is stateful through duplicates alone by default; velocity keeps it on one thread (a buying-group check too: test/cli)', async () => {
    expect(await buildAuditGate({})).toMatchObject({ stateful: true, duplicatesOnly: true });
    const dir = mkdtempSync(join(tmpdir(), 'leadgate-deferred-'));
    const velocity = join(dir, 'velocity.json');
    writeFileSync(velocity, JSON.stringify({ checks: { source: { velocity: {} } } }));
    expect(await buildAuditGate({ configPath: velocity })).toMatchObject({ stateful: true, duplicatesOnly: false });
  });
});
