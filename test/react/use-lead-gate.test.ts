// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineCheck } from '../../src/core/check.js';
import { isLeadGateError } from '../../src/core/errors.js';
import type { Verdict } from '../../src/core/verdict.js';
import { useLeadGate, type LeadGateForm, type VerdictEventDetail } from '../../src/react/index.js';
import { fakeFetch, inboundGate, json, settle, tokenHandler } from '../dom/harness.js';
import {
  byId, click, codesFor, ControlledForm, fill, leave, mount, submit, summaryCodes, typeInto, UncontrolledForm, until, type FormProps, type Mounted,
} from './forms.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  document.body.innerHTML = '';
});

/** Renders a fixture form and keeps the hook's latest value. */
async function render(props: Omit<FormProps, 'expose'>, { controlled = false, strict = false } = {}) {
  const latest: { form?: LeadGateForm } = {};
  const element = createElement(controlled ? ControlledForm : UncontrolledForm, { ...props, expose: (form: LeadGateForm) => (latest.form = form) });
  mounted = await mount(element, { strict });
  return () => latest.form!;
}

describe('useLeadGate: messages beside the fields', () => {
  it('shows a disposable address once the visitor leaves the field, with aria-invalid pointing at the message', async () => {
    const form = await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads' } });
    await typeInto('email', 'maria@mailinator.com');
    expect(codesFor('email')).toEqual([]); // not while typing a first time
    await leave('email');
    expect(codesFor('email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(form().field('email')).toMatchObject({ invalid: true, pending: false });
    expect(byId('email').getAttribute('aria-invalid')).toBe('true');
    expect(byId('email').getAttribute('aria-describedby')).toBe(form().field('email').messageId);
    expect(document.getElementById(form().field('email').messageId)?.getAttribute('data-field')).toBe('email');
    expect(form().verdict?.decision).toBe('reject');
  });

  it('keeps shown findings while the visitor types, adds no new one mid-word, and clears a fixed one', async () => {
    await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads' } });
    await fill({ email: 'maria@mailinator.com' });
    await typeInto('email', 'mari@mailinator.com');
    expect(codesFor('email')).toEqual(['EMAIL_DISPOSABLE']);
    await typeInto('email', 'maria@');
    expect(codesFor('email')).toEqual([]); // EMAIL_SYNTAX would be new: it waits for the blur
    await leave('email');
    expect(codesFor('email')).toEqual(['EMAIL_SYNTAX']);
    await typeInto('email', 'maria@northwind-logistics.de');
    expect(codesFor('email')).toEqual([]);
  });

  it('applies the messages option to field messages and to the summary', async () => {
    const form = await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads', messages: { EMAIL_TYPO: 'Meinten Sie {suggestion}?' } } });
    await fill({ email: 'maria@outlok.com' });
    expect(form().field('email').messages.map((finding) => finding.message)).toEqual(['Meinten Sie maria@outlook.com?']);
  });
});

describe('useLeadGate: the typo suggestion', () => {
  it('offers the corrected address and fixes an uncontrolled field with one click', async () => {
    const seen: VerdictEventDetail[] = [];
    const form = await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads', onVerdict: (detail) => seen.push(detail) } });
    await fill({ email: 'maria@outlok.com' });
    expect(codesFor('email')).toEqual(['EMAIL_TYPO']);
    expect(form().field('email').suggestion).toBe('maria@outlook.com');
    await act(async () => (document.querySelector('[data-code="EMAIL_TYPO"]') as HTMLElement).click());
    expect(byId('email').value).toBe('maria@outlook.com');
    expect(codesFor('email')).not.toContain('EMAIL_TYPO');
    expect(codesFor('email')).toEqual(['EMAIL_FREE_PROVIDER']); // review: shown as a hint, not blocking
    expect(form().field('email')).toMatchObject({ invalid: false });
    expect(form().field('email').suggestion).toBeUndefined();
    expect(document.activeElement).toBe(byId('email'));
    expect(seen.at(-1)).toMatchObject({ source: 'browser', phase: 'field', decision: 'review' });
  });

  it("writes the suggestion into a controlled field through the form's own onChange", async () => {
    const form = await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads' } }, { controlled: true });
    await fill({ email: 'maria@outlok.com' });
    expect(byId('state-email').textContent).toBe('maria@outlok.com'); // typing reached React state
    expect(codesFor('email')).toEqual(['EMAIL_TYPO']);
    await act(async () => form().field('email').acceptSuggestion());
    expect(byId('state-email').textContent).toBe('maria@outlook.com'); // the state, not only the DOM
    expect(byId('email').value).toBe('maria@outlook.com');
    expect(codesFor('email')).toEqual(['EMAIL_FREE_PROVIDER']);
  });
});

describe('useLeadGate: submit', () => {
  it("blocks on a synchronous 'reject' finding: no request, focus on the field, the summary lists it", async () => {
    const seen: VerdictEventDetail[] = [];
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => json(202, { decision: 'accept', leadId: 'x' }) });
    const form = await render({ gate: inboundGate(), options: { endpoint: '/leads', fetch: server.fetch, onVerdict: (detail) => seen.push(detail) } });
    await fill({ first: 'Jane', email: 'jane@mailinator.com' });
    byId('first').focus();
    await submit();
    await settle(5);
    expect(server.leads()).toEqual([]);
    expect(form().state).toBe('invalid');
    expect(summaryCodes()).toEqual(['EMAIL_DISPOSABLE']);
    expect(document.activeElement).toBe(byId('email'));
    expect(seen.find((detail) => detail.phase === 'submit')).toMatchObject({ decision: 'reject', blocked: true });
  });

  it("lets a 'review' lead through (the server decides) and shows the server's decision", async () => {
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => json(202, { decision: 'review', leadId: 'L1' }) });
    const form = await render({ gate: inboundGate(), options: { endpoint: '/leads', fetch: server.fetch } });
    await fill({ email: 'jane.doe@gmail.com' });
    expect(codesFor('email')).toEqual(['EMAIL_FREE_PROVIDER']);
    await submit();
    await until(() => form().state === 'accepted');
    expect(server.leads()).toHaveLength(1);
    expect(form().result).toEqual({ status: 202, decision: 'review', leadId: 'L1', retryable: false });
    expect(form().verdict?.decision).toBe('review');
  });

  it('posts the lead with the consent and source evidence leadgate/dom collects', async () => {
    window.history.replaceState(null, '', '/pricing?utm_source=linkedin&utm_campaign=q4-demo');
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const contexts: unknown[] = [];
    const probe = defineCheck({
      id: 'probe', dimension: 'compliance', runsIn: 'anywhere', fields: ['email'], codes: {},
      run: (_lead, ctx) => (contexts.push(ctx.context), ctx.pass()),
    });
    let clock = 1_000_000;
    const server = fakeFetch({ '/form-token': tokenHandler('render'), '/leads': () => json(200, { decision: 'accept', leadId: 'L1' }) });
    const form = await render({ gate: inboundGate({ checks: [probe] }), options: { endpoint: '/leads', formId: 'demo-request', fetch: server.fetch, now: () => clock } });
    await fill({ first: 'Maria', email: 'maria@northwind-logistics.de', message: 'Call me after 3' });
    await click('consent'); // the visitor ticks the box
    clock += 8_500;
    await submit();
    await until(() => form().state === 'accepted');
    const [tokenRequest, leadRequest] = server.requests;
    expect(tokenRequest).toMatchObject({ url: '/form-token', method: 'POST', body: { formId: 'demo-request' } });
    expect(leadRequest).toMatchObject({ url: '/leads', method: 'POST', headers: { 'content-type': 'application/json' } });
    const lead = leadRequest!.body as Record<string, any>;
    expect(lead).toMatchObject({ firstName: 'Maria', email: 'maria@northwind-logistics.de', message: 'Call me after 3' });
    expect(lead.country).toBeUndefined(); // empty fields are left out
    expect(lead.source).toEqual({
      utm_source: 'linkedin', utm_campaign: 'q4-demo', pageUrl: window.location.href, formId: 'demo-request', formToken: 'render.1', honeypot: '', timeOnFormMs: 8_500,
      ...(document.referrer ? { referrer: document.referrer } : {}),
    });
    expect(lead.consent).toMatchObject({
      given: true, renderedChecked: false, userInteracted: true, requiredToSubmit: false, textId: 'newsletter-v3',
      textHash: sha256('Send me product news by email. I can unsubscribe at any time.'), channels: ['email'],
    });
    expect(contexts.at(-1)).toMatchObject({ gpc: true });
    expect(byId('email').value).toBe('maria@northwind-logistics.de'); // nothing cleared
    // A second submit of the same accepted lead is not sent again until a field changes.
    await submit();
    await settle(5);
    expect(server.leads()).toHaveLength(1);
    Reflect.deleteProperty(navigator, 'globalPrivacyControl');
  });

  it('records a consent box ticked for the visitor and never touched', async () => {
    const form = await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads' }, consentChecked: true });
    expect((await form().collect()).consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: false });
    await click('consent');
    await click('consent');
    expect((await form().collect()).consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: true });
  });

  it('renders the honeypot after mount and sends what a bot typed into it', async () => {
    const form = await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads' } });
    const input = document.querySelector<HTMLInputElement>('input[name="lg_hp"]')!;
    expect(input.type).toBe('text');
    expect(input.tabIndex).toBe(-1);
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.parentElement!.getAttribute('aria-hidden')).toBe('true');
    expect(input.parentElement!.style.position).toBe('absolute');
    expect(document.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    input.value = 'http://spam.example';
    expect((await form().collect()).source).toMatchObject({ honeypot: 'http://spam.example' });
  });

  it('leaves the honeypot out with honeypot: false', async () => {
    await render({ gate: inboundGate(), options: { formToken: false, endpoint: '/leads', honeypot: false } });
    expect(document.querySelector('input[name="lg_hp"]')).toBeNull();
  });

  it("shows the server's 422 findings beside their fields, keeps every answer, and drops one when its field changes", async () => {
    const server = fakeFetch({
      '/form-token': tokenHandler(),
      '/leads': () => json(422, {
        status: 422,
        findings: [
          { code: 'CONSENT_PRECHECKED', field: 'consent', message: 'Please tick the box yourself.' },
          { code: 'SOURCE_TOO_FAST', field: 'source.formToken', message: 'Please take a moment.' },
          { code: 'EMAIL_NO_MX', field: 'email', message: 'This domain cannot receive mail.' },
        ],
      }),
    });
    const form = await render({ gate: inboundGate(), options: { endpoint: '/leads', fetch: server.fetch } });
    await fill({ first: 'Maria', email: 'maria@northwind-logistics.de', company: 'Northwind' });
    await submit();
    await until(() => form().state === 'rejected');
    expect(codesFor('email')).toEqual(['EMAIL_NO_MX']);
    expect(codesFor('consent')).toEqual(['CONSENT_PRECHECKED']);
    expect(form().field('email').invalid).toBe(true);
    expect(summaryCodes()).toEqual(['EMAIL_NO_MX', 'CONSENT_PRECHECKED', 'SOURCE_TOO_FAST']);
    expect(form().result).toMatchObject({ status: 422, decision: 'reject', retryable: false });
    expect(document.activeElement).toBe(byId('email'));
    expect(byId('company').value).toBe('Northwind');
    // A fresh token for the next try: the spent one is single use.
    expect(server.requests.filter((request) => request.url === '/form-token')).toHaveLength(2);
    await typeInto('email', 'maria@northwind.de');
    expect(codesFor('email')).toEqual([]);
  });

  it('keeps the input and says a retry may help after a network failure or a 503, not after a 400', async () => {
    let answer: () => Response = () => {
      throw new TypeError('Failed to fetch');
    };
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => answer() });
    const form = await render({ gate: inboundGate(), options: { endpoint: '/leads', fetch: server.fetch } });
    await fill({ email: 'maria@northwind-logistics.de' });
    await submit();
    await until(() => form().state === 'error');
    expect(form().result).toEqual({ status: 0, retryable: true });
    expect(byId('email').value).toBe('maria@northwind-logistics.de');
    answer = () => json(503, { status: 503 }, { 'retry-after': '5' });
    await submit();
    await until(() => form().result?.status === 503);
    expect(form().result).toEqual({ status: 503, retryable: true });
    answer = () => json(400, { status: 400 });
    await submit();
    await until(() => form().result?.status === 400);
    expect(form().result).toEqual({ status: 400, retryable: false });
    expect(server.leads()).toHaveLength(3);
  });

  it('hands the lead and verdict to onValid, and reads the Response it returns', async () => {
    const received: Array<{ lead: Record<string, unknown>; verdict: Verdict }> = [];
    const onValid = async (lead: Record<string, unknown>, verdict: Verdict) => {
      received.push({ lead, verdict });
      return json(200, { decision: 'accept', leadId: 'L9' });
    };
    const form = await render({ gate: inboundGate(), options: { formToken: false }, onValid });
    await fill({ email: 'maria@northwind-logistics.de' });
    await submit();
    await until(() => form().state === 'accepted');
    expect(received).toHaveLength(1);
    expect(received[0]!.lead).toMatchObject({ email: 'maria@northwind-logistics.de', source: { formId: 'default' } });
    expect(received[0]!.verdict.decision).toBe('accept');
    expect(form().result).toMatchObject({ status: 200, leadId: 'L9' });
  });

  it('marks the form as failed when onValid throws, and passes the error on', async () => {
    const onValid = () => {
      throw new Error('CRM down');
    };
    const form = await render({ gate: inboundGate(), options: { formToken: false }, onValid });
    await fill({ email: 'maria@northwind-logistics.de' });
    let failure: unknown;
    await act(async () => {
      await form().handleSubmit(onValid)().catch((error: unknown) => (failure = error));
    });
    expect((failure as Error).message).toBe('CRM down');
    expect(form().state).toBe('error');
    expect(form().result).toEqual({ status: 0, retryable: true });
  });
});

