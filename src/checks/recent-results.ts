/**
 * Remembers the results of a pure computation for its last `size` keys. Several checks
 * read the same field of the same lead: the phone is parsed by the phone, consent and
 * source checks, the email analysed by up to five of them (bench/README.md, Audit: about
 * 12 µs a phone parse, 4 µs an email analysis). With this, the second and later reads of
 * a lead's field cost a Map lookup. Bounded, so a server or an audit of millions of leads
 * keeps only the last few; only for functions whose result depends on the key alone.
 *
 * @example
 * const recent = recentResults<EmailAnalysis>();
 * const analysis = recent(email, () => analyse(email));
 */
export function recentResults<T>(size = 32): (key: string, compute: () => T) => T {
  const results = new Map<string, T>();
  return (key, compute) => {
    if (results.has(key)) return results.get(key) as T;
    const value = compute();
    results.set(key, value);
    // Map keeps insertion order: the first key is the oldest.
    if (results.size > size) results.delete(results.keys().next().value as string);
    return value;
  };
}
