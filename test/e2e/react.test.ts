import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildReactPreview } from '../../examples/react-next/preview/build.mjs';
import { startLandingServer, type LandingServer } from '../../src/node/landing-server.js';
import { describeWithChromium, launchChromium, type ChromiumSession } from './chromium.js';

// The React example end to end: examples/react-next/app/demo/page.tsx rendered on the
// server and hydrated in a real Chromium (built by its preview script with esbuild),
// served by startLandingServer with the real handler, as `npm run example:react` does.

const here = dirname(fileURLToPath(import.meta.url));
const MIN_SUBMIT_MS = 1000;
const SCREENSHOTS = process.env.LEADGATE_UPDATE_SCREENSHOTS === '1' ? join(here, '__screenshots__') : join(tmpdir(), 'leadgate-e2e-screenshots');
const PERSON = { firstName: 'Maria', lastName: 'Keller', title: 'Head of Procurement', company: 'Northwind Logistics', phone: '+49 30 901820', country: 'DE' };

describeWithChromium('React page in Chromium (examples/react-next)', () => {
  let server: LandingServer;
  let browser: ChromiumSession;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'leadgate-react-e2e-'));
    const [{ script }, session] = await Promise.all([buildReactPreview({ outDir: root }), launchChromium()]);
    browser = session;
    server = await startLandingServer({ root, script: { code: script }, port: 0, formId: 'demo-request', minSubmitMs: MIN_SUBMIT_MS, onEvent: () => undefined });
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  interface Visit {
    page: Page;
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
      if (message.type() === 'error' && !/status of 422/.test(message.text())) state.errors.push(message.text());
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
    // Hydrated and mounted: the hook renders its honeypot only then.
    await page.locator('input[name="lg_hp"]').waitFor({ state: 'attached' });
    return state;
  }

  async function fillLikeAPerson(page: Page, email: string): Promise<void> {
    await page.fill('#firstName', PERSON.firstName);
    await page.fill('#lastName', PERSON.lastName);
    await page.fill('#email', email);
    await page.fill('#title', PERSON.title);
    await page.fill('#company', PERSON.company);
    await page.fill('#phone', PERSON.phone);
    await page.selectOption('#country', PERSON.country);
  }

  async function waitPastMinimum(state: Visit): Promise<void> {
    const wait = state.tokenAt + MIN_SUBMIT_MS + 250 - Date.now();
    if (wait > 0) await state.page.waitForTimeout(wait);
  }

  async function submit(state: Visit): Promise<{ status: number; body: Record<string, unknown> }> {
    const { page } = state;
    const answer = page.waitForResponse(isLeadResponse);
    const nextToken = page.waitForResponse(isTokenResponse);
    await page.click('button[type="submit"]');
    const response = await answer;
    await nextToken;
    await page.waitForFunction(() => ['accepted', 'rejected', 'error'].includes(document.querySelector('form')?.getAttribute('data-state') ?? ''));
    return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
  }

  const codesBeside = (page: Page, id: string) =>
    page.evaluate((controlId) => {
      const refs = (document.getElementById(controlId)?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return refs.flatMap((ref) => Array.from(document.getElementById(ref)?.querySelectorAll('[data-leadgate-code]') ?? [], (element) => element.getAttribute('data-leadgate-code')));
    }, id);
  const summaryCodes = (page: Page) => page.$$eval('[role="alert"] [data-leadgate-code]', (elements) => elements.map((element) => element.getAttribute('data-leadgate-code')));
  const formState = (page: Page) => page.getAttribute('form', 'data-state');
  const deliveredTo = (email: string) => server.deliveries.filter((delivery) => delivery.lead.email === email);
  const screenshot = (page: Page, name: string) => page.locator('#demo').screenshot({ path: join(SCREENSHOTS, name), animations: 'disabled', caret: 'hide' });

  it('a disposable address is shown beside the field and the submit is stopped in the page', async () => {
    const state = await visit();
    const { page } = state;
    await fillLikeAPerson(page, 'maria@guerrillamail.com');
    await page.waitForFunction(() => document.getElementById('email')?.getAttribute('aria-invalid') === 'true');
    expect(await codesBeside(page, 'email')).toEqual(['EMAIL_DISPOSABLE']);
    expect(await page.locator('[data-leadgate-code="EMAIL_DISPOSABLE"]').first().isVisible()).toBe(true);

    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('form')?.getAttribute('data-state') === 'invalid');
    expect(await summaryCodes(page)).toEqual(['EMAIL_DISPOSABLE']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await screenshot(page, 'react-disposable-email.png');
    expect(state.leadPosts).toBe(0);
    expect(deliveredTo('maria@guerrillamail.com')).toEqual([]);
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('a mistyped mail provider is fixed with one click on "Did you mean …?"', async () => {
    const state = await visit();
    const { page } = state;
    await page.fill('#email', 'maria.keller@outlok.com');
    await page.press('#email', 'Tab');
    const suggestion = page.locator('[data-leadgate-code="EMAIL_TYPO"] button.leadgate-suggestion');
    await suggestion.waitFor({ state: 'visible' });
    expect(await codesBeside(page, 'email')).toEqual(['EMAIL_TYPO']);
    await screenshot(page, 'react-typo-suggestion.png');

    await suggestion.click();
    expect(await page.inputValue('#email')).toBe('maria.keller@outlook.com');
    await page.waitForFunction(() => document.getElementById('email')?.getAttribute('aria-invalid') !== 'true');
    expect(await codesBeside(page, 'email')).not.toContain('EMAIL_TYPO');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('a consent box ticked in the server HTML before hydration counts as pre-ticked: stopped beside the box until the visitor ticks it', async () => {
    const email = 'lena.fischer@northwind-logistics.de';
    const state = await visit('?consent=prechecked');
    const { page } = state;
    expect(await page.isChecked('#consent')).toBe(true);
    await fillLikeAPerson(page, email);
    await waitPastMinimum(state);
    // The page's gate runs the consent check too (leadgate/react with createGate), so the browser stops it first.
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('form')?.getAttribute('data-state') === 'invalid');
    expect(await codesBeside(page, 'consent')).toEqual(['CONSENT_PRETICKED']);
    expect(await summaryCodes(page)).toEqual(['CONSENT_PRETICKED']);
    expect(await page.getAttribute('#consent', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('consent');
    expect(state.leadPosts).toBe(0);
    await screenshot(page, 'react-consent-preticked.png');

    // As the message asks: untick, then tick again. The last tick is the visitor's own act.
    await page.uncheck('#consent');
    await page.check('#consent');
    const accepted = await submit(state);
    expect(accepted.status).toBe(200);
    const [delivery, ...more] = deliveredTo(email);
    expect(more).toEqual([]);
    expect(delivery?.lead.consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: true });
    expect(delivery?.codes).not.toContain('CONSENT_PRETICKED');
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('a good lead is submitted, accepted and delivered once, with the evidence the page collected', async () => {
    const email = 'maria.keller@northwind-logistics.de';
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
    await screenshot(page, 'react-accepted.png');

    // A second click on an accepted form sends nothing.
    await page.click('button[type="submit"]');
    await page.waitForTimeout(300);
    expect(state.leadPosts).toBe(1);
    const [delivery, ...more] = deliveredTo(email);
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({ leadId: accepted.body.leadId, decision: 'accept' });
    expect(delivery!.lead).toMatchObject({ firstName: 'Maria', lastName: 'Keller', company: PERSON.company, country: 'DE' });
    // The hash Chromium computed of the rendered label is the one the server registered from the server-rendered HTML.
    expect(delivery!.lead.consent).toMatchObject({
      given: true, renderedChecked: false, userInteracted: true, textId: 'tallyline-marketing-v1', textHash: server.consentTexts[0]!.hash, channels: ['email'],
    });
    expect(delivery!.lead.source).toMatchObject({ formId: 'demo-request', utm_source: 'newsletter', utm_campaign: 'q3-demo' });
    expect(delivery!.lead.source?.honeypot ?? '').toBe('');
    expect(typeof delivery!.lead.source?.formToken).toBe('string');
    expect(delivery!.lead.source?.timeOnFormMs).toBeGreaterThanOrEqual(MIN_SUBMIT_MS);
    expect(state.errors).toEqual([]);
    await page.close();
  }, 30_000);
});
