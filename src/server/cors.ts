import { reply, type Reply } from './reply.js';

/** Which browser origins may call the handler from another site: a list, or a predicate. */
export type AllowedOrigins = readonly string[] | ((origin: string) => boolean);

/**
 * CORS (https://fetch.spec.whatwg.org/#http-cors-protocol) for the allowed origins
 * only. An origin not on the list gets no CORS headers, so the browser keeps the
 * response from the page; the lead itself is still judged (the `source` check reads
 * `context.origin`), because a plain HTML form post needs no CORS at all.
 */
export function corsHeaders(origin: string | null, allowed: AllowedOrigins | undefined): Record<string, string> {
  if (!origin || !allowed || !isAllowed(origin, allowed)) return {};
  // No credentials: leads carry no cookies, and `*` is never sent, so caches must vary on Origin.
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** Whether an origin is allowed. Exact match on the serialised origin (`https://example.com`). */
export function isAllowed(origin: string, allowed: AllowedOrigins): boolean {
  return typeof allowed === 'function' ? allowed(origin) === true : allowed.includes(origin);
}

// Headers a lead request may carry; anything else asked for in a preflight is not granted.
const ALLOWED_REQUEST_HEADERS = 'content-type, accept, accept-language';

/** The answer to an `OPTIONS` preflight: 204 with the grant for an allowed origin, 403 otherwise. */
export function preflightReply(origin: string | null, allowed: AllowedOrigins | undefined, methods: string): Reply {
  const cors = corsHeaders(origin, allowed);
  if (!cors['access-control-allow-origin']) return reply(403, { vary: 'Origin' });
  return reply(204, {
    ...cors,
    'access-control-allow-methods': methods,
    'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
    'access-control-max-age': '600',
  });
}
