import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's `chromium` package. playwright-core never downloads a browser of its own here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the browser is installed. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/**
 * `describe` for tests that need a real Chromium. Without `/usr/bin/chromium` the block
 * fails under CI (`CI=true`: .ci/run installs it, so its absence is a broken CI), and
 * is skipped with a loud message on a laptop, so `npm test` still runs the rest.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (chromiumAvailable) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs /usr/bin/chromium (CI installs it in .ci/run)', () => {
        throw new Error(`${CHROMIUM_PATH} is missing, and CI=true: the end-to-end tests must run in CI`);
      });
    });
  } else {
    console.warn(`\n*** SKIPPED "${name}": ${CHROMIUM_PATH} is missing. Install it (apt-get install chromium) to run the end-to-end tests. ***\n`);
    describe.skip(name, body);
  }
}

/** A headless Chromium with a fresh profile, and how to get rid of both. */
export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a profile of its own (deleted on `close`). The flags
 * keep it from phoning home: without `--disable-background-networking` and
 * `--disable-component-update` its own connections are refused on this network and
 * slow every start; `--no-sandbox` because the tests run as root in a container.
 */
export async function launchChromium(): Promise<ChromiumSession> {
  const profile = await mkdtemp(join(tmpdir(), 'leadgate-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 900 },
      locale: 'en-GB',
      timeout: 30_000,
    });
    context.setDefaultTimeout(10_000);
    return {
      context,
      async close() {
        await context.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
