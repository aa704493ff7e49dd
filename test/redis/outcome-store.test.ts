import { expect, it } from 'vitest';
import { redisOutcomeStore } from '../../src/redis/index.js';
import { outcomeStoreContract } from '../outcomes/outcome-store-contract.js';
import { ioredisClient, redisWithBothClients } from './clients.js';
import { describeWithRedis } from './redis-server.js';

describeWithRedis('redisOutcomeStore on a real Redis', () => {
  const setup = redisWithBothClients();
  const { clients } = setup;
  let counter = 0;

  // Alternate the two clients, each test on its own prefix (a fresh, empty store).
  outcomeStoreContract(async () => redisOutcomeStore(clients[counter % 2]!.client, { prefix: `o:${counter++}:` }));

  it('two servers racing on one lead and stage: the latest at wins, exactly one write per change', async () => {
    const [a, b] = [redisOutcomeStore(clients[0]!.client, { prefix: 'race:' }), redisOutcomeStore(clients[1]!.client, { prefix: 'race:' })];
    const rows = Array.from({ length: 20 }, (_, i) => ({ leadId: 'L-1', stage: 'opportunity', at: `2026-11-${String(i + 1).padStart(2, '0')}`, amount: i }));
    await Promise.all(rows.map((row, i) => (i % 2 ? a : b).record(row)));
    expect((await a.get('L-1'))?.stages.opportunity?.amount).toBe(19);
    expect(await b.count()).toEqual({ leads: 1, records: 1 });
  });

  it('outcomes outlive the client: another client on the same prefix reads them', async () => {
    await redisOutcomeStore(clients[0]!.client, { prefix: 'persist:' }).record({ leadId: 'L-7', stage: 'recycled', at: '2026-11-03', reason: 'SALES_BAD_TIMING' });
    const other = await ioredisClient(setup.redis.port);
    expect((await redisOutcomeStore(other.client, { prefix: 'persist:' }).get('L-7'))?.stages.recycled?.reason).toBe('SALES_BAD_TIMING');
    await other.quit();
  });

  it('a Redis that is down makes record reject (the webhook answers 503), it does not pass silently', async () => {
    const store = redisOutcomeStore(clients[0]!.client, { prefix: 'down:' });
    await setup.redis.stop();
    try {
      await expect(store.record({ leadId: 'L-1', stage: 'mql', at: '2026-11-01' })).rejects.toBeDefined();
    } finally {
      await setup.redis.start();
    }
  });

  it('throws LeadGateError for a client that is not one, and for a bad prefix', () => {
    expect(() => redisOutcomeStore({} as never)).toThrow(expect.objectContaining({ name: 'LeadGateError', option: 'client' }));
    expect(() => redisOutcomeStore(clients[0]!.client, { prefix: 'has space' })).toThrow(expect.objectContaining({ option: 'prefix' }));
  });
});
