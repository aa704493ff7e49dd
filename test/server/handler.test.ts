import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGate, defineCheck, isLeadGateError, type Lead, type LeadContext, type Verdict } from '../../src/index.js';
import { fromBase64Url, hmacVerify } from '../../src/core/hmac.js';
import { createHandler, memoryOutbox, type HandlerEvent, type HandlerOptions, type LeadHandler, type Outbox, type WebHandler } from '../../src/server/index.js';
import { postForm, postJson, rawRequest, serve, sleep, type Served } from './http.js';

const GOOD = {
  email: 'maria.keller@northwind-logistics.de',
  firstName: 'Maria',
  lastName: 'Keller',
  title: 'Head of Procurement',
  company: 'Northwind Logistics GmbH',
  website: 'https://www.northwind-logistics.de',
  phone: '+49 30 901820',
  country: 'DE',
};
const FREE_MAIL = { ...GOOD, email: 'maria.keller1987@gmail.com', website: undefined };
const DISPOSABLE = { email: 'growthhacker@mailinator.com', company: 'Test', country: 'US' };

// Every test runs through both of toNodeListener's paths: a createHandler handler read
// straight from Node's message with its reply written as it is, and the web Request and
// Response any other handler gets (here the same handler behind a wrapper).
const PATHS: Array<{ path: string; via: (handler: LeadHandler) => WebHandler }> = [
  { path: "Node's message read directly", via: (handler) => handler },
  { path: 'a web Request and Response', via: (handler) => (request, connection) => handler(request, connection) },
];
let via: (handler: LeadHandler) => WebHandler = PATHS[0]!.via;

let served: Served[] = [];
afterEach(async () => {
  await Promise.all(served.map((server) => server.close()));
  served = [];
});

interface Setup {
  base: string;
  port: number;
  delivered: Array<{ lead: Lead; verdict: Verdict; leadId: string; attempt: number }>;
  events: HandlerEvent[];
  contexts: LeadContext[];
}

/** A gate (inbound) plus a check that records the context it was given, served over HTTP. */
async function setup(options: HandlerOptions = {}, gateExtra: Parameters<typeof createGate>[0] extends infer G ? Partial<G> : never = {}): Promise<Setup> {
  const contexts: LeadContext[] = [];
  const contextSpy = defineCheck({
    id: 'context-spy', dimension: 'truth', runsIn: 'server', fields: [], codes: {},
    run: (_lead, ctx) => (contexts.push(ctx.context), ctx.pass()),
  });
  const gate = createGate({ motion: 'inbound', checks: [contextSpy], ...gateExtra });
  const delivered: Setup['delivered'] = [];
  const events: HandlerEvent[] = [];
  const handler = createHandler(gate, {
    deliver: (lead, verdict, info) => void delivered.push({ lead, verdict, leadId: info.leadId, attempt: info.attempt }),
    onEvent: (event) => events.push(event),
    ...options,
  });
  const server = await serve(via(handler));
  served.push({ ...server, close: async () => (await handler.close(), await server.close()) });
  return { base: server.url, port: server.port, delivered, events, contexts };
}

