import { describe, expect, it } from 'vitest';
import { createGate, isLeadGateError, memoryStore, sourceVerification, type LeadStore, type SourceVerificationOptions } from '../../src/index.js';
import { issueFormToken } from '../../src/server/index.js';
import { normalizeLead } from '../../src/core/lead.js';
import { runCheck, syncContext } from '../helpers/run-check.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const SECRET = 'form-secret-for-the-source-tests-0123';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Only the rules that need nothing: the check stays synchronous and runs anywhere. */
const local = (options: SourceVerificationOptions = {}) => sourceVerification({ velocity: false, duplicateLookbackDays: false, ...options });
const codesOf = async (lead: Record<string, unknown>, options?: SourceVerificationOptions, context = {}) =>
  (await runCheck(local(options), lead, { now: NOW, context })).codes;

/** A clock the tests move by hand; the store and the check read the same one. */
function clock(start = NOW) {
  let ms = start.getTime();
  return {
    now: () => new Date(ms),
    ms: () => ms,
    advance(by: number) {
      ms += by;
    },
  };
}

describe('sourceVerification: where it runs', () => {
  it('is synchronous and runs anywhere with only local rules; async and server-only with a secret or a store rule', () => {
    const plain = local({ allowedOrigins: ['https://www.example.com'], requirePartner: true, maxAgeDays: 30 });
    expect(plain).toMatchObject({ id: 'source', dimension: 'compliance', runsIn: 'anywhere', async: false });
    expect(sourceVerification()).toMatchObject({ runsIn: 'server', async: true });
    expect(local({ formTokenSecret: SECRET })).toMatchObject({ runsIn: 'server', async: true });
    expect(local({ partners: { acme: { secret: SECRET } } })).toMatchObject({ runsIn: 'server', async: true });
    expect(sourceVerification({ duplicateLookbackDays: false })).toMatchObject({ runsIn: 'server', async: true });
  });

  it('a local-only check returns without a promise (validateSync can run it)', () => {
    const outcome = local().run({ source: { honeypot: 'x' } }, {
      motion: 'inbound', context: {}, signal: new AbortController().signal, store: undefined, now: () => NOW,
      report() {}, fail: () => ({ status: 'fail', findings: [] }), pass: () => ({ status: 'pass', findings: [] }),
    });
    expect(typeof (outcome as { then?: unknown }).then).toBe('undefined');
  });
});

describe('SOURCE_HONEYPOT', () => {
  it("a filled hidden field is 'SOURCE_HONEYPOT'", async () => {
    expect(await codesOf({ source: { honeypot: 'https://spam.example' } })).toEqual(['SOURCE_HONEYPOT']);
    expect(await codesOf({ source: { honeypot: 1 } })).toEqual(['SOURCE_HONEYPOT']);
  });

  it('near miss: empty, whitespace-only, false or absent', async () => {
    for (const honeypot of ['', '   ', false, undefined]) {
      expect(await codesOf({ source: { honeypot } }), String(honeypot)).toEqual([]);
    }
    expect(await codesOf({})).toEqual([]);
  });
});

