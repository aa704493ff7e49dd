import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LandingServer } from '../../src/node/landing-server.js';
import { codesBeside, fillLikeAPerson, formState, PERSON, submit, summaryCodes, waitPastMinimum, type Visit } from './landing-visit.js';

// The scenarios every landing page with leadgate must pass, whichever binding it uses
// (the script tag in examples/landing-page, useLeadGate in examples/react-next): the
// same form, the same server, the same outcomes.

/** A landing page under test: how to open it, its server, and where screenshots go. */
export interface LandingScene {
  visit(query?: string): Promise<Visit>;
  server: LandingServer;
  minSubmitMs: number;
  screenshot(page: Page, name: string): Promise<unknown>;
}

const deliveredTo = (scene: LandingScene, email: string) => scene.server.deliveries.filter((delivery) => delivery.lead.email === email);

/** A disposable address is shown beside the field, and the submit stays in the page: no request, focus on the field. */
export async function disposableAddressIsStopped(scene: LandingScene, shot: string): Promise<void> {
  const state = await scene.visit();
  const { page } = state;
  await fillLikeAPerson(page, 'maria@guerrillamail.com');
  await page.waitForFunction(() => document.getElementById('email')?.getAttribute('aria-invalid') === 'true');
  expect(await codesBeside(page, 'email')).toEqual(['EMAIL_DISPOSABLE']);
  expect(await page.locator('.leadgate-messages [data-leadgate-code="EMAIL_DISPOSABLE"]').isVisible()).toBe(true);

  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('form')?.getAttribute('data-leadgate-state') === 'invalid');
  expect(await summaryCodes(page)).toEqual(['EMAIL_DISPOSABLE']);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
  await scene.screenshot(page, shot);
  expect(state.leadPosts).toBe(0);
  expect(deliveredTo(scene, 'maria@guerrillamail.com')).toEqual([]);
  expect(state.errors).toEqual([]);
  await page.close();
}

/** A mistyped mail provider gets a "Did you mean …?" button that fixes the field with one click. */
export async function typoIsFixedWithOneClick(scene: LandingScene, shot: string): Promise<void> {
  const state = await scene.visit();
  const { page } = state;
  await page.fill('#email', 'maria.keller@outlok.com');
  await page.press('#email', 'Tab');
  const suggestion = page.locator('.leadgate-messages [data-leadgate-code="EMAIL_TYPO"] button.leadgate-suggestion');
  await suggestion.waitFor({ state: 'visible' });
  expect(await codesBeside(page, 'email')).toContain('EMAIL_TYPO');
  expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
  await scene.screenshot(page, shot);

  await suggestion.click();
  expect(await page.inputValue('#email')).toBe('maria.keller@outlook.com');
  await page.waitForFunction(() => document.getElementById('email')?.getAttribute('aria-invalid') !== 'true');
  expect(await codesBeside(page, 'email')).not.toContain('EMAIL_TYPO');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
  expect(state.errors).toEqual([]);
  await page.close();
}

/** A proper lead is accepted, and exactly one lead is delivered, with the evidence the page collected. */
export async function goodLeadIsDelivered(scene: LandingScene, shot: string): Promise<void> {
  const email = 'maria.keller@northwind-logistics.de';
  const before = scene.server.deliveries.length;
  const state = await scene.visit('?utm_source=newsletter&utm_campaign=q3-demo');
  const { page } = state;
  await fillLikeAPerson(page, email);
  await page.check('#consent');
  await waitPastMinimum(state, scene.minSubmitMs);

  const accepted = await submit(state);
  expect(accepted.status).toBe(200);
  expect(accepted.body.decision).toBe('accept');
  expect(await formState(page)).toBe('accepted');
  expect(await page.locator('[role="status"] p').isVisible()).toBe(true);
  expect(await summaryCodes(page)).toEqual([]);
  await scene.screenshot(page, shot);

  // A second click on an accepted form sends nothing.
  await page.click('button[type="submit"]');
  await page.waitForTimeout(300);
  expect(state.leadPosts).toBe(1);
  expect(scene.server.deliveries.length).toBe(before + 1);
  const [delivery, ...more] = deliveredTo(scene, email);
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
    textHash: scene.server.consentTexts[0]!.hash,
    channels: ['email'],
  });
  expect(delivery!.lead.source).toMatchObject({ formId: 'demo-request', utm_source: 'newsletter', utm_campaign: 'q3-demo' });
  expect(delivery!.lead.source?.honeypot ?? '').toBe('');
  expect(typeof delivery!.lead.source?.formToken).toBe('string');
  expect(delivery!.lead.source?.timeOnFormMs).toBeGreaterThanOrEqual(scene.minSubmitMs);
  expect(state.errors).toEqual([]);
  await page.close();
}
