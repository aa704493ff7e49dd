import { afterEach, describe, expect, it } from 'vitest';
import { createGate, isLeadGateError, memoryStore, motions, sourceVerification, type Verdict } from '../../src/index.js';
import { createHandler, formTokenOptions, issueFormToken, type HandlerOptions } from '../../src/server/index.js';
import { postForm, postJson, serve, type Served } from './http.js';

// Form tokens end to end over HTTP: the handler issues them at POST /form-token, the
// gate's source check (inbound preset) verifies them, both with one secret. The clock is
// the handler's `now`: it stamps the token and the lead's receivedAt, which the source
// check measures with, so the test moves time forward instead of sleeping.
const SECRET = 'form-token-secret-0123456789abcdef';
const T0 = new Date('2026-11-23T12:00:00.000Z').getTime();

// A US lead with a company: every other inbound check is quiet about it, so the codes
// below are the source check's alone.
const lead = (n: number, formToken?: string) => ({
  email: `jane.doe${n}@acme-corp.com`, company: 'Acme Corp', country: 'US', title: 'VP Marketing',
  ...(formToken === undefined ? {} : { source: { formToken } }),
});

let served: Served[] = [];
afterEach(async () => {
  await Promise.all(served.map((server) => server.close()));
  served = [];
});

interface Wired {
  base: string;
  clock: { at: number };
  delivered: string[];
  rejected: Verdict[];
  token(formId?: string): Promise<string>;
}

async function wired(setup: Parameters<typeof formTokenOptions>[0] = { secret: SECRET }, options: HandlerOptions = {}): Promise<Wired> {
  const clock = { at: T0 };
  const tokens = formTokenOptions(setup);
  const gate = createGate({
    motion: 'inbound',
    store: memoryStore(),
    checks: [sourceVerification({ ...motions.inbound.checks.source, ...tokens.source })],
  });
  const delivered: string[] = [];
  const rejected: Verdict[] = [];
  const handler = createHandler(gate, {
    formToken: tokens.handler,
    now: () => new Date(clock.at),
    exposeReasons: true,
    deliver: (_lead, _verdict, { leadId }) => void delivered.push(leadId),
    quarantine: (_lead, verdict) => void rejected.push(verdict),
    onEvent: () => undefined,
    ...options,
  });
  const server = await serve(handler);
  served.push({ ...server, close: async () => (await handler.close(), await server.close()) });
  const token = async (formId?: string) => {
    const response = await postJson(server.url, '/form-token', formId === undefined ? {} : { formId });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  return { base: server.url, clock, delivered, rejected, token };
}

const codesOf = async (response: Response) => ((await response.json()) as { findings: { code: string; field?: string }[] }).findings;
const problemOf = (verdict: Verdict | undefined) => verdict?.reasons.find((reason) => reason.check === 'source')?.data?.problem;

describe('form tokens over HTTP: POST /form-token, then POST /leads with source.formToken', () => {
  it('a token fetched, a person\'s pause, then the lead: accepted; the same token again is SOURCE_FORM_TOKEN_INVALID (reused)', async () => {
    const { base, clock, delivered, rejected, token } = await wired();
    const formToken = await token();
    clock.at += 8_000;
    const accepted = await postJson(base, '/leads', lead(1, formToken));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ decision: 'accept', leadId: expect.any(String), reasons: [] });
    expect(delivered).toHaveLength(1);

    clock.at += 1_000;
    const replay = await postJson(base, '/leads', lead(2, formToken));
    expect(replay.status).toBe(422);
    expect(await codesOf(replay)).toEqual([{ code: 'SOURCE_FORM_TOKEN_INVALID', field: 'source.formToken', message: expect.any(String) }]);
    expect(problemOf(rejected[0])).toBe('reused');
    expect(delivered).toHaveLength(1);
  });

  it('too soon after the render is SOURCE_TOO_FAST; at exactly minSubmitMs it is accepted (near miss)', async () => {
    const { base, clock, token } = await wired();
    const early = await token();
    clock.at += 2_999;
    const tooFast = await postJson(base, '/leads', lead(3, early));
    expect(tooFast.status).toBe(422);
    expect((await codesOf(tooFast)).map((finding) => finding.code)).toEqual(['SOURCE_TOO_FAST']);

    const onTime = await token();
    clock.at += 3_000;
    expect((await postJson(base, '/leads', lead(4, onTime))).status).toBe(200);
  });

  it('no token, a token signed with another secret, or one past its age: SOURCE_FORM_TOKEN_INVALID with the problem', async () => {
    const { base, clock, rejected, token } = await wired({ secret: SECRET, maxAgeMs: 60_000 });
    const stale = await token();
    const foreign = await issueFormToken({ secret: 'another-secret-0123456789abcdef', now: () => new Date(clock.at) });
    clock.at += 61_000;
    for (const [n, formToken] of [[5, undefined], [6, foreign], [7, stale]] as const) {
      const response = await postJson(base, '/leads', lead(n, formToken));
      expect(response.status).toBe(422);
      expect((await codesOf(response)).map((finding) => finding.code)).toEqual(['SOURCE_FORM_TOKEN_INVALID']);
    }
    expect(rejected.map(problemOf)).toEqual(['missing', 'forged', 'expired']);
  });

  it('a plain HTML form (JavaScript off) sends the token as lg_form_token and is accepted', async () => {
    const { base, clock, token } = await wired({ secret: SECRET }, { redirects: { success: '/thanks', failure: '/demo' } });
    const formToken = await token();
    clock.at += 10_000;
    const fields = { email: 'jane.doe8@acme-corp.com', company: 'Acme Corp', country: 'US', job_title: 'VP Marketing', lg_form_token: formToken };
    const response = await postForm(base, '/leads', fields, { html: true });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/thanks\?leadId=/);
    // The same form posted again with its spent token goes to the failure page with the code.
    const again = await postForm(base, '/leads', { ...fields, email: 'jane.doe9@acme-corp.com' }, { html: true });
    expect(again.headers.get('location')).toBe('/demo?codes=SOURCE_FORM_TOKEN_INVALID');
  });

  it('one form id: the handler issues only for it and the check requires it; several: the check takes any of them', async () => {
    const one = await wired({ secret: SECRET, formIds: ['demo'] });
    expect((await postJson(one.base, '/form-token', { formId: 'pricing' })).status).toBe(400);
    const demo = await one.token('demo');
    // A token for another form, signed with the same secret elsewhere, is refused here.
    const pricing = await issueFormToken({ secret: SECRET, formId: 'pricing', now: () => new Date(one.clock.at) });
    one.clock.at += 5_000;
    expect((await postJson(one.base, '/leads', lead(10, demo))).status).toBe(200);
    expect((await postJson(one.base, '/leads', lead(11, pricing))).status).toBe(422);
    expect(problemOf(one.rejected[0])).toBe('wrong_form');

    const two = await wired({ secret: SECRET, formIds: ['demo', 'pricing'] });
    const tokens = [await two.token('demo'), await two.token('pricing')];
    two.clock.at += 5_000;
    for (const [i, formToken] of tokens.entries()) expect((await postJson(two.base, '/leads', lead(20 + i, formToken))).status).toBe(200);
  });
});

