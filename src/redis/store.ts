import type { LeadStore } from '../core/store.js';
import { checkPrefix, redisCommand, type RedisClientLike } from './command.js';

/** Options for {@link redisStore}. */
export interface RedisStoreOptions {
  /** Put before every key, so several apps or environments share one Redis. Default `leadgate:`. */
  prefix?: string;
}

// INCR and the expiry of a new window in one step: a crash between the two commands
// would otherwise leave a counter that never expires (https://redis.io/docs/latest/commands/incr/#pattern-rate-limiter-2).
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * A `LeadStore` on Redis, so several server instances share duplicates, single-use
 * tokens, velocity counters and suppression lists. Every operation is one atomic
 * Redis command or script:
 * - `seen` → `SET key 1 NX PX ttl` (two servers racing on one token: exactly one sees `false`)
 * - `hit` → `INCR` + `PEXPIRE` on the first hit, in a Lua script
 * - `has` / `add` → `SISMEMBER` / `SADD`
 * - `get` / `set` / `delete` → `GET` / `SET [PX]` / `DEL`
 *
 * Configure the client to fail fast when Redis is down, so a check fails in
 * milliseconds (→ `SYSTEM_CHECK_FAILED` → review) instead of waiting for a reconnect:
 * ioredis `{ enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 }`;
 * node-redis `{ disableOfflineQueue: true }`. Listen to the client's `error` event.
 *
 * @example
 * import { Redis } from 'ioredis';
 * import { redisStore } from 'leadgate/redis';
 *
 * const redis = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
 * redis.on('error', () => {}); // reconnects by itself; the handler keeps answering meanwhile
 * const gate = createGate({ motion: 'inbound', store: redisStore(redis, { prefix: 'leadgate:' }) });
 */
export function redisStore(client: RedisClientLike, options: RedisStoreOptions = {}): LeadStore {
  const command = redisCommand(client, 'redisStore');
  const prefix = checkPrefix(options.prefix ?? 'leadgate:', 'redisStore');
  const key = (name: string) => `${prefix}${name}`;
  const listKey = (list: string) => `${prefix}list:${list}`;
  const ttl = (ms: number) => Math.max(1, Math.ceil(ms));

  return {
    async seen(name, ttlMs) {
      const reply = await command('SET', key(name), '1', 'NX', 'PX', ttl(ttlMs));
      return reply === null;
    },
    async hit(name, windowMs) {
      return Number(await command('EVAL', HIT_SCRIPT, 1, key(name), ttl(windowMs)));
    },
    async has(list, digest) {
      return Number(await command('SISMEMBER', listKey(list), digest)) === 1;
    },
    async add(list, ...digests) {
      // SADD takes many members per call; batches keep one call under Redis's argument limits.
      for (let i = 0; i < digests.length; i += 1000) await command('SADD', listKey(list), ...digests.slice(i, i + 1000));
    },
    async get(name) {
      const reply = await command('GET', key(name));
      return reply === null || reply === undefined ? undefined : String(reply);
    },
    async set(name, value, opts = {}) {
      if (opts.ttlMs === undefined) await command('SET', key(name), value);
      else await command('SET', key(name), value, 'PX', ttl(opts.ttlMs));
    },
    async delete(name) {
      await command('DEL', key(name));
    },
  };
}
