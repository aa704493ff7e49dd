import { Resolver } from 'node:dns/promises';
import type { MxAnswer, MxResolver } from '../checks/email/mx.js';
import { LeadGateError } from '../core/errors.js';

/** The answer and function shapes, owned by the email check; re-exported for `leadgate/node`. */
export type { MxAnswer, MxResolver } from '../checks/email/mx.js';

/**
 * The part of `node:dns/promises` the MX resolver uses. Any object with these three
 * methods will do (a `Resolver` pointed at your own servers, or a fake in tests).
 * Failures must be errors carrying Node's DNS error `code` (`ENODATA`, `ENOTFOUND`,
 * `ETIMEOUT`, `ESERVFAIL`, …).
 */
export interface DnsLike {
  resolveMx(hostname: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(hostname: string): Promise<string[]>;
  resolve6(hostname: string): Promise<string[]>;
}

/** Options for {@link createMxResolver}. All optional. */
export interface MxResolverOptions {
  /** How long an answer that found records (MX, null MX, A/AAAA) is reused, in ms. Default 1 h. */
  ttlMs?: number;
  /** How long "no such domain" or "no mail records" is reused, in ms. Default 5 min. */
  negativeTtlMs?: number;
  /** The longest one lookup (MX plus the A/AAAA fallback) may take, in ms. Default 3,000. */
  timeoutMs?: number;
  /** The most domains kept in the cache; the least recently used go first. Default 10,000. 0 turns caching off. */
  maxEntries?: number;
  /** The DNS client. Default: a `node:dns/promises` `Resolver` using the system's servers. */
  resolver?: DnsLike;
  /** The clock for cache expiry, in ms since the epoch (injectable for tests). Default `Date.now`. */
  now?: () => number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
// RFC 1035 §2.3.4: a domain name is at most 255 octets on the wire, 253 characters written out.
const MAX_DOMAIN_LENGTH = 253;

const noMail = (): MxAnswer => ({ accepts: false, via: 'none', hosts: [] });

interface CacheEntry {
  answer: MxAnswer;
  expiresAt: number;
}

/**
 * Creates the MX lookup that `emailValidity` uses to tell a domain that can receive
 * mail from one that cannot. Node only (it uses `node:dns/promises`); in the browser
 * the email check runs without it.
 *
 * Answers, in the order a sending mail server would try them:
 * - MX records → `{ accepts: true, via: 'mx', hosts }`, hosts by priority;
 * - a null MX (RFC 7505: one MX with exchange `.`) → `{ accepts: false, via: 'null-mx' }`;
 * - no MX records but an A or AAAA record → `{ accepts: true, via: 'a', hosts: [domain] }`
 *   (RFC 5321 §5.1: the domain itself is the implicit MX);
 * - no such domain, or neither MX nor address → `{ accepts: false, via: 'none' }`.
 *
 * A timeout rejects with a `DOMException` named `TimeoutError` (the gate reports it as
 * `SYSTEM_TIMEOUT`: a slow DNS server says nothing about the address); any other DNS
 * failure rejects with an `Error` (`SYSTEM_CHECK_FAILED`). Definite answers are cached
 * per domain, failures are not, and concurrent lookups of one domain share one query.
 * Nothing is logged.
 *
 * @example
 * import { createGate, emailValidity } from 'leadgate';
 * import { createMxResolver } from 'leadgate/node';
 *
 * const gate = createGate({
 *   motion: 'inbound',
 *   checks: [emailValidity({ resolveMx: createMxResolver({ timeoutMs: 2000 }) })],
 * });
 */
export function createMxResolver(options: MxResolverOptions = {}): MxResolver {
  const settings = resolveOptions(options);
  const { ttlMs, negativeTtlMs, timeoutMs, maxEntries, now } = settings;
  // c-ares doubles the per-try timeout on each retry, so two tries of a third each fit
  // in timeoutMs; one retry rides out a lost UDP packet. Our own timer is the real bound.
  const dns: DnsLike = settings.resolver ?? new Resolver({ timeout: Math.max(1, Math.floor(timeoutMs / 3)), tries: 2 });
  const cache = new Map<string, CacheEntry>();
  const inFlight = new Map<string, Promise<MxAnswer>>();

  const remember = (domain: string, answer: MxAnswer) => {
    if (maxEntries === 0) return;
    const ttl = isNegative(answer) ? negativeTtlMs : ttlMs;
    if (ttl <= 0) return;
    cache.delete(domain);
    cache.set(domain, { answer, expiresAt: now() + ttl });
    // Map keeps insertion order and a hit re-inserts, so the first key is the least recently used.
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  };

  const cached = (domain: string): MxAnswer | undefined => {
    const entry = cache.get(domain);
    if (!entry) return undefined;
    cache.delete(domain);
    if (entry.expiresAt <= now()) return undefined;
    cache.set(domain, entry);
    return entry.answer;
  };

  return async function resolveMx(domain: string, signal: AbortSignal): Promise<MxAnswer> {
    if (signal?.aborted) throw abortError(signal.reason);
    const name = normalizeDomain(domain);
    if (name === undefined) return noMail();
    const hit = cached(name);
    if (hit) return copy(hit);

    let lookup = inFlight.get(name);
    if (!lookup) {
      const started = lookUp(dns, name).then((answer) => {
        // Cached even if every caller has given up waiting: the next one profits.
        remember(name, answer);
        return answer;
      });
      lookup = withTimeout(started, timeoutMs).finally(() => inFlight.delete(name));
      inFlight.set(name, lookup);
    }
    return copy(await untilAborted(lookup, signal));
  };
}

/** One uncached lookup: MX first, then the RFC 5321 §5.1 fallback to A/AAAA. */
async function lookUp(dns: DnsLike, domain: string): Promise<MxAnswer> {
  let records: { exchange: string; priority: number }[];
  try {
    records = await dns.resolveMx(domain);
  } catch (error) {
    const code = dnsCode(error);
    if (code === 'ENOTFOUND') return noMail(); // NXDOMAIN: the domain does not exist
    if (code !== 'ENODATA') throw dnsFailure(error);
    records = []; // NODATA: the domain exists but has no MX records
  }
  // RFC 7505 §3: a null MX is a single record with an empty exchange ("."), and means
  // "this domain accepts no mail". Anything else beside it would be a misconfiguration,
  // so real exchanges listed with it still count.
  const exchanges = records
    .map((record, index) => ({ host: normalizeHost(record.exchange), priority: record.priority, index }))
    .filter((record) => record.host !== '');
  if (records.length > 0 && exchanges.length === 0) return { accepts: false, via: 'null-mx', hosts: [] };
  if (exchanges.length > 0) {
    exchanges.sort((a, b) => a.priority - b.priority || a.index - b.index);
    return { accepts: true, via: 'mx', hosts: [...new Set(exchanges.map((record) => record.host))] };
  }
  return (await hasAddress(dns, domain)) ? { accepts: true, via: 'a', hosts: [domain] } : noMail();
}

/** Whether the domain has an A or AAAA record. One answer suffices; only failures of both count. */
async function hasAddress(dns: DnsLike, domain: string): Promise<boolean> {
  const results = await Promise.allSettled([dns.resolve4(domain), dns.resolve6(domain)]);
  if (results.some((result) => result.status === 'fulfilled' && result.value.length > 0)) return true;
  const failures = results
    .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
    .map((result) => result.reason)
    .filter((error) => !['ENODATA', 'ENOTFOUND'].includes(dnsCode(error) ?? ''));
  // "No address" is only a definite answer if neither query failed for another reason.
  const timeout = failures.find((error) => dnsCode(error) === 'ETIMEOUT');
  if (timeout !== undefined) throw timeoutError();
  if (failures.length > 0) throw dnsFailure(failures[0]);
  return false;
}

function isNegative(answer: MxAnswer): boolean {
  // RFC 2308 negative caching covers NXDOMAIN and NODATA: "nothing there" may change
  // as soon as someone sets the domain up, so it is trusted for less time than a record.
  return answer.via === 'none';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timeoutError()), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** Waits for the shared lookup, but lets this caller stop waiting when its signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

function timeoutError(): DOMException {
  return new DOMException('DNS lookup timed out', 'TimeoutError');
}

/** A signal aborted by a timeout is a DNS timeout; any other abort is passed on as it came. */
function abortError(reason: unknown): unknown {
  if ((reason as { name?: unknown } | null)?.name === 'TimeoutError') return timeoutError();
  return reason ?? new DOMException('DNS lookup aborted', 'AbortError');
}

function dnsFailure(error: unknown): unknown {
  const code = dnsCode(error);
  if (code === 'ETIMEOUT') return timeoutError();
  return new Error(`MX lookup failed${code ? ` (${code})` : ''}`, { cause: error });
}

function dnsCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Lower case without the trailing root dot; `undefined` for a name DNS could never hold. */
function normalizeDomain(domain: string): string | undefined {
  const name = typeof domain === 'string' ? normalizeHost(domain.trim()) : '';
  return name === '' || name.length > MAX_DOMAIN_LENGTH ? undefined : name;
}

function normalizeHost(host: string): string {
  return (host ?? '').toLowerCase().replace(/\.$/, '');
}

/** Callers get their own copy, so one cannot change what the cache hands the next. */
function copy(answer: MxAnswer): MxAnswer {
  return { accepts: answer.accepts, via: answer.via, hosts: [...answer.hosts] };
}

function resolveOptions(options: MxResolverOptions): Required<Omit<MxResolverOptions, 'resolver'>> & { resolver: DnsLike | undefined } {
  if (typeof options !== 'object' || options === null) {
    throw new LeadGateError('createMxResolver: expected an options object such as { timeoutMs: 3000 }', { option: 'options' });
  }
  const duration = (name: 'ttlMs' | 'negativeTtlMs' | 'timeoutMs', fallback: number, positive: boolean, max = Infinity) => {
    const value = options[name] ?? fallback;
    if (typeof value !== 'number' || Number.isNaN(value) || (positive ? value <= 0 : value < 0) || value > max) {
      const what = positive ? `a positive number of milliseconds, at most ${max}` : 'a number of milliseconds, 0 or more';
      throw new LeadGateError(`createMxResolver: option "${name}" must be ${what}, received ${String(value)}`, { option: name });
    }
    return value;
  };
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 0) {
    throw new LeadGateError(`createMxResolver: option "maxEntries" must be a whole number, 0 or more, received ${String(maxEntries)}`, { option: 'maxEntries' });
  }
  const resolver = options.resolver;
  if (resolver !== undefined && !(['resolveMx', 'resolve4', 'resolve6'] as const).every((m) => typeof resolver?.[m] === 'function')) {
    throw new LeadGateError('createMxResolver: option "resolver" must have resolveMx, resolve4 and resolve6 methods (like node:dns/promises Resolver)', { option: 'resolver' });
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') {
    throw new LeadGateError('createMxResolver: option "now" must be a function returning milliseconds since the epoch', { option: 'now' });
  }
  return {
    // Infinity is allowed for the TTLs ("cache for the life of the process").
    ttlMs: duration('ttlMs', HOUR, false),
    negativeTtlMs: duration('negativeTtlMs', 5 * MINUTE, false),
    // setTimeout fires at once beyond 2^31 - 1 ms; the gate caps its own timeout at 10 min too.
    timeoutMs: duration('timeoutMs', 3000, true, 600_000),
    maxEntries,
    resolver,
    now,
  };
}
