import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadGateError } from '../../src/core/errors.js';
import { startLandingServer, type LandingServer } from '../../src/node/landing-server.js';
import { issueFormToken } from '../../src/server/form-token.js';

// The landing server without a browser: routes, static files, the handler's
// configuration (form tokens with the server's secret, the page's consent texts) and
// the record of deliveries. test/e2e/ drives the same server from Chromium.

const root = join(dirname(fileURLToPath(import.meta.url)), '../../examples/landing-page');
const SCRIPT = '/* the script-tag build, as given */ window.LeadGate = {};';

const goodLead = (token: string, textHash: string, email = 'maria.keller@northwind-logistics.de') => ({
  firstName: 'Maria',
  lastName: 'Keller',
  email,
  title: 'Head of Procurement',
  company: 'Northwind Logistics',
  country: 'DE',
  consent: { given: true, renderedChecked: false, userInteracted: true, requiredToSubmit: false, textId: 'tallyline-marketing-v1', textHash, capturedAt: new Date().toISOString(), pageUrl: 'http://127.0.0.1/' },
  source: { formId: 'demo-request', formToken: token, pageUrl: 'http://127.0.0.1/', timeOnFormMs: 9000 },
});

const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const tokenFrom = async (server: LandingServer, formId = 'demo-request') => {
  const response = await postJson(`${server.url}form-token`, { formId });
  return { status: response.status, token: ((await response.json()) as { token?: string }).token };
};

