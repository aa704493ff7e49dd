'use client';
// app/demo/page.tsx: a Next.js App Router page with the demo-request form, checked by
// leadgate as the visitor types (useLeadGate) and posted to the route handler in
// app/api/[...leadgate]/route.ts. A client component: the hook needs state and effects.
// Next still renders it on the server first; the hook renders there without messages
// or honeypot and touches no DOM global.
import { createGate } from 'leadgate';
import { useLeadGate, type LeadGateForm } from 'leadgate/react';
import type { InputHTMLAttributes } from 'react';
import { CONSENT_TEXT, CONSENT_TEXT_ID } from './consent-text';

// One gate for the page, made when the module loads, not on every render. Its verdict
// is advisory (instant feedback); the route handler's gate decides.
const gate = createGate({ motion: 'inbound' });
// Next inlines NEXT_PUBLIC_* at build time. Default: the route handler's path.
const endpoint = process.env.NEXT_PUBLIC_LEADGATE_ENDPOINT ?? '/api/leads';

const COUNTRIES: ReadonlyArray<[string, string]> = [
  ['AT', 'Austria'], ['BE', 'Belgium'], ['CA', 'Canada'], ['CH', 'Switzerland'], ['DE', 'Germany'], ['ES', 'Spain'],
  ['FR', 'France'], ['GB', 'United Kingdom'], ['IE', 'Ireland'], ['IT', 'Italy'], ['NL', 'Netherlands'], ['US', 'United States'],
];

const blocking = (action: string) => action === 'reject' || action === 'server';

/** The messages of one field, in a live region that exists from the start (screen readers announce changes to a region they know). */
function Messages({ form, name }: { form: LeadGateForm; name: string }) {
  const field = form.field(name);
  return (
    <div id={field.messageId} className={field.invalid ? 'leadgate-messages leadgate-messages--error' : 'leadgate-messages'} aria-live="polite">
      {field.messages.map((message) => (
        <p key={message.code} data-leadgate-code={message.code} className={`leadgate-message leadgate-message--${blocking(message.action) ? 'error' : 'hint'}`}>
          {message.code === 'EMAIL_TYPO' && field.suggestion ? (
            // One press corrects the field: "Did you mean maria@outlook.com?"
            <button type="button" className="leadgate-suggestion" onClick={field.acceptSuggestion}>{message.message}</button>
          ) : (
            message.message
          )}
        </p>
      ))}
      {field.pending ? <p className="leadgate-message leadgate-message--hint">Checking…</p> : null}
    </div>
  );
}

type TextFieldProps = { form: LeadGateForm; name: string; label: string; required?: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name'>;

function TextField({ form, name, label, required, id = name, ...input }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
      <input id={id} required={required} {...input} {...form.register(name)} />
      <Messages form={form} name={name} />
    </div>
  );
}

/** What the page says about the last send; the findings themselves are beside their fields. */
function Summary({ form }: { form: LeadGateForm }) {
  const problem =
    form.state !== 'error' ? undefined
      : form.result?.retryable ? 'We could not send the form. Your answers are still here; please try again.'
        : 'The form could not be sent. Please check your answers and try again.';
  return (
    <div className="leadgate-feedback">
      <div className="leadgate-summary" role="alert">
        {form.summary.length > 0 ? (
          <>
            <p>Please check the following:</p>
            <ul>{form.summary.map((finding) => <li key={finding.code} data-leadgate-code={finding.code}>{finding.message}</li>)}</ul>
          </>
        ) : null}
        {problem ? <p>{problem}</p> : null}
      </div>
      <div className="leadgate-status" role="status">
        {form.state === 'accepted' ? <p>Thank you. We have received your details.</p> : null}
      </div>
    </div>
  );
}

export default function DemoPage() {
  const form = useLeadGate(gate, { endpoint, formId: 'demo-request' });
  const sending = form.state === 'submitting';
  return (
    <main className="page">
      <section className="pitch" aria-labelledby="pitch-title">
        <p className="eyebrow">Freight cost analytics</p>
        <h1 id="pitch-title">See what every lane really costs.</h1>
        <p className="lede">Tallyline reads your carrier invoices, matches them to shipments and shows where surcharges, detention and re-weighs eat your margin.</p>
      </section>

      <section className="card" id="demo" aria-labelledby="form-title">
        <h2 id="form-title">Book a 30-minute demo</h2>
        <p className="hint">We reply within one working day. Fields marked <span aria-hidden="true">*</span><span className="visually-hidden">with an asterisk</span> are required.</p>
        {/* action + method: without JavaScript the browser posts the form to the same handler.
            data-leadgate-state: the form's state, named as leadgate/dom names it, for styles and tests. */}
        <form action={endpoint} method="post" onSubmit={form.handleSubmit()} noValidate aria-busy={sending || undefined} data-leadgate-state={form.state}>
          <Summary form={form} />
          <div className="row">
            <TextField form={form} name="firstName" id="first-name" label="First name" autoComplete="given-name" required />
            <TextField form={form} name="lastName" id="last-name" label="Last name" autoComplete="family-name" required />
          </div>
          <TextField form={form} name="email" label="Work email" type="email" autoComplete="email" inputMode="email" spellCheck={false} required />
          <TextField form={form} name="title" label="Job title" autoComplete="organization-title" />
          <TextField form={form} name="company" label="Company" autoComplete="organization" required />
          <div className="row">
            <TextField form={form} name="phone" label="Phone" type="tel" autoComplete="tel" />
            <div className="field">
              <label htmlFor="country">Country <span aria-hidden="true">*</span></label>
              <select id="country" autoComplete="country" required defaultValue="" {...form.register('country')}>
                <option value="">Choose a country</option>
                {COUNTRIES.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
              </select>
              <Messages form={form} name="country" />
            </div>
          </div>
          <div className="consent">
            <input id="consent" value="yes" {...form.registerConsent({ textId: CONSENT_TEXT_ID, channels: ['email'] })} />
            <label htmlFor="consent">{CONSENT_TEXT}</label>
            <Messages form={form} name="consent" />
          </div>
          <p className="fine-print">We use your details to arrange the demo. See our <a href="/privacy">privacy notice</a>.</p>
          {form.honeypot}
          <button type="submit" disabled={sending}>{sending ? 'Sending…' : 'Book my demo'}</button>
        </form>
      </section>
    </main>
  );
}
