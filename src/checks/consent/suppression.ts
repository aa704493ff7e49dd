import { sha256Hex } from '../../core/digest.js';
import type { LeadStore } from '../../core/store.js';
import { parsePhone } from '../phone/parse-phone.js';

// The suppression list: people who opted out or objected (GDPR Art. 21(3), CAN-SPAM,
// TCPA revocation, Spam Act; research CP-09). A list is imported once and matched by
// every server, so its digests depend only on the value and a salt, never on the
// process; the store only ever sees digests, never an address or a number.

/** The store list the consent check reads. */
export const SUPPRESSION_LIST = 'suppression';

/** What a suppression entry identifies. */
export type SuppressionKind = 'email' | 'phone';

/**
 * The normalised form a suppression digest is computed over: an email trimmed and
 * lower-cased; a phone in E.164 (`+442079460958`), read from international notation.
 * `undefined` when the value cannot be normalised (no `@`, not a phone number).
 */
export function normalizeSuppressionValue(kind: SuppressionKind, value: string, country?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (kind === 'email') {
    const email = value.trim().toLowerCase();
    return email.includes('@') ? email : undefined;
  }
  const number = parsePhone(value, country);
  return number?.isPossible() ? number.number : undefined;
}

/**
 * The digest under which an email or phone sits on the suppression list: SHA-256 over
 * `salt:kind:normalised value`. Stable across processes, so a list imported by one server
 * is matched by all of them. `undefined` when the value cannot be normalised.
 *
 * @example
 * suppressionDigest('email', ' Jane.Doe@Example.com') === suppressionDigest('email', 'jane.doe@example.com'); // true
 * suppressionDigest('phone', '+44 20 7946 0958') === suppressionDigest('phone', '+442079460958');            // true
 */
export function suppressionDigest(kind: SuppressionKind, value: string, salt = ''): string | undefined {
  const normalized = normalizeSuppressionValue(kind, value);
  return normalized === undefined ? undefined : digestOf(kind, normalized, salt);
}

/** The digest of an already normalised value (the check normalises the lead's phone in its own country). */
export function digestOf(kind: SuppressionKind, normalized: string, salt: string): string {
  return sha256Hex(`${salt}:${kind}:${normalized}`);
}

/** What {@link suppress} did. */
export interface SuppressResult {
  /** Digests written to the list. */
  added: number;
  /** Values that could not be normalised (not an email, not an international phone number). */
  skipped: number;
}

const BATCH = 1000;

/**
 * Imports a suppression list into a store: each email and phone is normalised and
 * digested ({@link suppressionDigest}) and only the digest is stored. Phones must be in
 * international notation (`+44 …`). Use the same `salt` as the consent check's
 * `suppressionSalt` option. A failing store rejects.
 *
 * @example
 * const store = memoryStore();
 * await suppress(store, { emails: ['jane.doe@example.com'], phones: ['+1 415 555 2671'] });
 * createGate({ motion: 'inbound', store, checks: [consentProvenance({ suppression: true })] });
 */
export async function suppress(
  store: LeadStore,
  entries: { emails?: Iterable<string>; phones?: Iterable<string> },
  salt = '',
): Promise<SuppressResult> {
  const result: SuppressResult = { added: 0, skipped: 0 };
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await store.add(SUPPRESSION_LIST, ...batch);
    result.added += batch.length;
    batch = [];
  };
  const kinds: [SuppressionKind, Iterable<string> | undefined][] = [['email', entries.emails], ['phone', entries.phones]];
  for (const [kind, values] of kinds) {
    for (const value of values ?? []) {
      const digest = suppressionDigest(kind, value, salt);
      if (digest === undefined) {
        result.skipped += 1;
        continue;
      }
      batch.push(digest);
      if (batch.length >= BATCH) await flush();
    }
  }
  await flush();
  return result;
}
