// leadgate/hubspot: the gate inside HubSpot embedded forms (issue 16).
export { attachHubSpotForm, bindHubSpotForms, type HubSpotBinding, type HubSpotGateOptions } from './attach.js';
export { HUBSPOT_FIELDS, type HubSpotLeadField } from './fields.js';
