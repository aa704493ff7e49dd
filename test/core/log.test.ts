import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { jsSha256Hex, sha256Hex } from '../../src/core/digest.js';
import { callbackSink, consoleSink, createGate, memorySink, personalDataDigest, type DecisionEvent } from '../../src/index.js';

const LEAD = {
  email: 'Maria.Keller@Northwind-Logistics.de',
  title: 'Head of Procurement',
  phone: '030 901820',
  country: 'DE',
  source: { utm_source: 'linkedin', utm_campaign: 'q4', pageUrl: 'https://example.com/demo?email=maria.keller%40northwind-logistics.de', secret: 'x' },
  // A complete marketing consent, so the consent check (issue 4) has nothing to add to these events.
  consent: { given: true, textId: 'newsletter-v3', renderedChecked: false, userInteracted: true, capturedAt: '2025-06-01T09:00:00Z', pageUrl: 'https://example.com/demo' },
};
const SALT = 'test-salt-0001';

describe('digests', () => {
  it('matches node:crypto SHA-256 on ASCII, Unicode, a lone surrogate and long input, natively and in the JS version browsers run', () => {
    for (const text of ['', 'abc', 'jane@acme.com', 'Grüße 👋 日本', 'bad \ud800 half', 'x'.repeat(10_000)]) {
      const expected = createHash('sha256').update(text, 'utf8').digest('hex');
      expect(sha256Hex(text)).toBe(expected);
      expect(jsSha256Hex(text)).toBe(expected);
    }
  });

  it('salts: one value under two salts gives two digests', () => {
    expect(personalDataDigest('jane@acme.com', 'salt-a-000')).not.toBe(personalDataDigest('jane@acme.com', 'salt-b-000'));
  });
});

describe('decision log', () => {
  it('writes one event per verdict with codes, actions, policy, timings and source, and no personal data', async () => {
    const sink = memorySink();
    const gate = createGate({ motion: 'abm', log: sink, logSalt: SALT });
    const verdict = await gate.validate({ ...LEAD, email: 'info@northwind-logistics.de' }, { leadId: 'L-1' });
    expect(sink.events).toHaveLength(1);
    const event = sink.events[0]!;
    expect(event).toMatchObject({
      type: 'leadgate.decision',
      leadId: 'L-1',
      decision: 'reject',
      motion: 'abm',
      policy: { name: 'abm', version: '1.2.0' },
      codes: [{ code: 'EMAIL_ROLE_ACCOUNT', check: 'email', action: 'reject', field: 'email' }],
      source: { utm_source: 'linkedin', utm_campaign: 'q4', page: 'https://example.com/demo' },
      identity: {
        emailDigest: personalDataDigest('info@northwind-logistics.de', SALT),
        emailDomain: 'northwind-logistics.de',
        // The phone is digested in E.164, so "030 901820" and "+49 30 901820" link up.
        phoneDigest: personalDataDigest('+4930901820', SALT),
      },
    });
    expect(event.at).toBe(verdict.at);
    // The icp check scored the lead: the closed loop bands conversion by these.
    expect(event.scores).toEqual({ fit: verdict.scores.fit, intent: verdict.scores.intent });
    expect(typeof event.scores?.fit).toBe('number');
    expect(Object.keys(event.timings.checks)).toEqual(['email', 'phone', 'role', 'source', 'consent', 'icp']);
    expect(event.personal).toBeUndefined();
    const text = JSON.stringify(event);
    expect(text).not.toContain('info@');
    expect(text).not.toContain('901820');
    expect(text).not.toContain('secret');
  });

  it('lower-cases the whole email before digesting, so case variants link up', async () => {
    const sink = memorySink();
    const gate = createGate({ motion: 'inbound', log: sink, logSalt: SALT });
    await gate.validate({ email: 'Jane@Acme.com' });
    await gate.validate({ email: 'jane@acme.com' });
    expect(sink.events[0]!.identity.emailDigest).toBe(sink.events[1]!.identity.emailDigest);
  });

  it('logs email and phone in clear only with logPersonalData: true', async () => {
    const sink = memorySink();
    await createGate({ motion: 'inbound', log: sink, logPersonalData: true }).validate(LEAD);
    expect(sink.events[0]!.personal).toEqual({ email: 'Maria.Keller@northwind-logistics.de', phone: '+4930901820' });
  });

  it('isolates a failing sink: the verdict stands and the other sinks still get the event', async () => {
    const errors: string[] = [];
    const after = memorySink();
    const gate = createGate({
      motion: 'inbound',
      log: [
        { name: 'throws', write: () => { throw new Error('disk full'); } },
        { name: 'rejects', write: () => Promise.reject(new Error('network down')) },
        after,
      ],
      onLogError: (error, sinkName) => errors.push(`${sinkName}: ${(error as Error).message}`),
    });
    const verdict = await gate.validate(LEAD);
    await gate.flush();
    expect(verdict.decision).toBe('accept');
    expect(after.events).toHaveLength(1);
    expect(errors.sort()).toEqual(['rejects: network down', 'throws: disk full']);
  });

  it('survives an onLogError that throws too', async () => {
    const gate = createGate({
      motion: 'inbound',
      log: () => { throw new Error('sink'); },
      onLogError: () => { throw new Error('handler'); },
    });
    await expect(gate.validate(LEAD)).resolves.toMatchObject({ decision: 'accept' });
  });

  it('reports sink failures to console.error by default, naming the sink and not the lead', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await createGate({ motion: 'inbound', log: { name: 'crm', write: () => { throw new Error('503'); } } }).validate(LEAD);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]![0])).toContain('"crm"');
      expect(String(spy.mock.calls[0]![0])).not.toContain('northwind');
    } finally {
      spy.mockRestore();
    }
  });

  it('flush waits for slow async sinks', async () => {
    const written: DecisionEvent[] = [];
    const slow = callbackSink(async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      written.push(event);
    });
    const gate = createGate({ motion: 'inbound', log: slow });
    await gate.validate(LEAD);
    expect(written).toHaveLength(0);
    await gate.flush();
    expect(written).toHaveLength(1);
  });

  it('consoleSink prints one JSON line per event; memorySink keeps only the last N', async () => {
    const lines: string[] = [];
    const memory = memorySink({ limit: 2 });
    const gate = createGate({ motion: 'inbound', log: [consoleSink({ print: (line) => lines.push(line) }), memory] });
    for (const id of ['a', 'b', 'c']) await gate.validate(LEAD, { leadId: id });
    expect(lines.map((line) => (JSON.parse(line) as DecisionEvent).leadId)).toEqual(['a', 'b', 'c']);
    expect(memory.events.map((event) => event.leadId)).toEqual(['b', 'c']);
  });
});
