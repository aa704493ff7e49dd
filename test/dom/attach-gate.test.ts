// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineCheck } from '../../src/core/check.js';
import { isLeadGateError } from '../../src/core/errors.js';
import { attachGate, type GateBinding, type VerdictEventDetail } from '../../src/dom/index.js';
import {
  codesShownFor, control, fakeFetch, fill, inboundGate, json, leave, renderForm, settle, submit, summaryCodes, tokenHandler, type, until,
} from './harness.js';

let binding: GateBinding | undefined;
afterEach(() => {
  binding?.detach();
  binding = undefined;
  document.body.innerHTML = '';
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const verdicts = (form: HTMLFormElement) => {
  const seen: VerdictEventDetail[] = [];
  form.addEventListener('leadgate:verdict', (event) => seen.push(event.detail));
  return seen;
};

describe('field mapping', () => {
  it('finds lead fields by name and autocomplete, keeps other fields in custom', async () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    fill({ first: 'Maria', last: 'Keller', email: 'maria.keller@northwind-logistics.de', title: 'Head of Procurement', company: 'Northwind', phone: '+49 30 901820' });
    control<HTMLSelectElement>('country').value = 'DE';
    control<HTMLTextAreaElement>('message').value = 'Call me';
    const lead = await binding.collect();
    expect(lead).toMatchObject({
      firstName: 'Maria', lastName: 'Keller', email: 'maria.keller@northwind-logistics.de', title: 'Head of Procurement',
      company: 'Northwind', phone: '+49 30 901820', country: 'DE', custom: { message: 'Call me' },
    });
    // The consent box and the honeypot are evidence, not custom fields.
    expect(Object.keys(lead.custom as object)).toEqual(['message']);
  });

  it('lets options and data-leadgate-field override the guess', async () => {
    const form = renderForm(`<form><input name="contact" data-leadgate-field="email"><input name="email" id="other"><input name="x-title" id="t"></form>`);
    binding = attachGate(form, inboundGate(), { formToken: false, fields: { title: '#t' } });
    (form.elements.namedItem('contact') as HTMLInputElement).value = 'jane@acme-industries.com';
    control('other').value = 'not-this@acme-industries.com';
    control('t').value = 'CTO';
    const lead = await binding.collect();
    expect(lead).toMatchObject({ email: 'jane@acme-industries.com', title: 'CTO' });
  });
});

describe('feedback on blur', () => {
  it("shows 'EMAIL_DISPOSABLE' beside the email field, linked with aria-describedby and aria-invalid", () => {
    const form = renderForm();
    const seen = verdicts(form);
    binding = attachGate(form, inboundGate(), { formToken: false });
    fill({ email: 'jane@mailinator.com' });
    expect(codesShownFor('email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(control('email').getAttribute('aria-invalid')).toBe('true');
    // Untouched fields are not scolded: the role check's findings about the empty title wait for submit.
    expect(codesShownFor('title')).toEqual([]);
    expect(seen.at(-1)).toMatchObject({ source: 'browser', phase: 'field', decision: 'reject' });
  });

  it('shows nothing for a work address (near miss of EMAIL_DISPOSABLE)', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    fill({ email: 'jane@mailinator-consulting.com' });
    expect(codesShownFor('email')).toEqual([]);
    expect(control('email').hasAttribute('aria-invalid')).toBe(false);
    expect(control('email').hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows a review finding as a hint without aria-invalid', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    fill({ email: 'jane.doe@gmail.com' });
    expect(codesShownFor('email')).toEqual(['EMAIL_FREE_PROVIDER']);
    expect(control('email').hasAttribute('aria-invalid')).toBe(false);
  });

  it('clears a message while the visitor fixes the field, but adds none mid-word', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    fill({ email: 'jane@mailinator.com' });
    type('email', 'jane@acme-industr'); // still typing: not yet an address, but no new scolding
    expect(codesShownFor('email')).toEqual([]);
    type('email', 'jane@acme-industries.com');
    leave('email');
    expect(codesShownFor('email')).toEqual([]);
    type('email', 'jane@');
    expect(codesShownFor('email')).toEqual([]);
    leave('email');
    expect(codesShownFor('email')).toEqual(['EMAIL_SYNTAX']);
  });

  it("offers 'EMAIL_TYPO' as a button that fixes the field and re-validates", () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    fill({ email: 'jane@gmial.com' });
    // gmial.com is on the disposable list (a typo-squat): the person reads the typo, not "disposable" (issue 18).
    expect(codesShownFor('email')).toEqual(['EMAIL_TYPO']);
    expect(form.querySelector('.leadgate-messages')!.textContent).toBe('Did you mean jane@gmail.com?');
    const button = form.querySelector<HTMLButtonElement>('[data-leadgate-code="EMAIL_TYPO"] button')!;
    expect(button.type).toBe('button');
    expect(button.textContent).toContain('jane@gmail.com');
    const changes: string[] = [];
    control('email').addEventListener('change', () => changes.push(control('email').value));
    button.click();
    expect(control('email').value).toBe('jane@gmail.com');
    expect(changes).toEqual(['jane@gmail.com']); // frameworks that own the input hear about it
    expect(codesShownFor('email')).not.toContain('EMAIL_TYPO');
    expect(document.activeElement).toBe(control('email'));
  });

  it('inserts messages as text: HTML in a message is not parsed', () => {
    const form = renderForm();
    const html = '<img src=x onerror="window.__pwned = 1"><b>bold</b>';
    binding = attachGate(form, inboundGate({ messages: { EMAIL_DISPOSABLE: html } }), { formToken: false });
    fill({ email: 'jane@mailinator.com' });
    const message = form.querySelector('[data-leadgate-code="EMAIL_DISPOSABLE"]')!;
    expect(message.textContent).toBe(html);
    expect(form.querySelector('img, b')).toBeNull();
  });

  it('uses the binding\'s messages option over the gate\'s, as a template', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false, messages: { EMAIL_TYPO: 'Meinten Sie {suggestion}?' } });
    fill({ email: 'jane@gmial.com' });
    expect(form.querySelector('[data-leadgate-code="EMAIL_TYPO"]')!.textContent).toBe('Meinten Sie jane@gmail.com?');
  });
});