describe('SOURCE_ORIGIN_NOT_ALLOWED', () => {
  const allowedOrigins = ['https://www.example.com', 'http://localhost:5173'];

  it("an Origin not on the list is 'SOURCE_ORIGIN_NOT_ALLOWED', with the origin in data", async () => {
    const result = await runCheck(local({ allowedOrigins }), {}, { context: { origin: 'https://evil.example' } });
    expect(result.codes).toEqual(['SOURCE_ORIGIN_NOT_ALLOWED']);
    expect(result.findings[0]?.data).toEqual({ origin: 'https://evil.example', via: 'origin' });
    // Same host, other scheme or port: another origin.
    expect(await codesOf({}, { allowedOrigins }, { origin: 'http://www.example.com' })).toEqual(['SOURCE_ORIGIN_NOT_ALLOWED']);
    expect(await codesOf({}, { allowedOrigins }, { origin: 'http://localhost:3000' })).toEqual(['SOURCE_ORIGIN_NOT_ALLOWED']);
    expect(await codesOf({}, { allowedOrigins }, { origin: 'https://example.com' })).toEqual(['SOURCE_ORIGIN_NOT_ALLOWED']);
    // A sandboxed frame or a privacy redirect sends the literal "null".
    expect(await codesOf({}, { allowedOrigins }, { origin: 'null' })).toEqual(['SOURCE_ORIGIN_NOT_ALLOWED']);
  });

  it('without an Origin, the Referer\'s origin is judged; its path never reaches the evidence', async () => {
    const result = await runCheck(local({ allowedOrigins }), {}, { context: { referer: 'https://evil.example/landing?email=jane@acme.com' } });
    expect(result.codes).toEqual(['SOURCE_ORIGIN_NOT_ALLOWED']);
    expect(JSON.stringify(result)).not.toContain('jane');
    expect(await codesOf({}, { allowedOrigins }, { referer: 'https://www.example.com/demo?utm_source=x' })).toEqual([]);
  });

  it('near miss: a listed origin in any spelling the browser could send', async () => {
    for (const origin of ['https://www.example.com', 'HTTPS://WWW.EXAMPLE.COM', 'https://www.example.com:443', 'http://localhost:5173']) {
      expect(await codesOf({}, { allowedOrigins }, { origin }), origin).toEqual([]);
    }
    expect((await runCheck(local(), {}, { context: { origin: 'https://evil.example' } })).evidence?.rules).toMatchObject({ origin: 'not configured' });
  });

  it('SV-01: no Origin, no Referer and no credential is SOURCE_UNAUTHENTICATED, not a server post taken on trust', async () => {
    const result = await runCheck(local({ allowedOrigins }), {}, { context: {} });
    expect(result.codes).toEqual(['SOURCE_UNAUTHENTICATED']);
    expect(result.evidence?.rules).toMatchObject({ origin: 'fail' });
    // A token string the check cannot verify (no secret, no partner directory) is no credential.
    expect(await codesOf({ source: { formToken: 'forged', partnerToken: 'forged' } }, { allowedOrigins }, {})).toEqual(['SOURCE_UNAUTHENTICATED']);
  });

  it('near miss: the server-to-server path (a credential the check verifies, judged by its own rule), or serverPosts: "trusted"', async () => {
    const withToken = await runCheck(local({ allowedOrigins, formTokenSecret: SECRET }), { source: { formToken: 'not-a-token' } }, { context: {} });
    expect(withToken.codes).toEqual(['SOURCE_FORM_TOKEN_INVALID']);
    expect(withToken.evidence?.rules).toMatchObject({ origin: 'no data' });
    const trusted = await runCheck(local({ allowedOrigins, serverPosts: 'trusted' }), {}, { context: {} });
    expect(trusted.codes).toEqual([]);
    expect(trusted.evidence?.rules).toMatchObject({ origin: 'no data' });
    try {
      local({ allowedOrigins, serverPosts: 'yes' as never });
      expect.unreachable();
    } catch (error) {
      expect(isLeadGateError(error) && error.option).toBe('serverPosts');
    }
  });

  it('refuses an allow-list entry that is more than an origin', () => {
    for (const entry of ['https://www.example.com/forms', 'www.example.com', 'ftp://example.com', 'https://user@example.com', 'https://example.com?x=1']) {
      try {
        local({ allowedOrigins: [entry] });
        expect.unreachable(entry);
      } catch (error) {
        expect(isLeadGateError(error) && error.option, entry).toBe('allowedOrigins');
      }
    }
    expect(() => local({ allowedOrigins: ['https://www.example.com/'] })).not.toThrow();
  });
});

