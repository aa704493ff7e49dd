import { personalDataDigest } from '../../core/digest.js';
import type { LeadStore } from '../../core/store.js';
import type { VelocityKey, VelocityLimit } from './options.js';

// Submission counters per key in fixed windows (research compliance_source.md §2.4,
// SV-11; OWASP Insufficient Anti-automation:
// https://wiki.owasp.org/index.php/OWASP_Periodic_Table_of_Vulnerabilities_-_Brute_Force_(Generic)_/_Insufficient_Anti-automation).

/** One key whose count passed a limit. */
export interface VelocityExcess {
  key: VelocityKey;
  count: number;
  limit: number;
  windowMs: number;
}

/** The count of every window, for the evidence, and the limits passed (at most one per key). */
export interface VelocityOutcome {
  counts: Partial<Record<VelocityKey, Array<{ windowMs: number; count: number; limit: number }>>>;
  exceeded: VelocityExcess[];
}

/**
 * Counts this submission against every configured window of every key the lead has
 * (`store.hit`, one round trip each, all at once) and says which limits it passed.
 * Store keys are `<prefix>:velocity:<key>:<windowMs>:<salted digest>`: no raw value
 * reaches the store. A failing store rejects, which the gate reports as SYSTEM_CHECK_FAILED.
 */
export async function countVelocity(
  store: LeadStore,
  values: Partial<Record<VelocityKey, string>>,
  limits: Readonly<Record<VelocityKey, readonly VelocityLimit[]>>,
  salt: string,
): Promise<VelocityOutcome> {
  const jobs: Array<Promise<{ key: VelocityKey; limit: VelocityLimit; count: number }>> = [];
  for (const key of Object.keys(limits) as VelocityKey[]) {
    const value = values[key];
    if (value === undefined) continue;
    const digest = personalDataDigest(`${key}:${value}`, salt);
    for (const limit of limits[key]) {
      jobs.push(store.hit(`source:velocity:${key}:${limit.windowMs}:${digest}`, limit.windowMs).then((count) => ({ key, limit, count })));
    }
  }
  const outcome: VelocityOutcome = { counts: {}, exceeded: [] };
  for (const { key, limit, count } of await Promise.all(jobs)) {
    if (typeof count !== 'number' || !Number.isFinite(count)) throw new TypeError('sourceVerification: store.hit must resolve to a number');
    (outcome.counts[key] ??= []).push({ windowMs: limit.windowMs, count, limit: limit.limit });
    if (count > limit.limit && !outcome.exceeded.some((excess) => excess.key === key)) {
      outcome.exceeded.push({ key, count, limit: limit.limit, windowMs: limit.windowMs });
    }
  }
  return outcome;
}
