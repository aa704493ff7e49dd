import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { nodeIncoming } from '../../src/server/node-request.js';

/** A stand-in IncomingMessage: a stream with the fields nodeIncoming reads. */
function message(headers: Record<string, string>, method = 'POST'): IncomingMessage & PassThrough {
  const rawHeaders = Object.entries(headers).flat();
  const headersDistinct = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));
  return Object.assign(new PassThrough(), { method, url: '/leads?x=1', headers: { host: 'forms.example.com', ...headers }, headersDistinct, rawHeaders, socket: {} }) as never;
}

describe('nodeIncoming: a request read from Node without a web Request', () => {
  it('reads the body in chunks up to the limit, and gives the URL and headers a Request would', async () => {
    const req = message({ 'content-type': 'application/json' });
    const incoming = nodeIncoming(req);
    expect(incoming.url).toBe('http://forms.example.com/leads?x=1');
    expect(incoming.headers.get('Content-Type')).toBe('application/json');
    expect(incoming.headers.get('origin')).toBeNull();
    const body = incoming.readBody(10);
    req.write('{"a":');
    req.end('1}');
    expect(new TextDecoder().decode((await body) as Uint8Array)).toBe('{"a":1}');
  });

  it('one byte past the limit is too-large, and the stream is paused so nothing more is buffered', async () => {
    const req = message({ 'content-type': 'application/json' });
    const body = nodeIncoming(req).readBody(4);
    req.write('12345');
    expect(await body).toBe('too-large');
    expect(req.isPaused()).toBe(true);
    expect(req.listenerCount('data')).toBe(0);
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const req = message({ 'content-type': 'application/json', 'content-length': '5000' });
    expect(await nodeIncoming(req).readBody(4096)).toBe('too-large');
    expect(req.listenerCount('data')).toBe(0);
  });

  it('a client that goes away mid-body is unreadable, not a hang or a crash', async () => {
    const req = message({ 'content-type': 'application/json' });
    const body = nodeIncoming(req).readBody(100);
    req.write('{"email":');
    req.destroy(new Error('aborted'));
    expect(await body).toBe('unreadable');
  });

  it('a body a parser in front already read is empty; a GET has none', async () => {
    const spent = message({ 'content-type': 'application/json' });
    spent.resume();
    spent.end('{}');
    await new Promise((resolve) => spent.once('end', resolve));
    expect(await nodeIncoming(spent).readBody(100)).toEqual(new Uint8Array(0));
    expect(await nodeIncoming(message({}, 'GET')).readBody(100)).toEqual(new Uint8Array(0));
  });

  it('toRequest builds a web Request with the same URL and headers, without the body once it was read', async () => {
    const req = message({ 'content-type': 'application/json', 'cf-connecting-ip': '192.0.2.44' });
    const incoming = nodeIncoming(req);
    const body = incoming.readBody(100);
    req.end('{}');
    await body;
    const request = incoming.toRequest();
    expect(request.url).toBe(incoming.url);
    expect(request.headers.get('cf-connecting-ip')).toBe('192.0.2.44');
    expect(request.body).toBeNull();
  });
});
