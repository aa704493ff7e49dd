import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditGate } from '../../src/node/audit-gate.js';
import { auditStore } from '../../src/node/audit-store.js';
import { DuplicateDeferral, DuplicateResolver } from '../../src/node/deferred-duplicates.js';
import { validateBatch } from '../../src/node/validate-batch.js';

// Duplicate detection split between a worker's gate (which defers its marks) and the
// main thread (which keeps them in input order): the outcomes must be a single thread's.
const JANE = { email: 'jane.doe@acme-robotics.com', phone: '+1 212 736 1234', country: 'US', title: 'Head of Procurement', company: 'Acme Robotics' };
const LEADS = [
  JANE,
  // A bot that borrowed Jane's address (honeypot filled): it must not mark her as seen.
  { ...JANE, source: { honeypot: 'http://spam.example' } },
  { ...JANE, email: 'Jane.Doe+webinar@acme-robotics.com' },
  { email: 'bob.stone@northwind-logistics.com', country: 'US', title: 'CFO' },
  { ...JANE, email: 'someone.else@acme-robotics.com' }, // the same phone: a duplicate by phone alone
];
const codes = (outcome: { reasons: Array<{ code: string }> }) => outcome.reasons.map((reason) => reason.code).filter((code) => code === 'SOURCE_DUPLICATE');

describe('deferred duplicate marks', () => {
  it('a worker reports no duplicate and defers the marks of genuine leads only; resolved in order, the outcomes are a single thread\'s', async () => {
    const single = await buildAuditGate({});
    const expected = await validateBatch(single.gate, LEADS, 16);
    expect(expected.map(codes)).toEqual([[], [], ['SOURCE_DUPLICATE'], [], ['SOURCE_DUPLICATE']]);

    const deferral = new DuplicateDeferral();
    const worker = await buildAuditGate({}, { store: deferral.store(auditStore()), log: deferral.sink() });
    const { outcomes, deferred } = await deferral.validate(worker.gate, LEADS, 16);
    expect(outcomes.map(codes)).toEqual([[], [], [], [], []]);
    expect(deferred.map((lead) => lead.marks.length)).toEqual([2, 0, 2, 1, 2]);
    expect(deferred[0]!.marks[0]![0]).toMatch(/^source:duplicate:(email|phone):[0-9a-f]{64}$/);

    const store = auditStore();
    const main = await buildAuditGate({}, { store });
    const resolver = new DuplicateResolver(main.gate, store, undefined);
    const resolved = [];
    for (let i = 0; i < LEADS.length; i++) resolved.push(await resolver.resolve(LEADS[i], undefined, outcomes[i]!, deferred[i]!));
    expect(resolved.map((outcome) => [outcome.decision, outcome.reasons.map((reason) => reason.code)])).toEqual(expected.map((outcome) => [outcome.decision, outcome.reasons.map((reason) => reason.code)]));
  });

  it('the decision events of leads kept as the worker decided them go to the log in input order; a repeated person logs its new decision', async () => {
    const deferral = new DuplicateDeferral();
    const worker = await buildAuditGate({ log: { path: '/dev/null', salt: 'a-test-salt' } }, { store: deferral.store(auditStore()), log: deferral.sink() });
    const { outcomes, deferred } = await deferral.validate(worker.gate, LEADS, 16, ['a', 'b', 'c', 'd', 'e']);
    expect(deferred.map((lead) => lead.event?.leadId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const written: Array<{ leadId: string; codes: string[] }> = [];
    const log = { name: 'test', write: (event: { leadId: string; codes: Array<{ code: string }> }) => void written.push({ leadId: event.leadId, codes: event.codes.map((code) => code.code).filter((code) => code === 'SOURCE_DUPLICATE') }) };
    const store = auditStore();
    const main = await buildAuditGate({ log: { path: '/dev/null', salt: 'a-test-salt' } }, { store, log });
    const resolver = new DuplicateResolver(main.gate, store, log);
    for (let i = 0; i < LEADS.length; i++) await resolver.resolve(LEADS[i], ['a', 'b', 'c', 'd', 'e'][i], outcomes[i]!, deferred[i]!);
    await main.gate.flush();
    expect(written).toEqual([
      { leadId: 'a', codes: [] }, { leadId: 'b', codes: [] }, { leadId: 'c', codes: ['SOURCE_DUPLICATE'] }, { leadId: 'd', codes: [] }, { leadId: 'e', codes: ['SOURCE_DUPLICATE'] },
    ]);
  });

  it('an audit gate is stateful through duplicates alone by default; velocity keeps it on one thread (a buying-group check too: test/cli)', async () => {
    expect(await buildAuditGate({})).toMatchObject({ stateful: true, duplicatesOnly: true });
    const dir = mkdtempSync(join(tmpdir(), 'leadgate-deferred-'));
    const velocity = join(dir, 'velocity.json');
    writeFileSync(velocity, JSON.stringify({ checks: { source: { velocity: {} } } }));
    expect(await buildAuditGate({ configPath: velocity })).toMatchObject({ stateful: true, duplicatesOnly: false });
  });
});
