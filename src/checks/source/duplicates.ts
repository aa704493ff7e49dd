import { personalDataDigest } from '../../core/digest.js';
import type { LeadStore } from '../../core/store.js';

// The same person within a lookback window (research compliance_source.md §2.4 and
// SV-12): email normalised with provider rules, phone as E.164. Two sources sending one
// person is an attribution question for a human (research §3 item 9).

/** The start of every store key a duplicate mark uses (the audit's workers defer those marks). */
export const DUPLICATE_KEY_PREFIX = 'source:duplicate:';

/** The person keys duplicates are judged by. */
export type DuplicateKey = 'email' | 'phone';

/**
 * Records the lead's email and phone for `lookbackMs` (`store.seen`, atomic, so two
 * servers racing on one person cannot both see it as new) and returns the keys that
 * were already there. Both keys are always recorded, so a later lead matching on either
 * is found. Store keys are `source:duplicate:<key>:<salted digest>`.
 */
export async function findDuplicates(
  store: LeadStore,
  values: Partial<Record<DuplicateKey, string>>,
  lookbackMs: number,
  salt: string,
): Promise<DuplicateKey[]> {
  const keys = (['email', 'phone'] as const).filter((key) => values[key] !== undefined);
  const seen = await Promise.all(
    keys.map((key) => store.seen(`${DUPLICATE_KEY_PREFIX}${key}:${personalDataDigest(`${key}:${values[key]}`, salt)}`, lookbackMs)),
  );
  return keys.filter((_, index) => seen[index] === true);
}
