// Public API of `leadgate/react`: the `useLeadGate` hook. React is an optional peer
// dependency: only this entry imports it. No DOM global is touched at import time or
// while rendering, so server rendering (Next.js, renderToString) is safe.

export { useLeadGate, type ConsentOptions, type ConsentProps, type FieldFeedback, type FieldProps, type LeadGateForm } from './use-lead-gate.js';
export type { FormState, OnValid, SubmitResult } from './lead-form.js';
export type { UseLeadGateOptions } from './options.js';
export type { ShownFinding } from '../dom/feedback.js';
export type { VerdictEventDetail } from '../dom/events.js';
