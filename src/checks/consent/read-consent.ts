import type { ConsentEvidence } from '../../core/lead.js';
import { CONTACT_CHANNELS, type ContactChannel } from './jurisdictions.js';

// `lead.consent` is a loose record (the lead schema never drops evidence it does not
// understand), so every field is read here with its type checked: a value of the wrong
// type counts as absent, never as a crash and never as consent.

/**
 * `lead.consent` with every field type-checked; absent fields stay absent. The same
 * shape as `ConsentEvidence`, except that channels are the ones the check knows and a
 * receipt that is present but not a string is kept as malformed (it cannot be verified).
 */
export type ConsentRecord = Omit<ConsentEvidence, 'channels' | 'receipt'> & {
  channels?: ContactChannel[];
  receipt?: string | { malformed: true };
};

const LAWFUL_BASES = new Set(['consent', 'legitimate_interest', 'contract', 'existing_customer']);
const SUBSCRIBER_TYPES = new Set(['corporate', 'individual', 'unknown']);
const CHANNELS = new Set<string>(CONTACT_CHANNELS);

/** Reads `lead.consent` defensively. `undefined` when the lead carries no consent record at all. */
export function readConsent(value: unknown): ConsentRecord | undefined {
  if (!isRecord(value)) return undefined;
  const record: ConsentRecord = {};
  for (const key of ['given', 'renderedChecked', 'userInteracted', 'requiredToSubmit'] as const) {
    if (typeof value[key] === 'boolean') record[key] = value[key];
  }
  for (const key of ['textId', 'capturedAt', 'pageUrl', 'liaRef'] as const) {
    const text = readText(value[key]);
    if (text !== undefined) record[key] = text;
  }
  const hash = readText(value.textHash);
  if (hash !== undefined) record.textHash = hash.toLowerCase();
  const channels = readStrings(value.channels)?.map((item) => item.toLowerCase()).filter((item): item is ContactChannel => CHANNELS.has(item));
  if (channels) record.channels = [...new Set(channels)];
  const purposes = readStrings(value.purposes);
  if (purposes) record.purposes = purposes;
  if (typeof value.lawfulBasis === 'string' && LAWFUL_BASES.has(value.lawfulBasis)) record.lawfulBasis = value.lawfulBasis as ConsentRecord['lawfulBasis'];
  if (typeof value.subscriberType === 'string' && SUBSCRIBER_TYPES.has(value.subscriberType)) {
    record.subscriberType = value.subscriberType as ConsentRecord['subscriberType'];
  }
  if (isRecord(value.partner)) {
    const partner: NonNullable<ConsentRecord['partner']> = {};
    const name = readText(value.partner.name);
    if (name !== undefined) partner.name = name;
    if (typeof value.partner.namesBuyer === 'boolean') partner.namesBuyer = value.partner.namesBuyer;
    const sharedAt = readText(value.partner.sharedAt);
    if (sharedAt !== undefined) partner.sharedAt = sharedAt;
    record.partner = partner;
  }
  if (isRecord(value.relationship)) {
    const relationship: NonNullable<ConsentRecord['relationship']> = {};
    for (const key of ['lastPurchaseAt', 'lastInquiryAt'] as const) {
      const text = readText(value.relationship[key]);
      if (text !== undefined) relationship[key] = text;
    }
    record.relationship = relationship;
  }
  if (value.receipt !== undefined && value.receipt !== null) {
    record.receipt = typeof value.receipt === 'string' && value.receipt !== '' ? value.receipt : { malformed: true };
  }
  return record;
}

/**
 * An ISO 8601 date or date-time as ms since the epoch; `undefined` for anything else.
 * Only strings that start like a date: `Date.parse` would also accept "1" or "May 5".
 */
export function parseInstant(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}(?:$|T)/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readStrings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string' && item !== '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
