// Serves the landing page with leadgate end to end, on loopback: the page, the
// script-tag build and the real server handler (see README.md beside this file).
//
//   npm run example:landing                          # builds dist/, then http://127.0.0.1:3000/
//   PORT=0 LEADGATE_MIN_SUBMIT_MS=1000 node examples/landing-page/serve.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLandingServer } from 'leadgate/node';

const here = dirname(fileURLToPath(import.meta.url));
const env = process.env;

const minSubmitMs = env.LEADGATE_MIN_SUBMIT_MS === undefined ? undefined : Number(env.LEADGATE_MIN_SUBMIT_MS);
const server = await startLandingServer({
  root: here,
  script: join(here, '..', '..', 'dist', 'leadgate.global.js'),
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '127.0.0.1',
  // Unset: a random secret per start (form tokens of an earlier run are then refused).
  secret: env.LEADGATE_SECRET || undefined,
  formId: 'demo-request',
  minSubmitMs,
  // A log line per delivered lead: its id, decision and codes, never what the person typed.
  onDelivered: ({ leadId, decision, codes }) => console.log(`delivered ${leadId} ${decision}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`),
});

console.log(`leadgate landing page: ${server.url}`);
console.log(`  pre-ticked consent variant: ${server.url}?consent=prechecked`);
for (const text of server.consentTexts) console.log(`  consent text registered: ${text.id} sha256:${text.hash.slice(0, 12)}…`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
