// A stand-in for Marketo's Forms 2.0 script (//app-*.marketo.com/js/forms2/js/forms2.min.js),
// which cannot be loaded here. It reproduces what leadgate/marketo relies on, as Marketo
// documents it (https://developers.marketo.com/javascript-api/forms/api-reference/):
// - `MktoForms2.loadForm(baseUrl, munchkinId, formId, callback)` rendering late into the
//   page's `<form id="mktoForm_<id>">`, and `MktoForms2.whenReady(callback)`, called for
//   every form already ready and every form that becomes ready later;
// - the form object: `getId`, `getFormElem` (jQuery-wrapped: `[0]` and `find`), `vals()`
//   and `vals(values)`, `onValidate(cb(nativeValid))` run when a submit validates,
//   `submittable(bool)` (false stops the submit until set back to true), `onSubmit(cb)`
//   run after validation passes, `addHiddenFields(values)`, and
//   `showErrorMessage(html, $element)` (the message is inserted as HTML);
// - the markup: `form.mktoForm`, one `.mktoFormRow > .mktoFieldDescriptor > .mktoFieldWrap`
//   per field with `label.mktoLabel#Lbl<Name>` and `input.mktoField[name=<Name>]`,
//   required fields marked `.mktoRequired` (no `required` attribute: the form is
//   `novalidate` and Marketo validates), and a checkbox whose visible text is its
//   `.mktoLabel` while the box has an empty label of its own.
// Submissions the fake "records" are kept in window.__mktoSubmissions.
export const FAKE_MARKETO_SCRIPT = String.raw`
(() => {
  window.__mktoSubmissions = [];
  const ready = [];
  const readyCallbacks = [];
  const row = (inner) => '<div class="mktoFormRow"><div class="mktoFieldDescriptor mktoFormCol"><div class="mktoOffset"></div><div class="mktoFieldWrap">' + inner + '<div class="mktoClear"></div></div></div></div>';
  const field = (name, label, type = 'text', required = false) =>
    row('<label for="' + name + '" id="Lbl' + name + '" class="mktoLabel">' + label + '</label><div class="mktoGutter"></div>' +
      '<input id="' + name + '" name="' + name + '" type="' + type + '" class="mktoField mktoHasWidth' + (required ? ' mktoRequired' : '') + '"' + (required ? ' aria-required="true"' : '') + '>');
  const checkbox = (name, label, id) =>
    row('<label for="' + name + '" id="Lbl' + name + '" class="mktoLabel">' + label + '</label><div class="mktoLogicalField mktoCheckboxList">' +
      '<input name="' + name + '" id="' + id + '" type="checkbox" value="yes" class="mktoField"><label for="' + id + '"></label></div>');
  const $ = (element) => ({ 0: element, length: element ? 1 : 0, find: (selector) => $(element.querySelector(selector)) });
  window.MktoForms2 = {
    whenReady(callback) {
      readyCallbacks.push(callback);
      for (const form of ready) callback(form);
    },
    loadForm(baseUrl, munchkinId, formId, callback) {
      setTimeout(() => {
        const element = document.getElementById('mktoForm_' + formId);
        element.className = 'mktoForm';
        element.setAttribute('novalidate', '');
        element.innerHTML =
          field('Email', 'Email Address:', 'email', true) + field('FirstName', 'First Name:') + field('LastName', 'Last Name:') +
          field('Title', 'Job Title:') + field('Company', 'Company Name:') + field('Country', 'Country:') +
          checkbox('Marketing_Opt_In__c', 'Yes, send me product news from Tallyline by email.', 'mktoCheckbox_' + formId + '_0') +
          checkbox('Unsubscribed', 'Do not send me marketing email.', 'mktoCheckbox_' + formId + '_1') +
          '<div class="mktoButtonRow"><span class="mktoButtonWrap"><button type="submit" class="mktoButton">Submit</button></span></div>';
        const validators = [];
        const submitters = [];
        const hidden = {};
        let canSubmit = true;
        const vals = () => {
          const out = {};
          for (const input of element.querySelectorAll('.mktoField')) out[input.name] = input.type === 'checkbox' ? (input.checked ? 'yes' : 'no') : input.value;
          return out;
        };
        const form = {
          getId: () => formId,
          getFormElem: () => $(element),
          vals(values) {
            if (!values) return vals();
            for (const [name, value] of Object.entries(values)) element.querySelector('[name="' + name + '"]').value = value;
            return form;
          },
          onValidate(callback) { validators.push(callback); return form; },
          submittable(value) { if (value === undefined) return canSubmit; canSubmit = value; return form; },
          onSubmit(callback) { submitters.push(callback); return form; },
          addHiddenFields(values) { Object.assign(hidden, values); return form; },
          showErrorMessage(html, $element) {
            for (const old of element.querySelectorAll('.mktoError')) old.remove();
            const tip = document.createElement('div');
            tip.className = 'mktoError';
            tip.innerHTML = '<div class="mktoErrorArrowWrap"><div class="mktoErrorArrow"></div></div><div class="mktoErrorMsg">' + html + '</div>';
            ($element && $element[0] ? $element[0] : element).after(tip);
            return form;
          },
        };
        element.addEventListener('submit', (event) => {
          event.preventDefault();
          for (const old of element.querySelectorAll('.mktoError')) old.remove();
          const nativeValid = Array.from(element.querySelectorAll('.mktoRequired')).every((input) => input.value.trim() !== '');
          for (const validate of validators) validate(nativeValid);
          if (!nativeValid || !canSubmit) return;
          for (const submit of submitters) submit(form);
          window.__mktoSubmissions.push({ ...vals(), ...hidden });
          element.outerHTML = '<p class="mktoThanks">Thank you.</p>';
        });
        ready.push(form);
        if (callback) callback(form);
        for (const ready of readyCallbacks) ready(form);
      }, 30);
    },
  };
})();
`;

/** The landing page: Marketo's embed `<form>` placeholder; the test adds leadgate and the loadForm call. */
export const MARKETO_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Marketo form</title></head><body><main><h1>Book a demo</h1><form id="mktoForm_1001"></form></main></body></html>';
