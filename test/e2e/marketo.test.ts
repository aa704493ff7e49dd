import { createHash } from 'node:crypto';
import { buildMarketoBrowser } from '../../scripts/build-browser.mjs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithChromium } from './chromium.js';
import { platformPages } from './platform-page.js';
import { FAKE_MARKETO_SCRIPT, MARKETO_PAGE } from './marketo-fixture.js';

// leadgate/marketo in a real Chromium, against a page that reproduces Marketo's
// documented Forms 2.0 API and markup (marketo-fixture.ts), since Marketo's own script
// cannot be loaded here. The gate runs in the page, from the script-tag build.

describeWithChromium('leadgate/marketo in Chromium (a Marketo Forms 2.0 form)', () => {
  const { open } = platformPages({
    html: MARKETO_PAGE,
    platformScript: FAKE_MARKETO_SCRIPT,
    readySelector: 'form.mktoForm [name="Email"]',
    // The script-tag build a Marketo page loads (dist/leadgate-marketo.global.js).
    build: () => buildMarketoBrowser({ write: false, minify: false }),
  });

  const withCallback = `
    const gate = LeadGateMarketo.createGate({ motion: 'inbound' });
    MktoForms2.loadForm('//app-ab01.marketo.com', '123-ABC-456', 1001, (form) => {
      window.__binding = LeadGateMarketo.attachMarketoForm(form, gate, { optInField: 'Marketing_Opt_In__c' });
    });`;
  const fill = async (page: Page, values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) await page.fill(`[name="${name}"]`, value);
  };
  const PERSON = { FirstName: 'Lena', LastName: 'Fischer', Title: 'Head of Procurement', Company: 'Northwind Logistics', Country: 'US' };
  const submissions = (page: Page) => page.evaluate(() => (window as unknown as { __mktoSubmissions: Array<Record<string, string>> }).__mktoSubmissions);
  const codesBeside = (page: Page, name: string) =>
    page.$$eval(`.mktoFieldWrap:has([name="${name}"]) .leadgate-errors [data-leadgate-code]`, (lines) => lines.map((line) => line.getAttribute('data-leadgate-code')));

  it("a disposable address stops the submit in onValidate, with Marketo's tooltip on the field; fixed, the same form submits", async () => {
    const page = await open(withCallback);
    await fill(page, { ...PERSON, Email: 'lena@mailinator.com' });
    await page.press('[name="Email"]', 'Enter');
    expect(await submissions(page)).toEqual([]);
    expect(await codesBeside(page, 'Email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(await page.getAttribute('[name="Email"]', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('form.mktoForm', 'data-leadgate-state')).toBe('rejected');
    // Marketo's own tooltip, placed after the email input by showErrorMessage.
    expect(await page.textContent('[name="Email"] + .mktoError .mktoErrorMsg')).toMatch(/\S/);
    const describedby = await page.getAttribute('[name="Email"]', 'aria-describedby');
    expect(await page.getAttribute(`#${describedby}`, 'role')).toBe('alert');
    // From another field, the block takes the person back to the email.
    await page.press('[name="Country"]', 'Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('Email');
    // Near miss: with a work address the form, unsubmittable a moment ago, submits.
    await page.fill('[name="Email"]', 'lena.fischer@northwind-logistics.com');
    await page.press('[name="Email"]', 'Enter');
    expect(await submissions(page)).toHaveLength(1);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it("a mistyped mail provider is fixed with one click, through Marketo's vals()", async () => {
    const page = await open(withCallback);
    await fill(page, { ...PERSON, Email: 'lena.fischer@gmial.com' });
    await page.focus('[name="FirstName"]');
    await page.click('.mktoFieldWrap .leadgate-errors button.leadgate-suggestion');
    expect(await page.inputValue('[name="Email"]')).toBe('lena.fischer@gmail.com');
    expect(await page.evaluate(() => (window as unknown as { MktoForms2: unknown; __binding: { lead(): { email?: string } } }).__binding.lead().email)).toBe('lena.fischer@gmail.com');
    expect(await codesBeside(page, 'Email')).not.toContain('EMAIL_TYPO');
    await page.close();
  }, 30_000);

  it('a lead to review passes with its codes and decision as hidden fields; the opt-in evidence hashes the Marketo label', async () => {
    const page = await open(withCallback);
    await fill(page, { ...PERSON, Email: 'lena.fischer@gmail.com' });
    await page.focus('[name="Country"]');
    await page.check('[name="Marketing_Opt_In__c"]');
    const lead = await page.evaluate(() => (window as unknown as { __binding: { lead(): Record<string, unknown> } }).__binding.lead());
    // The text is the field's label.mktoLabel, not the checkbox's own empty label.
    const textHash = createHash('sha256').update('Yes, send me product news from Tallyline by email.').digest('hex');
    expect(lead.consent).toMatchObject({ given: true, renderedChecked: false, userInteracted: true, requiredToSubmit: false, purposes: ['marketing'], textHash });
    expect(lead).toMatchObject({ email: 'lena.fischer@gmail.com', title: 'Head of Procurement', company: 'Northwind Logistics', country: 'US', source: { formId: '1001' } });
    await page.click('button.mktoButton');
    const [submission, ...more] = await submissions(page);
    expect(more).toEqual([]);
    expect(submission).toMatchObject({ Email: 'lena.fischer@gmail.com', Marketing_Opt_In__c: 'yes', leadgate_decision: 'review' });
    expect(submission!.leadgate_codes!.split(' ')).toContain('EMAIL_FREE_PROVIDER');
    await page.close();
  }, 30_000);

  it('a form Marketo renders after the adapter is bound is gated through whenReady; formIds leaves other forms alone', async () => {
    const page = await open(`
      const gate = LeadGateMarketo.createGate({ motion: 'inbound' });
      window.__binding = LeadGateMarketo.bindMarketoForms(gate, { formIds: [1001] });
      MktoForms2.loadForm('//app-ab01.marketo.com', '123-ABC-456', 1001);`);
    await fill(page, { ...PERSON, Email: 'lena@mailinator.com' });
    await page.press('[name="Email"]', 'Enter');
    expect(await submissions(page)).toEqual([]);
    expect(await codesBeside(page, 'Email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(page.errors).toEqual([]);
    await page.close();

    const other = await open(`
      const gate = LeadGateMarketo.createGate({ motion: 'inbound' });
      LeadGateMarketo.bindMarketoForms(gate, { formIds: [2002] });
      MktoForms2.loadForm('//app-ab01.marketo.com', '123-ABC-456', 1001);`);
    await fill(other, { ...PERSON, Email: 'lena@mailinator.com' });
    await other.press('[name="Email"]', 'Enter');
    expect(await submissions(other)).toHaveLength(1);
    await other.close();
  }, 30_000);
});