describe('submit', () => {
  it('asks for form tokens at the handler\'s sibling route: /api/leads → /api/form-token', async () => {
    const form = renderForm();
    const server = fakeFetch({ '/api/form-token': tokenHandler(), '/api/leads': () => json(202, { decision: 'accept', leadId: 'x' }) });
    binding = attachGate(form, inboundGate(), { endpoint: '/api/leads', fetch: server.fetch });
    await settle();
    expect(server.requests.map((request) => request.url)).toContain('/api/form-token');
    expect(server.requests.map((request) => request.url)).not.toContain('/api/leads/form-token');
  });

  it("blocks on a sync 'reject' finding: summary with role=alert, focus on the first invalid field, no request", async () => {
    const form = renderForm();
    const seen = verdicts(form);
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => json(202, { decision: 'accept', leadId: 'x' }) });
    binding = attachGate(form, inboundGate(), { endpoint: '/leads', fetch: server.fetch });
    fill({ first: 'Jane', email: 'jane@mailinator.com', title: 'xxxxxxx' });
    control('first').focus();
    expect(submit(form)).toBe(false);
    await settle();
    expect(server.leads()).toEqual([]);
    expect(summaryCodes(form)).toEqual(expect.arrayContaining(['EMAIL_DISPOSABLE', 'ROLE_JUNK']));
    expect(summaryCodes(form).indexOf('EMAIL_DISPOSABLE')).toBeLessThan(summaryCodes(form).indexOf('ROLE_JUNK')); // page order
    expect(document.activeElement).toBe(control('email'));
    expect(form.querySelector('[role="alert"] a[href="#email"]')).not.toBeNull();
    expect(seen.find((detail) => detail.phase === 'submit')).toMatchObject({ source: 'browser', decision: 'reject', blocked: true });
  });

  it('does not block on review findings: the server decides (near miss of blocking)', async () => {
    const form = renderForm();
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => json(202, { decision: 'review', leadId: 'L1' }) });
    binding = attachGate(form, inboundGate(), { endpoint: '/leads', fetch: server.fetch });
    fill({ email: 'jane.doe@gmail.com' });
    expect(submit(form)).toBe(false); // fetch mode always takes over the submit
    await until(() => server.leads().length === 1);
  });

  it('posts the lead with the consent and source evidence the server needs', async () => {
    window.history.replaceState(null, '', '/pricing?utm_source=linkedin&utm_medium=paid&utm_campaign=q4-demo&other=1');
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const contexts: unknown[] = [];
    const probe = defineCheck({
      id: 'probe', dimension: 'compliance', runsIn: 'anywhere', fields: ['email'], codes: {},
      run: (_lead, ctx) => (contexts.push(ctx.context), ctx.pass()),
    });
    let clock = 1_000_000;
    const form = renderForm();
    const server = fakeFetch({ '/form-token': tokenHandler('render'), '/leads': () => json(202, { decision: 'accept', leadId: 'L1' }) });
    const seen = verdicts(form);
    binding = attachGate(form, inboundGate({ checks: [probe] }), { endpoint: '/leads', fetch: server.fetch, now: () => clock });
    fill({ first: 'Maria', email: 'maria@northwind-logistics.de' });
    control('consent').click(); // the visitor ticks the box
    clock += 8_500;
    submit(form);
    await until(() => form.getAttribute('data-leadgate-state') === 'accepted');
    const [tokenRequest, leadRequest] = server.requests;
    expect(tokenRequest).toMatchObject({ url: '/form-token', method: 'POST', body: { formId: 'demo-request' } });
    expect(leadRequest).toMatchObject({ url: '/leads', method: 'POST', headers: { 'content-type': 'application/json' } });
    const lead = leadRequest!.body as Record<string, any>;
    expect(lead.email).toBe('maria@northwind-logistics.de');
    expect(lead.source).toEqual({
      utm_source: 'linkedin', utm_medium: 'paid', utm_campaign: 'q4-demo',
      pageUrl: window.location.href, formId: 'demo-request', formToken: 'render.1', honeypot: '', timeOnFormMs: 8_500,
      ...(document.referrer ? { referrer: document.referrer } : {}),
    });
    expect(lead.consent).toMatchObject({
      given: true, renderedChecked: false, userInteracted: true, requiredToSubmit: false, textId: 'newsletter-v3',
      textHash: sha256('Send me product news by email. I can unsubscribe at any time.'), pageUrl: window.location.href, channels: ['email'],
    });
    expect(Date.parse(lead.consent.capturedAt)).not.toBeNaN();
    expect(contexts.at(-1)).toMatchObject({ gpc: true });
    expect(seen.at(-1)).toMatchObject({ source: 'server', phase: 'response', decision: 'accept', leadId: 'L1', status: 202 });
    expect(form.querySelector('[role="status"]')!.textContent).not.toBe('');
    expect(form.getAttribute('data-leadgate-state')).toBe('accepted');
    expect(control('email').value).toBe('maria@northwind-logistics.de'); // nothing cleared
    Reflect.deleteProperty(navigator, 'globalPrivacyControl');
  });

  it('records a consent box ticked for the visitor and never touched', async () => {
    const form = renderForm();
    control('consent').setAttribute('checked', '');
    control<HTMLInputElement>('consent').checked = true;
    binding = attachGate(form, inboundGate(), { formToken: false });
    expect((await binding.collect()).consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: false });
    control('consent').click();
    control('consent').click();
    expect((await binding.collect()).consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: true });
  });

  it("shows the server's 422 findings beside their fields and keeps every answer", async () => {
    const form = renderForm();
    const seen = verdicts(form);
    const server = fakeFetch({
      '/form-token': tokenHandler(),
      '/leads': () => json(422, {
        type: 'https://leadgate.dev/problems/rejected', title: 'Lead rejected', status: 422, detail: 'See findings',
        findings: [
          { code: 'CONSENT_PRECHECKED', field: 'consent', message: 'Please tick the box <b>yourself</b>.' },
          { code: 'SOURCE_TOO_FAST', field: 'source.formToken', message: 'Please take a moment before sending.' },
          { code: 'EMAIL_NO_MX', field: 'email', message: 'This email domain cannot receive mail.' },
        ],
      }),
    });
    binding = attachGate(form, inboundGate(), { endpoint: '/leads', fetch: server.fetch });
    fill({ first: 'Maria', email: 'maria@northwind-logistics.de', company: 'Northwind' });
    submit(form);
    await until(() => form.getAttribute('data-leadgate-state') === 'rejected');
    await settle(5);
    expect(codesShownFor('email')).toEqual(['EMAIL_NO_MX']);
    expect(control('email').getAttribute('aria-invalid')).toBe('true');
    expect(codesShownFor('consent')).toEqual(['CONSENT_PRECHECKED']);
    expect(summaryCodes(form)).toEqual(['EMAIL_NO_MX', 'CONSENT_PRECHECKED', 'SOURCE_TOO_FAST']);
    expect(form.querySelector('b')).toBeNull();
    expect(document.activeElement).toBe(control('email'));
    expect(control('email').value).toBe('maria@northwind-logistics.de');
    expect(control('company').value).toBe('Northwind');
    expect(seen.at(-1)).toMatchObject({ source: 'server', decision: 'reject', status: 422 });
    // A fresh token for the next try: the spent one is single use.
    expect(server.requests.filter((request) => request.url === '/form-token')).toHaveLength(2);
    // Changing the field drops the server's finding about its old value.
    type('email', 'maria@northwind.de');
    expect(codesShownFor('email')).toEqual([]);
  });

  it('keeps the input and offers a retry when the network fails', async () => {
    const form = renderForm();
    let attempts = 0;
    const errors: unknown[] = [];
    form.addEventListener('leadgate:error', (event) => errors.push(event.detail));
    const server = fakeFetch({
      '/form-token': tokenHandler(),
      '/leads': () => {
        attempts++;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return json(202, { decision: 'accept', leadId: 'L2' });
      },
    });
    binding = attachGate(form, inboundGate(), { endpoint: '/leads', fetch: server.fetch });
    fill({ first: 'Maria', email: 'maria@northwind-logistics.de' });
    submit(form);
    await until(() => errors.length === 1);
    expect(errors).toEqual([{ status: 0, retryable: true }]);
    expect(control('email').value).toBe('maria@northwind-logistics.de');
    expect(control('first').value).toBe('Maria');
    const retry = form.querySelector<HTMLButtonElement>('[role="alert"] button.leadgate-retry')!;
    expect(retry).not.toBeNull();
    form.addEventListener('submit', (event) => event.preventDefault()); // happy-dom would otherwise navigate
    retry.click();
    await until(() => form.getAttribute('data-leadgate-state') === 'accepted');
    expect(attempts).toBe(2);
    expect(form.getAttribute('data-leadgate-state')).toBe('accepted');
    expect(form.querySelector('[role="alert"]')!.textContent).toBe('');
  });

  it('offers a retry for 503 and not for 400', async () => {
    const form = renderForm();
    const errors: Array<{ status: number; retryable: boolean }> = [];
    form.addEventListener('leadgate:error', (event) => errors.push(event.detail));
    let status = 503;
    const server = fakeFetch({
      '/form-token': tokenHandler(),
      '/leads': () => json(status, { type: 'about:blank', title: 'x', status }, status === 503 ? { 'retry-after': '5' } : {}),
    });
    binding = attachGate(form, inboundGate(), { endpoint: '/leads', fetch: server.fetch });
    fill({ email: 'maria@northwind-logistics.de' });
    submit(form);
    await until(() => errors.length === 1);
    expect(form.querySelector('.leadgate-retry')).not.toBeNull();
    status = 400;
    submit(form);
    await until(() => errors.length === 2);
    expect(errors).toEqual([{ status: 503, retryable: true }, { status: 400, retryable: false }]);
    expect(form.querySelector('.leadgate-retry')).toBeNull();
    expect(control('email').value).toBe('maria@northwind-logistics.de');
  });

  it('ignores a second submit while the first is in flight, and after acceptance until a field changes', async () => {
    const form = renderForm();
    let release!: () => void;
    const server = fakeFetch({
      '/form-token': tokenHandler(),
      '/leads': () => new Promise<Response>((resolve) => (release = () => resolve(json(202, { decision: 'accept', leadId: 'L' })))),
    });
    binding = attachGate(form, inboundGate(), { endpoint: '/leads', fetch: server.fetch });
    fill({ email: 'maria@northwind-logistics.de' });
    submit(form);
    await until(() => server.leads().length === 1);
    submit(form); // in flight: ignored
    release();
    await until(() => form.getAttribute('data-leadgate-state') === 'accepted');
    submit(form); // accepted, nothing changed: ignored
    await settle(20);
    expect(server.leads()).toHaveLength(1);
    fill({ email: 'max@northwind-logistics.de' });
    submit(form);
    await until(() => server.leads().length === 2);
  });

  it('fills the hidden inputs of a native submit and lets the browser submit', async () => {
    window.history.replaceState(null, '', '/?utm_source=newsletter');
    const form = renderForm();
    form.setAttribute('action', '/leads');
    let clock = 5_000;
    binding = attachGate(form, inboundGate(), { submit: 'native', formToken: false, now: () => clock });
    await binding.collect(); // the consent hash is ready
    fill({ email: 'maria@northwind-logistics.de' });
    clock += 4_200;
    expect(submit(form)).toBe(true);
    const data = Object.fromEntries(new FormData(form) as unknown as Iterable<[string, string]>);
    expect(data).toMatchObject({
      work_email: 'maria@northwind-logistics.de', lg_hp: '', lg_consent_given: 'false', lg_consent_text_id: 'newsletter-v3',
      lg_consent_text_hash: sha256('Send me product news by email. I can unsubscribe at any time.'), lg_consent_rendered_checked: 'false',
      lg_consent_user_interacted: 'false', lg_consent_required: 'false', lg_page_url: window.location.href, lg_time_on_form_ms: '4200',
      lg_form_id: 'demo-request', utm_source: 'newsletter',
    });
    expect(Date.parse(data.lg_consent_captured_at!)).not.toBeNaN();
    expect(data).not.toHaveProperty('lg_form_token');
  });

  it('holds a native submit until the form token arrives, then submits with it', async () => {
    const form = renderForm();
    form.setAttribute('action', '/leads');
    let answer!: () => void;
    const server = fakeFetch({ '/form-token': () => new Promise<Response>((resolve) => (answer = () => resolve(json(200, { token: 'late' })))) });
    binding = attachGate(form, inboundGate(), { endpoint: '/leads', submit: 'native', fetch: server.fetch });
    const submits: Array<{ prevented: boolean; token: string | null }> = [];
    form.addEventListener('submit', (event) => {
      submits.push({ prevented: event.defaultPrevented, token: (form.elements.namedItem('lg_form_token') as HTMLInputElement | null)?.value ?? null });
      event.preventDefault(); // stand in for the browser's navigation
    });
    fill({ email: 'maria@northwind-logistics.de' });
    submit(form);
    answer();
    await until(() => submits.length === 2);
    expect(submits).toEqual([{ prevented: true, token: null }, { prevented: false, token: 'late' }]);
  });
});

