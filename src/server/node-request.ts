import type { IncomingMessage } from 'node:http';
import type { HeaderReader, IncomingRequest } from './incoming.js';
import { declaresMoreThan } from './request-body.js';

// Node's `IncomingMessage` as the handler reads it: either an `IncomingRequest` read
// straight from the message (the lead handler's fast path), or a web `Request` (any
// other handler, and what a `trustProxy` function is given).

/** The request's absolute URL, as a web `Request` would carry it. */
export function requestUrl(req: IncomingMessage): string {
  // Express mounts strip their prefix from req.url but keep it in originalUrl.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const host = req.headers.host ?? 'localhost';
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  try {
    return new URL(path, `${scheme}://${host}`).href;
  } catch {
    return new URL(path.startsWith('/') ? path : '/', `${scheme}://localhost`).href;
  }
}

/**
 * The message as an {@link IncomingRequest}, with no undici object made: headers are
 * looked up in Node's own parse, the body is read from the message's events, and a
 * `Request` is built only if something asks for one.
 */
export function nodeIncoming(req: IncomingMessage): IncomingRequest {
  const method = req.method ?? 'GET';
  const headers = nodeHeaders(req);
  let url: string | undefined;
  let bodyRead = false;
  return {
    method,
    get url() {
      return (url ??= requestUrl(req));
    },
    headers,
    readBody(limit) {
      bodyRead = true;
      if (method === 'GET' || method === 'HEAD') return Promise.resolve(new Uint8Array(0));
      if (declaresMoreThan(headers, limit)) return Promise.resolve('too-large');
      return readMessageBody(req, limit);
    },
    // Once the body is read the Request has none: the message's stream is spent.
    toRequest: () => toRequest(req, !bodyRead),
  };
}

function nodeHeaders(req: IncomingMessage): HeaderReader {
  return {
    get(name) {
      const key = name.toLowerCase();
      // headersDistinct keeps every repeat, so a lookup joins them as Headers.get does
      // (req.headers keeps only the first of some, Content-Type and Referer among them).
      const distinct = req.headersDistinct as NodeJS.Dict<string[]> | undefined;
      if (distinct) return distinct[key]?.join(', ') ?? null;
      // HTTP/2's compatibility request has no headersDistinct.
      const value = req.headers[key];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * Collects the body up to `limit` bytes. Past the limit it stops reading (the socket
 * is paused, nothing more is buffered) and the 413 goes out with `Connection: close`.
 */
function readMessageBody(req: IncomingMessage, limit: number): Promise<Uint8Array | 'too-large' | 'unreadable'> {
  // Already read by someone else (a body parser in front of the listener): empty, as a spent stream reads.
  if (req.readableEnded) return Promise.resolve(new Uint8Array(0));
  if (req.destroyed) return Promise.resolve('unreadable');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Uint8Array | 'too-large' | 'unreadable') => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFailure);
      req.off('close', onFailure);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.pause();
        finish('too-large');
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    // A client that goes away mid-body: an error, or a close before the end.
    const onFailure = () => finish('unreadable');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFailure);
    req.on('close', onFailure);
  });
}

/** The message as a web `Request`; throws for methods the Fetch standard refuses (TRACE, TRACK). */
export function toRequest(req: IncomingMessage, withBody = true): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    // HTTP/2 pseudo-headers are not header fields for Headers.
    if (name.startsWith(':')) continue;
    try {
      headers.append(name, req.rawHeaders[i + 1]!);
    } catch {
      // A header value Headers refuses (control characters): drop it rather than fail the request.
    }
  }
  const method = req.method ?? 'GET';
  const hasBody = withBody && method !== 'GET' && method !== 'HEAD';
  // No AbortSignal on the Request: making one per request costs more than the lead
  // handler gains from it (a client that goes away mid-body ends the body stream).
  return new Request(requestUrl(req), {
    method,
    headers,
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  } as RequestInit);
}

function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  // Pull-based: a chunk is read from the socket only when the handler asks for one,
  // so a body the handler stops reading (over the limit) is never buffered.
  const iterator = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      } catch (error) {
        controller.error(error);
      }
    },
    cancel() {
      // Not iterator.return(): that destroys the IncomingMessage and with it the socket,
      // before the 413 is written. Node discards or closes the rest after the response.
    },
  });
}
