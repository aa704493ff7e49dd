import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession } from './chromium.js';

/** A page of a form-platform test, with the errors it threw. */
export type PlatformPage = Page & { errors: string[] };

/**
 * The Chromium session and the adapter's script-tag build of a form-platform test
 * (HubSpot, Marketo), made once per file, and `open(wiring)`: a landing page served
 * from localhost (a secure context, as a real page on https is, so Web Crypto hashes
 * the consent text) with the platform's stand-in script, the adapter's bundle and the
 * page's own `wiring` script, once the platform has rendered `readySelector`.
 */
export function platformPages(setup: { html: string; platformScript: string; readySelector: string; build(): Promise<{ code: string }> }): { open(wiring: string): Promise<PlatformPage> } {
  let browser: ChromiumSession;
  let bundle: string;

  beforeAll(async () => {
    const [built, session] = await Promise.all([setup.build(), launchChromium()]);
    bundle = built.code;
    browser = session;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(wiring) {
      const page = (await browser.context.newPage()) as PlatformPage;
      page.errors = [];
      page.on('pageerror', (error) => page.errors.push(error.message));
      await page.route('http://localhost:9/**', (route) => route.fulfill({ contentType: 'text/html', body: setup.html }));
      await page.goto('http://localhost:9/demo');
      await page.addScriptTag({ content: setup.platformScript });
      await page.addScriptTag({ content: bundle });
      await page.addScriptTag({ content: wiring });
      await page.waitForSelector(setup.readySelector);
      return page;
    },
  };
}
