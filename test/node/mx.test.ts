import { describe, expect, it } from 'vitest';
import { LeadGateError } from '../../src/core/errors.js';
import { createMxResolver, type DnsLike, type MxResolverOptions } from '../../src/node/mx.js';

type Mx = { exchange: string; priority: number };
type Answer<T> = T | { error: string } | { hangMs: number; then: T };

/** A DNS server in a box: answers per host and per record type, counting every query. */
function fakeDns(zone: { mx?: Record<string, Answer<Mx[]>>; a?: Record<string, Answer<string[]>>; aaaa?: Record<string, Answer<string[]>> }) {
  const calls: string[] = [];
  const answer = async <T>(type: string, table: Record<string, Answer<T>> | undefined, host: string): Promise<T> => {
    calls.push(`${type} ${host}`);
    const entry = table?.[host];
    if (entry === undefined) throw dnsError('ENOTFOUND');
    if (typeof entry === 'object' && entry !== null && 'error' in entry) throw dnsError(entry.error);
    if (typeof entry === 'object' && entry !== null && 'hangMs' in entry) {
      await new Promise((resolve) => setTimeout(resolve, entry.hangMs));
      return entry.then;
    }
    return entry as T;
  };
  const dns: DnsLike = {
    resolveMx: (host) => answer('MX', zone.mx, host),
    resolve4: (host) => answer('A', zone.a, host),
    resolve6: (host) => answer('AAAA', zone.aaaa, host),
  };
  return { dns, calls };
}

function dnsError(code: string): Error {
  return Object.assign(new Error(`query ${code}`), { code });
}

const signal = () => new AbortController().signal;

function resolverWith(zone: Parameters<typeof fakeDns>[0], options: Omit<MxResolverOptions, 'resolver'> = {}) {
  const { dns, calls } = fakeDns(zone);
  return { resolve: createMxResolver({ ...options, resolver: dns }), calls };
}