describe('formTokenOptions', () => {
  it('builds both halves from one secret', () => {
    expect(formTokenOptions({ secret: SECRET })).toEqual({ handler: { secret: SECRET }, source: { formTokenSecret: SECRET } });
    expect(formTokenOptions({ secret: SECRET, formIds: ['demo'], minSubmitMs: 2000, maxAgeMs: 600_000 })).toEqual({
      handler: { secret: SECRET, formIds: ['demo'] },
      source: { formTokenSecret: SECRET, formId: 'demo', minSubmitMs: 2000, formTokenMaxAgeMs: 600_000 },
    });
  });

  it('a missing secret (an unset environment variable) throws instead of turning the token rule off', () => {
    const optionOf = (setup: unknown) => {
      try {
        formTokenOptions(setup as Parameters<typeof formTokenOptions>[0]);
      } catch (error) {
        return isLeadGateError(error) ? error.option : 'not a LeadGateError';
      }
      return undefined;
    };
    expect(optionOf({ secret: undefined })).toBe('secret');
    expect(optionOf({ secret: '' })).toBe('secret');
    expect(optionOf(undefined)).toBe('secret');
    expect(optionOf({ secret: SECRET, formIds: [] })).toBe('formIds');
    expect(optionOf({ secret: SECRET })).toBeUndefined();
    // A secret too short for either side is still refused by them, naming their option.
    const short = formTokenOptions({ secret: 'short' });
    expect(() => sourceVerification(short.source)).toThrow(/formTokenSecret/);
  });
});
