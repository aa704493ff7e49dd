import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createGate, memoryOutcomeStore, memoryStore, type LeadStore, type OutcomeStore } from '../../src/index.js';
import { createHandler, signOutcomeWebhook, type HandlerEvent } from '../../src/server/index.js';

const KEY = randomBytes(32);
const SECRET = `whsec_${KEY.toString('base64')}`;
const NOW = new Date('2026-11-03T12:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const record = { leadId: 'L-1', stage: 'rejected', at: '2026-11-03T10:00:00Z', reason: 'SALES_NO_BUDGET' };

/** Standard Webhooks signing written out with node:crypto, independent of the code under test. */
function standardSignature(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function setup(options: { store?: OutcomeStore; replayStore?: LeadStore; now?: () => Date; events?: HandlerEvent[] } = {}) {
  const store = options.store ?? memoryOutcomeStore();
  const handler = createHandler(createGate({ motion: 'inbound' }), {
    outcomes: { secret: SECRET, store, ...(options.replayStore ? { replayStore: options.replayStore } : {}) },
    now: options.now ?? (() => NOW),
    retry: false,
    onEvent: (event) => options.events?.push(event),
  });
  return { handler, store };
}

function post(body: string, headers: Record<string, string>, contentType = 'application/json'): Request {
  return new Request('http://localhost/outcomes', { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
}

function signed(payload: unknown, id = `msg_${Math.random().toString(36).slice(2)}`, timestamp = T, key = KEY) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return post(body, { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': standardSignature(key, id, timestamp, body) });
}

describe('POST /outcomes', () => {
  it('stores one record signed as Standard Webhooks sign it', async () => {
    const { handler, store } = setup();
    const response = await handler(signed(record));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 1, changed: 1, unchanged: 0 });
    expect((await store.get('L-1'))?.stages.rejected?.reason).toBe('SALES_NO_BUDGET');
  });

  it('stores an array, counting a repeated row as unchanged', async () => {
    const { handler, store } = setup();
    const rows = [{ leadId: 'L-1', stage: 'mql', at: '2026-11-01' }, { leadId: 'L-1', stage: 'mql', at: '2026-11-01' }, { leadId: 'L-2', stage: 'won', at: '2026-11-02', amount: 900 }];
    const response = await handler(signed(rows));
    expect(await response.json()).toEqual({ received: 3, changed: 2, unchanged: 1 });
    expect(await store.count()).toEqual({ leads: 2, records: 2 });
  });

  it('accepts signOutcomeWebhook headers, and any one of several signatures (key rotation)', async () => {
    const { handler } = setup();
    const body = JSON.stringify(record);
    const headers = await signOutcomeWebhook(body, { secret: SECRET, id: 'msg_own', timestamp: NOW });
    expect(headers['webhook-signature']).toBe(standardSignature(KEY, 'msg_own', T, body));
    expect((await handler(post(body, headers))).status).toBe(200);
    const old = standardSignature(randomBytes(32), 'msg_rot', T, body);
    const current = standardSignature(KEY, 'msg_rot', T, body);
    expect((await handler(post(body, { 'webhook-id': 'msg_rot', 'webhook-timestamp': String(T), 'webhook-signature': `${old} ${current}` }))).status).toBe(200);
  });

  it('refuses a forged signature, a changed body and missing headers with 401, storing nothing', async () => {
    const { handler, store } = setup();
    const forged = await handler(signed(record, 'msg_1', T, randomBytes(32)));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toBe('application/problem+json');
    expect(await forged.json()).toMatchObject({ type: 'urn:leadgate:problem:signature-invalid', status: 401 });

    const body = JSON.stringify(record);
    const signature = standardSignature(KEY, 'msg_2', T, body);
    const tampered = body.replace('SALES_NO_BUDGET', 'SALES_NO_NEED');
    expect((await handler(post(tampered, { 'webhook-id': 'msg_2', 'webhook-timestamp': String(T), 'webhook-signature': signature }))).status).toBe(401);
    // The id is part of what is signed: the same signature under another id is forged.
    expect((await handler(post(body, { 'webhook-id': 'msg_3', 'webhook-timestamp': String(T), 'webhook-signature': signature }))).status).toBe(401);
    expect((await handler(post(body, { 'webhook-id': 'msg_2', 'webhook-timestamp': String(T) }))).status).toBe(401);
    expect((await handler(post(body, { 'webhook-id': 'msg_2', 'webhook-timestamp': 'soon', 'webhook-signature': signature }))).status).toBe(401);
    expect((await handler(post(body, { 'webhook-id': 'msg_2', 'webhook-timestamp': String(T), 'webhook-signature': signature.replace('v1,', 'v2,') }))).status).toBe(401);
    expect(await store.count()).toEqual({ leads: 0, records: 0 });
  });

  it('refuses a replayed webhook-id with 409 and does not store twice', async () => {
    const { handler } = setup();
    expect((await handler(signed(record, 'msg_same'))).status).toBe(200);
    const replay = await handler(signed({ ...record, at: '2026-11-03T11:00:00Z' }, 'msg_same'));
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ type: 'urn:leadgate:problem:webhook-replayed' });
  });

  it('refuses a timestamp outside ±5 minutes, and takes one just inside (near miss)', async () => {
    const { handler } = setup();
    expect((await handler(signed(record, 'msg_old', T - 301))).status).toBe(401);
    expect((await handler(signed(record, 'msg_future', T + 301))).status).toBe(401);
    expect((await handler(signed(record, 'msg_edge', T - 299))).status).toBe(200);
    // A refused old webhook does not burn its id: the sender's retry with a fresh timestamp goes through.
    expect((await handler(signed(record, 'msg_old', T))).status).toBe(200);
  });

  it('answers 422 listing the issues of each bad record by index, and stores none of the batch', async () => {
    const { handler, store } = setup();
    const response = await handler(signed([record, { leadId: 'L-2', stage: 'rejected', at: '2026-11-03' }, { leadId: '', stage: 'won', at: 'x' }]));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toMatchObject({ type: 'urn:leadgate:problem:invalid-outcomes', status: 422 });
    expect(body.records.map((entry: { index: number; issues: { path: string }[] }) => [entry.index, entry.issues.map((issue) => issue.path).sort()])).toEqual([
      [1, ['reason']],
      [2, ['at', 'leadId']],
    ]);
    expect(await store.count()).toEqual({ leads: 0, records: 0 });
  });

  it('answers 400 for signed bodies that are not JSON or not records, 415 for another type', async () => {
    const { handler } = setup();
    expect((await handler(signed('{"leadId":'))).status).toBe(400);
    expect((await handler(signed([]))).status).toBe(400);
    const body = JSON.stringify(record);
    const headers = await signOutcomeWebhook(body, { secret: SECRET, id: 'msg_form', timestamp: NOW });
    expect((await handler(post(body, headers, 'text/plain'))).status).toBe(415);
    expect((await handler(signed(null))).status).toBe(422);
  });

  it('answers 503 when the outcome store fails, and the retry of the same id is then accepted', async () => {
    const events: HandlerEvent[] = [];
    const working = memoryOutcomeStore();
    let down = true;
    const flaky: OutcomeStore = { ...working, recordAll: async (inputs) => { if (down) throw new Error('disk full'); return working.recordAll(inputs); } };
    const { handler } = setup({ store: flaky, events });
    const response = await handler(signed(record, 'msg_retry'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(events.map((event) => event.type)).toContain('outcomes_failed');
    down = false;
    expect((await handler(signed(record, 'msg_retry'))).status).toBe(200);
  });

  it('shares replays across servers through the replay store', async () => {
    const replayStore = memoryStore();
    const [a, b] = [setup({ replayStore }), setup({ replayStore })];
    expect((await a.handler(signed(record, 'msg_shared'))).status).toBe(200);
    expect((await b.handler(signed(record, 'msg_shared'))).status).toBe(409);
  });

  it('is 404 not-configured without the option, and GET is 405', async () => {
    const plain = createHandler(createGate({ motion: 'inbound' }), { retry: false });
    const response = await plain(signed(record));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'urn:leadgate:problem:not-configured' });
    const { handler } = setup();
    expect((await handler(new Request('http://localhost/outcomes'))).status).toBe(405);
  });

  it('throws LeadGateError naming the bad sub-option at createHandler time', () => {
    const gate = createGate({ motion: 'inbound' });
    const store = memoryOutcomeStore();
    const make = (outcomes: unknown) => () => createHandler(gate, { outcomes: outcomes as never });
    expect(make({ secret: 'not-a-whsec-secret', store })).toThrow(expect.objectContaining({ name: 'LeadGateError', option: 'outcomes.secret' }));
    expect(make({ secret: `whsec_${randomBytes(8).toString('base64')}`, store })).toThrow(expect.objectContaining({ option: 'outcomes.secret' }));
    expect(make({ secret: [], store })).toThrow(expect.objectContaining({ option: 'outcomes.secret' }));
    expect(make({ secret: SECRET })).toThrow(expect.objectContaining({ option: 'outcomes.store' }));
    expect(make({ secret: SECRET, store, toleranceMs: -5 })).toThrow(expect.objectContaining({ option: 'outcomes.toleranceMs' }));
    expect(make('yes')).toThrow(expect.objectContaining({ option: 'outcomes' }));
    expect(make({ secret: [SECRET, `whsec_${randomBytes(24).toString('base64')}`], store })).not.toThrow();
  });

  it('never echoes the record contents in a problem detail', async () => {
    const { handler } = setup();
    const response = await handler(signed({ leadId: 'jane.doe@acme.com', stage: 'nope', at: '2026-11-03' }));
    expect(await response.text()).not.toContain('jane.doe@acme.com');
  });
});
