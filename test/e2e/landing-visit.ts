import type { BrowserContext, Page, Response } from 'playwright-core';
import { expect } from 'vitest';

// What the end-to-end tests of the landing pages share: a visit that records the page's
// requests and errors, a person filling the demo form, a submit that waits for the
// server's answer, and readers of the codes the page shows. Both pages (the script-tag
// one and the React one) use the same field ids and put the form's state in
// `data-leadgate-state`.

export const PERSON = { firstName: 'Maria', lastName: 'Keller', title: 'Head of Procurement', company: 'Northwind Logistics', phone: '+49 30 901820', country: 'DE' };

/** A page of the test's own, with what it posts to /leads and every error it logs. */
export interface Visit {
  page: Page;
  /** When the page got its latest form token: the server's clock for SOURCE_TOO_FAST starts about then. */
  tokenAt: number;
  leadPosts: number;
  errors: string[];
}

export const isTokenResponse = (response: Response) => new URL(response.url()).pathname === '/form-token' && response.request().method() === 'POST';
export const isLeadResponse = (response: Response) => new URL(response.url()).pathname === '/leads' && response.request().method() === 'POST';

/** Opens `url` and waits until the binding is in place: the form token came and the honeypot is attached. */
export async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
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
  await page.goto(url);
  expect((await token).status()).toBe(200);
  await page.locator('input[name="lg_hp"]').waitFor({ state: 'attached' });
  return state;
}

export async function fillLikeAPerson(page: Page, email: string, person = PERSON): Promise<void> {
  await page.fill('#first-name', person.firstName);
  await page.fill('#last-name', person.lastName);
  await page.fill('#email', email);
  await page.fill('#title', person.title);
  await page.fill('#company', person.company);
  await page.fill('#phone', person.phone);
  await page.selectOption('#country', person.country);
}

/** A person takes longer than the minimum; the test waits only as long as it must. */
export async function waitPastMinimum(state: Visit, minSubmitMs: number): Promise<void> {
  const wait = state.tokenAt + minSubmitMs + 250 - Date.now();
  if (wait > 0) await state.page.waitForTimeout(wait);
}

/** Clicks submit and waits for the server's answer and for the page to show it. */
export async function submit(state: Visit): Promise<{ status: number; body: Record<string, unknown> }> {
  const { page } = state;
  const answer = page.waitForResponse(isLeadResponse);
  const nextToken = page.waitForResponse(isTokenResponse);
  await page.click('button[type="submit"]');
  const response = await answer;
  await nextToken; // the binding fetches a fresh single-use token after every send
  await page.waitForFunction(() => ['accepted', 'rejected', 'error'].includes(document.querySelector('form')?.getAttribute('data-leadgate-state') ?? ''));
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/** The codes shown beside a control: those in the elements its `aria-describedby` names. */
export const codesBeside = (page: Page, id: string) =>
  page.evaluate((controlId) => {
    const refs = (document.getElementById(controlId)?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return refs.flatMap((ref) => Array.from(document.getElementById(ref)?.querySelectorAll('[data-leadgate-code]') ?? [], (element) => element.getAttribute('data-leadgate-code')));
  }, id);
export const summaryCodes = (page: Page) => page.$$eval('[role="alert"] [data-leadgate-code]', (elements) => elements.map((element) => element.getAttribute('data-leadgate-code')));
export const formState = (page: Page) => page.getAttribute('form', 'data-leadgate-state');
