import { createElement, useEffect, useId, useMemo, useState, useSyncExternalStore, type ReactElement, type RefCallback } from 'react';
import { LeadGateError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';
import type { Verdict } from '../core/verdict.js';
import type { ShownFinding } from '../dom/feedback.js';
import type { FieldControl } from '../dom/field-map.js';
import { findingText } from '../dom/finding-text.js';
import { HONEYPOT_LABEL, HONEYPOT_NAME, HONEYPOT_STYLE } from '../dom/honeypot.js';
import { LeadForm, type FormState, type LeadFormSnapshot, type OnValid, type SubmitResult } from './lead-form.js';
import { parseHookArguments, type UseLeadGateOptions } from './options.js';

/** What `register(field)` puts on an input, select or text area. */
export interface FieldProps {
  name: string;
  ref: RefCallback<FieldControl>;
  'aria-invalid'?: true;
  /** The id of the field's messages (`field(name).messageId`) while it has any. */
  'aria-describedby'?: string;
}

/** What `registerConsent()` puts on the consent checkbox. Give it a `<label htmlFor>`: its text is the consent text. */
export interface ConsentProps {
  type: 'checkbox';
  name: string;
  ref: RefCallback<HTMLInputElement>;
  'data-leadgate-consent': '';
  'data-leadgate-consent-text-id'?: string;
  'data-leadgate-consent-text'?: string;
  'data-leadgate-consent-channels'?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** How the consent box is described in the evidence. */
export interface ConsentOptions {
  /** The id of the consent text in your registry, e.g. `newsletter-v3`. */
  textId?: string;
  /** Id of the element holding the consent text, when it is not the box's label. */
  textElementId?: string;
  /** The channels the consent covers. */
  channels?: Array<'email' | 'phone' | 'sms'>;
  /** The checkbox's `name`. Default `consent`. */
  name?: string;
}

/** The feedback for one field. */
export interface FieldFeedback {
  /** The findings shown beside the field, strongest first, with your `messages` applied. */
  messages: readonly ShownFinding[];
  /** A `reject` or server finding is shown: the field needs a fix. */
  invalid: boolean;
  /** The corrected value an `EMAIL_TYPO` finding offers (`jane@gmail.com`). */
  suggestion?: string;
  /** Writes the suggestion into the field (as if typed, so a controlled input's onChange sees it) and checks again. */
  acceptSuggestion(): void;
  /** An async check of this field is running. */
  pending: boolean;
  /** Give the element holding the messages this id: `register` points `aria-describedby` at it. */
  messageId: string;
}

/** What `useLeadGate` returns. */
export interface LeadGateForm {
  /** Props for the control of a lead field (`email`, `firstName`, …; other names go to `lead.custom`). Spread them, then add your own. */
  register(field: string): FieldProps;
  /** Props for the consent checkbox. */
  registerConsent(options?: ConsentOptions): ConsentProps;
  /** The field's messages, suggestion and pending state. */
  field(field: string): FieldFeedback;
  /** The honeypot, to render inside the form: `null` on the server and until the form mounted. */
  readonly honeypot: ReactElement | null;
  /**
   * The form's `onSubmit`. Stops for `reject` findings of synchronous checks on registered
   * fields (focus goes to the first) and lets everything else through, `review` included.
   * Then `onValid(lead, verdict)` sends the lead (return the server's `Response` to have
   * its answer shown), or without `onValid` the lead is posted to `endpoint`.
   */
  handleSubmit(onValid?: OnValid): (event?: { preventDefault(): void }) => Promise<void>;
  /** The findings of the last stopped (`invalid`) or refused (`rejected`) submit, for a `role="alert"` summary. */
  readonly summary: readonly ShownFinding[];
  /** Some async check is running. */
  readonly pending: boolean;
  /** The last browser verdict (advisory: the server's decision is `result.decision`). */
  readonly verdict: Verdict | undefined;
  readonly state: FormState;
  /** The last send's answer. */
  readonly result: SubmitResult | undefined;
  /** Runs the synchronous checks over every field and shows every finding, as a submit would. */
  validate(): Verdict;
  /** The lead as it would be sent now, with its consent and source evidence. */
  collect(): Promise<Record<string, unknown>>;
}

/**
 * Binds a gate to a React form, controlled or uncontrolled: per-field messages, the
 * `EMAIL_TYPO` suggestion with a one-click fix, the pending state of async checks, the
 * last verdict, and the evidence `leadgate/dom` collects (honeypot, time on form, form
 * token, consent box as rendered and as changed, UTM parameters, referrer). The browser
 * verdict is advisory; the server's handler decides.
 *
 * Safe on the server: it renders the fields without messages and no honeypot, and
 * touches no DOM global until an effect runs. Create the gate once, outside the
 * component (or in `useMemo`).
 *
 * @example
 * const gate = createGate({ motion: 'inbound' });
 *
 * function DemoForm() {
 *   const form = useLeadGate(gate, { endpoint: '/api/leads', formId: 'demo-request' });
 *   const email = form.field('email');
 *   return (
 *     <form onSubmit={form.handleSubmit()} noValidate>
 *       <input {...form.register('email')} type="email" />
 *       <div id={email.messageId}>
 *         {email.suggestion ? <button type="button" onClick={email.acceptSuggestion}>{email.messages[0]?.message}</button>
 *           : email.messages.map((m) => <p key={m.code}>{m.message}</p>)}
 *       </div>
 *       {form.honeypot}
 *       <button disabled={form.state === 'submitting'}>Request a demo</button>
 *     </form>
 *   );
 * }
 */
export function useLeadGate(gate: Gate, options: UseLeadGateOptions = {}): LeadGateForm {
  const parsed = parseHookArguments(gate, options);
  const [form] = useState(() => new LeadForm(parsed.gate, parsed.options));
  // Every render's gate and options reach the next event; the effect runs before React handles one.
  useEffect(() => form.update(parsed.gate, parsed.options));
  useEffect(() => form.connect(), [form]);
  const snapshot = useSyncExternalStore(form.subscribe, form.getSnapshot, form.getServerSnapshot);
  const id = useId();
  const { messages, honeypot = true, honeypotLabel = HONEYPOT_LABEL } = parsed.options;
  const hasEndpoint = parsed.options.endpoint !== undefined;

  const honeypotElement = useMemo(
    () => (snapshot.mounted && honeypot ? honeypotField(`${id}-hp`, honeypotLabel, form.honeypotRef) : null),
    [snapshot.mounted, honeypot, honeypotLabel, id, form],
  );

  return useMemo(() => {
    const feedback = (name: string): FieldFeedback => feedbackOf(form, snapshot, messages, name, messageIdOf(id, name));
    const aria = (name: string) => {
      const { messages: shown, invalid, messageId } = feedback(name);
      return { ...(invalid ? { 'aria-invalid': true as const } : {}), ...(shown.length > 0 ? { 'aria-describedby': messageId } : {}) };
    };
    return {
      register: (name) => ({ name, ref: form.refFor(name), ...aria(name) }),
      registerConsent: (consent = {}) => ({
        type: 'checkbox',
        name: consent.name ?? 'consent',
        ref: form.consentRef,
        'data-leadgate-consent': '',
        ...(consent.textId ? { 'data-leadgate-consent-text-id': consent.textId } : {}),
        ...(consent.textElementId ? { 'data-leadgate-consent-text': consent.textElementId } : {}),
        ...(consent.channels?.length ? { 'data-leadgate-consent-channels': consent.channels.join(' ') } : {}),
        ...aria('consent'),
      }),
      field: feedback,
      honeypot: honeypotElement,
      handleSubmit: (onValid) => {
        if (onValid !== undefined && typeof onValid !== 'function') throw new LeadGateError('useLeadGate: handleSubmit(onValid) takes a function', { option: 'onValid' });
        if (!onValid && !hasEndpoint) throw new LeadGateError('useLeadGate: handleSubmit() needs an onValid function or the "endpoint" option', { option: 'endpoint' });
        return (event) => {
          event?.preventDefault();
          return form.submit(onValid);
        };
      },
      summary: snapshot.summary.map((finding) => localised(finding, messages)),
      pending: snapshot.pending.length > 0,
      verdict: snapshot.verdict,
      state: snapshot.state,
      result: snapshot.result,
      validate: () => form.validate(),
      collect: () => form.collect(),
    } satisfies LeadGateForm;
  }, [form, snapshot, messages, id, honeypotElement, hasEndpoint]);
}

function feedbackOf(form: LeadForm, snapshot: LeadFormSnapshot, messages: UseLeadGateOptions['messages'], name: string, messageId: string): FieldFeedback {
  const shown = (snapshot.fields[name] ?? []).map((finding) => localised(finding, messages));
  const typo = shown.find((finding) => finding.code === 'EMAIL_TYPO' && typeof finding.data?.suggestion === 'string');
  const suggestion = typo?.data?.suggestion as string | undefined;
  return {
    messages: shown,
    invalid: shown.some((finding) => finding.action === 'reject' || finding.action === 'server'),
    ...(suggestion === undefined ? {} : { suggestion }),
    acceptSuggestion: () => {
      if (suggestion !== undefined) form.acceptSuggestion(name, suggestion);
    },
    pending: snapshot.pending.includes(name),
    messageId,
  };
}

function localised(finding: ShownFinding, messages: UseLeadGateOptions['messages']): ShownFinding {
  return messages ? { ...finding, message: findingText(messages, finding) } : finding;
}

/** `useId` gives `«r1»` or `:r1:`; a field name may hold anything an id must not (spaces). */
function messageIdOf(id: string, field: string): string {
  return `${id}-${field.replace(/[^\w-]/g, '_')}-messages`;
}

/**
 * The honeypot as `leadgate/dom` builds it (see src/dom/honeypot.ts for why each
 * attribute): rendered only after mount, so the server's HTML carries no inline style
 * (a Content-Security-Policy without `'unsafe-inline'` would refuse it and show the
 * field) and React sets the style through the CSSOM instead.
 */
function honeypotField(id: string, label: string, ref: RefCallback<HTMLInputElement>): ReactElement {
  return createElement(
    'div',
    { 'aria-hidden': 'true', className: 'leadgate-hp', style: HONEYPOT_STYLE },
    createElement('label', { htmlFor: id }, label),
    createElement('input', { type: 'text', id, name: HONEYPOT_NAME, autoComplete: 'off', tabIndex: -1, defaultValue: '', ref }),
  );
}
