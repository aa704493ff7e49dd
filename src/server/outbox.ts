import { LeadGateError } from '../core/errors.js';
import type { Lead } from '../core/lead.js';
import type { Verdict } from '../core/verdict.js';

/** A lead waiting to be delivered (or kept in quarantine), as an outbox stores it. */
export interface OutboxEntry {
  /** The lead id: unique per lead and the idempotency key `deliver` de-duplicates on. */
  id: string;
  lead: Lead;
  verdict: Verdict;
  /** Delivery attempts so far. */
  attempts: number;
  /** When the next attempt is due, ms since the epoch. */
  dueAt: number;
  /** When the lead entered the outbox, ms since the epoch. */
  enqueuedAt: number;
  /** Name of the error of the last failed attempt (the name only: messages can carry the lead's data). */
  lastError?: string;
}

/**
 * Durable-enough storage for leads that could not be delivered yet. Implementations:
 * `memoryOutbox()` (here), `jsonlFileOutbox(path)` in `leadgate/node`, and
 * `redisOutbox(client)` in `leadgate/redis`. Every method may reject (a disk or a
 * network store that fails); the handler then tries its next outbox, and answers
 * 503 when none could take the lead, so the client keeps it.
 */
export interface Outbox {
  /** Shown in events and warnings. */
  readonly name: string;
  /** Stores an entry. Idempotent by `id`: putting a lead twice keeps one entry. Rejects with `OutboxFullError` when full. */
  put(entry: OutboxEntry): Promise<void>;
  /**
   * Returns up to `limit` entries whose `dueAt` has passed, and moves their `dueAt` to
   * `now + leaseMs` in the same step, so another worker (another server on the same
   * Redis) does not take them while this one is trying.
   */
  claim(now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  /** Stores a claimed entry again, with its new `attempts`, `dueAt` and `lastError`. */
  reschedule(entry: OutboxEntry): Promise<void>;
  /** Removes a delivered entry. */
  ack(id: string): Promise<void>;
  /** Entries stored. */
  size(): Promise<number>;
}

/** Thrown by `Outbox.put` when the outbox is at its bound. */
export class OutboxFullError extends Error {
  override readonly name = 'OutboxFullError';
}

/** Options for {@link memoryOutbox}. */
export interface MemoryOutboxOptions {
  /** Entries past which `put` refuses (the handler answers 503 + Retry-After). Default 10,000. */
  maxEntries?: number;
  /** Called once when the outbox passes 80 % of its bound, and once each time it is full. Default `console.warn`. */
  onWarning?: (message: string) => void;
  /** Name in events. Default `memory`. */
  name?: string;
}

/**
 * An in-process outbox, bounded. It does not survive a restart: use
 * `jsonlFileOutbox` (leadgate/node) or `redisOutbox` (leadgate/redis) when the
 * process may stop with leads in it.
 *
 * When full, `put` rejects with `OutboxFullError` and the handler answers `503` with
 * `Retry-After` instead of `2xx`: the overflow is never dropped silently, the client
 * (the form, the partner's feed) still holds the lead and sends it again.
 *
 * @example
 * const handler = createHandler(gate, { deliver, outbox: memoryOutbox({ maxEntries: 50_000 }) });
 */
export function memoryOutbox(options: MemoryOutboxOptions = {}): Outbox {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new LeadGateError('memoryOutbox: option "maxEntries" must be a positive integer', { option: 'maxEntries' });
  }
  const name = options.name ?? 'memory';
  const warn = options.onWarning ?? ((message: string) => console.warn(`leadgate: ${message}`));
  const entries = new Map<string, OutboxEntry>();
  let warnedHighWater = false;

  return {
    name,
    async put(entry) {
      if (entries.has(entry.id)) return;
      if (entries.size >= maxEntries) {
        warn(`outbox "${name}" is full (${maxEntries} leads); new leads are refused with 503 until deliveries succeed`);
        throw new OutboxFullError(`outbox "${name}" is full`);
      }
      entries.set(entry.id, structuredClone(entry));
      if (!warnedHighWater && entries.size >= maxEntries * 0.8) {
        warnedHighWater = true;
        warn(`outbox "${name}" holds ${entries.size} of at most ${maxEntries} leads; deliveries are failing`);
      }
    },
    async claim(now, limit, leaseMs) {
      const due: OutboxEntry[] = [];
      for (const entry of entries.values()) {
        if (due.length >= limit) break;
        if (entry.dueAt > now) continue;
        entry.dueAt = now + leaseMs;
        due.push(structuredClone(entry));
      }
      return due;
    },
    async reschedule(entry) {
      if (entries.has(entry.id)) entries.set(entry.id, structuredClone(entry));
    },
    async ack(id) {
      entries.delete(id);
      if (entries.size < maxEntries * 0.5) warnedHighWater = false;
    },
    async size() {
      return entries.size;
    },
  };
}
