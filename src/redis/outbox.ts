import { LeadGateError } from '../core/errors.js';
import { OutboxFullError, type Outbox, type OutboxEntry } from '../server/outbox.js';
import { checkPrefix, redisCommand, type RedisClientLike } from './command.js';

/** Options for {@link redisOutbox}. */
export interface RedisOutboxOptions {
  /** Key prefix; the outbox uses `<prefix>outbox:due` (sorted set) and `<prefix>outbox:entries` (hash). Default `leadgate:`. */
  prefix?: string;
  /** Entries past which `put` refuses with `OutboxFullError` (the handler then tries its next outbox, or answers 503). Default 1,000,000. */
  maxEntries?: number;
  /** Name in events. Default `redis`. */
  name?: string;
}

// Each script touches only the two keys it is given (KEYS[1] the schedule, KEYS[2] the
// entries), so it also runs on Redis Cluster when the prefix has a hash tag, e.g. `{leadgate}:`.
const PUT = `if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 1 end
if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[4]) then return -1 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return 1`;

const CLAIM = `local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  local entry = redis.call('HGET', KEYS[2], id)
  if entry then
    redis.call('ZADD', KEYS[1], ARGV[3], id)
    table.insert(out, entry)
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out`;

// An entry acked meanwhile (by another server) is not brought back.
const RESCHEDULE = `if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return 1`;

const ACK = `redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('HDEL', KEYS[2], ARGV[1])`;

/**
 * An outbox on Redis, shared by every server instance: a sorted set of lead ids by
 * due time plus a hash of the entries. `claim` moves the leads it hands out into the
 * future (a lease) in the same Lua script, so two servers never retry one lead at the
 * same time; an entry is removed only by `ack` after `deliver` succeeded, so a server
 * that dies mid-delivery leaves the lead to be claimed again when the lease ends.
 *
 * Pair it with a local outbox for the time Redis itself is down:
 * `outbox: [redisOutbox(redis), jsonlFileOutbox('data/outbox.jsonl')]`.
 *
 * The entries hold the lead (it has to be delivered): protect the Redis as you protect the CRM.
 *
 * @example
 * const handler = createHandler(gate, { deliver, outbox: redisOutbox(redis, { prefix: 'leadgate:' }) });
 */
export function redisOutbox(client: RedisClientLike, options: RedisOutboxOptions = {}): Outbox {
  const command = redisCommand(client, 'redisOutbox');
  const prefix = checkPrefix(options.prefix ?? 'leadgate:', 'redisOutbox');
  const maxEntries = options.maxEntries ?? 1_000_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new LeadGateError('redisOutbox: option "maxEntries" must be a positive integer', { option: 'maxEntries' });
  }
  const name = options.name ?? 'redis';
  const keys = [`${prefix}outbox:due`, `${prefix}outbox:entries`] as const;
  const run = (script: string, ...args: (string | number)[]) => command('EVAL', script, 2, ...keys, ...args);

  return {
    name,
    async put(entry) {
      const reply = Number(await run(PUT, entry.id, entry.dueAt, JSON.stringify(entry), maxEntries));
      if (reply === -1) throw new OutboxFullError(`outbox "${name}" is full`);
    },
    async claim(now, limit, leaseMs) {
      const reply = await run(CLAIM, now, limit, now + leaseMs);
      const entries: OutboxEntry[] = [];
      for (const text of Array.isArray(reply) ? reply : []) {
        try {
          entries.push(JSON.parse(String(text)) as OutboxEntry);
        } catch {
          // Not written by this outbox; leave it for a person to look at rather than crash the worker.
        }
      }
      return entries;
    },
    async reschedule(entry) {
      await run(RESCHEDULE, entry.id, entry.dueAt, JSON.stringify(entry));
    },
    async ack(id) {
      await run(ACK, id);
    },
    async size() {
      return Number(await command('HLEN', keys[1]));
    },
  };
}