describe('SOURCE_UNATTRIBUTED', () => {
  it("requirePartner: a lead without a partner id is 'SOURCE_UNATTRIBUTED', even with a utm_source naming the partner", async () => {
    const result = await runCheck(local({ requirePartner: true }), { source: { utm_source: 'acme-reseller', utm_medium: 'affiliate' } });
    expect(result.codes).toEqual(['SOURCE_UNATTRIBUTED']);
    expect(result.findings[0]?.data).toEqual({ missing: 'partnerId' });
    expect(await codesOf({}, { requirePartner: true })).toEqual(['SOURCE_UNATTRIBUTED']);
    expect(await codesOf({ source: { partnerId: '   ' } }, { requirePartner: true })).toEqual(['SOURCE_UNATTRIBUTED']);
  });

  it("requireUtmSource: a lead without utm_source is 'SOURCE_UNATTRIBUTED'", async () => {
    const result = await runCheck(local({ requireUtmSource: true }), { source: { utm_medium: 'cpc' } });
    expect(result.findings.map((f) => [f.code, f.data?.missing])).toEqual([['SOURCE_UNATTRIBUTED', 'utm_source']]);
  });

  it('near miss: the attribution asked for is there; nothing is required by default', async () => {
    expect(await codesOf({ source: { partnerId: 'acme-reseller' } }, { requirePartner: true })).toEqual([]);
    expect(await codesOf({ source: { utm_source: 'LinkedIn ' } }, { requireUtmSource: true })).toEqual([]);
    expect(await codesOf({})).toEqual([]);
    const result = await runCheck(local({ requireUtmSource: true }), { source: { utm_source: ' LinkedIn', utm_campaign: 'Q4-Launch' } });
    expect(result.evidence?.attribution).toEqual({ utm_source: 'linkedin', utm_campaign: 'q4-launch' });
  });
});

describe('SOURCE_STALE', () => {
  const capturedDaysAgo = (days: number) => ({ source: { capturedAt: new Date(NOW.getTime() - days * DAY).toISOString() } });

  it("a lead captured longer ago than maxAgeDays is 'SOURCE_STALE'", async () => {
    const result = await runCheck(local({ maxAgeDays: 30 }), capturedDaysAgo(31), { now: NOW });
    expect(result.codes).toEqual(['SOURCE_STALE']);
    expect(result.findings[0]?.data).toEqual({ reason: 'too_old', ageDays: 31, maxAgeDays: 30 });
  });

  it('near miss: inside the window, no capturedAt, or no maxAgeDays', async () => {
    expect(await codesOf(capturedDaysAgo(29), { maxAgeDays: 30 })).toEqual([]);
    expect(await codesOf({}, { maxAgeDays: 30 })).toEqual([]);
    expect(await codesOf(capturedDaysAgo(400))).toEqual([]);
  });

  it('measures against context.receivedAt when the server stamped one, else the gate clock', async () => {
    const lead = capturedDaysAgo(31);
    // Received 2 days after capture (a batch replayed later): fresh then.
    const receivedAt = new Date(NOW.getTime() - 29 * DAY).toISOString();
    expect((await runCheck(local({ maxAgeDays: 30 }), lead, { now: NOW, context: { receivedAt } })).codes).toEqual([]);
    expect((await runCheck(local({ maxAgeDays: 30 }), lead, { now: NOW, context: { receivedAt: 'garbage' } })).codes).toEqual(['SOURCE_STALE']);
  });

  it('an unreadable capture time, or one days in the future, is SOURCE_STALE with its reason; hours ahead is clock drift', async () => {
    const reason = async (capturedAt: unknown) => (await runCheck(local({ maxAgeDays: 30 }), { source: { capturedAt } }, { now: NOW })).findings[0]?.data?.reason;
    expect(await reason('last tuesday')).toBe('unreadable');
    expect(await reason(1700000000)).toBe('unreadable');
    expect(await reason(new Date(NOW.getTime() + 3 * DAY).toISOString())).toBe('in_the_future');
    expect(await reason(new Date(NOW.getTime() + 2 * HOUR).toISOString())).toBeUndefined();
  });
});

