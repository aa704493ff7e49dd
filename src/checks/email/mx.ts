// Types only: the email check is browser-safe, and the Node implementation
// (`createMxResolver` in `leadgate/node`) depends on these, not the other way round.

/**
 * Whether a domain can receive mail, as DNS says.
 *
 * - `via: 'mx'`: the domain publishes MX records (`hosts`, by priority).
 * - `via: 'a'`: no MX records, but an A/AAAA record; RFC 5321 §5.1 makes the domain
 *   itself the implicit MX, so mail is still delivered (`accepts: true`).
 * - `via: 'null-mx'`: a single MX with exchange `.`; RFC 7505 says the domain accepts
 *   no mail at all (`accepts: false`).
 * - `via: 'none'`: the domain does not exist, or has neither MX nor address records.
 */
export interface MxAnswer {
  accepts: boolean;
  via: 'mx' | 'a' | 'null-mx' | 'none';
  hosts: string[];
}

/**
 * Looks up whether `domain` (ASCII form, e.g. `xn--bcher-kva.de`) receives mail.
 * Must honour `signal`. A lookup that cannot answer must reject, not resolve to
 * `accepts: false`: the gate turns a rejection into `SYSTEM_CHECK_FAILED`, or into
 * `SYSTEM_TIMEOUT` when the error's `name` is `TimeoutError`, so a slow DNS server is
 * never mistaken for a bad address.
 *
 * Node users take `createMxResolver()` from `leadgate/node`; elsewhere (an edge
 * runtime with DNS-over-HTTPS, a test) any function of this shape will do.
 *
 * @example
 * // A stand-in for tests: every domain receives mail except one.
 * const resolveMx: MxResolver = async (domain) =>
 *   domain === 'no-mail.example'
 *     ? { accepts: false, via: 'none', hosts: [] }
 *     : { accepts: true, via: 'mx', hosts: [`mx.${domain}`] };
 */
export type MxResolver = (domain: string, signal: AbortSignal) => Promise<MxAnswer>;
