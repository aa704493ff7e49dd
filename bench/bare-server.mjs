// The baseline of bench/server-tail.mjs (issue 15 §3): a bare node:http server that
// reads the JSON body, calls `gate.validate` and answers JSON. The gate is the example
// server's own (examples/server/setup.mjs: the same motion, store and form-token
// check), so the difference between the two servers is the handler: Request/Response
// objects, routing, the answer's shape, delivery and the outbox.
//
//   PORT=3001 LEADGATE_SECRET=… REQUIRE_FORM_TOKEN=1 TRUST_PROXY=1 node bench/bare-server.mjs
import { createServer } from 'node:http';
import { exampleHandler } from '../examples/server/setup.mjs';

const { gate, close } = await exampleHandler();

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    let lead;
    try {
      lead = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The client address as the example server reads it behind a proxy (TRUST_PROXY=1).
    const ip = String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? '').split(',')[0].trim();
    const verdict = await gate.validate(lead, { ip });
    const status = verdict.decision === 'reject' ? 422 : verdict.decision === 'review' ? 202 : 200;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ decision: verdict.decision, leadId: verdict.leadId, codes: verdict.reasons.map((reason) => reason.code) }));
  });
});

server.listen(Number(process.env.PORT ?? 3001), '127.0.0.1', () => console.log(`bare server listening on ${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close(async () => {
    await close();
    process.exit(0);
  }));
}
