// leadgate/marketo: the gate inside Marketo Forms 2.0 embedded forms (issue 16).
export { attachMarketoForm, bindMarketoForms, type MarketoBinding, type MarketoForm, type MarketoGateOptions, type MktoForms2Like } from './attach.js';
export { MARKETO_FIELDS, type MarketoLeadField } from './fields.js';
