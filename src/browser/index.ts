// Entry of dist/leadgate.global.js, the script-tag build (`window.LeadGate`). Unlike
// the package entries it has an effect on load: it binds every
// `<form data-leadgate="…">` once the document is parsed. Built by scripts/build-browser.mjs.

import { attachGate } from '../dom/attach-gate.js';
import { beaconSink } from '../dom/beacon-sink.js';
import { observeForms, type FormObserver } from '../dom/observe-forms.js';
import { memorySink } from '../core/log.js';
import { motions } from '../motions/index.js';
import { bindDocument } from './auto-bind.js';
import { BROWSER_CHECKS, createBrowserGate } from './browser-gate.js';

let autoBinding: FormObserver | undefined;

const start = () => {
  autoBinding ??= bindDocument(document);
};
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** The checks this build runs, by id; the others named by a motion run on the server. */
export const checks = Object.keys(BROWSER_CHECKS);
export { attachGate, beaconSink, createBrowserGate as createGate, memorySink, motions, observeForms };

/** Stops the automatic binding of `form[data-leadgate]` and detaches those forms. */
export function stopAutoBinding(): void {
  autoBinding?.disconnect();
  autoBinding = undefined;
}
