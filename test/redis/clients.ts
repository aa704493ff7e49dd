import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll } from 'vitest';
import type { RedisClientLike } from '../../src/redis/index.js';
import { startRedis, type RedisProcess } from './redis-server.js';

/** A connected client and how to close it. */
export interface TestClient {
  client: RedisClientLike;
  quit(): Promise<void>;
}

/**
 * ioredis configured as the docs say: fail fast while Redis is down (no offline queue,
 * one retry, a command timeout) and reconnect in the background.
 */
export async function ioredisClient(port: number): Promise<TestClient> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    retryStrategy: (times) => Math.min(times * 50, 300),
  });
  client.on('error', () => undefined);
  await client.connect();
  return { client, quit: async () => void client.disconnect() };
}

/** node-redis, also failing fast while disconnected. */
export async function nodeRedisClient(port: number): Promise<TestClient> {
  const client = createClient({
    url: `redis://127.0.0.1:${port}`,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(retries * 50, 300), connectTimeout: 1000 },
  });
  client.on('error', () => undefined);
  await client.connect();
  return { client: client as unknown as RedisClientLike, quit: async () => void (await client.destroy?.()) };
}

export const CLIENTS = [
  ['ioredis', ioredisClient],
  ['node-redis', nodeRedisClient],
] as const;

/**
 * For a `describeWithRedis` block: starts a redis-server of its own before the tests,
 * connects one ioredis and one node-redis client (tests alternate them), and stops both
 * after. Read `redis` and `clients` inside tests, once `beforeAll` has run.
 */
export function redisWithBothClients(): { readonly redis: RedisProcess; readonly clients: readonly TestClient[] } {
  const state: { redis?: RedisProcess; clients: TestClient[] } = { clients: [] };
  beforeAll(async () => {
    state.redis = await startRedis();
    state.clients.push(await ioredisClient(state.redis.port), await nodeRedisClient(state.redis.port));
  });
  afterAll(async () => {
    for (const client of state.clients) await client.quit();
    await state.redis?.stop();
  });
  return {
    get redis() {
      return state.redis!;
    },
    clients: state.clients,
  };
}
