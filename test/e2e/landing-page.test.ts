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

  it('a pre-ticked consent box left as rendered: the lead is kept and the consent stripped (CONSENT_PRETICKED, a flag under inbound); ticking it again oneself gives consent', async () => {
    // Research CP-01 for inbound: "reject the consent, not the person" (preset 1.2.0).
    const email = 'lena.fischer@northwind-logistics.de';
    const state = await visit('?consent=prechecked');
    const { page } = state;
    expect(await page.isChecked('#consent')).toBe(true);
    await fillLikeAPerson(page, email, { ...PERSON, firstName: 'Lena', lastName: 'Fischer' });
    await waitPastMinimum(state);

    const kept = await submit(state);
    expect(kept.status).toBe(200);
    expect(kept.body.decision).toBe('accept');
    expect(await formState(page)).toBe('accepted');
    await screenshot(page, 'consent-preticked.png');
    const [delivery, ...more] = deliveredTo(email);
    expect(more).toEqual([]);
    expect(delivery?.lead.consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: false });
    // The consent is set aside: German email then has neither consent nor a lawful basis, both noted.
    expect(delivery?.codes).toEqual(expect.arrayContaining(['CONSENT_PRETICKED', 'CONSENT_MISSING', 'CONSENT_BASIS_MISSING']));

    // Near miss: untick, then tick again. The last tick is the visitor's own act.
    const again = 'lena.fischer+again@northwind-logistics.de';
    const second = await visit('?consent=prechecked');
    await fillLikeAPerson(second.page, again, { ...PERSON, firstName: 'Lena', lastName: 'Fischer' });
    await second.page.uncheck('#consent');
    await second.page.check('#consent');
    await waitPastMinimum(second);
    const accepted = await submit(second);
    expect(accepted.status).toBe(200);
    expect(accepted.body.decision).toBe('accept');
    const [consented] = deliveredTo(again);
    expect(consented?.lead.consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: true });
    expect(consented?.codes).not.toContain('CONSENT_PRETICKED');
    expect(consented?.codes).not.toContain('CONSENT_MISSING');
    expect(state.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await page.close();
    await second.page.close();
  }, 45_000);

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