describe('async checks', () => {
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

  it('runs debounced after a change and shows the async finding', async () => {
    const calls: string[] = [];
    const form = renderForm();
    binding = attachGate(form, inboundGate({ checks: [slowCheck(calls, 1)], overrides: { REGISTRY_UNKNOWN: 'reject' } }), { formToken: false, debounceMs: 20 });
    fill({ company: 'Nowhere' });
    type('company', 'Nowhere L');
    type('company', 'Nowhere Ltd');
    await settle(60);
    expect(calls).toEqual(['Nowhere Ltd']);
    expect(codesShownFor('company')).toEqual(['REGISTRY_UNKNOWN']);
  });

  it('discards the answer of a run when the field changed while it ran', async () => {
    const calls: string[] = [];
    const form = renderForm();
    binding = attachGate(form, inboundGate({ checks: [slowCheck(calls, 40)], overrides: { REGISTRY_UNKNOWN: 'reject' } }), { formToken: false, debounceMs: 5 });
    fill({ company: 'Nowhere Ltd' });
    await settle(15); // the run has started
    type('company', 'Northwind');
    await settle(35); // the first run has ended: its answer is about "Nowhere Ltd"
    expect(calls[0]).toBe('Nowhere Ltd');
    expect(codesShownFor('company')).toEqual([]);
    await settle(60);
    expect(calls).toEqual(['Nowhere Ltd', 'Northwind']);
    expect(codesShownFor('company')).toEqual([]);
  });

  it('never blocks the submit for an async finding (the server is authoritative)', async () => {
    const form = renderForm();
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => json(202, { decision: 'accept', leadId: 'L' }) });
    binding = attachGate(form, inboundGate({ checks: [slowCheck([], 1)], overrides: { REGISTRY_UNKNOWN: 'reject' } }), { endpoint: '/leads', fetch: server.fetch, debounceMs: 1 });
    fill({ email: 'maria@northwind-logistics.de', company: 'Nowhere Ltd' });
    await until(() => codesShownFor('company').length > 0);
    expect(codesShownFor('company')).toEqual(['REGISTRY_UNKNOWN']);
    submit(form);
    await until(() => server.leads().length === 1);
  });
});