describe('form tokens: SOURCE_FORM_TOKEN_INVALID and SOURCE_TOO_FAST', () => {
  const check = local({ formTokenSecret: SECRET, formId: 'demo' });
  const tokenAt = (at: Date, formId = 'demo', secret = SECRET) => issueFormToken({ secret, formId, now: () => at });
  const submit = (token: unknown, at: Date, store?: LeadStore) =>
    runCheck(check, { email: 'jane@acme-robotics.com', source: { formToken: token } }, { now: at, ...(store ? { store } : {}) });
  const after = (ms: number) => new Date(NOW.getTime() + ms);

  it('a token used 10 s after render passes once; its replay is SOURCE_FORM_TOKEN_INVALID (reused)', async () => {
    const store = memoryStore();
    const token = await tokenAt(NOW);
    const first = await submit(token, after(10_000), store);
    expect(first.codes).toEqual([]);
    expect(first.evidence?.formToken).toEqual({ ageMs: 10_000, formId: 'demo', singleUse: true });
    const replay = await submit(token, after(20_000), store);
    expect(replay.codes).toEqual(['SOURCE_FORM_TOKEN_INVALID']);
    expect(replay.findings[0]?.data).toEqual({ problem: 'reused' });
  });

  it("under 3 s is 'SOURCE_TOO_FAST'; exactly 3 s is a near miss", async () => {
    const fast = await submit(await tokenAt(NOW), after(2_999));
    expect(fast.codes).toEqual(['SOURCE_TOO_FAST']);
    expect(fast.findings[0]?.data).toEqual({ ageMs: 2_999, minMs: 3_000 });
    expect((await submit(await tokenAt(NOW), after(3_000))).codes).toEqual([]);
    // minSubmitMs tunes it per form.
    const quick = local({ formTokenSecret: SECRET, minSubmitMs: 1_000 });
    expect((await runCheck(quick, { source: { formToken: await tokenAt(NOW) } }, { now: after(1_500) })).codes).toEqual([]);
  });

  it("missing, forged, for another form, expired after 2 h, or junk is 'SOURCE_FORM_TOKEN_INVALID' with its problem", async () => {
    const problem = async (token: unknown, at = after(10_000)) => {
      const result = await submit(token, at);
      expect(result.codes).toEqual(['SOURCE_FORM_TOKEN_INVALID']);
      return result.findings[0]?.data?.problem;
    };
    expect(await problem(undefined)).toBe('missing');
    expect(await problem(await tokenAt(NOW, 'demo', 'another-secret-of-enough-length'))).toBe('forged');
    expect(await problem(await tokenAt(NOW, 'pricing'))).toBe('wrong_form');
    expect(await problem(await tokenAt(NOW), after(2 * HOUR + 1))).toBe('expired');
    expect(await problem('not-a-token')).toBe('malformed');
    // Near miss: just inside 2 h.
    expect((await submit(await tokenAt(NOW), after(2 * HOUR))).codes).toEqual([]);
  });

  it('uses context.receivedAt as the submit time', async () => {
    const token = await tokenAt(NOW);
    const result = await runCheck(check, { source: { formToken: token } }, { now: after(HOUR), context: { receivedAt: after(1_000).toISOString() } });
    expect(result.codes).toEqual(['SOURCE_TOO_FAST']);
  });

  it('without a store the token is checked but its single use cannot be: the evidence says so', async () => {
    const token = await tokenAt(NOW);
    expect((await submit(token, after(10_000))).evidence?.formToken).toMatchObject({ singleUse: false });
    expect((await submit(token, after(11_000))).codes).toEqual([]);
  });

  it('near miss: no secret configured, no token asked for', async () => {
    const result = await runCheck(local(), { source: {} });
    expect(result.codes).toEqual([]);
    expect(result.evidence?.rules).toMatchObject({ formToken: 'not configured', partnerToken: 'not configured', velocity: 'not configured', duplicates: 'not configured' });
    expect(local().async).toBe(false);
  });
});

