/**
 * Shared state for checks that need memory across leads: duplicates, velocity,
 * single-use tokens, suppression. Keys are namespaced by the check that owns them and
 * never contain raw personal data (callers pass digests). `leadgate/redis` implements
 * the same interface so several server instances share state.
 */
export interface LeadStore {
  get(key: string): Promise<string | undefined>;
  /** Returns false when `onlyIfAbsent` is set and the key exists (SET NX semantics). */
  set(key: string, value: string, options?: { ttlMs?: number; onlyIfAbsent?: boolean }): Promise<boolean>;
  /** Adds one and returns the new count; the expiry is set when the key is created (INCR + PEXPIRE). */
  increment(key: string, ttlMs: number): Promise<number>;
  delete(key: string): Promise<void>;
}

/** Options for {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** Oldest entries are evicted past this many keys, so memory stays bounded. Default 100,000. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * An in-process `LeadStore` with expiry, for one server instance, tests and the CLI.
 *
 * @example
 * const gate = createGate({ motion: 'inbound', store: memoryStore() });
 */
export function memoryStore(options: MemoryStoreOptions = {}): LeadStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: string; expiresAt: number }>();

  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, value: string, ttlMs: number | undefined) => {
    entries.delete(key); // re-insert so Map order stays oldest-first for eviction
    entries.set(key, { value, expiresAt: ttlMs === undefined ? Infinity : now() + ttlMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  return {
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, opts = {}) {
      if (opts.onlyIfAbsent && live(key)) return false;
      put(key, value, opts.ttlMs);
      return true;
    },
    async increment(key, ttlMs) {
      const entry = live(key);
      const count = (entry ? Number(entry.value) : 0) + 1;
      if (entry) entry.value = String(count);
      else put(key, String(count), ttlMs);
      return count;
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
