// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGate } from '../../src/index.js';
import { attachHubSpotForm } from '../../src/hubspot/index.js';

/** A HubSpot form with the legal-consent block; `required` on the subscription box, a processing box beside it. */
function hubSpotForm(required: boolean): HTMLFormElement {
  document.body.innerHTML =
    '<form class="hs-form" data-form-id="f1"><div class="hs-form-field"><input name="email" value="jane.doe@acme-robotics.com"></div>' +
    `<label><input type="checkbox" name="LEGAL_CONSENT.subscription_type_1" ${required ? 'required' : ''}><span>Send me news.</span></label>` +
    '<label><input type="checkbox" name="LEGAL_CONSENT.processing" required><span>I agree to the processing of my data.</span></label></form>';
  return document.querySelector('form')!;
}

describe('leadgate/hubspot consent evidence', () => {
  it('a subscription box the form requires is reported as required (CONSENT_BUNDLED), even beside a processing box', () => {
    const binding = attachHubSpotForm(hubSpotForm(true), createGate({ motion: 'inbound' }));
    expect(binding.lead().consent).toMatchObject({ requiredToSubmit: true, given: false, renderedChecked: false });
    binding.detach();
  });

  it('an optional subscription box is not (near miss)', () => {
    const binding = attachHubSpotForm(hubSpotForm(false), createGate({ motion: 'inbound' }));
    expect(binding.lead().consent).toMatchObject({ requiredToSubmit: false });
    binding.detach();
  });
});
