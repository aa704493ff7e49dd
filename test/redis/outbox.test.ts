import { expect, it } from 'vitest';
import { redisOutbox } from '../../src/redis/index.js';
import { entry, outboxContract } from '../server/outbox-contract.js';
import { ioredisClient, redisWithBothClients } from './clients.js';
import { describeWithRedis } from './redis-server.js';

describeWithRedis('redisOutbox on a real Redis', () => {
  const setup = redisWithBothClients();
  const { clients } = setup;
  let counter = 0;

  // Alternate the two clients, each test on its own prefix (a fresh, empty outbox).
  outboxContract(async ({ maxEntries }) =>
    redisOutbox(clients[counter % 2]!.client, { prefix: `t:${counter++}:`, ...(maxEntries ? { maxEntries } : {}) }),
  );

  it('two servers claiming from one outbox at once never get the same lead', async () => {
    const [a, b] = [redisOutbox(clients[0]!.client, { prefix: 'shared:' }), redisOutbox(clients[1]!.client, { prefix: 'shared:' })];
    for (let i = 0; i < 100; i++) await a.put(entry(`lead-${i}`, 0));
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim(10, 15, 60_000)));
    const ids = claims.flat().map((e) => e.id);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
  });

  it('an entry survives the client (it is in Redis): a new client sees it', async () => {
    const first = redisOutbox(clients[0]!.client, { prefix: 'persist:' });
    await first.put(entry('waiting', 0, { lastError: 'TimeoutError' }));
    const other = await ioredisClient(setup.redis.port);
    const [claimed] = await redisOutbox(other.client, { prefix: 'persist:' }).claim(1, 10, 1);
    expect(claimed).toMatchObject({ id: 'waiting', lastError: 'TimeoutError', lead: { email: 'waiting@example.com' } });
    await other.quit();
  });
});
