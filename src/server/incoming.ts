import { readBoundedBody } from './request-body.js';

/** The header lookup the handler uses: `Headers.get`'s contract (names are case-insensitive, repeats joined with ", "). */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What the handler reads from a request. A web `Request` becomes one through
 * {@link fromWebRequest}; `toNodeListener` makes one straight from Node's
 * `IncomingMessage`, so a lead costs no undici `Request`, `Headers` or body stream
 * (issue 15 §3: they were a fifth of a request's CPU).
 */
export interface IncomingRequest {
  readonly method: string;
  /** The absolute URL, as `Request.url` gives it. */
  readonly url: string;
  readonly headers: HeaderReader;
  /** The body, at most `limit` bytes (`readBoundedBody`'s contract); read once. */
  readBody(limit: number): Promise<Uint8Array | 'too-large' | 'unreadable'>;
  /** A web `Request`, for what the caller hands one to (a `trustProxy` function). Built on first call. */
  toRequest(): Request;
}

/** The handler's view of a web `Request`: the request itself, read through. */
export function fromWebRequest(request: Request): IncomingRequest {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    readBody: (limit) => readBoundedBody(request, limit),
    toRequest: () => request,
  };
}

/**
 * Marks a handler that `toNodeListener` can call with an {@link IncomingRequest} and
 * write the {@link Reply} of directly. A handler without it (a user's own, or one
 * wrapped in middleware) goes through `Request` and `Response` as before.
 */
export const SERVE_INCOMING: unique symbol = Symbol('leadgate.serveIncoming');
