import type { Check, CodeSpec } from './check.js';
import { resolveAction, type MotionPreset } from './policy.js';
import type { Action, Dimension } from './types.js';

/**
 * Codes that belong to the gate, not to a check: input that could not be used as
 * given, and checks that could not finish.
 */
export const SYSTEM_CODES = {
  SYSTEM_INPUT_INVALID: {
    message: 'We could not read this submission.',
    meaning: 'The lead was not an object (null, a string, an array, …), so no check could run on it.',
    fix: 'Send the lead as a JSON object or form fields; the integration that produced it is broken.',
  },
  SYSTEM_FIELD_INVALID: {
    message: 'One of the fields could not be read.',
    meaning: 'A field had a type or shape the lead schema does not accept (e.g. an object as a title, "Germany" as a country code, a key such as __proto__); it was dropped and the rest of the lead was checked.',
    fix: 'Send the field in the documented form (strings for text, ISO 3166-1 alpha-2 for country, numbers for employees/revenue).',
  },
  SYSTEM_FIELD_TRUNCATED: {
    message: 'One of the fields was too long and was shortened.',
    meaning: 'A string was longer than 1,000 characters, or a list or record had more than 200 entries; it was cut before any check saw it.',
    fix: 'Shorten the field; a real name, title or company is far below the limit, so this is usually junk or an attack.',
  },
  SYSTEM_CHECK_FAILED: {
    message: 'We could not verify this right now.',
    meaning: 'A check threw an error or a dependency (DNS, a store, a service) failed; the lead is kept and the motion\'s onError action decides.',
    fix: 'Nothing for the lead to fix; the operator should look at the failing dependency. The lead can be re-checked later.',
  },
  SYSTEM_TIMEOUT: {
    message: 'Verification took too long; we will check again later.',
    meaning: 'A check did not finish within its timeout (e.g. a DNS lookup); this says nothing about the lead itself.',
    fix: 'Nothing for the lead to fix; re-check later, or raise timeoutMs if the dependency is slow but healthy.',
  },
} as const satisfies Record<string, CodeSpec>;

export type SystemCode = keyof typeof SYSTEM_CODES;

/** One row of the code catalogue. */
export interface CodeInfo {
  code: string;
  check: string;
  dimension: Dimension | 'system';
  message: string;
  meaning: string;
  fix: string;
  /** The action under each motion given to the catalogue. */
  actions: Record<string, Action>;
}

/**
 * Lists every code of the given checks plus the system codes, with the action each
 * preset gives it. Sorted by dimension, then check, then code, so the output is stable.
 */
export function buildCatalogue(
  checks: readonly Check[],
  presets: readonly MotionPreset[],
  overrides: Readonly<Record<string, Action>> = {},
): CodeInfo[] {
  const rows: CodeInfo[] = [];
  const actionsFor = (code: string) =>
    Object.fromEntries(presets.map((preset) => [preset.name, resolveAction(preset, overrides, code)]));
  for (const check of checks) {
    for (const [code, spec] of Object.entries(check.codes) as [string, CodeSpec][]) {
      rows.push({
        code, check: check.id, dimension: check.dimension,
        message: spec.message, meaning: spec.meaning ?? '', fix: spec.fix ?? '', actions: actionsFor(code),
      });
    }
  }
  for (const [code, spec] of Object.entries(SYSTEM_CODES)) {
    rows.push({ code, check: 'system', dimension: 'system', ...spec, actions: actionsFor(code) });
  }
  const order = { compliance: 0, truth: 1, value: 2, system: 3 };
  return rows.sort((a, b) => order[a.dimension] - order[b.dimension] || a.check.localeCompare(b.check) || a.code.localeCompare(b.code));
}