describe('SOURCE_VELOCITY and SOURCE_VELOCITY_SHARED', () => {
  function setup(options: SourceVerificationOptions = {}) {
    const time = clock();
    const store = memoryStore({ now: time.ms });
    const check = sourceVerification({ duplicateLookbackDays: false, ...options });
    const submit = async (lead: Record<string, unknown>, ip?: string) => {
      const result = await runCheck(check, lead, { now: time.now(), store, context: ip ? { ip } : {} });
      return result;
    };
    return { time, store, submit };
  }

  it("the 6th submission for one email within an hour is 'SOURCE_VELOCITY' (key email); Gmail variants count as one person", async () => {
    const { submit } = setup();
    const variants = ['jane.doe@gmail.com', 'janedoe@gmail.com', 'Jane.Doe+a@gmail.com', 'j.a.n.e.d.o.e@googlemail.com', 'janedoe+b@gmail.com'];
    for (const [index, email] of variants.entries()) {
      expect((await submit({ email }, `192.0.2.${index + 1}`)).codes, email).toEqual([]);
    }
    const sixth = await submit({ email: 'JANEDOE@gmail.com' }, '192.0.2.99');
    expect(sixth.codes).toEqual(['SOURCE_VELOCITY']);
    expect(sixth.findings[0]?.data).toEqual({ key: 'email', count: 6, limit: 5, windowMs: HOUR });
  });

  it('near miss: the window passes, or it is another person', async () => {
    const { submit, time } = setup();
    for (let i = 0; i < 5; i++) await submit({ email: 'jane.doe@acme-robotics.com' });
    expect((await submit({ email: 'john.roe@acme-robotics.com' })).codes).toEqual([]);
    time.advance(HOUR);
    expect((await submit({ email: 'jane.doe@acme-robotics.com' })).codes).toEqual([]);
  });

  it('a phone in any format counts as one E.164 number (key phone)', async () => {
    const { submit } = setup();
    const formats = ['+44 20 7946 0958', '020 7946 0958', '+442079460958', '(020) 7946-0958', '0044 20 7946 0958'];
    for (const [index, phone] of formats.entries()) expect((await submit({ phone, country: 'GB', email: `p${index}@acme-robotics.com` })).codes).toEqual([]);
    const sixth = await submit({ phone: '020 79460958', country: 'GB', email: 'p9@acme-robotics.com' });
    expect(sixth.findings.map((f) => [f.code, f.data?.key])).toEqual([['SOURCE_VELOCITY', 'phone']]);
  });

  it("many people from one company domain in an hour is 'SOURCE_VELOCITY_SHARED' (key domain); free-mail domains are never counted", async () => {
    const { submit } = setup({ velocity: { domain: { limit: 3, windowMs: HOUR } } });
    for (let i = 0; i < 3; i++) expect((await submit({ email: `person${i}@acme-robotics.com` })).codes).toEqual([]);
    const fourth = await submit({ email: 'person9@acme-robotics.com' });
    expect(fourth.findings.map((f) => [f.code, f.data?.key])).toEqual([['SOURCE_VELOCITY_SHARED', 'domain']]);
    for (let i = 0; i < 6; i++) expect((await submit({ email: `stranger${i}@gmail.com` })).codes).toEqual([]);
  });

  it("many submissions from one IPv4 address or one IPv6 /64 is 'SOURCE_VELOCITY_SHARED' (key ip); the next /64 is a near miss", async () => {
    const { submit } = setup({ velocity: { ip: { limit: 3, windowMs: 10 * MINUTE } } });
    for (let i = 0; i < 3; i++) expect((await submit({ email: `a${i}@firm${i}.com` }, '203.0.113.7')).codes).toEqual([]);
    const v4 = await submit({ email: 'a9@firm9.com' }, '203.0.113.7');
    expect(v4.findings.map((f) => [f.code, f.data?.key, f.data?.count])).toEqual([['SOURCE_VELOCITY_SHARED', 'ip', 4]]);
    // IPv4-mapped IPv6 is the same client.
    expect((await submit({ email: 'b@firm.com' }, '::ffff:203.0.113.7')).codes).toEqual(['SOURCE_VELOCITY_SHARED']);

    const hosts = ['2001:db8:1:2::1', '2001:DB8:1:2:ffff::2', '[2001:0db8:0001:0002:abcd::3]'];
    for (const [index, ip] of hosts.entries()) expect((await submit({ email: `c${index}@co${index}.com` }, ip)).codes).toEqual([]);
    expect((await submit({ email: 'c9@co9.com' }, '2001:db8:1:2:1234:5678:9abc:def0')).codes).toEqual(['SOURCE_VELOCITY_SHARED']);
    expect((await submit({ email: 'd9@co9.com' }, '2001:db8:1:3::1')).codes).toEqual([]);
  });

  it('several windows per key: the daily limit catches a slow flood the 10-minute one lets through', async () => {
    const { submit, time } = setup({ velocity: { ip: [{ limit: 3, windowMs: 10 * MINUTE }, { limit: 5, windowMs: DAY }] } });
    for (let i = 0; i < 5; i++) {
      expect((await submit({ email: `e${i}@co${i}.com` }, '198.51.100.4')).codes).toEqual([]);
      time.advance(20 * MINUTE);
    }
    const sixth = await submit({ email: 'e9@co9.com' }, '198.51.100.4');
    expect(sixth.findings[0]?.data).toMatchObject({ key: 'ip', limit: 5, windowMs: DAY, count: 6 });
  });

  it('velocity: false or a key set to false does not count', async () => {
    const { submit } = setup({ velocity: { email: false, ip: false } });
    for (let i = 0; i < 8; i++) expect((await submit({ email: 'jane@acme-robotics.com' }, '192.0.2.1')).codes).toEqual([]);
  });
});