describe('startLandingServer', () => {
  let server: LandingServer;
  const delivered: string[] = [];

  beforeAll(async () => {
    server = await startLandingServer({
      root,
      script: { code: SCRIPT },
      port: 0,
      formId: 'demo-request',
      minSubmitMs: 0,
      keepDeliveries: 2,
      onDelivered: (delivery) => delivered.push(delivery.leadId),
      onEvent: () => undefined,
    });
  });
  afterAll(() => server.close());

  it('listens on loopback and says where', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the page with a strict Content-Security-Policy, its assets, and the script-tag build', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
    expect(await page.text()).toContain('data-leadgate="inbound"');
    expect((await fetch(`${server.url}index.html`)).status).toBe(200);
    const css = await fetch(`${server.url}styles.css`);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    expect((await fetch(`${server.url}favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const script = await fetch(`${server.url}leadgate.global.js`);
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([200, 'text/javascript; charset=utf-8', SCRIPT]);
  });

  it('serves nothing outside the page folder, no hidden files, no unknown types, and only GET and HEAD', async () => {
    for (const path of ['..%2fserver%2fsetup.mjs', '..%2F..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', '..\\..\\package.json', 'serve.mjs', 'README.md', '.git', 'nope.html', '%E0%A4%A']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
    const post = await fetch(server.url, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const head = await fetch(server.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('renders the consent box pre-ticked only for ?consent=prechecked', async () => {
    const box = (html: string) => /<input[^>]*data-leadgate-consent[\s>]/.exec(html)?.[0] ?? '';
    expect(box(await (await fetch(server.url)).text())).not.toMatch(/\bchecked\b/);
    expect(box(await (await fetch(`${server.url}?consent=prechecked`)).text())).toMatch(/^<input checked /);
    expect(box(await (await fetch(`${server.url}?consent=other`)).text())).not.toMatch(/\bchecked\b/);
  });

  it('registers the consent text the page shows', () => {
    expect(server.consentTexts.map((text) => text.id)).toEqual(['tallyline-marketing-v1']);
    expect(server.consentTexts[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('issues form tokens at /form-token (the sibling of /leads, where the DOM binding asks), for the configured form only', async () => {
    expect(await tokenFrom(server)).toMatchObject({ status: 200, token: expect.stringMatching(/^[\w-]+\.[\w-]+$/) });
    // /leads/form-token is no route of the handler: a page must not depend on it.
    expect((await postJson(`${server.url}leads/form-token`, { formId: 'demo-request' })).status).toBe(405);
    expect((await tokenFrom(server, 'other-form')).status).toBe(400);
    const codes = (await (await fetch(`${server.url}codes`)).json()) as Array<{ code: string }>;
    expect(codes.map((entry) => entry.code)).toEqual(expect.arrayContaining(['CONSENT_PRETICKED', 'SOURCE_TOO_FAST', 'EMAIL_DISPOSABLE']));
  });

  it('accepts a lead with a fresh token and the registered consent text, and records exactly that delivery', async () => {
    const before = server.deliveries.length;
    const { token } = await tokenFrom(server);
    const response = await postJson(`${server.url}leads`, goodLead(token!, server.consentTexts[0]!.hash));
    const body = (await response.json()) as { decision: string; leadId: string };
    expect([response.status, body.decision]).toEqual([200, 'accept']);
    expect(server.deliveries.length).toBe(Math.min(before + 1, 2));
    expect(server.deliveries.at(-1)).toMatchObject({ leadId: body.leadId, decision: 'accept', codes: [], lead: { email: 'maria.keller@northwind-logistics.de' } });
    expect(delivered.at(-1)).toBe(body.leadId);

    // The token is single use: the same submission again is refused and not delivered.
    const replay = await postJson(`${server.url}leads`, goodLead(token!, server.consentTexts[0]!.hash));
    expect(replay.status).toBe(422);
    expect(((await replay.json()) as { findings: Array<{ code: string }> }).findings.map((finding) => finding.code)).toEqual(['SOURCE_FORM_TOKEN_INVALID']);
    expect(delivered.at(-1)).toBe(body.leadId);
  });

  it('sends a consent text the page does not show to review (CONSENT_TEXT_UNKNOWN), and a lead without a token away', async () => {
    const { token } = await tokenFrom(server);
    const unknownText = await postJson(`${server.url}leads`, goodLead(token!, 'f'.repeat(64), 'jonas.weber@northwind-logistics.de'));
    expect(unknownText.status).toBe(202);
    expect(server.deliveries.at(-1)).toMatchObject({ decision: 'review', codes: ['CONSENT_TEXT_UNKNOWN'] });

    const { source, ...withoutSource } = goodLead('', server.consentTexts[0]!.hash, 'eva.schmidt@northwind-logistics.de');
    const noToken = await postJson(`${server.url}leads`, { ...withoutSource, source: { ...source, formToken: undefined } });
    expect(noToken.status).toBe(422);
    expect(((await noToken.json()) as { findings: Array<{ code: string }> }).findings.map((finding) => finding.code)).toEqual(['SOURCE_FORM_TOKEN_INVALID']);
  });

  it('keeps only the newest deliveries (keepDeliveries)', () => {
    expect(server.deliveries.length).toBeLessThanOrEqual(2);
  });
});

describe('startLandingServer: secret and minimum time', () => {
  it('draws a new random secret per start: a token of one server is forged for another', async () => {
    const options = { root, script: { code: SCRIPT }, port: 0, minSubmitMs: 0, onEvent: () => undefined };
    const [first, second] = await Promise.all([startLandingServer(options), startLandingServer(options)]);
    try {
      const { token } = await tokenFrom(first);
      const response = await postJson(`${second.url}leads`, goodLead(token!, second.consentTexts[0]!.hash));
      expect(response.status).toBe(422);
      expect(second.deliveries).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('verifies tokens with the secret it is given, and refuses a submit sooner than minSubmitMs with SOURCE_TOO_FAST', async () => {
    const secret = 'a-test-secret-of-enough-length-0123';
    const server = await startLandingServer({ root, script: { code: SCRIPT }, port: 0, secret, minSubmitMs: 60_000, onEvent: () => undefined });
    try {
      const token = await issueFormToken({ secret, formId: 'demo-request' });
      const response = await postJson(`${server.url}leads`, goodLead(token, server.consentTexts[0]!.hash));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { findings: Array<{ code: string }> }).findings.map((finding) => finding.code)).toEqual(['SOURCE_TOO_FAST']);
    } finally {
      await server.close();
    }
  });

  it('forwards delivered leads to its own deliver function too', async () => {
    const forwarded: string[] = [];
    const server = await startLandingServer({ root, script: { code: SCRIPT }, port: 0, minSubmitMs: 0, deliver: (_lead, verdict) => void forwarded.push(verdict.leadId), onEvent: () => undefined });
    try {
      const { token } = await tokenFrom(server);
      const response = await postJson(`${server.url}leads`, goodLead(token!, server.consentTexts[0]!.hash));
      expect(forwarded).toEqual([((await response.json()) as { leadId: string }).leadId]);
    } finally {
      await server.close();
    }
  });
});

describe('startLandingServer: bad options', () => {
  const option = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeadGateError);
    return (error as LeadGateError).option;
  };

  it('names the option: motion, root, script', async () => {
    expect(await option(startLandingServer({ root, script: { code: SCRIPT }, port: 0, motion: 'sideways' as 'inbound' }))).toBe('motion');
    const empty = await mkdtemp(join(tmpdir(), 'leadgate-landing-'));
    try {
      expect(await option(startLandingServer({ root: empty, script: { code: SCRIPT }, port: 0 }))).toBe('root');
      expect(await option(startLandingServer({ root, script: join(empty, 'missing.js'), port: 0 }))).toBe('script');
      await writeFile(join(empty, 'leadgate.global.js'), SCRIPT);
      const fromFile = await startLandingServer({ root, script: join(empty, 'leadgate.global.js'), port: 0 });
      expect(await (await fetch(`${fromFile.url}leadgate.global.js`)).text()).toBe(SCRIPT);
      await fromFile.close();
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('rejects when the port is taken', async () => {
    const first = await startLandingServer({ root, script: { code: SCRIPT }, port: 0 });
    try {
      await expect(startLandingServer({ root, script: { code: SCRIPT }, port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
