import type { LeadContext } from '../core/check.js';
import { fromWebRequest, type IncomingRequest } from './incoming.js';

/** What the runtime knows about the connection that the `Request` does not say. */
export interface ConnectionInfo {
  /** The peer's address (Node: `req.socket.remoteAddress`; Deno: `info.remoteAddr.hostname`). */
  remoteAddress?: string;
}

/**
 * Which proxies to believe about the client's address.
 * - `false` (default): the connection's address; `X-Forwarded-For` is ignored, because
 *   any client can send one.
 * - a number `n`: there are exactly `n` proxies of yours in front of the server; the
 *   client is the `n`-th address from the right of `X-Forwarded-For` (each proxy appends
 *   the address it saw, so the entries left of that are the client's to invent).
 * - a function: your own rule (e.g. Cloudflare's `CF-Connecting-IP`).
 */
export type TrustProxy = false | number | ((request: Request, connection: ConnectionInfo) => string | undefined);

/** Request headers copied into `context.headers` by default: small, and useful to bot and locale checks. */
export const DEFAULT_CONTEXT_HEADERS = Object.freeze([
  'accept-language',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
]);

const MAX_HEADER_VALUE = 500;

/** Resolves the client's IP address under a trust rule. */
export function clientAddress(request: Request, connection: ConnectionInfo, trustProxy: TrustProxy): string | undefined {
  return incomingClientAddress(fromWebRequest(request), connection, trustProxy);
}

/** {@link clientAddress} for the handler's {@link IncomingRequest}. */
export function incomingClientAddress(request: IncomingRequest, connection: ConnectionInfo, trustProxy: TrustProxy): string | undefined {
  if (typeof trustProxy === 'function') return trustProxy(request.toRequest(), connection);
  if (typeof trustProxy === 'number' && trustProxy > 0) {
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - trustProxy)];
  }
  return connection.remoteAddress;
}

/**
 * Builds the lead's `context` from the request: origin, referer, client IP, user
 * agent, `Sec-GPC: 1` → `gpc: true` (Global Privacy Control,
 * https://privacycg.github.io/gpc-spec/), `Sec-Fetch-Site`, the time received, and the
 * allow-listed headers.
 */
export function requestContext(request: Request, connection: ConnectionInfo, options: ContextOptions): LeadContext {
  return incomingContext(fromWebRequest(request), connection, options);
}

/** What {@link requestContext} reads besides the request. */
export interface ContextOptions {
  trustProxy: TrustProxy;
  headers: readonly string[];
  now: () => Date;
}

/** {@link requestContext} for the handler's {@link IncomingRequest}. */
export function incomingContext(request: IncomingRequest, connection: ConnectionInfo, options: ContextOptions): LeadContext {
  const context: LeadContext = { receivedAt: options.now().toISOString() };
  const header = (name: string) => {
    const value = request.headers.get(name);
    return value === null ? undefined : value.slice(0, MAX_HEADER_VALUE);
  };
  const origin = header('origin');
  if (origin) context.origin = origin;
  const referer = header('referer');
  if (referer) context.referer = referer;
  const userAgent = header('user-agent');
  if (userAgent) context.userAgent = userAgent;
  const ip = incomingClientAddress(request, connection, options.trustProxy);
  if (ip) context.ip = ip.startsWith('::ffff:') ? ip.slice(7) : ip; // IPv4-mapped IPv6, as Node reports IPv4 peers on dual-stack sockets
  if (header('sec-gpc')?.trim() === '1') context.gpc = true;
  const fetchSite = header('sec-fetch-site');
  if (fetchSite) context.secFetchSite = fetchSite;
  const headers: Record<string, string> = {};
  for (const name of options.headers) {
    const value = header(name);
    if (value !== undefined) headers[name] = value;
  }
  if (Object.keys(headers).length > 0) context.headers = headers;
  return context;
}