describe('SOURCE_DUPLICATE', () => {
  function setup(options: SourceVerificationOptions = {}) {
    const time = clock();
    const store = memoryStore({ now: time.ms });
    const check = sourceVerification({ velocity: false, ...options });
    const submit = (lead: Record<string, unknown>) => runCheck(check, lead, { now: time.now(), store });
    return { time, store, submit };
  }

  it("the same person again within 30 days is 'SOURCE_DUPLICATE'; Gmail dots, +tags and googlemail.com are the same person", async () => {
    const { submit } = setup();
    expect((await submit({ email: 'jane.doe@gmail.com' })).codes).toEqual([]);
    for (const email of ['janedoe@gmail.com', 'Jane.Doe+webinar@gmail.com', 'j.anedoe@googlemail.com']) {
      const again = await submit({ email });
      expect(again.codes, email).toEqual(['SOURCE_DUPLICATE']);
      expect(again.findings[0]?.data).toEqual({ key: 'email', keys: 'email', lookbackDays: 30 });
    }
  });

  it('near miss: a different person at the same provider, and dots at other providers matter', async () => {
    const { submit } = setup();
    await submit({ email: 'jane.doe@gmail.com' });
    expect((await submit({ email: 'jane.doe2@gmail.com' })).codes).toEqual([]);
    expect((await submit({ email: 'jane.doe@acme-robotics.com' })).codes).toEqual([]);
    // At other providers only the +tag is dropped: jane.doe and janedoe are two mailboxes.
    expect((await submit({ email: 'janedoe@acme-robotics.com' })).codes).toEqual([]);
    expect((await submit({ email: 'Jane.Doe+crm@acme-robotics.com' })).codes).toEqual(['SOURCE_DUPLICATE']);
  });

  it('the phone as E.164: another format, another email, same person', async () => {
    const { submit } = setup();
    await submit({ email: 'jane@acme-robotics.com', phone: '+44 20 7946 0958' });
    const again = await submit({ email: 'j.doe@other-firm.com', phone: '020 7946 0958', country: 'GB' });
    expect(again.codes).toEqual(['SOURCE_DUPLICATE']);
    expect(again.findings[0]?.data).toMatchObject({ key: 'phone', keys: 'phone' });
    expect((await submit({ email: 'x@third.com', phone: '+44 20 7946 0959' })).codes).toEqual([]);
  });

  it('near miss: after the lookback window the person is new again; lookback is an option', async () => {
    const { submit, time } = setup({ duplicateLookbackDays: 7 });
    await submit({ email: 'jane@acme-robotics.com' });
    time.advance(6 * DAY);
    expect((await submit({ email: 'jane@acme-robotics.com' })).findings[0]?.data).toMatchObject({ lookbackDays: 7 });
    time.advance(DAY + 1);
    expect((await submit({ email: 'jane@acme-robotics.com' })).codes).toEqual([]);
  });

  it('a bot that used a real address does not make the real person a duplicate', async () => {
    const { submit } = setup();
    const bot = await submit({ email: 'jane@acme-robotics.com', source: { honeypot: 'spam' } });
    expect(bot.codes).toEqual(['SOURCE_HONEYPOT']);
    expect(bot.evidence?.rules).toMatchObject({ duplicates: 'skipped' });
    expect((await submit({ email: 'jane@acme-robotics.com' })).codes).toEqual([]);
  });

  it('servers that share a store and a keySalt see each other\'s leads; another keySalt is another namespace', async () => {
    const time = clock();
    const store = memoryStore({ now: time.ms });
    const serverA = sourceVerification({ velocity: false, keySalt: 'shared-salt' });
    const serverB = sourceVerification({ velocity: false, keySalt: 'shared-salt' });
    const other = sourceVerification({ velocity: false, keySalt: 'another-salt' });
    await runCheck(serverA, { email: 'jane@acme-robotics.com' }, { now: time.now(), store });
    expect((await runCheck(serverB, { email: 'jane@acme-robotics.com' }, { now: time.now(), store })).codes).toEqual(['SOURCE_DUPLICATE']);
    expect((await runCheck(other, { email: 'jane@acme-robotics.com' }, { now: time.now(), store })).codes).toEqual([]);
  });
});

