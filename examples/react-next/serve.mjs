// Serves the Next.js page of this folder without Next, on loopback: the page rendered on
// the server and hydrated in the browser, and the real leadgate handler (see README.md).
//
//   npm run example:react                        # builds dist/, then http://127.0.0.1:3000/
//   PORT=0 LEADGATE_MIN_SUBMIT_MS=1000 node examples/react-next/serve.mjs
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLandingServer } from 'leadgate/node';
import { buildReactPreview } from './preview/build.mjs';

const env = process.env;
const outDir = await mkdtemp(join(tmpdir(), 'leadgate-react-preview-'));
const { script } = await buildReactPreview({ outDir });

const minSubmitMs = env.LEADGATE_MIN_SUBMIT_MS === undefined ? undefined : Number(env.LEADGATE_MIN_SUBMIT_MS);
const server = await startLandingServer({
  root: outDir,
  script: { code: script },
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '127.0.0.1',
  secret: env.LEADGATE_SECRET || undefined,
  formId: 'demo-request',
  minSubmitMs,
  // A log line per delivered lead: its id, decision and codes, never what the person typed.
  onDelivered: ({ leadId, decision, codes }) => console.log(`delivered ${leadId} ${decision}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`),
});

console.log(`leadgate React page (Next.js app router page, rendered without Next): ${server.url}`);
for (const text of server.consentTexts) console.log(`  consent text registered: ${text.id} sha256:${text.hash.slice(0, 12)}…`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void server.close().then(() => rm(outDir, { recursive: true, force: true })).then(() => process.exit(0));
  });
}
