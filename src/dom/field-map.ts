import type { LeadField } from '../core/lead.js';

/** A form control the binding can read a value from. */
export type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

// Names as forms spell them, reduced to lower-case letters and digits (`Job-Title`,
// `job_title` and `jobTitle` are one key). HubSpot, Marketo and Pardot field names are
// covered (firstname, jobtitle, company, phone, country).
const NAMES: Record<string, LeadField> = {};
const add = (field: LeadField, names: string) => names.split(' ').forEach((name) => (NAMES[name] = field));
add('email', 'email emailaddress workemail businessemail mail');
add('firstName', 'firstname fname givenname forename');
add('lastName', 'lastname lname familyname surname');
add('phone', 'phone phonenumber tel telephone mobile mobilephone workphone');
add('country', 'country countrycode');
add('title', 'title jobtitle job position role');
add('company', 'company companyname organization organisation org employer');
add('website', 'website url companywebsite domain companydomain');
add('industry', 'industry');
add('employees', 'employees companysize numberofemployees headcount');
add('revenue', 'revenue annualrevenue');

// The HTML autofill field names (WHATWG HTML §4.10.18.7.1) that are lead fields.
const AUTOCOMPLETE: Record<string, LeadField> = {
  email: 'email', 'given-name': 'firstName', 'family-name': 'lastName', tel: 'phone', country: 'country',
  'organization-title': 'title', organization: 'company', url: 'website',
};

const NOT_A_VALUE = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'password', 'checkbox']);

/** The controls of a form that can hold a lead field: named text-like inputs, selects, text areas. */
export function candidateControls(form: HTMLFormElement, skip: ReadonlySet<Element>): FieldControl[] {
  const out: FieldControl[] = [];
  for (const element of Array.from(form.elements)) {
    const control = element as FieldControl;
    if (skip.has(control) || !/^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName)) continue;
    if (control.tagName === 'INPUT' && NOT_A_VALUE.has((control as HTMLInputElement).type)) continue;
    if (!control.name || control.name.startsWith('lg_')) continue;
    out.push(control);
  }
  return out;
}

/**
 * Finds the control of each lead field, in this order: the caller's `fields` option (a
 * name, a selector or an element), a `data-leadgate-field="email"` attribute, the
 * control's `name`, then its `autocomplete` token. The first control found wins, so a
 * second "email" (a confirmation field) is left alone. Recomputed on every use: a
 * third-party embed may add fields after the binding attached.
 */
export function mapFields(
  form: HTMLFormElement,
  overrides: Readonly<Record<string, string | Element>>,
  skip: ReadonlySet<Element>,
): Map<string, FieldControl> {
  const map = new Map<string, FieldControl>();
  for (const [field, target] of Object.entries(overrides)) {
    const control = typeof target === 'string' ? findControl(form, target) : target;
    if (control) map.set(field, control as FieldControl);
  }
  const taken = new Set<Element>(map.values());
  const controls = candidateControls(form, skip);
  const guesses: Array<(control: FieldControl) => string | undefined> = [
    (control) => control.getAttribute('data-leadgate-field') ?? undefined,
    (control) => NAMES[control.name.toLowerCase().replace(/[^a-z0-9]/g, '')],
    // "section-a shipping email" → the last token names the field.
    (control) => AUTOCOMPLETE[(control.getAttribute('autocomplete') ?? '').trim().toLowerCase().split(/\s+/).pop() ?? ''],
  ];
  for (const guess of guesses) {
    for (const control of controls) {
      const field = guess(control);
      if (field && !map.has(field) && !taken.has(control)) {
        map.set(field, control);
        taken.add(control);
      }
    }
  }
  return map;
}

/** A control's current value; a radio group answers with its checked member's value. */
export function controlValue(form: HTMLFormElement, control: FieldControl): string {
  if (control.tagName === 'INPUT' && (control as HTMLInputElement).type === 'radio') {
    const group = form.elements.namedItem(control.name) as RadioNodeList | null;
    return group && 'value' in group ? group.value : '';
  }
  return control.value;
}

function findControl(form: HTMLFormElement, nameOrSelector: string): Element | null {
  const named = form.elements.namedItem(nameOrSelector);
  if (named && (named as Element).nodeType === 1) return named as Element;
  if (named && 'length' in named) return (named as RadioNodeList)[0] as Element;
  try {
    return form.querySelector(nameOrSelector);
  } catch {
    return null; // not a valid selector: a name that matched nothing
  }
}