describe('state: keys, no store, failing store', () => {
  it('store keys are digests: no email, phone, domain or IP reaches the store', async () => {
    const keys: string[] = [];
    const inner = memoryStore();
    const spy: LeadStore = {
      ...inner,
      seen: (key, ttl) => (keys.push(key), inner.seen(key, ttl)),
      hit: (key, window) => (keys.push(key), inner.hit(key, window)),
    };
    await runCheck(sourceVerification(), { email: 'jane.doe@acme-robotics.com', phone: '+44 20 7946 0958' }, { store: spy, context: { ip: '203.0.113.7' } });
    expect(keys.length).toBe(7); // velocity: email, phone, domain, ip ×2 windows; duplicates: email, phone
    for (const key of keys) {
      expect(key).toMatch(/^source:(velocity:(email|phone|domain|ip):\d+|duplicate:(email|phone)):[0-9a-f]{64}$/);
      for (const raw of ['jane', 'acme', '7946', '203.0']) expect(key).not.toContain(raw);
    }
  });

  it('without a store, velocity and duplicates cannot run: the evidence says so and no code is reported', async () => {
    const result = await runCheck(sourceVerification(), { email: 'jane@acme-robotics.com' });
    expect(result.codes).toEqual([]);
    expect(result.evidence?.rules).toMatchObject({ velocity: 'no store', duplicates: 'no store', honeypot: 'pass' });
  });

  it('with no store and no token to verify, the server rules settle without a promise, with the same evidence', async () => {
    const check = sourceVerification();
    const { lead } = normalizeLead({ email: 'jane@acme-robotics.com', source: { utm_source: 'LinkedIn' } });
    expect(typeof (check.run(lead, syncContext()) as { then?: unknown }).then).toBe('undefined');
    // Near miss: with a store there is work to await.
    expect(typeof (check.run(lead, { ...syncContext(), store: memoryStore() }) as { then?: unknown }).then).toBe('function');
    const verdict = await createGate({ motion: 'inbound' }).validate({ email: 'jane@acme-robotics.com', source: { utm_source: 'LinkedIn' } });
    expect(verdict.results.find((result) => result.check === 'source')?.evidence).toEqual({
      rules: { honeypot: 'pass', origin: 'not configured', attribution: 'not configured', staleness: 'not configured', formToken: 'not configured', partnerToken: 'not configured', velocity: 'no store', duplicates: 'no store' },
      attribution: { utm_source: 'linkedin', partnerVerified: false },
    });
  });

  it('a store that fails becomes SYSTEM_CHECK_FAILED, which the motion sends to review', async () => {
    const broken: LeadStore = { ...memoryStore(), hit: async () => { throw new Error('redis down'); }, seen: async () => { throw new Error('redis down'); } };
    const gate = createGate({ motion: 'inbound', store: broken });
    const verdict = await gate.validate({ email: 'jane.doe@acme-robotics.com', website: 'acme-robotics.com' });
    const source = verdict.results.find((result) => result.check === 'source');
    expect(source?.status).toBe('error');
    expect(source?.findings.map((f) => f.code)).toEqual(['SYSTEM_CHECK_FAILED']);
    expect(verdict.decision).toBe('review');
  });

  it('a failing store during form-token single use is SYSTEM_CHECK_FAILED too, never a pass', async () => {
    const broken: LeadStore = { ...memoryStore(), seen: async () => { throw new Error('down'); } };
    const token = await issueFormToken({ secret: SECRET, now: () => NOW });
    const gate = createGate({
      motion: 'inbound', store: broken, now: () => new Date(NOW.getTime() + 10_000),
      checks: [sourceVerification({ formTokenSecret: SECRET, velocity: false, duplicateLookbackDays: false })],
    });
    // A US lead: CAN-SPAM lets a work address be mailed without prior consent, so the consent
    // check in the preset has nothing to add and the one reason is the source check's error.
    const verdict = await gate.validate({ email: 'jane.doe@acme-robotics.com', website: 'acme-robotics.com', country: 'US', source: { formToken: token } });
    expect(verdict.reasons.map((r) => r.code)).toEqual(['SYSTEM_CHECK_FAILED']);
    expect(verdict.decision).toBe('review');
  });
});

