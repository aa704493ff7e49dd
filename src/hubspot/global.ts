// Entry of dist/leadgate-hubspot.global.js (`window.LeadGateHubSpot`), the script-tag
// build for a HubSpot page: the browser gate and the HubSpot adapter, no auto-binding of
// plain forms. Built by scripts/build-browser.mjs (buildHubSpotBrowser).
export { createBrowserGate as createGate } from '../browser/browser-gate.js';
export { motions } from '../motions/index.js';
export { attachHubSpotForm, bindHubSpotForms } from './attach.js';
export { HUBSPOT_FIELDS } from './fields.js';
