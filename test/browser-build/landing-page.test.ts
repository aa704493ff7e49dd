// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import { mapFields } from '../../src/dom/field-map.js';
import { codesShownFor, fill, until } from '../dom/harness.js';

const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../examples/landing-page/index.html'), 'utf8');
let stop: () => void;

beforeAll(async () => {
  // The page as parsed, minus what happy-dom would fetch (the stylesheet, the script: run below).
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '')
    .replace(/<link [^>]*>|<script [^>]*><\/script>/g, '');
  globalThis.fetch = (async () => new Response(null, { status: 503 })) as typeof fetch;
  const { code } = await buildBrowser({ write: false });
  const LeadGate = new Function(`${code}\n;return LeadGate;`)() as { stopAutoBinding(): void };
  stop = () => LeadGate.stopAutoBinding();
}, 60_000);
afterAll(() => stop());

describe('examples/landing-page', () => {
  it('loads the script-tag build and binds its form to the inbound motion and /leads', () => {
    expect(html).toContain('<script src="/leadgate.global.js" defer></script>');
    const form = document.querySelector('form')!;
    expect(form.getAttribute('data-leadgate')).toBe('inbound');
    expect(form.getAttribute('data-leadgate-endpoint')).toBe('/leads');
  });

  it('has a control for every lead field the issue names, found by name and autocomplete', () => {
    const form = document.querySelector('form')!;
    expect([...mapFields(form, {}, new Set()).keys()].sort()).toEqual(['company', 'country', 'email', 'firstName', 'lastName', 'phone', 'title']);
    const consent = form.querySelector<HTMLInputElement>('[data-leadgate-consent]')!;
    expect(consent.checked).toBe(false); // never pre-ticked
    expect(consent.getAttribute('data-leadgate-consent-text-id')).toBeTruthy();
    expect(consent.labels?.[0]?.textContent).toMatch(/unsubscribe/);
  });

  it('gives the visitor instant feedback on a disposable address', async () => {
    const form = document.querySelector('form')!;
    await until(() => form.querySelector('input[name="lg_hp"]') !== null);
    fill({ email: 'jane@guerrillamail.com' });
    expect(codesShownFor('email')).toEqual(['EMAIL_DISPOSABLE']);
  });
});