describe('honeypot', () => {
  it('is a text field hidden from people, keyboards, autofill and assistive technology', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    const input = form.querySelector<HTMLInputElement>('input[name="lg_hp"]')!;
    expect(input.type).toBe('text');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.tabIndex).toBe(-1);
    const wrapper = input.parentElement!;
    expect(wrapper.getAttribute('aria-hidden')).toBe('true');
    expect(wrapper.style.position).toBe('absolute');
    expect(wrapper.style.display).not.toBe('none'); // bots skip display:none fields
    expect(form.querySelector(`label[for="${input.id}"]`)!.textContent).toMatch(/empty/i);
  });

  it('sends what a bot typed into it', async () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    form.querySelector<HTMLInputElement>('input[name="lg_hp"]')!.value = 'http://spam.example';
    expect((await binding.collect()).source).toMatchObject({ honeypot: 'http://spam.example' });
  });

  it('can be left out', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false, honeypot: false });
    expect(form.querySelector('input[name="lg_hp"]')).toBeNull();
  });
});

describe('detach', () => {
  it('leaves the form exactly as it was, and stops listening', async () => {
    const form = renderForm();
    form.removeAttribute('data-leadgate-form-id');
    control('email').setAttribute('aria-describedby', 'email-help');
    const withoutValues = (html: string) => html.replace(/ value="[^"]*"/g, '');
    const before = withoutValues(form.outerHTML);
    const server = fakeFetch({ '/form-token': tokenHandler(), '/leads': () => json(422, { status: 422, findings: [{ code: 'EMAIL_NO_MX', field: 'email' }] }) });
    const bound = attachGate(form, inboundGate(), { endpoint: '/leads', submit: 'native', fetch: server.fetch });
    fill({ email: 'jane@mailinator.com', title: 'asdf' });
    submit(form);
    expect(withoutValues(form.outerHTML)).not.toBe(before);
    bound.detach();
    // Values are the visitor's; everything else (elements, attributes) is back as it was.
    expect(withoutValues(form.outerHTML)).toBe(before);
    expect(control('email').getAttribute('aria-describedby')).toBe('email-help');
    type('email', 'jane@gmial.com');
    leave('email');
    expect(form.querySelectorAll('.leadgate-messages')).toHaveLength(0);
    expect(submit(form)).toBe(true);
    // And it can be attached again.
    binding = attachGate(form, inboundGate(), { formToken: false });
  });
});

