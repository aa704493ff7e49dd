// What the server benchmarks share (server-load.mjs, server-tail.mjs): free ports, child
// processes started and stopped, and the bench leads with their form tokens.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { issueFormToken } from 'leadgate/server';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts a child process and resolves once a line of its stdout matches `ready`. */
export function startProcess(command, argv, env, ready) {
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}: ${output}`)));
  });
}

export const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

/** The servers' LEADGATE_SECRET: the bench issues the form tokens with it. */
export const SECRET = 'bench-secret-0123456789abcdef';
const CONSENT = { given: true, textId: 'demo-request-v2', renderedChecked: false, userInteracted: true, pageUrl: 'https://www.northwind-logistics.de/demo' };

/**
 * `count` bench leads, each its own person, company domain, client IP and form token
 * (issued 10 s ago with {@link SECRET}, past the 3 s minimum), all accepted by the inbound
 * gate with no finding. `next()` gives the next one as `{ ip, body }`.
 */
export async function benchLeads(count) {
  const renderedAt = new Date(Date.now() - 10_000);
  const tokens = await Promise.all(Array.from({ length: count }, () => issueFormToken({ secret: SECRET, now: () => renderedAt })));
  let n = 0;
  return {
    next() {
      n += 1;
      const domain = `northwind-${n}.de`;
      return {
        ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        body: JSON.stringify({
          email: `maria.keller@${domain}`,
          firstName: 'Maria',
          lastName: 'Keller',
          title: 'Head of Procurement',
          company: 'Northwind Logistics GmbH',
          website: `https://www.${domain}`,
          phone: `+49 30 ${10_000_000 + n}`,
          country: 'DE',
          consent: { ...CONSENT, capturedAt: new Date().toISOString() },
          source: { utm_source: 'bench', utm_campaign: 'load', formToken: tokens[n - 1] },
        }),
      };
    },
  };
}
