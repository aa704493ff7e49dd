// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import { codesShownFor, fill, settle, until } from '../dom/harness.js';
import { createGate, MOTION_NAMES } from '../../src/index.js';

interface LeadGateGlobal {
  createGate(options: { motion: string }): {
    checks: ReadonlyArray<{ id: string }>;
    validateSync(lead: unknown): { decision: string; reasons: Array<{ code: string }> };
    actionFor(code: string): string;
    codes(): Array<{ code: string }>;
  };
  attachGate: unknown;
  observeForms: unknown;
  beaconSink: unknown;
  checks: string[];
  stopAutoBinding(): void;
}
const global = () => (globalThis as unknown as { LeadGate: LeadGateGlobal }).LeadGate;

beforeAll(async () => {
  const { code } = await buildBrowser({ write: false });
  document.body.innerHTML = '';
  // The bound forms ask for a form token; no server here, so the answer is "none".
  globalThis.fetch = (async () => new Response(null, { status: 503 })) as typeof fetch;
  // A classic <script> defines `var LeadGate` on window; eval of strict code would keep
  // it local, so the test hands it over itself.
  (globalThis as Record<string, unknown>).LeadGate = new Function(`${code}\n;return LeadGate;`)();
}, 60_000);
afterAll(() => global().stopAutoBinding());

describe('the script-tag build, run in a page', () => {
  it('gives every code its gate can produce the same action as the server preset (the build cuts only other checks\' rows)', () => {
    for (const motion of MOTION_NAMES) {
      const browser = global().createGate({ motion });
      const server = createGate({ motion });
      const codes = browser.codes().map((row) => row.code);
      expect(codes).toContain('EMAIL_DISPOSABLE');
      expect(codes).toContain('SYSTEM_CHECK_FAILED');
      for (const code of codes) expect(browser.actionFor(code), `${motion} ${code}`).toBe(server.actionFor(code));
    }
  });

  it('exposes window.LeadGate with a gate that runs the email check only', () => {
    expect(Object.keys(global()).sort()).toEqual(['attachGate', 'beaconSink', 'checks', 'createGate', 'memorySink', 'motions', 'observeForms', 'stopAutoBinding']);
    expect(global().checks).toEqual(['email']);
    const gate = global().createGate({ motion: 'abm' });
    expect(gate.checks.map((check) => check.id)).toEqual(['email']);
    expect(gate.validateSync({ email: 'jane@mailinator.com' }).reasons.map((reason) => reason.code)).toEqual(['EMAIL_DISPOSABLE']);
    expect(gate.validateSync({ email: 'jane@gmial.com' }).reasons.map((reason) => reason.code)).toContain('EMAIL_TYPO');
    // A real provider one edit from a big one is not "corrected", as on the server (near miss of EMAIL_TYPO).
    expect(gate.validateSync({ email: 'jane@hotmail.gr' }).reasons.map((reason) => reason.code)).not.toContain('EMAIL_TYPO');
    expect(gate.validateSync({ email: 'info@acme-industries.com' }).reasons.map((reason) => reason.code)).toEqual(['EMAIL_ROLE_ACCOUNT']);
    expect(() => global().createGate({ motion: 'nope' })).toThrow(expect.objectContaining({ name: 'LeadGateError', option: 'motion' }));
  });

  it('binds <form data-leadgate> by itself, also when the form appears later', async () => {
    document.body.insertAdjacentHTML('beforeend', `
      <form id="late" data-leadgate="inbound" data-leadgate-endpoint="/leads" data-leadgate-form-id="landing">
        <input id="email" name="email" type="email">
      </form>`);
    const form = document.getElementById('late') as HTMLFormElement;
    await until(() => form.querySelector('input[name="lg_hp"]') !== null);
    fill({ email: 'jane@mailinator.com' });
    expect(codesShownFor('email')).toEqual(['EMAIL_DISPOSABLE']);
    form.remove();
    await settle(5);
    expect(form.querySelector('input[name="lg_hp"]')).toBeNull();
  });
});