describe('createMxResolver', () => {
  describe('answers', () => {
    it('returns the MX hosts sorted by priority, lower-cased, without the root dot', async () => {
      const { resolve } = resolverWith({
        mx: { 'acme.com': [{ exchange: 'MX2.acme.com.', priority: 20 }, { exchange: 'mx1.acme.com', priority: 10 }, { exchange: 'mx3.acme.com', priority: 30 }] },
      });
      expect(await resolve('acme.com', signal())).toEqual({ accepts: true, via: 'mx', hosts: ['mx1.acme.com', 'mx2.acme.com', 'mx3.acme.com'] });
    });

    it('reads a single MX with exchange "." or "" as a null MX (RFC 7505)', async () => {
      const { resolve } = resolverWith({ mx: { 'nomail.example': [{ exchange: '.', priority: 0 }], 'blank.example': [{ exchange: '', priority: 0 }] } });
      expect(await resolve('nomail.example', signal())).toEqual({ accepts: false, via: 'null-mx', hosts: [] });
      expect(await resolve('blank.example', signal())).toEqual({ accepts: false, via: 'null-mx', hosts: [] });
    });

    it('falls back to A/AAAA when the domain has no MX records (RFC 5321 §5.1 implicit MX)', async () => {
      const { resolve, calls } = resolverWith({ mx: { 'web.example': { error: 'ENODATA' } }, a: { 'web.example': ['192.0.2.1'] }, aaaa: { 'web.example': { error: 'ENODATA' } } });
      expect(await resolve('web.example', signal())).toEqual({ accepts: true, via: 'a', hosts: ['web.example'] });
      expect(calls).toEqual(['MX web.example', 'A web.example', 'AAAA web.example']);
    });

    it('accepts an AAAA record alone', async () => {
      const { resolve } = resolverWith({ mx: { 'v6.example': { error: 'ENODATA' } }, a: { 'v6.example': { error: 'ENODATA' } }, aaaa: { 'v6.example': ['2001:db8::1'] } });
      expect(await resolve('v6.example', signal())).toMatchObject({ accepts: true, via: 'a' });
    });

    it('answers none when there is neither MX nor address', async () => {
      const { resolve } = resolverWith({ mx: { 'bare.example': { error: 'ENODATA' } }, a: { 'bare.example': { error: 'ENODATA' } }, aaaa: { 'bare.example': [] } });
      expect(await resolve('bare.example', signal())).toEqual({ accepts: false, via: 'none', hosts: [] });
    });

    it('answers none for a domain that does not exist (NXDOMAIN), without the A fallback', async () => {
      const { resolve, calls } = resolverWith({});
      expect(await resolve('no-such-domain.example', signal())).toEqual({ accepts: false, via: 'none', hosts: [] });
      expect(calls).toEqual(['MX no-such-domain.example']);
    });

    it('lower-cases the domain and drops a trailing dot before asking', async () => {
      const { resolve, calls } = resolverWith({ mx: { 'acme.com': [{ exchange: 'mx.acme.com', priority: 10 }] } });
      expect(await resolve('ACME.com.', signal())).toMatchObject({ accepts: true, via: 'mx' });
      expect(calls).toEqual(['MX acme.com']);
    });

    it('answers none for an empty domain without asking', async () => {
      const { resolve, calls } = resolverWith({});
      expect(await resolve('', signal())).toEqual({ accepts: false, via: 'none', hosts: [] });
      expect(calls).toEqual([]);
    });
  });

  describe('failures', () => {
    it('rejects with a TimeoutError when the resolver times out (ETIMEOUT)', async () => {
      const { resolve } = resolverWith({ mx: { 'slow.example': { error: 'ETIMEOUT' } } });
      await expect(resolve('slow.example', signal())).rejects.toMatchObject({ name: 'TimeoutError' });
    });

    it('rejects with a TimeoutError when the A fallback times out', async () => {
      const { resolve } = resolverWith({ mx: { 'slow.example': { error: 'ENODATA' } }, a: { 'slow.example': { error: 'ETIMEOUT' } }, aaaa: { 'slow.example': { error: 'ENODATA' } } });
      await expect(resolve('slow.example', signal())).rejects.toMatchObject({ name: 'TimeoutError' });
    });

    it('rejects with a TimeoutError when the lookup outlives timeoutMs', async () => {
      const { resolve } = resolverWith({ mx: { 'slow.example': { hangMs: 200, then: [{ exchange: 'mx.slow.example', priority: 1 }] } } }, { timeoutMs: 20 });
      const error = await resolve('slow.example', signal()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DOMException);
      expect(error).toMatchObject({ name: 'TimeoutError', message: 'DNS lookup timed out' });
    });

    it('rejects with a TimeoutError when the caller\'s signal aborts with a timeout', async () => {
      const { resolve } = resolverWith({ mx: { 'slow.example': { hangMs: 200, then: [] } } });
      const error = await resolve('slow.example', AbortSignal.timeout(10)).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError' });
    });

    it('rejects at once when the signal has already aborted', async () => {
      const { resolve, calls } = resolverWith({ mx: { 'acme.com': [{ exchange: 'mx.acme.com', priority: 1 }] } });
      const controller = new AbortController();
      controller.abort(new DOMException('gate gave up', 'TimeoutError'));
      await expect(resolve('acme.com', controller.signal)).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(calls).toEqual([]);
    });

    it('passes on an abort that is not a timeout as it came', async () => {
      const { resolve } = resolverWith({ mx: { 'slow.example': { hangMs: 50, then: [] } } });
      const controller = new AbortController();
      const pending = resolve('slow.example', controller.signal);
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });

    it.each(['ESERVFAIL', 'ECONNREFUSED', 'EREFUSED'])('rejects with an Error that is not a timeout on %s', async (code) => {
      const { resolve } = resolverWith({ mx: { 'broken.example': { error: code } } });
      const error = await resolve('broken.example', signal()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).not.toBe('TimeoutError');
      expect((error as Error).message).toContain(code);
    });

    it('does not turn a failed A fallback into "no mail"', async () => {
      const { resolve } = resolverWith({ mx: { 'x.example': { error: 'ENODATA' } }, a: { 'x.example': { error: 'ESERVFAIL' } }, aaaa: { 'x.example': { error: 'ENODATA' } } });
      await expect(resolve('x.example', signal())).rejects.toBeInstanceOf(Error);
    });
  });

  describe('cache', () => {
    const zone = {
      mx: {
        'acme.com': [{ exchange: 'mx.acme.com', priority: 10 }],
        'nomail.example': [{ exchange: '.', priority: 0 }],
        'broken.example': { error: 'ESERVFAIL' },
      },
    };

    it('answers a repeated lookup from the cache until ttlMs has passed', async () => {
      let clock = 0;
      const { resolve, calls } = resolverWith(zone, { ttlMs: 1000, now: () => clock });
      await resolve('acme.com', signal());
      clock = 999;
      expect(await resolve('acme.com', signal())).toEqual({ accepts: true, via: 'mx', hosts: ['mx.acme.com'] });
      expect(calls).toHaveLength(1);
      clock = 1000;
      await resolve('acme.com', signal());
      expect(calls).toHaveLength(2);
    });

    it('keeps "no such domain" for negativeTtlMs, and a null MX for ttlMs', async () => {
      let clock = 0;
      const { resolve, calls } = resolverWith(zone, { ttlMs: 10_000, negativeTtlMs: 100, now: () => clock });
      await resolve('unknown.example', signal());
      await resolve('nomail.example', signal());
      clock = 99;
      await resolve('unknown.example', signal());
      await resolve('nomail.example', signal());
      expect(calls).toHaveLength(2);
      clock = 100;
      await resolve('unknown.example', signal());
      await resolve('nomail.example', signal());
      expect(calls).toEqual(['MX unknown.example', 'MX nomail.example', 'MX unknown.example']);
    });

    it('shares the cache between spellings of one domain', async () => {
      const { resolve, calls } = resolverWith(zone);
      await resolve('acme.com', signal());
      await resolve('ACME.COM.', signal());
      expect(calls).toHaveLength(1);
    });

    it('does not cache errors', async () => {
      const { resolve, calls } = resolverWith(zone);
      await expect(resolve('broken.example', signal())).rejects.toBeInstanceOf(Error);
      await expect(resolve('broken.example', signal())).rejects.toBeInstanceOf(Error);
      expect(calls).toEqual(['MX broken.example', 'MX broken.example']);
    });

    it('does not cache timeouts', async () => {
      const { resolve, calls } = resolverWith({ mx: { 'slow.example': { error: 'ETIMEOUT' } } });
      await expect(resolve('slow.example', signal())).rejects.toMatchObject({ name: 'TimeoutError' });
      await expect(resolve('slow.example', signal())).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(calls).toHaveLength(2);
    });

    it('evicts the least recently used domain beyond maxEntries', async () => {
      const mx = Object.fromEntries(['a', 'b', 'c'].map((d) => [`${d}.example`, [{ exchange: `mx.${d}.example`, priority: 1 }]]));
      const { resolve, calls } = resolverWith({ mx }, { maxEntries: 2 });
      await resolve('a.example', signal());
      await resolve('b.example', signal());
      await resolve('a.example', signal()); // a is now the most recent
      await resolve('c.example', signal()); // evicts b
      calls.length = 0;
      await resolve('a.example', signal());
      await resolve('c.example', signal());
      expect(calls).toEqual([]);
      await resolve('b.example', signal());
      expect(calls).toEqual(['MX b.example']);
    });

    it('hands every caller its own copy of a cached answer', async () => {
      const { resolve } = resolverWith(zone);
      const first = await resolve('acme.com', signal());
      first.hosts.push('evil.example');
      expect((await resolve('acme.com', signal())).hosts).toEqual(['mx.acme.com']);
    });

    it('shares one query between concurrent lookups of one domain', async () => {
      const { resolve, calls } = resolverWith({ mx: { 'acme.com': { hangMs: 20, then: [{ exchange: 'mx.acme.com', priority: 1 }] } } });
      const [first, second] = await Promise.all([resolve('acme.com', signal()), resolve('Acme.com', signal())]);
      expect(first).toEqual(second);
      expect(calls).toEqual(['MX acme.com']);
    });

    it('lets one caller give up without failing the others sharing its query', async () => {
      const { resolve, calls } = resolverWith({ mx: { 'acme.com': { hangMs: 30, then: [{ exchange: 'mx.acme.com', priority: 1 }] } } });
      const impatient = resolve('acme.com', AbortSignal.timeout(5));
      const patient = resolve('acme.com', signal());
      await expect(impatient).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(await patient).toMatchObject({ accepts: true, via: 'mx' });
      expect(calls).toHaveLength(1);
    });
  });

  describe('options', () => {
    it.each([
      [{ ttlMs: -1 }, 'ttlMs'],
      [{ negativeTtlMs: Number.NaN }, 'negativeTtlMs'],
      [{ timeoutMs: 0 }, 'timeoutMs'],
      [{ timeoutMs: 10 ** 10 }, 'timeoutMs'],
      [{ maxEntries: 1.5 }, 'maxEntries'],
      [{ resolver: {} }, 'resolver'],
      [{ now: 5 }, 'now'],
    ])('rejects %j, naming the option', (options, option) => {
      expect(() => createMxResolver(options as unknown as MxResolverOptions)).toThrow(LeadGateError);
      expect(() => createMxResolver(options as unknown as MxResolverOptions)).toThrow(`"${option}"`);
    });

    it('works with the defaults (a real node:dns Resolver is created, not queried)', () => {
      expect(typeof createMxResolver()).toBe('function');
    });
  });
});
