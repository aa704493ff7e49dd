import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createGate, defineCheck, memoryStore } from '../../src/index.js';
import { sha256Hex } from '../../src/core/digest.js';
import { createHandler, memoryOutbox, type HandlerEvent, type LeadHandler } from '../../src/server/index.js';
import { redisOutbox, redisStore } from '../../src/redis/index.js';
import { ioredisClient, type TestClient } from '../redis/clients.js';
import { describeWithRedis, startRedis, type RedisProcess } from '../redis/redis-server.js';
import { postJson, serve, sleep, type Served } from '../server/http.js';

// The real `source` check (duplicates, velocity, single-use tokens) is built in
// parallel; this stand-in uses the store the same way (seen for duplicates, hit for
// velocity), so the test shows that two instances share that state through Redis.
const VELOCITY_LIMIT = 3;
const sharedState = defineCheck({
  id: 'shared-state',
  dimension: 'compliance',
  runsIn: 'server',
  async: true,
  fields: ['email'],
  codes: {
    TEST_DUPLICATE: { message: 'Already received.', meaning: 'The same email arrived before within the window.', fix: 'Nothing; it is a resubmission.' },
    TEST_VELOCITY: { message: 'Too many submissions.', meaning: 'More leads from one IP than the limit allows.', fix: 'Wait before submitting again.' },
  },
  async run(lead, ctx) {
    if (!ctx.store) throw new Error('no store');
    if (lead.email && (await ctx.store.seen(`dup:${sha256Hex(lead.email)}`, 60_000))) ctx.report('TEST_DUPLICATE', { field: 'email' });
    if ((await ctx.store.hit(`velocity:${ctx.context.ip}`, 60_000)) > VELOCITY_LIMIT) ctx.report('TEST_VELOCITY');
    return ctx.pass();
  },
});

const lead = (n: number) => ({
  email: `person${n}@northwind-logistics.de`, firstName: 'Maria', lastName: 'Keller', title: 'Head of Procurement',
  company: 'Northwind Logistics GmbH', website: 'https://www.northwind-logistics.de', phone: '+49 30 901820', country: 'DE',
});
const ip = (n: number) => ({ 'x-forwarded-for': `198.51.100.${n}` });

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

  /** One server instance: its own Redis client, gate and handler, on its own port. */
  async function instance(prefix: string, options: Parameters<typeof createHandler>[1] = {}): Promise<{ served: Served; handler: LeadHandler; events: HandlerEvent[]; client: TestClient }> {
    const client = await ioredisClient(redis.port);
    const gate = createGate({
      motion: 'inbound',
      checks: [sharedState],
      store: redisStore(client.client, { prefix }),
      overrides: { TEST_DUPLICATE: 'reject', TEST_VELOCITY: 'reject' },
      timeoutMs: 1000,
    });
    const events: HandlerEvent[] = [];
    const handler = createHandler(gate, { trustProxy: 1, exposeReasons: true, onEvent: (event) => events.push(event), ...options });
    const served = await serve(handler);
    cleanups.push(async () => {
      await handler.close();
      await served.close();
      await client.quit();
    });
    return { served, handler, events, client };
  }

  it('a duplicate sent to the other instance is caught (SET NX shared), and a near miss (another email) is not', async () => {
    const prefix = `dup${prefixCounter++}:`;
    const [a, b] = [await instance(prefix), await instance(prefix)];
    expect((await postJson(a.served.url, '/leads', lead(1), ip(1))).status).toBe(200);
    const again = await postJson(b.served.url, '/leads', lead(1), ip(2));
    expect(again.status).toBe(422);
    expect((await again.json()).findings.map((f: { code: string }) => f.code)).toEqual(['TEST_DUPLICATE']);
    expect((await postJson(b.served.url, '/leads', lead(2), ip(3))).status).toBe(200);
  });

  it('velocity counts across instances: the 4th lead from one IP is rejected, whichever instance gets it', async () => {
    const prefix = `vel${prefixCounter++}:`;
    const [a, b] = [await instance(prefix), await instance(prefix)];
    const statuses = [];
    for (let n = 10; n < 14; n++) statuses.push((await postJson((n % 2 ? a : b).served.url, '/leads', lead(n), ip(50))).status);
    expect(statuses).toEqual([200, 200, 200, 422]);
    // Near miss: another IP is counted apart.
    expect((await postJson(a.served.url, '/leads', lead(20), ip(51))).status).toBe(200);
  });

  it('without the shared store, each instance counts alone: the same 4 leads all pass (why Redis is needed)', async () => {
    const makeLocal = async () => {
      const gate = createGate({ motion: 'inbound', checks: [sharedState], store: memoryStore(), overrides: { TEST_DUPLICATE: 'reject', TEST_VELOCITY: 'reject' } });
      const handler = createHandler(gate, { trustProxy: 1, onEvent: () => undefined });
      const served = await serve(handler);
      cleanups.push(async () => (await handler.close(), await served.close()));
      return served;
    };
    const [a, b] = [await makeLocal(), await makeLocal()];
    const statuses = [];
    for (let n = 30; n < 34; n++) statuses.push((await postJson((n % 2 ? a : b).url, '/leads', lead(n), ip(60))).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
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
      expect(body).toMatchObject({ decision: 'review', reasons: [expect.objectContaining({ code: 'SYSTEM_CHECK_FAILED', action: 'review' })] });
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
