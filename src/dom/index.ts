// Public API of `leadgate/dom`: binds a gate to web forms. Imports core only, and
// touches no DOM global at import time (server-side rendering may import it).

export { attachGate, bindingOf, type GateBinding } from './attach-gate.js';
export { observeForms, type FormAttacher, type FormObserver } from './observe-forms.js';
export { beaconSink, type BeaconSink, type BeaconSinkOptions } from './beacon-sink.js';
export { normalizeConsentText } from './consent.js';
export { HONEYPOT_NAME } from './honeypot.js';
export { DEFAULT_TEXTS, type AttachGateOptions, type BindingTexts, type FindingMessage } from './options.js';
export type { ShownFinding } from './feedback.js';
export type { ErrorEventDetail, VerdictEventDetail } from './events.js';
export type { ServerFinding } from './server-answer.js';