describe('options', () => {
  it('a bad option throws a LeadGateError naming it', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ formTokenSecret: 'short' }, 'formTokenSecret'],
      [{ minSubmitMs: -1 }, 'minSubmitMs'],
      [{ partners: { acme: { secret: 'short' } } }, 'partners'],
      [{ velocity: { email: { limit: 0, windowMs: HOUR } } }, 'velocity.email.limit'],
      [{ velocity: { fax: false } }, 'fax'],
      [{ duplicateLookbackDays: 0 }, 'duplicateLookbackDays'],
      [{ maxAgeDays: 'thirty' }, 'maxAgeDays'],
      [{ requirePartner: 'yes' }, 'requirePartner'],
      [{ allowOrigins: [] }, 'allowOrigins'],
    ];
    for (const [options, option] of cases) {
      try {
        sourceVerification(options as SourceVerificationOptions);
        expect.unreachable(JSON.stringify(options));
      } catch (error) {
        expect(isLeadGateError(error), JSON.stringify(options)).toBe(true);
        expect((error as { option?: string }).option, JSON.stringify(options)).toBe(option);
      }
    }
  });

  it('takes raw bytes and an imported CryptoKey as secrets', async () => {
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    expect(() => sourceVerification({ formTokenSecret: key })).not.toThrow();
    expect(() => sourceVerification({ formTokenSecret: new Uint8Array(32) })).not.toThrow();
    expect(() => sourceVerification({ formTokenSecret: new Uint8Array(8) })).toThrow();
  });
});
