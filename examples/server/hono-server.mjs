// The same handler inside a Hono app, served by @hono/node-server. Hono passes the
// web-standard Request through (c.req.raw), so no adapter is needed.
//
//   npm run example:hono                   # http://127.0.0.1:3000
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { exampleHandler, THANKS_PAGE } from './setup.mjs';

const { handler, close, formPage } = await exampleHandler();

const app = new Hono();
app.get('/', async (c) => {
  c.header('cache-control', 'no-store');
  return c.html(await formPage());
});
app.get('/thanks.html', (c) => c.html(THANKS_PAGE));
// The connection's address feeds the client-IP rule (trustProxy).
app.all('/api/*', (c) => handler(c.req.raw, { remoteAddress: getConnInfo(c).remote.address }));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  console.log(`leadgate example (hono) listening on http://${info.address}:${info.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(async () => {
      await close();
      process.exit(0);
    });
  });
}
