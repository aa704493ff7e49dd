import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener, type WebHandler } from '../../src/server/index.js';

/** A handler served by node:http on a free loopback port, as a real deployment would. */
export interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serve(handler: WebHandler): Promise<Served> {
  const server: Server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs a JSON body. */
export function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** POSTs urlencoded form fields; `html: true` sends the Accept a browser's form navigation sends. */
export function postForm(base: string, path: string, fields: Record<string, string>, options: { html?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.html ? { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } : {}),
      ...options.headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * Sends a raw request with node:http, so the test controls framing: chunked bodies,
 * a body that is never finished, lying Content-Length. Resolves with the response
 * as soon as it arrives, whether or not the body was sent in full.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string | number | string[]>; chunks?: (string | Buffer)[]; end?: boolean },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        req.destroy();
      });
    });
    req.on('error', (error) => reject(error));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    if (options.end !== false) req.end();
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
