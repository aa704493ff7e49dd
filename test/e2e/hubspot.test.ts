import { buildHubSpotBrowser } from '../../scripts/build-browser.mjs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithChromium } from './chromium.js';
import { platformPages } from './platform-page.js';
import { FAKE_HUBSPOT_SCRIPT, HUBSPOT_PAGE } from './hubspot-fixture.js';

// leadgate/hubspot in a real Chromium, against a page that reproduces HubSpot's
// documented embed API and markup (hubspot-fixture.ts), since HubSpot's own script
// cannot be loaded here. The gate runs in the page, from the script-tag build.

const FORM_ID = '9e3e0f1c-0000-4000-8000-000000000001';

describeWithChromium('leadgate/hubspot in Chromium (a HubSpot embedded form)', () => {
  const { open } = platformPages({
    html: HUBSPOT_PAGE,
    platformScript: FAKE_HUBSPOT_SCRIPT,
    readySelector: 'form.hs-form',
    // The script-tag build a HubSpot page's custom HTML box loads (dist/leadgate-hubspot.global.js).
    build: () => buildHubSpotBrowser({ write: false, minify: false }),
  });

  const withCallback = `
    const gate = LeadGateHubSpot.createGate({ motion: 'inbound' });
    hbspt.forms.create({ portalId: '123', formId: '${FORM_ID}', target: '#hs-target', onFormReady: (form) => { window.__binding = LeadGateHubSpot.attachHubSpotForm(form, gate); } });`;
  const fill = async (page: Page, values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) await page.fill(`[name="${name}"]`, value);
  };
  const PERSON = { firstname: 'Lena', lastname: 'Fischer', jobtitle: 'Head of Procurement', company: 'Northwind Logistics', country: 'US' };
  const submissions = (page: Page) => page.evaluate(() => (window as unknown as { __hsSubmissions: Array<Record<string, string>> }).__hsSubmissions);
  const codesBeside = (page: Page, name: string) =>
    page.$$eval(`.hs-form-field:has([name="${name}"]) .hs-error-msgs [data-leadgate-code]`, (labels) => labels.map((label) => label.getAttribute('data-leadgate-code')));

  it("a disposable address is shown in HubSpot's error style and stops the submit before HubSpot records it", async () => {
    const page = await open(withCallback);
    await fill(page, { ...PERSON, email: 'lena@mailinator.com' });
    // Straight to submit with the keyboard: the message has not been shown on leaving the field.
    await page.press('[name="email"]', 'Enter');
    expect(await submissions(page)).toEqual([]);
    expect(await codesBeside(page, 'email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(await page.getAttribute('[name="email"]', 'aria-invalid')).toBe('true');
    await page.focus('[name="country"]');
    await page.press('[name="country"]', 'Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    const describedby = await page.getAttribute('[name="email"]', 'aria-describedby');
    expect(await page.getAttribute(`#${describedby}`, 'role')).toBe('alert');
    // Near miss: the same person with a work address goes through.
    await page.fill('[name="email"]', 'lena.fischer@northwind-logistics.com');
    await page.press('[name="email"]', 'Enter');
    expect(await submissions(page)).toHaveLength(1);
    await page.close();
  }, 30_000);

  it('a mistyped mail provider is fixed with one click', async () => {
    const page = await open(withCallback);
    await fill(page, { ...PERSON, email: 'lena.fischer@gmial.com' });
    await page.focus('[name="firstname"]');
    await page.click('.hs-error-msgs button.leadgate-suggestion');
    expect(await page.inputValue('[name="email"]')).toBe('lena.fischer@gmail.com');
    expect(await codesBeside(page, 'email')).not.toContain('EMAIL_TYPO');
    await page.close();
  }, 30_000);

  it('a lead to review passes with its codes and decision in the hidden fields; the consent evidence is read from the legal-consent block', async () => {
    const page = await open(withCallback);
    await fill(page, { ...PERSON, email: 'lena.fischer@gmail.com' });
    // Leave the email field first: its message appears as it loses focus and moves the box down.
    await page.focus('[name="country"]');
    await page.check('[name^="LEGAL_CONSENT.subscription_type_"]');
    const lead = await page.evaluate(() => (window as unknown as { __binding: { lead(): Record<string, unknown> } }).__binding.lead());
    expect(lead.consent).toMatchObject({ given: true, renderedChecked: false, userInteracted: true, purposes: ['marketing'], textHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lead).toMatchObject({ email: 'lena.fischer@gmail.com', title: 'Head of Procurement', company: 'Northwind Logistics', country: 'US' });
    await page.click('input[type="submit"]');
    const [submission, ...more] = await submissions(page);
    expect(more).toEqual([]);
    expect(submission).toMatchObject({ email: 'lena.fischer@gmail.com', leadgate_decision: 'review' });
    expect(submission!.leadgate_codes!.split(' ')).toContain('EMAIL_FREE_PROVIDER');
    await page.close();
  }, 30_000);

  it('a form HubSpot renders after the adapter is loaded is bound through the global onFormReady message', async () => {
    const page = await open(`
      const gate = LeadGateHubSpot.createGate({ motion: 'inbound' });
      window.__binding = LeadGateHubSpot.bindHubSpotForms(gate, { formIds: ['${FORM_ID}'] });
      hbspt.forms.create({ portalId: '123', formId: '${FORM_ID}', target: '#hs-target' });`);
    await fill(page, { ...PERSON, email: 'lena@mailinator.com' });
    await page.press('[name="email"]', 'Enter');
    expect(await submissions(page)).toEqual([]);
    expect(await codesBeside(page, 'email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 30_000);
});
