// A runnable Node server for the leadgate handler: node:http + toNodeListener.
//
//   npm run example:server                 # http://127.0.0.1:3000
//   PORT=8080 REDIS_URL=redis://127.0.0.1:6379 node examples/server/node-server.mjs
import { createServer } from 'node:http';
import { toNodeListener } from 'leadgate/server';
import { exampleHandler, THANKS_PAGE } from './setup.mjs';

const { handler, close, deliveriesFile, formPage, requireToken } = await exampleHandler();
const api = toNodeListener(handler);

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/')) return api(req, res);
  if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
    formPage().then((page) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page));
  } else if (req.method === 'GET' && req.url?.startsWith('/thanks.html')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(THANKS_PAGE);
  } else {
    res.writeHead(404).end();
  }
});

server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`leadgate example listening on http://${address}:${port}`);
  if (deliveriesFile) console.log(`accepted and review leads are appended to ${deliveriesFile}`);
  console.log(requireToken ? 'form tokens required (REQUIRE_FORM_TOKEN=1)' : 'form tokens issued, not required (set REQUIRE_FORM_TOKEN=1 to require them)');
});

// Stop taking requests, let the in-flight ones finish, then flush deliveries.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(async () => {
      await close();
      process.exit(0);
    });
    server.closeIdleConnections();
  });
}
