// The allow-list of form origins (research compliance_source.md §2.1, SV-01; MDN Origin:
// https://developer.mozilla.org/docs/Web/HTTP/Headers/Origin). Browsers send Origin on
// every POST and page scripts cannot change it; when a client sends none, the Referer's
// origin is the fallback the OWASP CSRF cheat sheet recommends
// (https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html).

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/**
 * `scheme://host[:port]` in the form browsers serialise it (lower case, default port
 * dropped, IDN hosts as punycode), or `undefined` for anything that is not an http(s)
 * origin. With `originOnly`, a value that has a path, query or credentials is refused,
 * as an allow-list entry must be an origin and nothing more.
 */
export function serialiseOrigin(value: string, originOnly = false): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (originOnly && (url.username || url.password || url.search || url.hash || !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i.test(value))) return undefined;
  const port = url.port && url.port !== DEFAULT_PORTS[url.protocol] ? `:${url.port}` : '';
  return `${url.protocol}//${url.hostname}${port}`;
}

/** Where a request came from, by the headers that say so. */
export interface RequestOrigin {
  /** The serialised origin, or the raw header when it is no http(s) origin (`null` from a sandboxed frame). */
  origin: string;
  /** Which header it was read from. */
  via: 'origin' | 'referer';
}

/**
 * The origin a request claims: `Origin` first, the origin of `Referer` when there is
 * no Origin, `undefined` when neither is there (server-to-server posts, privacy tools).
 */
export function requestOrigin(origin: unknown, referer: unknown): RequestOrigin | undefined {
  if (typeof origin === 'string' && origin.trim() !== '') {
    const text = origin.trim();
    return { origin: serialiseOrigin(text) ?? text.slice(0, 200), via: 'origin' };
  }
  if (typeof referer === 'string' && referer.trim() !== '') {
    const text = referer.trim();
    // Only the origin of the Referer is kept: its path and query can carry personal data.
    return { origin: serialiseOrigin(text) ?? 'unreadable', via: 'referer' };
  }
  return undefined;
}
