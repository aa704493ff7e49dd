import { afterAll, beforeAll, expect, it } from 'vitest';
import { redisStore } from '../../src/redis/index.js';
import { isLeadGateError } from '../../src/index.js';
import { CLIENTS, ioredisClient, type TestClient } from './clients.js';
import { describeWithRedis, startRedis, type RedisProcess } from './redis-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('redisStore on a real Redis', () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  for (const [name, connect] of CLIENTS) {
    describeClient(name, connect);
  }

  function describeClient(name: string, connect: (port: number) => Promise<TestClient>) {
    it(`${name}: seen is false the first time, true after, and forgets after the ttl`, async () => {
      const { client, quit } = await connect(redis.port);
      const store = redisStore(client, { prefix: `t:${name}:seen:` });
      expect(await store.seen('token-1', 150)).toBe(false);
      expect(await store.seen('token-1', 150)).toBe(true);
      expect(await store.seen('token-2', 150)).toBe(false);
      await sleep(250);
      expect(await store.seen('token-1', 150)).toBe(false);
      await quit();
    });

    it(`${name}: hit counts in a window that starts with the first hit, and the counter expires`, async () => {
      const { client, quit } = await connect(redis.port);
      const store = redisStore(client, { prefix: `t:${name}:hit:` });
      expect([await store.hit('ip', 200), await store.hit('ip', 200), await store.hit('ip', 200)]).toEqual([1, 2, 3]);
      await sleep(300);
      expect(await store.hit('ip', 200)).toBe(1);
      await quit();
    });

    it(`${name}: has/add on lists, including more members than one SADD batch`, async () => {
      const { client, quit } = await connect(redis.port);
      const store = redisStore(client, { prefix: `t:${name}:list:` });
      expect(await store.has('suppression', 'abc')).toBe(false);
      const many = Array.from({ length: 2500 }, (_, i) => `digest-${i}`);
      await store.add('suppression', 'abc', ...many);
      await store.add('suppression');
      expect(await store.has('suppression', 'abc')).toBe(true);
      expect(await store.has('suppression', 'digest-2499')).toBe(true);
      expect(await store.has('other', 'abc')).toBe(false);
      await quit();
    });

    it(`${name}: get/set/delete, with and without a ttl`, async () => {
      const { client, quit } = await connect(redis.port);
      const store = redisStore(client, { prefix: `t:${name}:kv:` });
      expect(await store.get('k')).toBeUndefined();
      await store.set('k', 'v1');
      expect(await store.get('k')).toBe('v1');
      await store.set('short', 'v2', { ttlMs: 100 });
      expect(await store.get('short')).toBe('v2');
      await sleep(200);
      expect(await store.get('short')).toBeUndefined();
      await store.delete('k');
      expect(await store.get('k')).toBeUndefined();
      await quit();
    });
  }

  it('seen is atomic across two clients: of 40 racing calls on one key, exactly one sees false', async () => {
    const a = await ioredisClient(redis.port);
    const b = await CLIENTS[1][1](redis.port);
    const stores = [redisStore(a.client, { prefix: 't:race:' }), redisStore(b.client, { prefix: 't:race:' })];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2]!.seen('nonce', 10_000)));
    expect(results.filter((value) => value === false)).toHaveLength(1);
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2]!.hit('burst', 10_000)));
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await a.quit();
    await b.quit();
  });

  it('keys carry the prefix, and a velocity counter always has an expiry', async () => {
    const { client, quit } = await ioredisClient(redis.port);
    const store = redisStore(client, { prefix: 'app1:' });
    await store.hit('velocity:1.2.3.4', 60_000);
    const raw = client as unknown as { call(...args: unknown[]): Promise<unknown> };
    expect(await raw.call('EXISTS', 'app1:velocity:1.2.3.4')).toBe(1);
    const ttl = Number(await raw.call('PTTL', 'app1:velocity:1.2.3.4'));
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await quit();
  });

  it('with Redis stopped, every call rejects within a second (no hang on reconnect); after a restart it works again', async () => {
    const { client, quit } = await ioredisClient(redis.port);
    const store = redisStore(client, { prefix: 't:down:' });
    expect(await store.seen('before', 10_000)).toBe(false);
    await redis.stop();
    for (const call of [() => store.seen('x', 1000), () => store.hit('x', 1000), () => store.has('l', 'd'), () => store.get('x')]) {
      const started = performance.now();
      await expect(call()).rejects.toBeTruthy();
      expect(performance.now() - started).toBeLessThan(1000);
    }
    await redis.start();
    await expect.poll(() => store.seen('after', 10_000).catch(() => 'down'), { timeout: 5000, interval: 100 }).toBe(false);
    await quit();
  });

  it('a client that is neither ioredis nor node-redis, or a bad prefix, is a LeadGateError naming the option', () => {
    const error = (() => {
      try {
        redisStore({} as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isLeadGateError(error) && error.option).toBe('client');
    expect(() => redisStore({ call: async () => null }, { prefix: 'has space' })).toThrow(expect.objectContaining({ option: 'prefix' }));
  });
});
