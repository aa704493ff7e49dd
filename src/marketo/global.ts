// Entry of dist/leadgate-marketo.global.js (`window.LeadGateMarketo`), the script-tag
// build for a Marketo landing page: the browser gate and the Marketo adapter, no
// auto-binding of plain forms. Built by scripts/build-browser.mjs (buildMarketoBrowser).
export { createBrowserGate as createGate } from '../browser/browser-gate.js';
export { motions } from '../motions/index.js';
export { attachMarketoForm, bindMarketoForms } from './attach.js';
export { MARKETO_FIELDS } from './fields.js';