describe('options', () => {
  it.each([
    [{ submit: 'fetch' }, 'submit'],
    [{ debounceMs: -1 }, 'debounceMs'],
    [{ show: ['block'] }, 'show'],
    [{ texts: { retry: 1 } }, 'texts.retry'],
    [{ endpont: '/leads' }, 'endpont'],
  ])('refuses %j naming the option', (options, option) => {
    const form = renderForm();
    try {
      attachGate(form, inboundGate(), options as never);
      expect.unreachable();
    } catch (error) {
      expect(isLeadGateError(error) && error.option).toBe(option);
    }
    expect(form.querySelector('.leadgate-feedback, input[name="lg_hp"]')).toBeNull(); // nothing was added
  });

  it('refuses a second gate on the same form, and things that are not forms or gates', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    expect(() => attachGate(form, inboundGate())).toThrow(/already/);
    expect(() => attachGate(document.body as never, inboundGate())).toThrow(expect.objectContaining({ option: 'form' }));
    expect(() => attachGate(renderForm('<form></form>'), {} as never)).toThrow(expect.objectContaining({ option: 'gate' }));
  });
});

describe('validate()', () => {
  it('shows every finding at once, as a submit would, and returns the browser verdict', () => {
    const form = renderForm();
    binding = attachGate(form, inboundGate(), { formToken: false });
    control('email').value = 'jane@mailinator.com';
    const verdict = binding.validate();
    expect(verdict.decision).toBe('reject');
    expect(codesShownFor('email')).toEqual(['EMAIL_DISPOSABLE']);
  });
});

beforeEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});
