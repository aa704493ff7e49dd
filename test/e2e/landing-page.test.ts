import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import { startLandingServer, type LandingServer } from '../../src/node/landing-server.js';
import { describeWithChromium, launchChromium, type ChromiumSession } from './chromium.js';
import {
  codesBeside, fillLikeAPerson, formState, isLeadResponse, PERSON, submit, summaryCodes, visit as visitPage, waitPastMinimum as waitPastMinimumOf, type Visit,
} from './landing-visit.js';
import { disposableAddressIsStopped, goodLeadIsDelivered, typoIsFixedWithOneClick, type LandingScene } from './landing-scenarios.js';

// The landing page example end to end: examples/landing-page served by startLandingServer
// (the page, the script-tag build, the real handler) and driven by a real Chromium.

const here = dirname(fileURLToPath(import.meta.url));
const MIN_SUBMIT_MS = 1000;
// Screenshots are checked in; a normal run writes them to a temporary folder so that
// running the tests never changes the work tree. LEADGATE_UPDATE_SCREENSHOTS=1 refreshes them.
const SCREENSHOTS = process.env.LEADGATE_UPDATE_SCREENSHOTS === '1' ? join(here, '__screenshots__') : join(tmpdir(), 'leadgate-e2e-screenshots');

describeWithChromium('landing page in Chromium (examples/landing-page)', () => {
  let server: LandingServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    const [{ code }, session] = await Promise.all([buildBrowser({ write: false }), launchChromium()]);
    browser = session;
    server = await startLandingServer({
      root: join(here, '../../examples/landing-page'),
      script: { code },
      port: 0,
      formId: 'demo-request',
      minSubmitMs: MIN_SUBMIT_MS,
      onEvent: () => undefined,
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const visit = (query = '') => visitPage(browser.context, `${server.url}${query}`);
  const waitPastMinimum = (state: Visit) => waitPastMinimumOf(state, MIN_SUBMIT_MS);
  const deliveredTo = (email: string) => server.deliveries.filter((delivery) => delivery.lead.email === email);
  const screenshot = (page: Page, name: string) => page.locator('#demo').screenshot({ path: join(SCREENSHOTS, name), animations: 'disabled', caret: 'hide' });
  const scene: LandingScene = { visit, get server() { return server; }, minSubmitMs: MIN_SUBMIT_MS, screenshot };

  it('a visitor who types a disposable address sees the message beside the field, and the submit stays in the page', () => disposableAddressIsStopped(scene, 'disposable-email.png'), 30_000);

  it('a visitor who mistypes a mail provider gets a "Did you mean" button that fixes the field', () => typoIsFixedWithOneClick(scene, 'typo-suggestion.png'), 30_000);

  it('a pre-ticked consent box is refused by the server with CONSENT_PRETICKED beside the box; ticking it again oneself gives consent', async () => {
    const email = 'lena.fischer@northwind-logistics.de';
    const state = await visit('?consent=prechecked');
    const { page } = state;
    expect(await page.isChecked('#consent')).toBe(true);
    await fillLikeAPerson(page, email, { ...PERSON, firstName: 'Lena', lastName: 'Fischer' });
    await waitPastMinimum(state);

    const refused = await submit(state);
    expect(refused.status).toBe(422);
    expect((refused.body.findings as Array<{ code: string }>).map((finding) => finding.code)).toEqual(['CONSENT_PRETICKED']);
    expect(await formState(page)).toBe('rejected');
    expect(await codesBeside(page, 'consent')).toEqual(['CONSENT_PRETICKED']);
    expect(await summaryCodes(page)).toEqual(['CONSENT_PRETICKED']);
    expect(await page.getAttribute('#consent', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('consent');
    // Nothing the visitor typed is lost.
    expect(await page.inputValue('#email')).toBe(email);
    expect(await page.inputValue('#company')).toBe(PERSON.company);
    await screenshot(page, 'consent-preticked.png');
    expect(deliveredTo(email)).toEqual([]);

    // As the message asks: untick, then tick again. The last tick is the visitor's own act.
    await page.uncheck('#consent');
    await page.check('#consent');
    await waitPastMinimum(state);
    const accepted = await submit(state);
    expect(accepted.status).toBe(200);
    expect(accepted.body.decision).toBe('accept');
    const [delivery, ...more] = deliveredTo(email);
    expect(more).toEqual([]);
    expect(delivery?.lead.consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: true });
    expect(delivery?.codes).not.toContain('CONSENT_PRETICKED');
    expect(state.leadPosts).toBe(2);
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('a bot that submits as soon as the form renders is refused with SOURCE_TOO_FAST', async () => {
    const email = 'procurement.bot@northwind-logistics.de';
    const state = await visit();
    const { page } = state;
    const answer = page.waitForResponse(isLeadResponse);
    // All at once, as a script fills a form: values set directly, then submit.
    await page.evaluate(({ person, address }) => {
      const set = (id: string, value: string) => ((document.getElementById(id) as HTMLInputElement | HTMLSelectElement).value = value);
      set('first-name', person.firstName);
      set('last-name', person.lastName);
      set('email', address);
      set('title', person.title);
      set('company', person.company);
      set('country', person.country);
      document.querySelector('form')!.requestSubmit();
    }, { person: PERSON, address: email });
    const response = await answer;
    expect(response.status()).toBe(422);
    const body = (await response.json()) as { findings: Array<{ code: string }> };
    expect(body.findings.map((finding) => finding.code)).toEqual(['SOURCE_TOO_FAST']);
    await page.waitForFunction(() => document.querySelector('form')?.getAttribute('data-leadgate-state') === 'rejected');
    expect(await summaryCodes(page)).toEqual(['SOURCE_TOO_FAST']);
    expect(deliveredTo(email)).toEqual([]);
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('a visitor who fills the form properly is accepted, and exactly one lead is delivered with the evidence the page collected', () => goodLeadIsDelivered(scene, 'accepted.png'), 30_000);
});
