import { act, StrictMode, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Gate } from '../../src/core/gate.js';
import { useLeadGate, type LeadGateForm, type OnValid, type UseLeadGateOptions } from '../../src/react/index.js';

// The forms the hook's tests render: the same fields as the landing page, one written
// uncontrolled (the DOM holds the values) and one controlled (React state holds them).

export interface FormProps {
  gate: Gate;
  options?: UseLeadGateOptions;
  onValid?: OnValid;
  /** Receives the hook's value on every render, for assertions. */
  expose?: (form: LeadGateForm) => void;
  consentChecked?: boolean;
}

function Messages({ form, name }: { form: LeadGateForm; name: string }) {
  const field = form.field(name);
  return (
    <div id={field.messageId} data-field={name} data-pending={field.pending ? 'true' : undefined}>
      {field.messages.map((message) =>
        message.code === 'EMAIL_TYPO' && field.suggestion ? (
          <button key={message.code} type="button" data-code={message.code} onClick={field.acceptSuggestion}>{message.message}</button>
        ) : (
          <p key={message.code} data-code={message.code}>{message.message}</p>
        ),
      )}
    </div>
  );
}

function Consent({ form, checked }: { form: LeadGateForm; checked?: boolean }) {
  return (
    <>
      <input id="consent" {...form.registerConsent({ textId: 'newsletter-v3', channels: ['email'] })} defaultChecked={checked} />
      <label htmlFor="consent">
        Send me   product news by email.
        I can unsubscribe at any time.
      </label>
      <Messages form={form} name="consent" />
    </>
  );
}

export function UncontrolledForm({ gate, options, onValid, expose, consentChecked }: FormProps) {
  const form = useLeadGate(gate, options);
  expose?.(form);
  return (
    <form id="demo" onSubmit={form.handleSubmit(onValid)} noValidate>
      <label htmlFor="first">First name</label>
      <input id="first" {...form.register('firstName')} />
      <label htmlFor="email">Work email</label>
      <input id="email" type="email" {...form.register('email')} />
      <Messages form={form} name="email" />
      <label htmlFor="company">Company</label>
      <input id="company" {...form.register('company')} />
      <Messages form={form} name="company" />
      <label htmlFor="country">Country</label>
      <select id="country" {...form.register('country')} defaultValue="">
        <option value="">Choose</option>
        <option value="DE">Germany</option>
        <option value="GB">United Kingdom</option>
      </select>
      <label htmlFor="message">Message</label>
      <textarea id="message" {...form.register('message')} />
      <Consent form={form} checked={consentChecked} />
      {form.honeypot}
      <div role="alert">{form.summary.map((finding) => <p key={finding.code} data-code={finding.code}>{finding.message}</p>)}</div>
      <button type="submit" id="send">Request a demo</button>
    </form>
  );
}

export function ControlledForm({ gate, options, onValid, expose }: FormProps) {
  const [values, setValues] = useState({ firstName: '', email: '', company: '' });
  const form = useLeadGate(gate, options);
  expose?.(form);
  const bind = (name: keyof typeof values) => ({
    ...form.register(name),
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });
  return (
    <form id="demo" onSubmit={form.handleSubmit(onValid)} noValidate>
      <input id="first" {...bind('firstName')} />
      <input id="email" type="email" {...bind('email')} />
      <Messages form={form} name="email" />
      <output id="state-email">{values.email}</output>
      <input id="company" {...bind('company')} />
      <Messages form={form} name="company" />
      {form.honeypot}
      <button type="submit" id="send">Request a demo</button>
    </form>
  );
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A rendered tree and how to take it down. */
export interface Mounted {
  root: Root;
  container: HTMLElement;
  unmount(): Promise<void>;
}

export async function mount(element: ReactElement, { strict = false } = {}): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(strict ? <StrictMode>{element}</StrictMode> : element));
  return {
    root,
    container,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

export const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;

/**
 * Types a value as a browser reports it: through the prototype's value setter (React's
 * value tracker then sees a change, as it does for a person), then `input`.
 */
export async function typeInto(id: string, value: string): Promise<void> {
  const element = byId(id);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!;
  await act(async () => {
    setter.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Leaves a field (`blur` does not bubble: it is heard on the element). */
export async function leave(id: string): Promise<void> {
  await act(async () => {
    byId(id).dispatchEvent(new FocusEvent('blur'));
    byId(id).dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

export async function fill(values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    await typeInto(id, value);
    await leave(id);
  }
}

export async function click(id: string): Promise<void> {
  await act(async () => byId<HTMLElement>(id).click());
}

export async function submit(): Promise<void> {
  await act(async () => {
    byId<HTMLFormElement>('demo').dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
  });
}

/** The codes shown for a field, read from the DOM the fixture renders. */
export const codesFor = (field: string) =>
  Array.from(document.querySelectorAll(`[data-field="${field}"] [data-code]`), (element) => element.getAttribute('data-code'));

export const summaryCodes = () => Array.from(document.querySelectorAll('[role="alert"] [data-code]'), (element) => element.getAttribute('data-code'));

/** Waits in act() until `condition` holds, across timers and fetches. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 2)));
  }
}
