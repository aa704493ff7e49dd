import { OUTCOME_STAGES } from '../outcomes/codes.js';
import { parseOutcome, type LeadOutcomes } from '../outcomes/record.js';
import { recordEach, type OutcomeStore } from '../outcomes/store.js';
import { checkPrefix, redisCommand, type RedisClientLike } from './command.js';

/** Options for {@link redisOutcomeStore}. */
export interface RedisOutcomeStoreOptions {
  /**
   * Key prefix. The store uses `<prefix>outcomes:lead:<leadId>` (a hash per lead),
   * `<prefix>outcomes:leads` (a set of lead ids) and `<prefix>outcomes:records` (a
   * counter). Default `leadgate:`. On Redis Cluster give the prefix a hash tag, e.g.
   * `{leadgate}:`, so the three keys of one write share a slot.
   */
  prefix?: string;
}

// The merge rule of mergeOutcome, atomic: two webhooks racing on one lead and stage
// cannot both win. The instant of `at` is kept beside the record (field `<stage>@`, ms)
// because Lua cannot parse an ISO date; the JSON record is what readers get back.
const MERGE = `local held = redis.call('HGET', KEYS[1], ARGV[1] .. '@')
if held and tonumber(held) >= tonumber(ARGV[2]) then return 0 end
if not held then redis.call('INCR', KEYS[3]) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], ARGV[1] .. '@', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[4])
return 1`;

/**
 * Outcomes on Redis, shared by every server instance that receives CRM webhooks and
 * read by the report from any of them. Each `record` is one Lua script (latest `at` per
 * lead and stage wins, a replay changes nothing); `leads()` walks the lead-id set with
 * `SSCAN`, so it never blocks Redis on a large set.
 *
 * Records carry notes and owners: protect the Redis as you protect the CRM.
 *
 * @example
 * import { redisOutcomeStore } from 'leadgate/redis';
 * const outcomes = redisOutcomeStore(redis, { prefix: 'leadgate:' });
 * const handler = createHandler(gate, { outcomes: { secret: process.env.OUTCOMES_SECRET!, store: outcomes } });
 */
export function redisOutcomeStore(client: RedisClientLike, options: RedisOutcomeStoreOptions = {}): OutcomeStore {
  const command = redisCommand(client, 'redisOutcomeStore');
  const prefix = checkPrefix(options.prefix ?? 'leadgate:', 'redisOutcomeStore');
  const leadKey = (leadId: string) => `${prefix}outcomes:lead:${leadId}`;
  const leadsKey = `${prefix}outcomes:leads`;
  const recordsKey = `${prefix}outcomes:records`;

  const read = async (leadId: string): Promise<LeadOutcomes | undefined> => {
    const reply = await command('HMGET', leadKey(leadId), ...OUTCOME_STAGES);
    const outcomes: LeadOutcomes = { leadId, stages: {} };
    let found = false;
    (Array.isArray(reply) ? reply : []).forEach((text, i) => {
      if (typeof text !== 'string') return;
      // Written by this store after validation; parsed again so a hand-edited key cannot hand back a bad record.
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return;
      }
      const parsed = parseOutcome(value);
      if (!parsed.ok) return;
      outcomes.stages[OUTCOME_STAGES[i]!] = parsed.outcome;
      found = true;
    });
    return found ? outcomes : undefined;
  };

  const store: OutcomeStore = {
    async record(input) {
      const parsed = parseOutcome(input);
      if (!parsed.ok) return parsed;
      const { outcome } = parsed;
      const reply = await command('EVAL', MERGE, 3, leadKey(outcome.leadId), leadsKey, recordsKey, outcome.stage, Date.parse(outcome.at), JSON.stringify(outcome), outcome.leadId);
      return { ok: true, changed: Number(reply) === 1, outcome };
    },
    recordAll: (inputs) => recordEach(store, inputs),
    get: read,
    async *leads() {
      let cursor = '0';
      // SSCAN may return a member more than once across a walk (Redis's own caveat): each lead is yielded once.
      const yielded = new Set<string>();
      do {
        const reply = (await command('SSCAN', leadsKey, cursor, 'COUNT', 500)) as [string, string[]];
        cursor = String(reply[0]);
        for (const leadId of reply[1] ?? []) {
          if (yielded.has(leadId)) continue;
          yielded.add(leadId);
          const outcomes = await read(leadId);
          if (outcomes) yield outcomes;
        }
      } while (cursor !== '0');
    },
    async count() {
      const [leads, records] = await Promise.all([command('SCARD', leadsKey), command('GET', recordsKey)]);
      return { leads: Number(leads), records: Number(records ?? 0) };
    },
  };
  return store;
}
