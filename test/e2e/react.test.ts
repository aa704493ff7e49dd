import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildReactPreview } from '../../examples/react-next/preview/build.mjs';
import { startLandingServer, type LandingServer } from '../../src/node/landing-server.js';
import { describeWithChromium, launchChromium, type ChromiumSession } from './chromium.js';
import {
  codesBeside, fillLikeAPerson, submit, summaryCodes, visit as visitPage, waitPastMinimum as waitPastMinimumOf, type Visit,
} from './landing-visit.js';
import { disposableAddressIsStopped, goodLeadIsDelivered, typoIsFixedWithOneClick, type LandingScene } from './landing-scenarios.js';

// The React example end to end: examples/react-next/app/demo/page.tsx rendered on the
// server and hydrated in a real Chromium (built by its preview script with esbuild),
// served by startLandingServer with the real handler, as `npm run example:react` does.

const here = dirname(fileURLToPath(import.meta.url));
const MIN_SUBMIT_MS = 1000;
const SCREENSHOTS = process.env.LEADGATE_UPDATE_SCREENSHOTS === '1' ? join(here, '__screenshots__') : join(tmpdir(), 'leadgate-e2e-screenshots');

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

  const visit = (query = '') => visitPage(browser.context, `${server.url}${query}`);
  const waitPastMinimum = (state: Visit) => waitPastMinimumOf(state, MIN_SUBMIT_MS);
  const deliveredTo = (email: string) => server.deliveries.filter((delivery) => delivery.lead.email === email);
  const screenshot = (page: Page, name: string) => page.locator('#demo').screenshot({ path: join(SCREENSHOTS, name), animations: 'disabled', caret: 'hide' });
  const scene: LandingScene = { visit, get server() { return server; }, minSubmitMs: MIN_SUBMIT_MS, screenshot };

  it('a disposable address is shown beside the field and the submit is stopped in the page', () => disposableAddressIsStopped(scene, 'react-disposable-email.png'), 30_000);

  it('a mistyped mail provider is fixed with one click on "Did you mean …?"', () => typoIsFixedWithOneClick(scene, 'react-typo-suggestion.png'), 30_000);

  it('a consent box ticked in the server HTML before hydration counts as pre-ticked: the lead is kept, the consent stripped', async () => {
    // Research CP-01 for inbound (preset 1.2.0): a flag, so neither the browser nor the server stops the visitor.
    const email = 'lena.fischer@northwind-logistics.de';
    const state = await visit('?consent=prechecked');
    const { page } = state;
    expect(await page.isChecked('#consent')).toBe(true);
    await fillLikeAPerson(page, email);
    await waitPastMinimum(state);
    const kept = await submit(state);
    expect(kept.status).toBe(200);
    expect(kept.body.decision).toBe('accept');
    await screenshot(page, 'react-consent-preticked.png');
    const [delivery, ...more] = deliveredTo(email);
    expect(more).toEqual([]);
    expect(delivery?.lead.consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: false });
    expect(delivery?.codes).toEqual(expect.arrayContaining(['CONSENT_PRETICKED', 'CONSENT_MISSING']));

    // Near miss: untick, then tick again. The last tick is the visitor's own act.
    const again = 'lena.fischer+again@northwind-logistics.de';
    const second = await visit('?consent=prechecked');
    await fillLikeAPerson(second.page, again);
    await second.page.uncheck('#consent');
    await second.page.check('#consent');
    await waitPastMinimum(second);
    const accepted = await submit(second);
    expect(accepted.status).toBe(200);
    const [consented] = deliveredTo(again);
    expect(consented?.lead.consent).toMatchObject({ given: true, renderedChecked: true, userInteracted: true });
    expect(consented?.codes).not.toContain('CONSENT_PRETICKED');
    expect(state.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await page.close();
    await second.page.close();
  }, 45_000);

  it('a good lead is submitted, accepted and delivered once, with the evidence the page collected', () => goodLeadIsDelivered(scene, 'react-accepted.png'), 30_000);
});
