import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createGate, memoryStore, motions, sourceVerification, type LeadStore } from '../../src/index.js';
import { createHandler, formTokenOptions, memoryOutbox, type HandlerEvent, type LeadHandler } from '../../src/server/index.js';
import { redisOutbox, redisStore } from '../../src/redis/index.js';
import { ioredisClient, type TestClient } from '../redis/clients.js';
import { describeWithRedis, startRedis, type RedisProcess } from '../redis/redis-server.js';
import { postJson, serve, sleep, type Served } from '../server/http.js';

// Two instances of the inbound gate, each with its own Redis client, share the `source`
// check's state through one Redis: duplicates (SET NX), velocity counters (INCR) and
// single-use form tokens. The preset's own options and actions are used as shipped:
// email 5/h → SOURCE_VELOCITY (reject), IP 20 per 10 min → SOURCE_VELOCITY_SHARED
// (review), the same person within 30 days → SOURCE_DUPLICATE (flag in inbound).
const IP_LIMIT = 20;
const EMAIL_LIMIT = 5;

// What an accepted inbound lead from Germany carries: a consent box ticked by the person,
// fully recorded (DE needs opt-in for email). No phone: one number on every lead would be
// one person to the duplicate and velocity rules.
const CONSENT = {
  given: true, textId: 'demo-request-v2', renderedChecked: false, userInteracted: true,
  capturedAt: new Date().toISOString(), pageUrl: 'https://www.northwind-logistics.de/demo',
};
const lead = (n: number, email = `person${n}@northwind-logistics.de`) => ({
  email, firstName: 'Maria', lastName: 'Keller', title: 'Head of Procurement',
  company: 'Northwind Logistics GmbH', website: 'https://www.northwind-logistics.de', country: 'DE', consent: CONSENT,
});
const ip = (n: number) => ({ 'x-forwarded-for': `198.51.100.${n}` });

interface Answer {
  status: number;
  decision?: string;
  leadId?: string;
  reasons?: Array<{ code: string; field?: string; action: string }>;
  findings?: Array<{ code: string; field?: string }>;
}
async function post(served: Served, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await postJson(served.url, '/leads', body, headers);
  return { status: response.status, ...((await response.json()) as object) };
}
const reasonsOf = (answer: Answer) => answer.reasons?.map(({ code, action }) => `${code}:${action}`);

