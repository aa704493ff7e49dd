import type { ConsentText } from './options.js';
import { parseInstant, type ConsentRecord } from './read-consent.js';

// The registry of approved consent texts (research CP-03): the form sends the id and the
// SHA-256 of the text it rendered; the text must be registered and in force when consent
// was captured, so the business can show "exactly what they were told" (ICO; TSR
// 16 CFR 310.5(a)(8): a copy of the request in the same manner and format).

/** Why a consent text did not match the registry; `undefined` when it did. */
export type TextProblem = 'unknown_id' | 'unknown_hash' | 'hash_missing' | 'hash_mismatch' | 'not_in_force';

/** Looks the record's text up in the registry (by id, else by hash alone). */
export function textProblem(registry: ReadonlyMap<string, readonly ConsentText[]>, consent: ConsentRecord, now: number): TextProblem | undefined {
  const { textId, textHash } = consent;
  let candidates: readonly ConsentText[];
  if (textId !== undefined) {
    const versions = registry.get(textId);
    if (!versions) return 'unknown_id';
    if (textHash === undefined) return 'hash_missing';
    candidates = versions.filter((text) => text.hash === textHash);
    if (candidates.length === 0) return 'hash_mismatch';
  } else {
    candidates = [...registry.values()].flat().filter((text) => text.hash === textHash);
    if (candidates.length === 0) return 'unknown_hash';
  }
  // A record without a capture time is judged at the time of the check (and is incomplete anyway).
  const at = parseInstant(consent.capturedAt) ?? now;
  const inForce = candidates.some((text) => {
    const from = parseInstant(text.validFrom);
    const to = parseInstant(text.validTo);
    return (from === undefined || at >= from) && (to === undefined || at < to);
  });
  return inForce ? undefined : 'not_in_force';
}
