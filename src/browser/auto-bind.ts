import type { Gate } from '../core/gate.js';
import { attachGate } from '../dom/attach-gate.js';
import { beaconSink } from '../dom/beacon-sink.js';
import { observeForms, type FormObserver } from '../dom/observe-forms.js';
import type { AttachGateOptions } from '../dom/options.js';
import { createBrowserGate } from './browser-gate.js';

/** The forms the script tag binds by itself. */
export const AUTO_SELECTOR = 'form[data-leadgate]';

/**
 * Binds every `<form data-leadgate="motion">` in the document, now and when one appears
 * later. The form's attributes are the options:
 *
 * - `data-leadgate`: the motion (`inbound` when empty);
 * - `data-leadgate-endpoint`: the server handler, e.g. `/leads`;
 * - `data-leadgate-form-token`: where to ask for form tokens (default: `/form-token` beside the endpoint);
 * - `data-leadgate-submit`: `fetch` or `native`;
 * - `data-leadgate-form-id`: the form's id in the evidence;
 * - `data-leadgate-beacon`: where to send the browser's decision events (none by default).
 *
 * One gate per motion and beacon URL is shared by the forms that name them.
 */
export function bindDocument(document: Document): FormObserver {
  const gates = new Map<string, Gate>();
  const gateFor = (motion: string, beacon: string | null) => {
    const key = `${motion} ${beacon ?? ''}`;
    let gate = gates.get(key);
    if (!gate) {
      gate = createBrowserGate({ motion: motion as 'inbound', ...(beacon ? { log: beaconSink(beacon) } : {}) });
      gates.set(key, gate);
    }
    return gate;
  };
  return observeForms(document, AUTO_SELECTOR, (form) => {
    const attribute = (name: string) => form.getAttribute(`data-leadgate-${name}`) || undefined;
    const submit = attribute('submit');
    const options: AttachGateOptions = {
      ...(attribute('endpoint') ? { endpoint: attribute('endpoint') } : {}),
      ...(submit === 'fetch' || submit === 'native' ? { submit } : {}),
      ...(attribute('form-id') ? { formId: attribute('form-id') } : {}),
      ...(attribute('form-token') ? { formToken: attribute('form-token') } : {}),
    };
    return attachGate(form, gateFor(form.getAttribute('data-leadgate') || 'inbound', form.getAttribute('data-leadgate-beacon')), options);
  });
}
