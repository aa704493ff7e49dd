import type { Check } from '../core/check.js';
import { assembleGate, type Gate } from '../core/gate.js';
import type { GateOptions } from '../core/gate-options.js';
import type { MotionPreset } from '../core/policy.js';
import { emailValidity } from '../checks/email/index.js';
import { motions } from '../motions/index.js';

/**
 * The built-in checks the script-tag build carries. Chosen by measuring the gzip size
 * of dist/leadgate.global.js against its 25 KB ceiling (README, "In the browser"):
 * the email check fits (with short domain lists, swapped in by scripts/build-browser.mjs);
 * the phone check needs libphonenumber metadata (29 KB gzip even as `/min`) and the
 * role check's title dictionary is ~8 KB gzip, so both run on the server only.
 */
export const BROWSER_CHECKS: Readonly<Record<string, (options: Record<string, unknown>) => Check>> = Object.freeze({
  email: emailValidity as (options: Record<string, unknown>) => Check,
});

/**
 * `createGate` for the script-tag build: the same options and motions, with the checks
 * of the motion that the browser carries ({@link BROWSER_CHECKS}); the others are the
 * server's. Its verdict is advisory, for feedback as the visitor types.
 *
 * @example
 * const gate = LeadGate.createGate({ motion: 'inbound' });
 */
export function createBrowserGate(options: GateOptions): Gate {
  return assembleGate(options, { presets: motions, checksFor: browserChecksFor });
}

function browserChecksFor(preset: MotionPreset): Check[] {
  return Object.entries(preset.checks).flatMap(([id, checkOptions]) => {
    const factory = BROWSER_CHECKS[id];
    return factory ? [factory({ ...checkOptions })] : [];
  });
}
