import type { IncomingMessage, ServerResponse } from 'node:http';
import { SERVE_INCOMING, type IncomingRequest } from './incoming.js';
import { nodeIncoming, toRequest } from './node-request.js';
import { problem, problemReply } from './problem.js';
import { toResponse, type Reply, type RouteAnswer } from './reply.js';
import type { ConnectionInfo } from './request-context.js';

/** A web-standard handler, as `createHandler` returns. */
export type WebHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

type ServeIncoming = (request: IncomingRequest, connection: ConnectionInfo) => Promise<RouteAnswer>;

/**
 * Adapts a web-standard handler to `node:http` (and Express, Fastify's raw mode,
 * Connect): builds a `Request` from the `IncomingMessage`, streams the body (so the
 * handler's size limit applies while reading), passes the socket's address for the
 * client-IP rule, and writes the `Response` back. Patches no globals.
 *
 * A handler from `createHandler` is served without the `Request` and `Response`:
 * it reads Node's message directly and its answer is written as it is, with the same
 * statuses, headers and bodies.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(handler)).listen(3000);
 * // Express: app.use('/api', toNodeListener(createHandler(gate, { basePath: '/api' })));
 */
export function toNodeListener(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  const serveIncoming = (handler as WebHandler & { [SERVE_INCOMING]?: ServeIncoming })[SERVE_INCOMING];
  if (serveIncoming) {
    return (req, res) => {
      void serveDirect(serveIncoming, req, res);
    };
  }
  return (req, res) => {
    void serve(handler, req, res);
  };
}

const internalError = () => problemReply(problem('internal-error', 500, 'The server failed to handle the request.'));

async function serveDirect(serveIncoming: ServeIncoming, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let answer: RouteAnswer;
  try {
    answer = await serveIncoming(nodeIncoming(req), { remoteAddress: req.socket.remoteAddress });
  } catch {
    answer = internalError();
  }
  if (answer instanceof Response) await writeResponse(answer, req, res);
  else writeReply(answer, req, res);
}

async function serve(handler: WebHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    // The Fetch standard refuses some methods Node parses (TRACE, TRACK): the client's doing, not a 500.
    writeReply(problemReply(problem('method-not-allowed', 405, 'Method not allowed.')), req, res);
    return;
  }
  let response: Response;
  try {
    response = await handler(request, { remoteAddress: req.socket.remoteAddress });
  } catch {
    response = toResponse(internalError());
  }
  await writeResponse(response, req, res);
}

/** Writes a reply in one go, framed by its Content-Length (never chunked). */
function writeReply(reply: Reply, req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  const { status, headers, body } = reply;
  // Node sends no body, and so no length, for HEAD, 204 and 304 itself.
  if (req.method === 'HEAD' || status === 204 || status === 304) {
    res.writeHead(status, headers).end();
    return;
  }
  headers['content-length'] = body === null ? '0' : String(Buffer.byteLength(body));
  res.writeHead(status, headers).end(body ?? undefined);
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