describe('useLeadGate: async checks', () => {
  const slowCheck = (calls: string[], delayMs: number) =>
    defineCheck({
      id: 'registry', dimension: 'value', runsIn: 'anywhere', fields: ['company'], async: true,
      codes: { REGISTRY_UNKNOWN: 'We could not find this company.' },
      async run(lead, ctx) {
        calls.push(lead.company ?? '');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return lead.company === 'Nowhere Ltd' ? ctx.fail('REGISTRY_UNKNOWN', { field: 'company' }) : ctx.pass();
      },
    });
  const gateWith = (calls: string[], delayMs: number) => inboundGate({ checks: [slowCheck(calls, delayMs)], overrides: { REGISTRY_UNKNOWN: 'reject' } });

  it('runs once after the changes settle, is pending while it runs, then shows its finding', async () => {
    const calls: string[] = [];
    const form = await render({ gate: gateWith(calls, 30), options: { formToken: false, endpoint: '/leads', debounceMs: 100 } });
    await fill({ company: 'Nowhere' });
    await typeInto('company', 'Nowhere L');
    await typeInto('company', 'Nowhere Ltd');
    await until(() => form().pending);
    expect(form().field('company').pending).toBe(true);
    expect(form().field('email').pending).toBe(false);
    await until(() => !form().pending);
    expect(calls).toEqual(['Nowhere Ltd']);
    expect(codesFor('company')).toEqual(['REGISTRY_UNKNOWN']);
  });

  it('drops the answer of a run when the field changed while it ran', async () => {
    const calls: string[] = [];
    const seen: VerdictEventDetail[] = [];
    const form = await render({ gate: gateWith(calls, 60), options: { formToken: false, endpoint: '/leads', debounceMs: 50, onVerdict: (detail) => seen.push(detail) } });
    await fill({ company: 'Nowhere Ltd' });
    await until(() => form().pending); // the run for "Nowhere Ltd" has started
    await typeInto('company', 'Northwind');
    expect(form().pending).toBe(false); // the old run no longer counts; the new one waits for its debounce
    await until(() => calls.length === 2 && !form().pending);
    expect(calls).toEqual(['Nowhere Ltd', 'Northwind']);
    // The first run's answer (REGISTRY_UNKNOWN for "Nowhere Ltd") was never shown nor reported.
    expect(seen.flatMap((detail) => detail.findings.map((finding) => finding.code))).not.toContain('REGISTRY_UNKNOWN');
    expect(codesFor('company')).toEqual([]);
  });

  it('never blocks the submit for an async finding (the server is authoritative)', async () => {
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => json(202, { decision: 'accept', leadId: 'L' }) });
    const form = await render({ gate: gateWith([], 1), options: { endpoint: '/leads', fetch: server.fetch, debounceMs: 1 } });
    await fill({ email: 'maria@northwind-logistics.de', company: 'Nowhere Ltd' });
    await until(() => codesFor('company').length > 0);
    await submit();
    await until(() => form().state === 'accepted');
    expect(server.leads()).toHaveLength(1);
  });
});