describeWithRedis('two handler instances sharing one Redis', () => {
  let redis: RedisProcess;
  let prefixCounter = 0;
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  /**
   * The inbound gate as shipped (its source check included), on a store; with form
   * tokens, its source check gets the secret as well (the preset's options otherwise).
   */
  function inboundGate(store: LeadStore, tokens?: ReturnType<typeof formTokenOptions>) {
    return createGate({
      motion: 'inbound',
      store,
      ...(tokens ? { checks: [sourceVerification({ ...motions.inbound.checks.source, ...tokens.source })] } : {}),
      timeoutMs: 1000,
    });
  }

  /** One server instance: its own Redis client, gate and handler, on its own port. */
  async function instance(
    prefix: string,
    options: Parameters<typeof createHandler>[1] = {},
    tokens?: ReturnType<typeof formTokenOptions>,
  ): Promise<{ served: Served; handler: LeadHandler; events: HandlerEvent[]; client: TestClient }> {
    const client = await ioredisClient(redis.port);
    const gate = inboundGate(redisStore(client.client, { prefix }), tokens);
    const events: HandlerEvent[] = [];
    const handler = createHandler(gate, {
      trustProxy: 1, exposeReasons: true, onEvent: (event) => events.push(event), ...(tokens ? { formToken: tokens.handler } : {}), ...options,
    });
    const served = await serve(handler);
    cleanups.push(async () => {
      await handler.close();
      await served.close();
      await client.quit();
    });
    return { served, handler, events, client };
  }

  it("a duplicate sent to the other instance is 'SOURCE_DUPLICATE' (flag: accepted, noted), and a near miss (another person) is not", async () => {
    const prefix = `dup${prefixCounter++}:`;
    const [a, b] = [await instance(prefix), await instance(prefix)];
    expect(await post(a.served, lead(1), ip(1))).toMatchObject({ status: 200, decision: 'accept', reasons: [] });
    // The same person, spelled differently, from another IP, on the other instance.
    const again = await post(b.served, lead(1, 'Person1+Webinar@Northwind-Logistics.de'), ip(2));
    expect(again).toMatchObject({ status: 200, decision: 'accept' });
    expect(again.reasons).toEqual([{ code: 'SOURCE_DUPLICATE', field: 'email', action: 'flag' }]);
    expect(await post(b.served, lead(2), ip(3))).toMatchObject({ status: 200, decision: 'accept', reasons: [] });
  });

  it("velocity per person counts across instances: the 6th lead for one email within the hour is 'SOURCE_VELOCITY' (reject), whichever instance gets it", async () => {
    const prefix = `vel${prefixCounter++}:`;
    const [a, b] = [await instance(prefix), await instance(prefix)];
    const answers: Answer[] = [];
    for (let n = 0; n <= EMAIL_LIMIT; n++) answers.push(await post((n % 2 ? a : b).served, lead(10), ip(20 + n)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 422]);
    // Submissions 2–5 are the same person again: noted, as inbound does.
    expect(answers.slice(1, EMAIL_LIMIT).map(reasonsOf)).toEqual(Array(EMAIL_LIMIT - 1).fill(['SOURCE_DUPLICATE:flag']));
    expect(answers[EMAIL_LIMIT]!.findings).toEqual([{ code: 'SOURCE_VELOCITY', field: 'email', message: expect.any(String) }]);
    // Near miss: another person meanwhile is not slowed down.
    expect(await post(a.served, lead(11), ip(40))).toMatchObject({ status: 200, reasons: [] });
  });

  it("velocity per IP counts across instances: the 21st lead from one IP in 10 minutes is 'SOURCE_VELOCITY_SHARED' (review, 202)", async () => {
    const prefix = `velip${prefixCounter++}:`;
    const [a, b] = [await instance(prefix), await instance(prefix)];
    const answers: Answer[] = [];
    for (let n = 0; n <= IP_LIMIT; n++) answers.push(await post((n % 2 ? a : b).served, lead(100 + n), ip(50)));
    expect(answers.slice(0, IP_LIMIT).every((answer) => answer.status === 200 && answer.reasons?.length === 0)).toBe(true);
    expect(answers[IP_LIMIT]).toMatchObject({ status: 202, decision: 'review' });
    expect(answers[IP_LIMIT]!.reasons).toEqual([{ code: 'SOURCE_VELOCITY_SHARED', field: 'context.ip', action: 'review' }]);
    // Near miss: another IP is counted apart.
    expect(await post(a.served, lead(200), ip(51))).toMatchObject({ status: 200, reasons: [] });
  });

  it('without the shared store, each instance counts alone: neither the duplicate nor the 6th lead for one email is seen (why Redis is needed)', async () => {
    const makeLocal = async () => {
      const handler = createHandler(inboundGate(memoryStore()), { trustProxy: 1, exposeReasons: true, onEvent: () => undefined });
      const served = await serve(handler);
      cleanups.push(async () => (await handler.close(), await served.close()));
      return served;
    };
    const [a, b] = [await makeLocal(), await makeLocal()];
    expect(await post(a, lead(1), ip(1))).toMatchObject({ status: 200, reasons: [] });
    expect(await post(b, lead(1), ip(2))).toMatchObject({ status: 200, reasons: [] });
    const statuses = [];
    for (let n = 2; n <= EMAIL_LIMIT; n++) statuses.push((await post(n % 2 ? a : b, lead(1), ip(n))).status);
    // Six leads for one person, three per instance: none reaches the limit of 5.
    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it("a form token is single use across instances: fetched from one, used on the other, replayed on the first → 'SOURCE_FORM_TOKEN_INVALID'", async () => {
    const prefix = `token${prefixCounter++}:`;
    const tokens = formTokenOptions({ secret: 'shared-form-secret-0123456789abcdef' });
    const clock = { at: Date.now() };
    const now = () => new Date(clock.at);
    const [a, b] = [await instance(prefix, { now }, tokens), await instance(prefix, { now }, tokens)];
    const { token } = (await (await postJson(a.served.url, '/form-token', {})).json()) as { token: string };
    clock.at += 6_000;
    expect(await post(b.served, { ...lead(300), source: { formToken: token } }, ip(60))).toMatchObject({ status: 200, reasons: [] });
    const replay = await post(a.served, { ...lead(301), source: { formToken: token } }, ip(61));
    expect(replay).toMatchObject({ status: 422, findings: [{ code: 'SOURCE_FORM_TOKEN_INVALID', field: 'source.formToken' }] });
  });

  it('Redis stopped mid-test: checks degrade to SYSTEM_CHECK_FAILED → review (202) fast, leads wait in the local outbox, and arrive exactly once when Redis and the CRM return', async () => {
    const prefix = `down${prefixCounter++}:`;
    let crmUp = true;
    const arrived: string[] = [];
    const deliver = (_lead: unknown, _verdict: unknown, { leadId }: { leadId: string }) => {
      if (!crmUp) throw new Error('CRM down');
      arrived.push(leadId);
    };
    const outboxClient = await ioredisClient(redis.port);
    cleanups.push(() => outboxClient.quit());
    const local = memoryOutbox({ name: 'local' });
    const a = await instance(prefix, { deliver, outbox: [redisOutbox(outboxClient.client, { prefix }), local], retry: { intervalMs: 30, baseDelayMs: 20, maxDelayMs: 100 } });

    expect((await postJson(a.served.url, '/leads', lead(100), ip(9))).status).toBe(200);
    expect(arrived).toHaveLength(1);

    await redis.stop();
    crmUp = false;
    const answered: string[] = [];
    for (let n = 101; n < 106; n++) {
      const started = performance.now();
      const response = await postJson(a.served.url, '/leads', lead(n), ip(9));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(response.status).toBe(202);
      const body = await response.json();
      // Only the source check needs the store: it alone fails; everything else about the lead is fine.
      expect(body).toEqual({ decision: 'review', leadId: expect.any(String), reasons: [{ code: 'SYSTEM_CHECK_FAILED', action: 'review' }] });
      answered.push(body.leadId);
    }
    // The Redis outbox was down too: the local one took every lead.
    expect(await local.size()).toBe(5);
    expect(a.events).toContainEqual(expect.objectContaining({ type: 'outbox_failed', outbox: 'redis', operation: 'put' }));
    await sleep(150);
    expect(arrived).toHaveLength(1);

    await redis.start();
    crmUp = true;
    await expect.poll(() => arrived.length, { timeout: 8000, interval: 50 }).toBe(6);
    await sleep(200);
    expect(arrived.slice(1).sort()).toEqual([...answered].sort());
    expect(new Set(arrived).size).toBe(6);
    expect(await local.size()).toBe(0);
    // And the checks work again once Redis is back.
    await expect.poll(async () => (await postJson(a.served.url, '/leads', lead(200), ip(10))).status, { timeout: 5000, interval: 100 }).toBe(200);
  });

  it('a shared Redis outbox: leads one instance could not deliver are delivered exactly once by the two workers together', async () => {
    const prefix = `shared${prefixCounter++}:`;
    let crmUp = false;
    const arrived: string[] = [];
    const deliver = (_lead: unknown, _verdict: unknown, { leadId }: { leadId: string }) => {
      if (!crmUp) throw new Error('CRM down');
      arrived.push(leadId);
    };
    const outboxClients = [await ioredisClient(redis.port), await ioredisClient(redis.port)];
    cleanups.push(async () => void (await Promise.all(outboxClients.map((c) => c.quit()))));
    const retry = { intervalMs: 25, baseDelayMs: 20, maxDelayMs: 60 };
    const a = await instance(prefix, { deliver, outbox: redisOutbox(outboxClients[0]!.client, { prefix }), retry });
    const b = await instance(prefix, { deliver, outbox: redisOutbox(outboxClients[1]!.client, { prefix }), retry });
    const answered: string[] = [];
    for (let n = 300; n < 330; n++) {
      const response = await postJson((n % 2 ? a : b).served.url, '/leads', lead(n), ip(n % 200));
      expect(response.status).toBe(200);
      answered.push((await response.json()).leadId);
    }
    await sleep(100);
    crmUp = true;
    await expect.poll(() => arrived.length, { timeout: 8000, interval: 25 }).toBe(30);
    await sleep(200);
    expect([...arrived].sort()).toEqual([...answered].sort());
    expect(new Set(arrived).size).toBe(30);
    // Every delivery is accounted for once across the two workers (claims are leased, never shared).
    const deliveredBy = (events: HandlerEvent[]) => events.filter((event) => event.type === 'delivered').length;
    expect(deliveredBy(a.events) + deliveredBy(b.events)).toBe(30);
  });
});
