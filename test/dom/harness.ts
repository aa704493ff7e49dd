import { createGate } from '../../src/gate.js';
import type { GateOptions } from '../../src/core/gate-options.js';

/** A landing-page form as the example and the issue describe it. */
export const LANDING_FORM = `
<form id="demo" data-leadgate-form-id="demo-request">
  <label for="first">First name</label><input id="first" name="firstName" autocomplete="given-name">
  <label for="last">Last name</label><input id="last" name="lastName" autocomplete="family-name">
  <label for="email">Work email</label><input id="email" name="work_email" type="email" autocomplete="email">
  <label for="title">Job title</label><input id="title" name="jobtitle">
  <label for="company">Company</label><input id="company" name="org-name" autocomplete="organization">
  <label for="phone">Phone</label><input id="phone" name="phone" type="tel">
  <label for="country">Country</label>
  <select id="country" name="country"><option value="">Choose</option><option value="DE">Germany</option><option value="GB">United Kingdom</option></select>
  <label for="message">Message</label><textarea id="message" name="message"></textarea>
  <input type="checkbox" id="consent" name="consent" value="yes" data-leadgate-consent data-leadgate-consent-text-id="newsletter-v3" data-leadgate-consent-channels="email">
  <label for="consent">
     Send me   product news by email.
     I can unsubscribe at any time.
  </label>
  <button type="submit" id="send">Request a demo</button>
</form>`;

export function renderForm(html = LANDING_FORM): HTMLFormElement {
  document.body.innerHTML = html;
  return document.querySelector('form')!;
}

export const inboundGate = (options: Partial<GateOptions> = {}) => createGate({ motion: 'inbound', ...options });

export function control<T extends HTMLElement = HTMLInputElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Types a value the way a browser reports it: the value changes, then `input` fires. */
export function type(id: string, value: string): HTMLInputElement {
  const element = control(id);
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  return element;
}

/** Leaves a field: `focusout` bubbles to the form, as blur does not. */
export function leave(id: string): void {
  control(id).dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

export function fill(values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    type(id, value);
    leave(id);
  }
}

/** The codes shown beside a control (its aria-describedby messages). */
export function codesShownFor(id: string): string[] {
  const describedBy = control(id).getAttribute('aria-describedby') ?? '';
  return describedBy
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((ref) => Array.from(document.getElementById(ref)?.querySelectorAll('[data-leadgate-code]') ?? []))
    .map((element) => element.getAttribute('data-leadgate-code')!);
}

export function summaryCodes(form: HTMLFormElement): string[] {
  return Array.from(form.querySelectorAll('[role="alert"] [data-leadgate-code]')).map((element) => element.getAttribute('data-leadgate-code')!);
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that answers from a table of handlers and records every request. */
export function fakeFetch(handlers: Record<string, (request: RecordedRequest) => Response | Promise<Response>>) {
  const requests: RecordedRequest[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const request: RecordedRequest = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    requests.push(request);
    const handler = handlers[url];
    if (!handler) throw new TypeError(`no handler for ${url}`);
    return handler(request);
  }) as typeof globalThis.fetch;
  return { fetch, requests, leads: () => requests.filter((request) => !request.url.endsWith('/form-token')) };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

export const tokenHandler = (token = 'tok.1') => {
  let issued = 0;
  return () => json(200, { token: `${token}.${++issued}` });
};

/** Lets pending promises and short timers run. */
export const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Submits the way a click on the submit button does; returns whether the default (navigation) went ahead. */
export function submit(form: HTMLFormElement): boolean {
  const event = new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: form.querySelector<HTMLElement>('button[type="submit"]') });
  return form.dispatchEvent(event);
}

/** Waits until `condition` holds (polling), for steps that cross timers and fetches; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await settle(2);
  }
}