describe('useLeadGate: React rules', () => {
  const slow = (calls: string[]) =>
    inboundGate({
      checks: [defineCheck({
        id: 'registry', dimension: 'value', runsIn: 'anywhere', fields: ['company'], async: true, codes: { REGISTRY_UNKNOWN: 'Unknown company.' },
        async run(lead, ctx) {
          calls.push(lead.company ?? '');
          await new Promise((resolve) => setTimeout(resolve, 150));
          return ctx.fail('REGISTRY_UNKNOWN', { field: 'company' });
        },
      })],
    });

  it('does nothing after unmount: a waiting run never starts, a running one is dropped, the token request is aborted', async () => {
    const signals: AbortSignal[] = [];
    const fetch = ((_url: string, init: RequestInit) => {
      signals.push(init.signal!);
      return new Promise<Response>(() => undefined); // the token never comes
    }) as unknown as typeof globalThis.fetch;
    const errors = vi.spyOn(console, 'error');
    const calls: string[] = [];
    const seen: VerdictEventDetail[] = [];
    const form = await render({ gate: slow(calls), options: { endpoint: '/leads', fetch, debounceMs: 100, onVerdict: (detail) => seen.push(detail) } });
    await fill({ company: 'Nowhere Ltd' });
    await until(() => form().pending); // a run is in flight
    await typeInto('company', 'Nowhere Ltd.'); // and the next one waits for its debounce
    const verdictsBefore = seen.length;
    await mounted!.unmount();
    mounted = undefined;
    await settle(300);
    expect(calls).toEqual(['Nowhere Ltd']); // the waiting run never started
    expect(seen).toHaveLength(verdictsBefore); // the running one's answer went nowhere
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('works under StrictMode: the first token request is aborted and the second one is used; each event is handled once', async () => {
    const requests: Array<{ url: string; signal: AbortSignal | undefined; body: unknown }> = [];
    let issued = 0;
    const fetch = (async (url: string, init: RequestInit) => {
      requests.push({ url, signal: init.signal ?? undefined, body: JSON.parse(String(init.body)) });
      if (url === '/form-token') return json(200, { token: `tok.${++issued}` });
      return json(200, { decision: 'accept', leadId: 'L1' });
    }) as unknown as typeof globalThis.fetch;
    const seen: VerdictEventDetail[] = [];
    const form = await render({ gate: inboundGate(), options: { endpoint: '/leads', fetch, onVerdict: (detail) => seen.push(detail) } }, { strict: true });
    const tokens = requests.filter((request) => request.url === '/form-token');
    expect(tokens).toHaveLength(2); // effects ran twice
    expect(tokens[0]!.signal!.aborted).toBe(true);
    expect(tokens[1]!.signal!.aborted).toBe(false);
    expect(document.querySelectorAll('input[name="lg_hp"]')).toHaveLength(1);
    await typeInto('email', 'maria@mailinator.com');
    await leave('email');
    expect(seen.filter((detail) => detail.phase === 'field')).toHaveLength(1); // listeners attached once
    expect(codesFor('email')).toEqual(['EMAIL_DISPOSABLE']);
    await typeInto('email', 'maria@northwind-logistics.de');
    await submit();
    await until(() => form().state === 'accepted');
    const leads = requests.filter((request) => request.url === '/leads');
    expect(leads).toHaveLength(1);
    expect(leads[0]!.body).toMatchObject({ source: { formToken: 'tok.2' } });
  });

  it('picks up new options on the next event without remounting', async () => {
    const first: VerdictEventDetail[] = [];
    const second: VerdictEventDetail[] = [];
    const gate = inboundGate();
    const form = await render({ gate, options: { formToken: false, endpoint: '/leads', onVerdict: (detail) => first.push(detail) } });
    await act(async () => mounted!.root.render(createElement(UncontrolledForm, { gate, options: { formToken: false, endpoint: '/leads', onVerdict: (detail) => second.push(detail) } })));
    await fill({ email: 'maria@mailinator.com' });
    expect(first).toHaveLength(0);
    expect(second).toHaveLength(1);
    expect(form().state).toBe('idle');
  });
});

describe('useLeadGate: bad arguments', () => {
  const attempt = async (gate: unknown, options: unknown) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await render({ gate: gate as never, options: options as never });
      return undefined;
    } catch (error) {
      return error;
    } finally {
      errors.mockRestore();
    }
  };

  it('throws a LeadGateError naming the bad option or the gate', async () => {
    for (const [gate, options, option] of [
      [inboundGate(), { debounceMs: -1, endpoint: '/leads' }, 'debounceMs'],
      [inboundGate(), { show: ['shout'], endpoint: '/leads' }, 'show'],
      [inboundGate(), { endpoint: '/leads', colour: 'red' }, 'colour'],
      [{ validate: () => undefined }, { endpoint: '/leads' }, 'gate'],
      [inboundGate(), {}, 'endpoint'], // handleSubmit() with neither onValid nor an endpoint
    ] as const) {
      const error = await attempt(gate, options);
      expect(isLeadGateError(error), option).toBe(true);
      expect((error as { option?: string }).option).toBe(option);
      await mounted?.unmount().catch(() => undefined);
      mounted = undefined;
      document.body.innerHTML = '';
    }
  });
});

describe('useLeadGate: field kinds', () => {
  it('reads a radio group registered under one field, and validate() shows every finding as a submit would', async () => {
    const latest: { form?: LeadGateForm } = {};
    function RadioForm() {
      const form = useLeadGate(inboundGate(), { formToken: false, endpoint: '/leads' });
      latest.form = form;
      return createElement('form', { id: 'demo' },
        createElement('input', { id: 'email', ...form.register('email'), defaultValue: 'jane@mailinator.com' }),
        ...['DE', 'GB'].map((code) => createElement('input', { key: code, id: `country-${code}`, type: 'radio', value: code, ...form.register('country') })));
    }
    mounted = await mount(createElement(RadioForm));
    expect((await latest.form!.collect()).country).toBeUndefined();
    await click('country-GB');
    expect((await latest.form!.collect()).country).toBe('GB');
    let verdict: Verdict | undefined;
    await act(async () => {
      verdict = latest.form!.validate();
    });
    expect(verdict!.decision).toBe('reject');
    expect(latest.form!.field('email').messages.map((finding) => finding.code)).toEqual(['EMAIL_DISPOSABLE']); // untouched, shown all the same
  });
});
