/**
 * Marketo's field names (the names a Forms 2.0 form gives its inputs, and the keys of
 * `form.vals()`, as in the examples of https://developers.marketo.com/javascript-api/forms/api-reference/)
 * for the lead fields leadgate reads. Overridable per form: an instance may use custom fields (`MobilePhone`, `Job_Function__c`).
 */
export const MARKETO_FIELDS = {
  email: 'Email',
  firstName: 'FirstName',
  lastName: 'LastName',
  title: 'Title',
  company: 'Company',
  phone: 'Phone',
  country: 'Country',
  website: 'Website',
} as const;

/** A lead field the Marketo adapter maps. */
export type MarketoLeadField = keyof typeof MARKETO_FIELDS;

/** Marketo's standard opt-out field: ticked, the person asked not to receive marketing. */
export const MARKETO_UNSUBSCRIBED = 'Unsubscribed';

/** How `form.vals()` reports a ticked checkbox ("yes"; "true" or "1" from custom values). */
export function ticked(value: unknown): boolean {
  return typeof value === 'string' ? /^(?:yes|true|1)$/i.test(value.trim()) : value === true;
}
