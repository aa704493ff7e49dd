import { memoryStore, type LeadStore, type MemoryStoreOptions } from '../core/store.js';

// A store key that ends in a SHA-256 digest (`source:duplicate:email:<64 hex>`, as
// `personalDataDigest` makes them): the part before it names what the digest is of.
const DIGEST_KEY = /^(.+):([0-9a-f]{64})$/;
// Marks kept at least this long outlive any audit (the duplicate rule's lookback is days).
const COMPACT_MIN_TTL_MS = 24 * 60 * 60 * 1000;
// 13 hex digits = 52 bits: the most a double holds exactly.
const COMPACT_HEX_DIGITS = 13;

/**
 * The `LeadStore` of an audit: `memoryStore` semantics, but `seen` marks of digest keys
 * that outlive the audit are kept as 52-bit numbers in one set per key prefix, never
 * evicted. WHY: the source check's duplicate rule marks every lead's email and phone.
 * `memoryStore` keeps about 190 bytes per mark and evicts past `maxEntries` (100,000 by
 * default), so a million-row file would either need ~370 MB for its marks or miss every
 * duplicate more than ~50,000 rows apart. Here a mark costs about 37 bytes and none is
 * lost: every lead is compared with every lead before it.
 *
 * The audit is one instant for these marks: a mark with a TTL of a day or more does not
 * expire during the run. Two different digests share 52 bits with a probability of about
 * n²/2⁵³ per prefix (one in ~9,000 for a million emails): a rare false duplicate, never a
 * missed one. Every other key and call (velocity counters, short-lived token marks, lists)
 * goes to an ordinary `memoryStore` with exact semantics.
 *
 * @example
 * const gate = createGate({ motion: 'inbound', store: auditStore() });
 */
export function auditStore(options: MemoryStoreOptions = {}): LeadStore {
  const exact = memoryStore(options);
  const marks = new Map<string, Set<number>>();
  const compact = (key: string): { set: Set<number> | undefined; prefix: string; mark: number } | undefined => {
    const match = DIGEST_KEY.exec(key);
    if (!match) return undefined;
    return { set: marks.get(match[1]!), prefix: match[1]!, mark: Number.parseInt(match[2]!.slice(0, COMPACT_HEX_DIGITS), 16) };
  };
  return {
    ...exact,
    async seen(key, ttlMs) {
      const found = ttlMs >= COMPACT_MIN_TTL_MS ? compact(key) : undefined;
      if (!found) return exact.seen(key, ttlMs);
      let set = found.set;
      if (!set) marks.set(found.prefix, (set = new Set()));
      if (set.has(found.mark)) return true;
      set.add(found.mark);
      return false;
    },
    // A compact mark reads as `seen` wrote it in memoryStore ('1'), and can be removed.
    async get(key) {
      const found = compact(key);
      return found?.set?.has(found.mark) ? '1' : exact.get(key);
    },
    async delete(key) {
      const found = compact(key);
      found?.set?.delete(found.mark);
      return exact.delete(key);
    },
  };
}