describe.each(PATHS)('through $path', (path) => {
  beforeAll(() => {
    via = path.via;
  });

  describe('POST /leads: the caller\'s lead id (leadIdField, issue 18)', () => {
    it('becomes the verdict\'s leadId, in the answer, the decision log and the delivery, and leaves the lead', async () => {
      const events: Array<{ leadId: string }> = [];
      const { base, delivered } = await setup({ leadIdField: 'leadId' }, { log: (event) => void events.push(event) });
      const response = await postJson(base, '/leads', { ...GOOD, leadId: 'hs-9001' });
      expect(await response.json()).toEqual({ decision: 'accept', leadId: 'hs-9001' });
      expect(delivered[0]).toMatchObject({ leadId: 'hs-9001', verdict: { leadId: 'hs-9001' } });
      expect(delivered[0]!.lead.custom).toBeUndefined();
      expect(events.map((event) => event.leadId)).toEqual(['hs-9001']);
      // A form post carries it as a field too; a number is taken as its digits.
      const form = await postForm(base, '/leads', { email: GOOD.email, company: GOOD.company, leadId: 'sub_42' });
      expect((await form.json()).leadId).toBe('sub_42');
      expect((await (await postJson(base, '/leads', { ...GOOD, leadId: 1234 })).json()).leadId).toBe('1234');
    });

    it('an unusable id is not used: the gate makes one, a warn event says so, and the lead goes on', async () => {
      const { base, delivered, events } = await setup({ leadIdField: 'leadId' });
      const response = await postJson(base, '/leads', { ...GOOD, leadId: 'maria.keller@northwind-logistics.de <script>' });
      const body = await response.json();
      expect(response.status).toBe(200);
      expect(body.leadId).not.toContain('maria');
      expect(delivered).toHaveLength(1);
      expect(events).toContainEqual({ type: 'lead_id_ignored', level: 'warn', leadId: body.leadId, field: 'leadId' });
    });

    it('is off by default: a leadId field is an ordinary custom field', async () => {
      const { base, delivered } = await setup();
      const body = await (await postJson(base, '/leads', { ...GOOD, leadId: 'hs-9001' })).json();
      expect(body.leadId).not.toBe('hs-9001');
      expect(delivered[0]!.lead.custom).toEqual({ leadId: 'hs-9001' });
    });

    it('a bad leadIdField is a LeadGateError naming the option', () => {
      const gate = createGate({ motion: 'inbound' });
      let error: unknown;
      try {
        createHandler(gate, { leadIdField: 'lead id!' });
      } catch (caught) {
        error = caught;
      }
      expect(isLeadGateError(error) && error.option).toBe('leadIdField');
    });
  });

  describe('POST /leads: decisions', () => {
    it('an accepted lead: 200 { decision, leadId }, delivered once with that lead id', async () => {
      const { base, delivered } = await setup();
      const response = await postJson(base, '/leads', GOOD);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = await response.json();
      expect(body).toEqual({ decision: 'accept', leadId: expect.any(String) });
      expect(delivered).toHaveLength(1);
      expect(delivered[0]).toMatchObject({ leadId: body.leadId, attempt: 1, lead: { email: GOOD.email, country: 'DE' }, verdict: { decision: 'accept' } });
    });

    it('a lead in review: 202 with the decision only; the reasons appear only with exposeReasons', async () => {
      const hidden = await setup();
      const response = await postJson(hidden.base, '/leads', FREE_MAIL);
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ decision: 'review', leadId: expect.any(String) });
      expect(hidden.delivered).toHaveLength(1);

      const shown = await setup({ exposeReasons: true });
      const body = await (await postJson(shown.base, '/leads', FREE_MAIL)).json();
      expect(body.reasons).toContainEqual({ code: 'EMAIL_FREE_PROVIDER', field: 'email', action: 'review' });
    });

    it('a rejected lead: 422 problem+json (RFC 9457) with findings a form can show; not delivered; logged as an event with codes', async () => {
      const { base, delivered, events } = await setup();
      const response = await postJson(base, '/leads', DISPOSABLE);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const body = await response.json();
      expect(body).toMatchObject({ type: 'urn:leadgate:problem:lead-rejected', title: expect.any(String), status: 422, detail: expect.any(String), leadId: expect.any(String) });
      expect(body.findings).toContainEqual({ code: 'EMAIL_DISPOSABLE', field: 'email', message: expect.any(String) });
      expect(delivered).toHaveLength(0);
      expect(events).toContainEqual(expect.objectContaining({ type: 'rejected', leadId: body.leadId, codes: ['EMAIL_DISPOSABLE'] }));
      expect(JSON.stringify(events)).not.toContain('mailinator');
    });

    it('a JSON body that is not an object is a verdict (422 SYSTEM_INPUT_INVALID), not a 400 or 500', async () => {
      const { base } = await setup();
      for (const body of [[], 'lead', 42, null]) {
        const response = await postJson(base, '/leads', body);
        expect(response.status).toBe(422);
        expect((await response.json()).findings.map((f: { code: string }) => f.code)).toEqual(['SYSTEM_INPUT_INVALID']);
      }
    });

    it('rejected leads are kept only when quarantine is configured (function or outbox)', async () => {
      const kept: string[] = [];
      const viaFunction = await setup({ quarantine: (_lead, verdict) => void kept.push(verdict.leadId) });
      const { leadId } = await (await postJson(viaFunction.base, '/leads', DISPOSABLE)).json();
      expect(kept).toEqual([leadId]);
      await postJson(viaFunction.base, '/leads', GOOD);
      expect(kept).toHaveLength(1);

      const quarantine = memoryOutbox();
      const viaOutbox = await setup({ quarantine });
      await postJson(viaOutbox.base, '/leads', DISPOSABLE);
      expect(await quarantine.size()).toBe(1);
      // Quarantined leads are never due: the retry worker does not deliver them.
      expect(await quarantine.claim(Date.now() + 86_400_000, 10, 1)).toEqual([]);
    });
  });

  describe('POST /leads: bodies it cannot use', () => {
    it('bad JSON → 400 problem+json', async () => {
      const { base } = await setup();
      const response = await fetch(`${base}/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": "a@b.c",' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ type: 'urn:leadgate:problem:invalid-json', status: 400 });
    });

    it('invalid UTF-8 in a JSON body → 400', async () => {
      const { base } = await setup();
      const response = await fetch(`${base}/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
      expect(response.status).toBe(400);
    });

    it('a wrong or missing content type → 415 with Accept-Post', async () => {
      const { base } = await setup();
      for (const type of ['text/plain', 'application/xml', undefined]) {
        const response = await fetch(`${base}/leads`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: type ? '{}' : undefined });
        expect(response.status).toBe(415);
        expect(response.headers.get('accept-post')).toContain('application/json');
        expect(await response.json()).toMatchObject({ type: 'urn:leadgate:problem:unsupported-media-type', status: 415 });
      }
    });

    it('a body just under the limit is read; one byte over is 413 (declared Content-Length)', async () => {
      const { base } = await setup({ maxBodyBytes: 2048 });
      const padding = (size: number) => JSON.stringify({ ...GOOD, notes: 'x'.repeat(size - JSON.stringify({ ...GOOD, notes: '' }).length) });
      expect(padding(2048)).toHaveLength(2048);
      expect((await fetch(`${base}/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padding(2048) })).status).toBe(200);
      const over = await fetch(`${base}/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padding(2049) });
      expect(over.status).toBe(413);
      expect(await over.json()).toMatchObject({ type: 'urn:leadgate:problem:body-too-large', status: 413 });
    });

    it('the limit holds while streaming: a chunked body that passes 64 KB gets 413 before the client has even finished sending', async () => {
      const { port } = await setup();
      const response = await rawRequest(port, {
        path: '/leads',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        chunks: ['{"notes":"', 'x'.repeat(40_000), 'x'.repeat(40_000)],
        end: false, // the upload never ends: a server that buffered to the end would never answer
      });
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({ status: 413 });
    });

    it('fuzzed bodies and content types never produce a 5xx', async () => {
      const { base } = await setup({ maxBodyBytes: 4096 });
      const allowed = new Set([200, 202, 400, 413, 415, 422]);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=xyz', 'text/plain', 'application/ld+json', ''),
          fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.json({ maxDepth: 4 }),
            fc.uint8Array({ maxLength: 6000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
            fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 })).map((fields) => new URLSearchParams(fields).toString()),
            fc.constantFrom('--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--xyz--\r\n', '{"__proto__":{"x":1},"email":"a@b.co"}', '{"constructor":{"prototype":{}}}', 'email=a%ZZ&lg_consent_given=maybe'),
          ),
          async (type, body) => {
            const response = await fetch(`${base}/leads`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
            await response.arrayBuffer();
            return allowed.has(response.status);
          },
        ),
        { numRuns: 150 },
      );
    });
  });

  describe('POST /leads: form posts and the default field mapping', () => {
    const FORM = {
      email: GOOD.email, first_name: 'Maria', last_name: 'Keller', tel: GOOD.phone, job_title: GOOD.title, organization: GOOD.company,
      website: GOOD.website, country: 'de', utm_source: 'linkedin', utm_campaign: 'q4-webinar',
      lg_form_token: 'token.value', lg_form_id: 'demo', lg_hp: '', lg_time_on_form_ms: '8400',
      lg_consent_given: 'on', lg_consent_text_id: 'marketing-v3', lg_consent_text_hash: 'ab'.repeat(32), lg_consent_rendered_checked: 'false',
      lg_consent_user_interacted: 'true', lg_consent_captured_at: '2026-11-23T12:00:08.000Z', lg_page_url: 'https://www.example.com/demo',
      lg_consent_channels: 'email,phone', newsletter_topic: 'logistics',
    };

    it('urlencoded fields map to the lead: names, source (utm, token, honeypot, time on form), consent', async () => {
      const { base, delivered } = await setup();
      const response = await postForm(base, '/leads', FORM);
      expect(response.status).toBe(200);
      const { lead } = delivered[0]!;
      expect(lead).toMatchObject({
        email: GOOD.email, firstName: 'Maria', lastName: 'Keller', phone: GOOD.phone, title: GOOD.title, company: GOOD.company, country: 'DE',
        source: { utm_source: 'linkedin', utm_campaign: 'q4-webinar', formToken: 'token.value', formId: 'demo', timeOnFormMs: 8400, pageUrl: 'https://www.example.com/demo' },
        consent: {
          given: true, textId: 'marketing-v3', textHash: 'ab'.repeat(32), renderedChecked: false, userInteracted: true,
          capturedAt: '2026-11-23T12:00:08.000Z', pageUrl: 'https://www.example.com/demo', channels: ['email', 'phone'],
        },
        custom: { newsletter_topic: 'logistics' },
      });
      // An empty honeypot is a person: the field is kept but is no hit.
      expect(lead.source?.honeypot).toBeUndefined();
    });

    it('multipart/form-data maps the same way; uploaded files are dropped', async () => {
      const { base, delivered } = await setup();
      const form = new FormData();
      for (const [name, value] of Object.entries(FORM)) form.append(name, value);
      form.append('cv', new Blob(['%PDF-1.7'], { type: 'application/pdf' }), 'cv.pdf');
      const response = await fetch(`${base}/leads`, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      expect(delivered[0]!.lead).toMatchObject({ firstName: 'Maria', consent: { given: true }, source: { timeOnFormMs: 8400 } });
      expect(JSON.stringify(delivered[0]!.lead)).not.toContain('PDF');
    });

    it('a JSON body is the lead as is, with lg_* and alias names mapped beside canonical ones', async () => {
      const { base, delivered } = await setup();
      await postJson(base, '/leads', { ...GOOD, source: { utm_source: 'ads' }, lg_form_token: 't.s', consent: { given: true }, lg_consent_text_id: 'v1' });
      expect(delivered[0]!.lead).toMatchObject({ ...GOOD, website: GOOD.website, source: { utm_source: 'ads', formToken: 't.s' }, consent: { given: true, textId: 'v1' } });
    });

    it('HTML form posts (JavaScript off) get 303 to the success URL with the lead id, and to the failure URL with codes only', async () => {
      const { base } = await setup({ redirects: { success: '/thanks', failure: 'https://www.example.com/form?step=2#form' } });
      const ok = await postForm(base, '/leads', FORM, { html: true });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toMatch(/^\/thanks\?leadId=[\w-]+$/);

      const bad = await postForm(base, '/leads', { email: DISPOSABLE.email, country: 'US' }, { html: true });
      expect(bad.status).toBe(303);
      const location = new URL(bad.headers.get('location')!);
      expect(location.origin + location.pathname).toBe('https://www.example.com/form');
      expect(location.searchParams.get('step')).toBe('2');
      expect(location.searchParams.get('codes')).toBe('EMAIL_DISPOSABLE');
      expect(location.hash).toBe('#form');
      expect(bad.headers.get('location')).not.toContain('mailinator');

      const tooBig = await fetch(`${base}/leads`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: `notes=${'x'.repeat(70_000)}` });
      expect(tooBig.status).toBe(303);
      expect(new URL(tooBig.headers.get('location')!).searchParams.get('error')).toBe('body-too-large');
    });

    it('a fetch() form post (Accept */*) gets JSON, not a redirect', async () => {
      const { base } = await setup({ redirects: { success: '/thanks', failure: '/form' } });
      const response = await postForm(base, '/leads', FORM);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ decision: 'accept' });
    });

    it('a honeypot hit is answered like a success but not delivered', async () => {
      const { base, delivered, events } = await setup({ redirects: { success: '/thanks', failure: '/form' } });
      const json = await postForm(base, '/leads', { ...FORM, lg_hp: 'http://spam.example' });
      expect(json.status).toBe(200);
      const body = await json.json();
      expect(body).toEqual({ decision: 'accept', leadId: expect.any(String) });
      const html = await postForm(base, '/leads', { ...FORM, lg_hp: 'x' }, { html: true });
      expect(html.headers.get('location')).toMatch(/^\/thanks\?leadId=/);
      expect(delivered).toHaveLength(0);
      expect(events.filter((event) => event.type === 'honeypot')).toHaveLength(2);
      // Near miss: a blank honeypot (whitespace only) is a person.
      await postForm(base, '/leads', { ...FORM, lg_hp: '  ' });
      expect(delivered).toHaveLength(1);
    });
  });

  describe('context from the request', () => {
    it('origin, referer, user agent, GPC, Sec-Fetch-Site, received time and allow-listed headers reach the checks', async () => {
      const { base, contexts } = await setup({ now: () => new Date('2026-11-23T12:00:00.000Z') });
      await postJson(base, '/leads', GOOD, {
        origin: 'https://www.example.com', referer: 'https://www.example.com/demo?utm_source=x', 'user-agent': 'Mozilla/5.0 test',
        'sec-gpc': '1', 'sec-fetch-site': 'same-site', 'accept-language': 'de-DE', 'x-secret-header': 'nope', cookie: 'session=1',
      });
      expect(contexts[0]).toMatchObject({
        origin: 'https://www.example.com', referer: 'https://www.example.com/demo?utm_source=x', userAgent: 'Mozilla/5.0 test', gpc: true,
        secFetchSite: 'same-site', receivedAt: '2026-11-23T12:00:00.000Z', ip: '127.0.0.1', headers: { 'accept-language': 'de-DE' },
      });
      expect(contexts[0]!.headers).not.toHaveProperty('cookie');
      expect(contexts[0]!.headers).not.toHaveProperty('x-secret-header');
      // Near miss: Sec-GPC other than "1" is no signal.
      await postJson(base, '/leads', GOOD, { 'sec-gpc': '0' });
      expect(contexts[1]!.gpc).toBeUndefined();
    });

    it('X-Forwarded-For is ignored by default, and read N hops from the right with trustProxy: N', async () => {
      const untrusted = await setup();
      await postJson(untrusted.base, '/leads', GOOD, { 'x-forwarded-for': '203.0.113.9' });
      expect(untrusted.contexts[0]!.ip).toBe('127.0.0.1');

      const oneHop = await setup({ trustProxy: 1 });
      await postJson(oneHop.base, '/leads', GOOD, { 'x-forwarded-for': '10.0.0.66, 198.51.100.7' });
      expect(oneHop.contexts[0]!.ip).toBe('198.51.100.7');

      const twoHops = await setup({ trustProxy: 2 });
      await postJson(twoHops.base, '/leads', GOOD, { 'x-forwarded-for': 'spoofed, 198.51.100.7, 10.0.0.2' });
      expect(twoHops.contexts[0]!.ip).toBe('198.51.100.7');

      const custom = await setup({ trustProxy: (request) => request.headers.get('cf-connecting-ip') ?? undefined });
      await postJson(custom.base, '/leads', GOOD, { 'cf-connecting-ip': '192.0.2.44' });
      expect(custom.contexts[0]!.ip).toBe('192.0.2.44');
    });
  });

  describe('routes, CORS, form tokens', () => {
    it('GET /codes serves the gate catalogue; wrong method 405 with Allow; unknown path 404', async () => {
      const { base } = await setup();
      const codes = await (await fetch(`${base}/codes`)).json();
      expect(codes).toContainEqual(expect.objectContaining({ code: 'EMAIL_DISPOSABLE', actions: { inbound: 'reject' } }));
      const wrong = await fetch(`${base}/codes`, { method: 'DELETE' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toContain('GET');
      expect((await fetch(`${base}/leads`)).status).toBe(405);
      const missing = await fetch(`${base}/nope`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
    });

    it('basePath prefixes every route', async () => {
      const { base } = await setup({ basePath: '/api/v1' });
      expect((await postJson(base, '/api/v1/leads', GOOD)).status).toBe(200);
      expect((await postJson(base, '/api/v1/leads/', GOOD)).status).toBe(200);
      expect((await postJson(base, '/leads', GOOD)).status).toBe(404);
      expect((await fetch(`${base}/api/v1/codes?x=1`)).status).toBe(200);
    });

    it('CORS: allowed origins get Access-Control-Allow-Origin and a preflight grant; others get neither', async () => {
      const { base } = await setup({ allowedOrigins: ['https://www.example.com'] });
      const allowed = await postJson(base, '/leads', GOOD, { origin: 'https://www.example.com' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
      expect(allowed.headers.get('vary')).toContain('Origin');
      const other = await postJson(base, '/leads', GOOD, { origin: 'https://evil.example' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const preflight = await fetch(`${base}/leads`, { method: 'OPTIONS', headers: { origin: 'https://www.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
      const refused = await fetch(`${base}/leads`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      // Problems carry CORS headers too, so the allowed page can read the findings.
      const problemResponse = await postJson(base, '/leads', DISPOSABLE, { origin: 'https://www.example.com' });
      expect(problemResponse.status).toBe(422);
      expect(problemResponse.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    });

    it('POST /form-token issues a signed token for the form; 404 when not configured; unknown form ids refused', async () => {
      const secret = 'form-token-secret-0123456789abcdef';
      const { base } = await setup({ formToken: { secret, formIds: ['demo', 'default'] }, now: () => new Date('2026-11-23T12:00:00.000Z') });
      const response = await postJson(base, '/form-token', { formId: 'demo' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { token, formId } = await response.json();
      expect(formId).toBe('demo');
      const [payload, signature] = token.split('.');
      expect(await hmacVerify(secret, `leadgate.form.${payload}`, signature)).toBe(true);
      expect(JSON.parse(new TextDecoder().decode(fromBase64Url(payload)!))).toMatchObject({ f: 'demo', i: Date.parse('2026-11-23T12:00:00.000Z') });

      expect((await (await fetch(`${base}/form-token?formId=demo`, { method: 'POST' })).json()).formId).toBe('demo');
      expect((await (await fetch(`${base}/form-token`, { method: 'POST' })).json()).formId).toBe('default');
      expect((await postJson(base, '/form-token', { formId: 'other' })).status).toBe(400);
      expect((await postJson(base, '/form-token', { formId: 7 })).status).toBe(400);

      const off = await setup();
      expect((await postJson(off.base, '/form-token', {})).status).toBe(404);
    });
  });

  describe('delivery and the outbox', () => {
    it('deliver failing then recovering: every accepted lead arrives exactly once, and no answer waited on a retry', async () => {
      let crmUp = false;
      const arrived: string[] = [];
      const { base } = await setup({
        deliver: (_lead, _verdict, { leadId }) => {
          if (!crmUp) throw new Error('CRM down');
          arrived.push(leadId);
        },
        retry: { intervalMs: 20, baseDelayMs: 10, maxDelayMs: 50 },
      });
      const answered: string[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        const response = await postJson(base, '/leads', { ...GOOD, firstName: `Lead${i}` });
        expect(performance.now() - started).toBeLessThan(1000);
        expect(response.status).toBe(200);
        answered.push((await response.json()).leadId);
        if (i === 9) await sleep(120); // several retry passes fail while the CRM is down
      }
      expect(arrived).toEqual([]);
      crmUp = true;
      await expect.poll(() => arrived.length, { timeout: 5000, interval: 20 }).toBe(20);
      await sleep(150); // more passes: nothing arrives twice
      expect([...arrived].sort()).toEqual([...answered].sort());
      expect(new Set(arrived).size).toBe(20);
    });

    it('a deliver that hangs is cut at deliverTimeoutMs, the lead is queued and answered, then retried with attempt 2', async () => {
      const attempts: Array<{ leadId: string; attempt: number }> = [];
      const { base, events } = await setup({
        deliverTimeoutMs: 100,
        retry: { intervalMs: 20, baseDelayMs: 10 },
        deliver: (_lead, _verdict, { leadId, attempt, signal }) => {
          attempts.push({ leadId, attempt });
          if (attempt === 1) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        },
      });
      const started = performance.now();
      const response = await postJson(base, '/leads', GOOD);
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      const { leadId } = await response.json();
      await expect.poll(() => attempts.length, { timeout: 3000 }).toBe(2);
      expect(attempts).toEqual([{ leadId, attempt: 1 }, { leadId, attempt: 2 }]);
      expect(events).toContainEqual(expect.objectContaining({ type: 'delivery_failed', leadId, attempt: 1, error: expect.objectContaining({ name: 'TimeoutError' }) }));
      expect(events).toContainEqual(expect.objectContaining({ type: 'delivered', leadId, attempt: 2 }));
    });

    it('when every outbox is full, the lead is refused with 503 + Retry-After (the client keeps it), not lost silently', async () => {
      const { base, events } = await setup({
        deliver: () => Promise.reject(new Error('CRM down')),
        outbox: memoryOutbox({ maxEntries: 2, onWarning: () => undefined }),
        retry: false,
        retryAfterSeconds: 42,
      });
      expect((await postJson(base, '/leads', GOOD)).status).toBe(200);
      expect((await postJson(base, '/leads', GOOD)).status).toBe(200);
      const refused = await postJson(base, '/leads', GOOD);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('42');
      expect(await refused.json()).toMatchObject({ type: 'urn:leadgate:problem:outbox-full', status: 503 });
      expect(events).toContainEqual(expect.objectContaining({ type: 'lead_refused', reason: 'outbox_full' }));
    });

    it('an outbox that fails hands the lead to the next one', async () => {
      const broken: Outbox = { ...memoryOutbox(), name: 'broken', put: () => Promise.reject(new Error('disk gone')) };
      const local = memoryOutbox({ name: 'local' });
      const { base, events } = await setup({ deliver: () => Promise.reject(new Error('CRM down')), outbox: [broken, local], retry: false });
      expect((await postJson(base, '/leads', GOOD)).status).toBe(200);
      expect(await local.size()).toBe(1);
      expect(events).toContainEqual(expect.objectContaining({ type: 'outbox_failed', outbox: 'broken', operation: 'put' }));
      expect(events).toContainEqual(expect.objectContaining({ type: 'queued', outbox: 'local' }));
    });

    it('with retry: false nothing retries by itself; delivery.retryDue() does one pass (cron-style)', async () => {
      let up = false;
      const arrived: string[] = [];
      const gate = createGate({ motion: 'inbound' });
      const handler = createHandler(gate, { retry: false, onEvent: () => undefined, deliver: (_l, _v, { leadId }) => { if (!up) throw new Error('down'); arrived.push(leadId); } });
      const server = await serve(via(handler));
      served.push(server);
      await postJson(server.url, '/leads', GOOD);
      expect(await handler.delivery.pending()).toBe(1);
      up = true;
      await sleep(50);
      expect(arrived).toHaveLength(0);
      // Without the timer there is no backoff either: the caller's schedule paces the passes.
      expect(await handler.delivery.retryDue()).toEqual({ delivered: 1, failed: 0 });
      expect(await handler.delivery.pending()).toBe(0);
      expect(await handler.delivery.retryDue()).toEqual({ delivered: 0, failed: 0 });
      expect(arrived).toHaveLength(1);
    });
  });

  describe('options', () => {
    it('bad options are a LeadGateError naming the option', () => {
      const gate = createGate({ motion: 'inbound' });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ basePath: 'api/' }, 'basePath'],
        [{ maxBodyBytes: -1 }, 'maxBodyBytes'],
        [{ allowedOrigins: ['https://example.com/path'] }, 'allowedOrigins'],
        [{ trustProxy: true }, 'trustProxy'],
        [{ formToken: { secret: 'short' } }, 'formToken.secret'],
        [{ outbox: [] }, 'outbox'],
        [{ retry: { intervalMs: 0 } }, 'retry.intervalMs'],
        [{ deliverTimeoutMs: 'soon' }, 'deliverTimeoutMs'],
        [{ unknownOption: 1 }, 'unknownOption'],
      ];
      for (const [options, option] of cases) {
        let caught: unknown;
        try {
          createHandler(gate, options as HandlerOptions);
        } catch (error) {
          caught = error;
        }
        expect(isLeadGateError(caught) ? caught.option : caught).toBe(option);
      }
      expect(() => createHandler({} as never)).toThrow(expect.objectContaining({ option: 'gate' }));
    });
  });

  describe('toNodeListener', () => {
    it('methods the Fetch standard refuses (TRACE) get 405, not 500; HEAD /codes has headers and no body', async () => {
      const { port } = await setup();
      const trace = await rawRequest(port, { method: 'TRACE', path: '/leads' });
      expect(trace.status).toBe(405);
      const head = await rawRequest(port, { method: 'HEAD', path: '/codes' });
      expect(head.status).toBe(200);
      expect(head.headers['content-type']).toBe('application/json');
      expect(head.body).toBe('');
    });

    it('a malformed Host header still reaches the handler', async () => {
      const { port } = await setup();
      const response = await rawRequest(port, { path: '/leads', headers: { host: 'bad host^', 'content-type': 'application/json' }, chunks: [JSON.stringify(GOOD)] });
      expect(response.status).toBe(200);
    });
  });
});

describe("toNodeListener's direct path for a createHandler handler", () => {
  const json = { 'content-type': 'application/json' };
  const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
  const REQUESTS: Array<Parameters<typeof rawRequest>[1]> = [
    { path: '/leads', headers: { ...json, origin: 'https://www.example.com', 'accept-language': ['de-DE', 'en;q=0.5'] }, chunks: [JSON.stringify({ ...GOOD, id: 'crm-1' })] },
    { path: '/leads', headers: json, chunks: [JSON.stringify({ ...FREE_MAIL, id: 'crm-2' })] },
    { path: '/leads', headers: json, chunks: [JSON.stringify({ ...DISPOSABLE, id: 'crm-3' })] },
    { path: '/leads', headers: form, chunks: [new URLSearchParams({ email: GOOD.email, company: GOOD.company, country: 'DE', id: 'crm-4' }).toString()] },
    { path: '/leads', headers: form, chunks: [new URLSearchParams({ email: DISPOSABLE.email, id: 'crm-5' }).toString()] },
    { path: '/leads', headers: json, chunks: ['{"email":'] },
    { path: '/leads', headers: { 'content-type': 'text/plain' }, chunks: ['hello'] },
    { path: '/leads', headers: { ...json, 'content-length': 5000 }, chunks: ['{"email":'], end: false },
    { method: 'GET', path: '/codes' },
    { method: 'HEAD', path: '/codes' },
    { method: 'OPTIONS', path: '/leads', headers: { origin: 'https://www.example.com', 'access-control-request-method': 'POST' } },
    { method: 'OPTIONS', path: '/leads', headers: { origin: 'https://evil.example' } },
    { method: 'OPTIONS', path: '/leads' },
    { method: 'PUT', path: '/leads', headers: json, chunks: ['{}'] },
    { method: 'GET', path: '/nowhere' },
    { path: '/outcomes', headers: json, chunks: ['[]'] },
  ];
  const STATUSES = [200, 202, 422, 303, 303, 400, 415, 413, 200, 200, 204, 403, 204, 405, 404, 404];

  async function answers(path: (typeof PATHS)[number]) {
    via = path.via;
    const { port, contexts, delivered } = await setup({
      leadIdField: 'id', maxBodyBytes: 4096, allowedOrigins: ['https://www.example.com'], redirects: { success: '/thanks', failure: '/form' },
      now: () => new Date('2026-11-23T12:00:00.000Z'),
    });
    const replies = [];
    for (const request of REQUESTS) {
      const { headers, ...rest } = await rawRequest(port, request);
      // The clock and the socket's own headers differ by run, not by path.
      const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...kept } = headers;
      replies.push({ ...rest, headers: kept });
    }
    return { replies, contexts, delivered: delivered.map(({ leadId, verdict }) => ({ leadId, decision: verdict.decision })) };
  }

  it('answers every route, refusal and preflight with the same status, headers and body as the web path', async () => {
    const direct = await answers(PATHS[0]!);
    const web = await answers(PATHS[1]!);
    expect(direct.replies.map((reply) => reply.status)).toEqual(STATUSES);
    expect(direct.replies).toEqual(web.replies);
    expect(direct.contexts).toEqual(web.contexts);
    expect(direct.delivered).toEqual(web.delivered);
    // Repeated headers are joined as Headers.get joins them.
    expect(direct.contexts[0]!.headers).toEqual({ 'accept-language': 'de-DE, en;q=0.5' });
    // Framed by Content-Length, never chunked.
    expect(direct.replies[0]!.headers['content-length']).toBe(String(Buffer.byteLength(direct.replies[0]!.body)));
    expect(direct.replies[3]!.headers['content-length']).toBe('0');
    expect(direct.replies[0]!.headers['access-control-allow-origin']).toBe('https://www.example.com');
  });

  it('makes no web Request or Response for a lead; the wrapped handler makes both', async () => {
    const made = { Request: 0, Response: 0 };
    const { Request: RealRequest, Response: RealResponse } = globalThis;
    class CountedRequest extends RealRequest {
      constructor(...args: ConstructorParameters<typeof Request>) {
        super(...args);
        made.Request += 1;
      }
    }
    class CountedResponse extends RealResponse {
      constructor(...args: ConstructorParameters<typeof Response>) {
        super(...args);
        made.Response += 1;
      }
    }
    const count = async (path: (typeof PATHS)[number]) => {
      via = path.via;
      const { port } = await setup();
      made.Request = made.Response = 0;
      Object.assign(globalThis, { Request: CountedRequest, Response: CountedResponse });
      try {
        const answer = await rawRequest(port, { path: '/leads', headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify(GOOD)] });
        expect(answer.status).toBe(200);
      } finally {
        Object.assign(globalThis, { Request: RealRequest, Response: RealResponse });
      }
      return { ...made };
    };
    expect(await count(PATHS[0]!)).toEqual({ Request: 0, Response: 0 });
    expect(await count(PATHS[1]!)).toEqual({ Request: 1, Response: 1 });
  });
});
