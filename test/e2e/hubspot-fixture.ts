// A stand-in for HubSpot's embed script (js.hsforms.net/forms/v2.js), which cannot be
// loaded here. It reproduces what leadgate/hubspot relies on, as HubSpot documents it:
// - `hbspt.forms.create({ portalId, formId, target, onFormReady, onBeforeFormSubmit,
//   onFormSubmitted })`, rendering late (after the call returns) and calling
//   `onFormReady($form)` then `onBeforeFormSubmit($form, submissionValues)` with the
//   values read from the DOM at submit:
//   https://legacydocs.hubspot.com/docs/methods/forms/advanced_form_options
// - the global events, `window.postMessage({ type: 'hsFormCallback', eventName, id })` for
//   onFormReady, onBeforeFormSubmit and onFormSubmitted: https://legacydocs.hubspot.com/global-form-events
// - the markup: `form.hs-form[data-form-id]`, one `.hs-form-field` per property with the
//   input named after it, hidden properties as `input[type=hidden]`, the GDPR block
//   (`LEGAL_CONSENT.subscription_type_<id>`, `LEGAL_CONSENT.processing`), and a submit
//   handler HubSpot attaches to the form itself:
//   https://knowledge.hubspot.com/forms/how-do-i-add-gdpr-fields-to-my-forms
// Submissions the fake "records" are kept in window.__hsSubmissions.
export const FAKE_HUBSPOT_SCRIPT = String.raw`
(() => {
  window.__hsSubmissions = [];
  const field = (name, label, type = 'text') =>
    '<div class="hs_' + name + ' hs-form-field"><label for="' + name + '-x"><span>' + label + '</span></label>' +
    '<div class="input"><input id="' + name + '-x" name="' + name + '" type="' + type + '" class="hs-input" autocomplete="off"></div></div>';
  window.hbspt = {
    forms: {
      create(options) {
        setTimeout(() => {
          const target = document.querySelector(options.target);
          target.innerHTML =
            '<form class="hs-form stacked" data-form-id="' + options.formId + '" novalidate>' +
            field('email', 'Email', 'email') + field('firstname', 'First name') + field('lastname', 'Last name') +
            field('jobtitle', 'Job title') + field('company', 'Company name') + field('country', 'Country') +
            '<input type="hidden" name="leadgate_codes" value=""><input type="hidden" name="leadgate_decision" value="">' +
            '<div class="legal-consent-container"><div class="hs-form-field"><ul class="inputs-list"><li class="hs-form-booleancheckbox">' +
            '<label class="hs-form-booleancheckbox-display"><input type="checkbox" name="LEGAL_CONSENT.subscription_type_4681882" value="true">' +
            '<span>I agree to receive marketing emails from Tallyline.</span></label></li></ul></div></div>' +
            '<div class="hs_submit"><input type="submit" class="hs-button primary large" value="Submit"></div></form>';
          const form = target.querySelector('form');
          form.addEventListener('submit', (event) => {
            event.preventDefault();
            const values = Array.from(form.elements).filter((el) => el.name && (el.type !== 'checkbox' || el.checked)).map((el) => ({ name: el.name, value: el.value }));
            if (options.onBeforeFormSubmit) options.onBeforeFormSubmit(form, values);
            window.postMessage({ type: 'hsFormCallback', eventName: 'onBeforeFormSubmit', id: options.formId, data: values }, '*');
            window.__hsSubmissions.push(Object.fromEntries(values.map((v) => [v.name, v.value])));
            target.innerHTML = '<div class="submitted-message">Thanks for submitting the form.</div>';
            if (options.onFormSubmitted) options.onFormSubmitted();
            window.postMessage({ type: 'hsFormCallback', eventName: 'onFormSubmitted', id: options.formId }, '*');
          });
          if (options.onFormReady) options.onFormReady(form);
          window.postMessage({ type: 'hsFormCallback', eventName: 'onFormReady', id: options.formId }, '*');
        }, 30);
      },
    },
  };
})();
`;

/** The landing page: the embed target and the fake embed script; the test adds leadgate and the create call. */
export const HUBSPOT_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>HubSpot form</title></head><body><main id="demo"><h1>Book a demo</h1><div id="hs-target"></div></main></body></html>';
