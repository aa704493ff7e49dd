/**
 * Behavioural intent: a time-decayed sum of points per signal (research value_truth.md
 * §3.2: HubSpot, Marketo and Relias score engagement separately from fit, add and
 * subtract points per activity, and decay old activity).
 */

/**
 * One entry of `lead.behaviour`, as the ICP check reads it. Every field is read
 * defensively: an entry of another shape is counted as ignored, never an error.
 *
 * - `type`: the signal, e.g. `page_visit`, `content_download`, `pricing_view`,
 *   `event_registered`, `event_attended`, `form_submit`, `email_click`, `trial_signup`,
 *   `demo_request`, and the negative `careers_visit`, `unsubscribe`. Case, spaces and
 *   hyphens do not matter (`"Pricing View"` is `pricing_view`). Types the profile gives
 *   no points are ignored.
 * - `at`: when it happened, an ISO 8601 string (or epoch milliseconds). An entry without
 *   a readable time cannot be decayed and is ignored; one more than a day in the future is
 *   ignored too (a day of clock skew is forgiven).
 * - `url`: optional, for your own records; the check does not read it.
 */
export interface BehaviourSignal {
  type: string;
  at: string | number;
  url?: string;
  [key: string]: unknown;
}

/** How intent is computed: points per type, half-life, and the per-type cap. */
export interface IntentSettings {
  signals: ReadonlyMap<string, number>;
  halfLifeDays: number;
  maxSignalsPerType: number;
}

/** What {@link scoreIntent} found. */
export interface IntentResult {
  /** The decayed sum, never below 0, rounded to one decimal. */
  score: number;
  /** Signals that counted (after the per-type cap). */
  counted: number;
  /** Signals that could not be counted, by reason. */
  ignored: { malformed: number; unknownType: number; undated: number; future: number; overCap: number };
  /** Per type: how many counted and the points they added (negative for negative signals). */
  byType: Record<string, { count: number; points: number }>;
}

const DAY_MS = 86_400_000;
const MAX_SKEW_MS = DAY_MS;

/** `"Pricing View"`, `"pricing-view"` → `pricing_view`. */
export function normalizeSignalType(type: string): string {
  return type.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Scores a lead's behaviour against `now`: each signal earns its type's points ×
 * 0.5^(age in days / half-life), so a signal one half-life old counts half. Of each type,
 * only the `maxSignalsPerType` strongest contributions count (Marketo caps occurrences per
 * activity type, research §3.2). Negative signals subtract; the total never goes below 0.
 *
 * @example
 * scoreIntent([{ type: 'content_download', at: '2026-10-24T12:00:00Z' }], new Date('2026-11-23T12:00:00Z'), settings)
 * // { score: 10, … } with content_download = 20 points and a 30-day half-life
 */
export function scoreIntent(behaviour: readonly unknown[] | undefined, now: Date, settings: IntentSettings): IntentResult {
  const ignored = { malformed: 0, unknownType: 0, undated: 0, future: 0, overCap: 0 };
  const contributions = new Map<string, number[]>();
  const nowMs = now.getTime();
  for (const entry of behaviour ?? []) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      ignored.malformed += 1;
      continue;
    }
    const { type: rawType, at } = entry as Record<string, unknown>;
    if (typeof rawType !== 'string') {
      ignored.malformed += 1;
      continue;
    }
    const type = normalizeSignalType(rawType);
    const points = settings.signals.get(type);
    if (points === undefined || points === 0) {
      ignored.unknownType += 1;
      continue;
    }
    const atMs = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : Number.NaN;
    if (!Number.isFinite(atMs)) {
      ignored.undated += 1;
      continue;
    }
    if (atMs - nowMs > MAX_SKEW_MS) {
      ignored.future += 1;
      continue;
    }
    const ageDays = Math.max(0, nowMs - atMs) / DAY_MS;
    const value = points * 0.5 ** (ageDays / settings.halfLifeDays);
    const list = contributions.get(type);
    if (list) list.push(value);
    else contributions.set(type, [value]);
  }
  let sum = 0;
  let counted = 0;
  const byType: IntentResult['byType'] = {};
  for (const [type, values] of contributions) {
    // Over the cap, the strongest (the most recent) count; under it, all do, unsorted.
    const kept = values.length <= settings.maxSignalsPerType ? values : values.sort((a, b) => Math.abs(b) - Math.abs(a)).slice(0, settings.maxSignalsPerType);
    ignored.overCap += values.length - kept.length;
    const points = kept.reduce((total, value) => total + value, 0);
    byType[type] = { count: kept.length, points: round1(points) };
    sum += points;
    counted += kept.length;
  }
  return { score: Math.max(0, round1(sum)), counted, ignored, byType };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
