import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import { startLandingServer, type LandingServer } from '../../src/node/landing-server.js';
import { describeWithChromium, launchChromium, type ChromiumSession } from './chromium.js';

// The landing page example end to end: examples/landing-page served by startLandingServer
// (the page, the script-tag build, the real handler) and driven by a real Chromium.

const here = dirname(fileURLToPath(import.meta.url));
const MIN_SUBMIT_MS = 1000;
// Screenshots are checked in; a normal run writes them to a temporary folder so that
// running the tests never changes the work tree. LEADGATE_UPDATE_SCREENSHOTS=1 refreshes them.
const SCREENSHOTS = process.env.LEADGATE_UPDATE_SCREENSHOTS === '1' ? join(here, '__screenshots__') : join(tmpdir(), 'leadgate-e2e-screenshots');

const PERSON = { firstName: 'Maria', lastName: 'Keller', title: 'Head of Procurement', company: 'Northwind Logistics', phone: '+49 30 901820', country: 'DE' };

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

  /** A page of the test's own, with what it posts to /leads and every error it logs. */
  interface Visit {
    page: Page;
    /** When the page got its latest form token: the server's clock for SOURCE_TOO_FAST starts about then. */
    tokenAt: number;
    leadPosts: number;
    errors: string[];
  }

  const isTokenResponse = (response: Response) => new URL(response.url()).pathname === '/form-token' && response.request().method() === 'POST';
  const isLeadResponse = (response: Response) => new URL(response.url()).pathname === '/leads' && response.request().method() === 'POST';

  async function visit(query = ''): Promise<Visit> {
    const page = await browser.context.newPage();
    const state: Visit = { page, tokenAt: 0, leadPosts: 0, errors: [] };
    page.on('pageerror', (error) => state.errors.push(error.message));
    page.on('console', (message) => {
      // A refused lead is a 422 the page handles; Chromium still logs the status.
      if (message.type() === 'error' && !/status of 422/.test(message.text())) state.errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/leads') state.leadPosts++;
    });
    page.on('response', (response) => {
      if (isTokenResponse(response)) state.tokenAt = Date.now();
    });
    const token = page.waitForResponse(isTokenResponse);
    await page.goto(`${server.url}${query}`);
    expect((await token).status()).toBe(200);
    // Bound: the binding adds its honeypot when it attaches.
    await page.locator('input[name="lg_hp"]').waitFor({ state: 'attached' });
    return state;
  }

  async function fillLikeAPerson(page: Page, email: string, person = PERSON): Promise<void> {
    await page.fill('#first-name', person.firstName);
    await page.fill('#last-name', person.lastName);
    await page.fill('#email', email);
    await page.fill('#title', PERSON.title);
    await page.fill('#company', PERSON.company);
    await page.fill('#phone', PERSON.phone);
    await page.selectOption('#country', PERSON.country);
  }

  /** A person takes longer than the minimum; the test waits only as long as it must. */
  async function waitPastMinimum(state: Visit): Promise<void> {
    const wait = state.tokenAt + MIN_SUBMIT_MS + 250 - Date.now();
    if (wait > 0) await state.page.waitForTimeout(wait);
  }

  /** Clicks submit and waits for the server's answer and for the page to show it. */
  async function submit(state: Visit): Promise<{ status: number; body: Record<string, unknown> }> {
    const { page } = state;
    const answer = page.waitForResponse(isLeadResponse);
    const nextToken = page.waitForResponse(isTokenResponse);
    await page.click('button[type="submit"]');
    const response = await answer;
    await nextToken; // the binding fetches a fresh single-use token after every send
    await page.waitForFunction(() => ['accepted', 'rejected', 'error'].includes(document.querySelector('form')?.getAttribute('data-leadgate-state') ?? ''));
    return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
  }

  const codesBeside = (page: Page, id: string) =>
    page.evaluate((controlId) => {
      const refs = (document.getElementById(controlId)?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return refs.flatMap((ref) => Array.from(document.getElementById(ref)?.querySelectorAll('[data-leadgate-code]') ?? [], (element) => element.getAttribute('data-leadgate-code')));
    }, id);
  const summaryCodes = (page: Page) => page.$$eval('[role="alert"] [data-leadgate-code]', (elements) => elements.map((element) => element.getAttribute('data-leadgate-code')));
  const formState = (page: Page) => page.getAttribute('form', 'data-leadgate-state');
  const deliveredTo = (email: string) => server.deliveries.filter((delivery) => delivery.lead.email === email);
  const screenshot = (page: Page, name: string) => page.locator('#demo').screenshot({ path: join(SCREENSHOTS, name), animations: 'disabled', caret: 'hide' });

  it('a visitor who types a disposable address sees the message beside the field, and the submit stays in the page', async () => {
    const state = await visit();
    const { page } = state;
    await fillLikeAPerson(page, 'maria@guerrillamail.com');
    await page.waitForFunction(() => document.getElementById('email')?.getAttribute('aria-invalid') === 'true');
    expect(await codesBeside(page, 'email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(await page.locator('.leadgate-messages [data-leadgate-code="EMAIL_DISPOSABLE"]').isVisible()).toBe(true);

    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('form')?.getAttribute('data-leadgate-state') === 'invalid');
    expect(await summaryCodes(page)).toEqual(['EMAIL_DISPOSABLE']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await screenshot(page, 'disposable-email.png');
    expect(state.leadPosts).toBe(0);
    expect(deliveredTo('maria@guerrillamail.com')).toEqual([]);
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('a visitor who mistypes a mail provider gets a "Did you mean" button that fixes the field', async () => {
    const state = await visit();
    const { page } = state;
    await page.fill('#email', 'maria.keller@outlok.com');
    await page.press('#email', 'Tab');
    const suggestion = page.locator('.leadgate-messages [data-leadgate-code="EMAIL_TYPO"] button.leadgate-suggestion');
    await suggestion.waitFor({ state: 'visible' });
    expect(await codesBeside(page, 'email')).toContain('EMAIL_TYPO');
    expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
    await screenshot(page, 'typo-suggestion.png');

    await suggestion.click();
    expect(await page.inputValue('#email')).toBe('maria.keller@outlook.com');
    await page.waitForFunction(() => document.getElementById('email')?.getAttribute('aria-invalid') !== 'true');
    expect(await codesBeside(page, 'email')).not.toContain('EMAIL_TYPO');
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);

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

  it('a visitor who fills the form properly is accepted, and exactly one lead is delivered with the evidence the page collected', async () => {
    const email = 'maria.keller@northwind-logistics.de';
    const before = server.deliveries.length;
    const state = await visit('?utm_source=newsletter&utm_campaign=q3-demo');
    const { page } = state;
    await fillLikeAPerson(page, email);
    await page.check('#consent');
    await waitPastMinimum(state);

    const accepted = await submit(state);
    expect(accepted.status).toBe(200);
    expect(accepted.body.decision).toBe('accept');
    expect(await formState(page)).toBe('accepted');
    expect(await page.locator('[role="status"] p').isVisible()).toBe(true);
    expect(await summaryCodes(page)).toEqual([]);
    await screenshot(page, 'accepted.png');

    // A second click on an accepted form sends nothing.
    await page.click('button[type="submit"]');
    await page.waitForTimeout(300);
    expect(state.leadPosts).toBe(1);
    expect(server.deliveries.length).toBe(before + 1);
    const [delivery, ...more] = deliveredTo(email);
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({ leadId: accepted.body.leadId, decision: 'accept' });
    expect(delivery!.codes).not.toContain('CONSENT_TEXT_UNKNOWN');
    expect(delivery!.lead).toMatchObject({ firstName: 'Maria', lastName: 'Keller', company: PERSON.company, country: 'DE' });
    // The hash Chromium computed of the label is the one the server registered from the HTML.
    expect(delivery!.lead.consent).toMatchObject({
      given: true,
      renderedChecked: false,
      userInteracted: true,
      textId: 'tallyline-marketing-v1',
      textHash: server.consentTexts[0]!.hash,
      channels: ['email'],
    });
    expect(delivery!.lead.source).toMatchObject({ formId: 'demo-request', utm_source: 'newsletter', utm_campaign: 'q3-demo' });
    expect(delivery!.lead.source?.honeypot ?? '').toBe('');
    expect(typeof delivery!.lead.source?.formToken).toBe('string');
    expect(delivery!.lead.source?.timeOnFormMs).toBeGreaterThanOrEqual(MIN_SUBMIT_MS);
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);
});
