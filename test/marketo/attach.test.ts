// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { LeadGateError } from '../../src/core/errors.js';
import { createGate } from '../../src/index.js';
import { attachMarketoForm, bindMarketoForms, type MarketoForm } from '../../src/marketo/index.js';

/** A Marketo form object over a form in the document, recording what the adapter asks of Marketo. */
function marketoForm(html: string) {
  document.body.innerHTML = `<form id="mktoForm_7" class="mktoForm" novalidate>${html}</form>`;
  const element = document.querySelector('form')!;
  const validators: Array<(valid: boolean) => void> = [];
  const calls = { submittable: [] as boolean[], errors: [] as string[], hidden: {} as Record<string, string> };
  const form: MarketoForm = {
    getId: () => 7,
    getFormElem: () => ({ 0: element, find: (selector: string) => ({ 0: element.querySelector(selector) }) }),
    vals: ((values?: Record<string, string>) => {
      if (values) return form;
      const out: Record<string, string> = {};
      for (const input of Array.from(element.querySelectorAll('input'))) out[input.name] = input.type === 'checkbox' ? (input.checked ? 'yes' : 'no') : input.value;
      return out;
    }) as MarketoForm['vals'],
    onValidate: (callback) => validators.push(callback),
    submittable: (value) => calls.submittable.push(value),
    onSubmit: () => form,
    addHiddenFields: (values) => Object.assign(calls.hidden, values),
    showErrorMessage: (message) => calls.errors.push(message),
  };
  return { form, calls, validate: () => validators.forEach((validate) => validate(true)) };
}

const gate = createGate({ motion: 'inbound' });
const email = (value: string) => `<div class="mktoFieldWrap"><input name="Email" value="${value}"></div>`;
const box = (name: string, attributes = '') => `<div class="mktoFieldWrap"><label class="mktoLabel" id="Lbl${name}">Send me news.</label><input type="checkbox" name="${name}" value="yes" ${attributes}></div>`;

describe('leadgate/marketo consent evidence', () => {
  it("Marketo's Unsubscribed ticked is consent.given false, with or without an opt-in box; unticked and no opt-in box, nothing is claimed", () => {
    const alone = marketoForm(email('jane.doe@acme-robotics.com') + box('Unsubscribed', 'checked'));
    expect(attachMarketoForm(alone.form, gate).lead().consent).toMatchObject({ given: false, userInteracted: true });
    const both = marketoForm(email('jane.doe@acme-robotics.com') + box('Opt_In', 'checked') + box('Unsubscribed', 'checked'));
    expect(attachMarketoForm(both.form, gate, { optInField: 'Opt_In' }).lead().consent).toMatchObject({ given: false, renderedChecked: true });
    const neither = marketoForm(email('jane.doe@acme-robotics.com') + box('Unsubscribed'));
    expect(attachMarketoForm(neither.form, gate).lead().consent).toBeUndefined();
  });

  it("an opt-in box Marketo requires (.mktoRequired, no required attribute) is requiredToSubmit; an optional one is not", () => {
    const required = marketoForm(email('jane.doe@acme-robotics.com') + box('Opt_In', 'class="mktoField mktoRequired" aria-required="true"'));
    expect(attachMarketoForm(required.form, gate, { optInField: 'Opt_In' }).lead().consent).toMatchObject({ requiredToSubmit: true, given: false });
    const optional = marketoForm(email('jane.doe@acme-robotics.com') + box('Opt_In', 'class="mktoField"'));
    expect(attachMarketoForm(optional.form, gate, { optInField: 'Opt_In' }).lead().consent).toMatchObject({ requiredToSubmit: false });
  });
});

describe('leadgate/marketo submit control', () => {
  it('a reject makes the form unsubmittable; detach lifts only that block', () => {
    const { form, calls, validate } = marketoForm(email('jane@mailinator.com'));
    const binding = attachMarketoForm(form, gate);
    validate();
    expect(calls.submittable).toEqual([false]);
    binding.detach();
    expect(calls.submittable).toEqual([false, true]);
    // Detached, its callbacks do nothing.
    validate();
    expect(calls.submittable).toEqual([false, true]);
  });

  it('a good lead never touches submittable (another script may have set it)', () => {
    const { form, calls, validate } = marketoForm(email('jane.doe@acme-robotics.com'));
    attachMarketoForm(form, gate);
    validate();
    expect(calls.submittable).toEqual([]);
  });

  it("the tooltip's text is escaped: Marketo inserts it as HTML", () => {
    const { form, calls, validate } = marketoForm(email('jane@mailinator.com'));
    attachMarketoForm(form, gate, { messages: { EMAIL_DISPOSABLE: '<img src=x onerror=alert(1)> use "work" mail' } });
    validate();
    expect(calls.errors).toEqual(['&#60;img src=x onerror=alert(1)&#62; use &#34;work&#34; mail']);
  });
});

describe('leadgate/marketo bad input', () => {
  it('names the option: a form that is not a Marketo form object, a gate that is not a gate, no MktoForms2', () => {
    const { form } = marketoForm(email('jane.doe@acme-robotics.com'));
    expect(() => attachMarketoForm(document.querySelector('form') as unknown as MarketoForm, gate)).toThrow(expect.objectContaining({ option: 'form' }));
    expect(() => attachMarketoForm(form, {} as typeof gate)).toThrow(expect.objectContaining({ option: 'gate' }));
    expect(() => bindMarketoForms(gate)).toThrow(LeadGateError);
    expect(() => bindMarketoForms(gate)).toThrow(expect.objectContaining({ option: 'MktoForms2' }));
  });
});
