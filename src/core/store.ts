/**
 * Shared state for checks that need memory across leads: duplicates, velocity,
 * single-use tokens, suppression. Keys are namespaced by the check that owns them and
 * never contain raw personal data (callers pass digests). `leadgate/redis` implements
 * the same interface so several server instances share state.
 *
 * Every method may reject (a network store that is down): the gate turns that into
 * `SYSTEM_CHECK_FAILED`, which every built-in motion sends to `review`.
 */
export interface LeadStore {
  /**
   * Records `key` for `ttlMs` and says whether it was already there: `false` the first
   * time, `true` on every call until it expires. Atomic (Redis: `SET key 1 NX PX ttl`),
   * so two servers racing on one single-use token cannot both see `false`.
   */
  seen(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Counts one event in a fixed window that starts with the first hit and returns the
   * count so far, this one included (Redis: `INCR` + `PEXPIRE` on creation).
   */
  hit(key: string, windowMs: number): Promise<number>;
  /** Whether `digest` is on the named list (e.g. `suppression`). */
  has(list: string, digest: string): Promise<boolean>;
  /** Puts digests on the named list (e.g. a suppression import). Lists do not expire. */
  add(list: string, ...digests: string[]): Promise<void>;
  /** Plain key–value state for checks that need it; `undefined` when absent or expired. */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttlMs?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The method names a `LeadStore` must have; option validation checks for them. */
export const LEAD_STORE_METHODS = ['seen', 'hit', 'has', 'add', 'get', 'set', 'delete'] as const satisfies readonly (keyof LeadStore)[];

/** Options for {@link memoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Oldest keys are evicted past this many, so memory stays bounded. Lists count
   * separately (see `maxListEntries`). Default 100,000.
   */
  maxEntries?: number;
  /** Entries per list past which the oldest are evicted. Default 1,000,000. */
  maxListEntries?: number;
  /** Clock in ms, for tests. */
  now?: () => number;
}

/**
 * An in-process `LeadStore` with expiry, for one server instance, tests and the CLI.
 * Bounded: past `maxEntries` keys the oldest written is evicted (Map insertion order),
 * so a flood of unique submissions costs memory up to the bound, never more.
 *
 * @example
 * const gate = createGate({ motion: 'inbound', store: memoryStore() });
 */
export function memoryStore(options: MemoryStoreOptions = {}): LeadStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const maxListEntries = options.maxListEntries ?? 1_000_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const lists = new Map<string, Set<string>>();

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
    async seen(key, ttlMs) {
      if (live(key)) return true;
      put(key, '1', ttlMs);
      return false;
    },
    async hit(key, windowMs) {
      const entry = live(key);
      if (!entry) {
        put(key, '1', windowMs);
        return 1;
      }
      const count = Number(entry.value) + 1;
      entry.value = String(count);
      return count;
    },
    async has(list, digest) {
      return lists.get(list)?.has(digest) ?? false;
    },
    async add(list, ...digests) {
      let members = lists.get(list);
      if (!members) lists.set(list, (members = new Set()));
      for (const digest of digests) {
        members.delete(digest);
        members.add(digest);
        if (members.size > maxListEntries) members.delete(members.values().next().value as string);
      }
    },
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, opts = {}) {
      put(key, value, opts.ttlMs);
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
