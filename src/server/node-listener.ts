import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem, problemResponse } from './problem.js';
import type { ConnectionInfo } from './request-context.js';

/** A web-standard handler, as `createHandler` returns. */
export type WebHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

/**
 * Adapts a web-standard handler to `node:http` (and Express, Fastify's raw mode,
 * Connect): builds a `Request` from the `IncomingMessage`, streams the body (so the
 * handler's size limit applies while reading), passes the socket's address for the
 * client-IP rule, and writes the `Response` back. Patches no globals.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(handler)).listen(3000);
 * // Express: app.use('/api', toNodeListener(createHandler(gate, { basePath: '/api' })));
 */
export function toNodeListener(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void serve(handler, req, res);
  };
}

async function serve(handler: WebHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let request: Request;
  try {
    // No AbortSignal on the Request: making one per request costs more than the lead
    // handler gains from it (a client that goes away mid-body ends the body stream).
    request = toRequest(req);
  } catch {
    // The Fetch standard refuses some methods Node parses (TRACE, TRACK): the client's doing, not a 500.
    await writeResponse(problemResponse(problem('method-not-allowed', 405, 'Method not allowed.')), req, res);
    return;
  }
  let response: Response;
  try {
    response = await handler(request, { remoteAddress: req.socket.remoteAddress });
  } catch {
    response = problemResponse(problem('internal-error', 500, 'The server failed to handle the request.'));
  }
  await writeResponse(response, req, res);
}

function toRequest(req: IncomingMessage): Request {
  // Express mounts strip their prefix from req.url but keep it in originalUrl.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const host = req.headers.host ?? 'localhost';
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
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
  const hasBody = method !== 'GET' && method !== 'HEAD';
  let url: string;
  try {
    url = new URL(path, `${scheme}://${host}`).href;
  } catch {
    url = new URL(path.startsWith('/') ? path : '/', `${scheme}://localhost`).href;
  }
  return new Request(url, {
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

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    let chunk = await reader.read();
    if (!chunk.done) {
      const first = chunk.value;
      chunk = await reader.read();
      // A body of one chunk (every answer of the lead handler) goes out with a
      // Content-Length in one write; anything longer is streamed.
      if (chunk.done) {
        if (!res.hasHeader('content-length')) res.setHeader('content-length', first.byteLength);
        res.end(first);
        return;
      }
      if (!res.write(first)) await new Promise((resolve) => res.once('drain', resolve));
    }
    while (!chunk.done) {
      if (!res.write(chunk.value)) await new Promise((resolve) => res.once('drain', resolve));
      chunk = await reader.read();
    }
    res.end();
  } catch {
    res.destroy();
  }
}
