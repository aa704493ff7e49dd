import * as z from 'zod/mini';

/**
 * The canonical lead, after normalisation. Every field is optional: a check decides
 * what a missing field means for it (`EMAIL_MISSING`, or nothing at all).
 *
 * Nested records (`consent`, `source`, `behaviour`, `enrichment`, `custom`) are kept
 * loose here on purpose: the foundation must never drop evidence it does not yet
 * understand. The checks that own them read them defensively.
 */
export const leadSchema = z.object({
  // identity
  email: z.optional(z.string()),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  phone: z.optional(z.string()),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  // role
  title: z.optional(z.string()),
  enrichment: z.optional(z.record(z.string(), z.unknown())),
  // company
  company: z.optional(z.string()),
  website: z.optional(z.string()),
  industry: z.optional(z.string()),
  employees: z.optional(z.number().check(z.nonnegative())),
  revenue: z.optional(z.number().check(z.nonnegative())),
  tech: z.optional(z.array(z.string())),
  // compliance and attribution
  consent: z.optional(z.record(z.string(), z.unknown())),
  source: z.optional(z.record(z.string(), z.unknown())),
  behaviour: z.optional(z.array(z.record(z.string(), z.unknown()))),
  // anything else the form sent
  custom: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * What `lead.consent` carries: the consent evidence a form (the DOM binding), a
 * partner feed or a CRM export sends. The consent check reads it defensively; every
 * field is optional and a missing one is a finding, never a crash.
 */
export interface ConsentEvidence {
  /** The person ticked the marketing consent box (or gave consent another way). */
  given?: boolean;
  /** The channels consent covers. */
  channels?: Array<'email' | 'phone' | 'sms'>;
  purposes?: string[];
  /** Id and SHA-256 (hex) of the consent text shown, as registered in the consent check's `texts`. */
  textId?: string;
  textHash?: string;
  /** The box was already ticked when the form rendered. */
  renderedChecked?: boolean;
  /** The person changed the box themselves (click or key). */
  userInteracted?: boolean;
  /** The form could not be submitted without ticking it. */
  requiredToSubmit?: boolean;
  /** ISO 8601 time consent was captured. */
  capturedAt?: string;
  pageUrl?: string;
  lawfulBasis?: 'consent' | 'legitimate_interest' | 'contract' | 'existing_customer';
  /** Reference of the legitimate-interest assessment (LIA) that covers this use. */
  liaRef?: string;
  /** UK PECR subscriber type, when known. */
  subscriberType?: 'corporate' | 'individual' | 'unknown';
  /** Consent collected by a partner: who, whether the text named the buyer, when it was shared. */
  partner?: { name?: string; namesBuyer?: boolean; sharedAt?: string };
  /** An existing relationship (expansion, CASL implied consent). ISO 8601 dates. */
  relationship?: { lastPurchaseAt?: string; lastInquiryAt?: string };
  /** A signed consent receipt (from `signReceipt` in `leadgate/server`). */
  receipt?: string;
}

/**
 * What `lead.source` carries: attribution and the form's anti-bot signals.
 * `formToken` comes from the server's `POST /form-token`; `honeypot` is the value of
 * the hidden field the DOM binding adds (empty for people).
 */
export interface SourceEvidence {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
  partnerId?: string;
  /**
   * Who the lead came from when the person did not give it to us: the list, data vendor or
   * partner (GDPR Art. 14(2)(f): the person must be told). Read by the consent check.
   */
  dataSource?: string;
  /** Partner HMAC over `partnerId.timestamp.body` (see the source check). */
  partnerToken?: string;
  /** The page the form was on. */
  pageUrl?: string;
  /** The referrer the page saw (`document.referrer`). */
  referrer?: string;
  /** ISO 8601 time the lead was captured (batch feeds: when the partner collected it). */
  capturedAt?: string;
  formId?: string;
  formToken?: string;
  honeypot?: string;
  /** Milliseconds the visitor spent on the form, as the browser measured it (advisory only). */
  timeOnFormMs?: number;
}

/** A normalised lead, as every check sees it. */
export type Lead = z.infer<typeof leadSchema>;

/** The names of the lead's top-level fields. */
export type LeadField = keyof Lead;

export const LEAD_FIELDS = Object.keys(leadSchema.shape) as LeadField[];

/** Strings are cut to this many characters before any check sees them. */
export const MAX_STRING_LENGTH = 1000;
/** Nested records deeper than this are dropped (recorded as `SYSTEM_FIELD_INVALID`). */
export const MAX_DEPTH = 6;
/** Arrays and records are cut to this many entries. */
export const MAX_ENTRIES = 200;
/** A key longer than this is no field name a form or a file sends; it is dropped. */
export const MAX_KEY_LENGTH = 100;

/** Something normalisation had to do to the input; it becomes a `SYSTEM_*` finding. */
export interface InputIssue {
  code: 'SYSTEM_INPUT_INVALID' | 'SYSTEM_FIELD_INVALID' | 'SYSTEM_FIELD_TRUNCATED';
  field?: string;
  data?: Record<string, unknown>;
}

/** The result of `normalizeLead`: the lead the checks see, and what was changed. */
export interface NormalizedLead {
  lead: Lead;
  issues: InputIssue[];
}

// Keys that would reach an object's prototype when copied with `obj[key] = value`.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const STRING_FIELDS = new Set<string>(['email', 'firstName', 'lastName', 'phone', 'title', 'company', 'website', 'industry']);
const NUMBER_FIELDS = new Set<string>(['employees', 'revenue']);
const RECORD_FIELDS = new Set<string>(['enrichment', 'consent', 'source', 'custom']);
const ALPHA_2 = /^[A-Z]{2}$/;

// Common non-ISO spellings seen in lead files; everything else must already be alpha-2.
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

/**
 * Turns arbitrary input into a `Lead` without throwing: trims and collapses
 * whitespace, lower-cases the email domain, cuts long strings, drops values of the
 * wrong type and keys that would touch a prototype, and moves unknown top-level keys
 * into `custom`. Everything it changed is listed in `issues`.
 */
export function normalizeLead(input: unknown): NormalizedLead {
  const issues: InputIssue[] = [];
  if (!isPlainRecord(input)) {
    issues.push({ code: 'SYSTEM_INPUT_INVALID', data: { received: describeType(input) } });
    return { lead: {}, issues };
  }
  const lead: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const key of boundedKeys(input, '', issues)) {
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push({ code: 'SYSTEM_FIELD_INVALID', field: key, data: { reason: 'forbidden key' } });
      continue;
    }
    const raw = input[key];
    if (raw === undefined || raw === null) continue;
    // Own keys only: `in` would find `toString` on the prototype and treat it as a field.
    if (!Object.hasOwn(leadSchema.shape, key)) {
      const value = sanitize(raw, key, 1, issues);
      if (value !== undefined) custom[key] = value;
      continue;
    }
    const value = coerceField(key, sanitize(raw, key, 0, issues));
    if (value === undefined) continue;
    // Fast paths, for what their schema would accept unchanged: a text field that is
    // already a clean string, a country already in alpha-2, and a record field that
    // sanitize rebuilt as a plain record (string keys, bounded values: all z.record asks).
    if (typeof value === 'string' ? STRING_FIELDS.has(key) || (key === 'country' && ALPHA_2.test(value)) : RECORD_FIELDS.has(key) && isPlainRecord(value)) {
      lead[key] = value;
      continue;
    }
    const schema = leadSchema.shape[key as LeadField];
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) lead[key] = parsed.data;
    } else {
      issues.push({ code: 'SYSTEM_FIELD_INVALID', field: key, data: { received: describeType(raw) } });
    }
  }
  if (Object.keys(custom).length > 0) {
    lead.custom = { ...(lead.custom as Record<string, unknown> | undefined), ...custom };
  }
  return { lead: lead as Lead, issues };
}

/** Cuts, trims and bounds a value recursively; returns `undefined` for values to drop. */
function sanitize(value: unknown, path: string, depth: number, issues: InputIssue[]): unknown {
  if (typeof value === 'string') return cleanString(value, path, issues);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return undefined;
  if (depth >= MAX_DEPTH) {
    issues.push({ code: 'SYSTEM_FIELD_INVALID', field: path, data: { reason: 'nested too deeply' } });
    return undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ENTRIES) {
      issues.push({ code: 'SYSTEM_FIELD_TRUNCATED', field: path, data: { entries: value.length, kept: MAX_ENTRIES } });
    }
    const out: unknown[] = [];
    for (let i = 0; i < Math.min(value.length, MAX_ENTRIES); i++) {
      const item = sanitize(value[i], `${path}[${i}]`, depth + 1, issues);
      if (item !== undefined) out.push(item);
    }
    return out;
  }
  if (isPlainRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of boundedKeys(value, path, issues)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      const item = sanitize(value[key], `${path}.${key}`, depth + 1, issues);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  // Functions, symbols, bigints, class instances: nothing a form or a file can send.
  issues.push({ code: 'SYSTEM_FIELD_INVALID', field: path, data: { received: describeType(value) } });
  return undefined;
}

// Whitespace other than single spaces: a run of two or more, or a tab, newline, NBSP, ….
const MESSY_WHITESPACE = /\s\s|[^\S ]/;

function cleanString(value: string, path: string, issues: InputIssue[]): string | undefined {
  let text = value;
  // Cut before any regex runs, so a 1 MB string costs no more than a 1 KB one.
  if (text.length > MAX_STRING_LENGTH) {
    issues.push({ code: 'SYSTEM_FIELD_TRUNCATED', field: path, data: { length: text.length, kept: MAX_STRING_LENGTH } });
    text = text.slice(0, MAX_STRING_LENGTH);
  }
  // Most values are clean already; test first so they are not copied by a replace.
  if (MESSY_WHITESPACE.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  return text === '' ? undefined : text;
}

function boundedKeys(record: Record<string, unknown>, path: string, issues: InputIssue[]): string[] {
  let keys = Object.keys(record);
  if (keys.length > MAX_ENTRIES) {
    issues.push({ code: 'SYSTEM_FIELD_TRUNCATED', field: path || 'lead', data: { entries: keys.length, kept: MAX_ENTRIES } });
    keys = keys.slice(0, MAX_ENTRIES);
  }
  // A huge key would otherwise travel into the verdict and the log as a finding's field.
  if (keys.every((key) => key.length <= MAX_KEY_LENGTH)) return keys;
  return keys.filter((key) => {
    if (key.length <= MAX_KEY_LENGTH) return true;
    const shown = `${key.slice(0, 40)}…`;
    issues.push({ code: 'SYSTEM_FIELD_INVALID', field: path ? `${path}.${shown}` : shown, data: { reason: 'key too long', length: key.length } });
    return false;
  });
}

/** Converts the spellings forms and files really send into the canonical types. */
function coerceField(key: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (STRING_FIELDS.has(key)) {
    if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
    if (key === 'email' && typeof value === 'string') return lowerCaseDomain(value);
    return value;
  }
  if (key === 'country') {
    if (typeof value !== 'string') return value;
    const upper = value.toUpperCase();
    return COUNTRY_ALIASES[upper] ?? upper;
  }
  if (NUMBER_FIELDS.has(key)) return typeof value === 'string' ? parseHeadcountOrAmount(value) : value;
  if (key === 'tech' && typeof value === 'string') {
    return value.split(/[,;|]/).map((item) => item.trim()).filter(Boolean);
  }
  if (key === 'behaviour' && isPlainRecord(value)) return [value];
  return value;
}

function lowerCaseDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : email.slice(0, at) + email.slice(at).toLowerCase();
}

/**
 * Lead files write sizes as "1,200", "1 200", "51-200" or "10,001+". A closed range
 * becomes its midpoint and an open one its lower bound, so a size band still lands
 * inside an ICP range that contains it. Anything else is left for the schema to refuse.
 */
function parseHeadcountOrAmount(text: string): number | string {
  const digits = (part: string) => Number(part.replace(/[\s,_']/g, ''));
  const range = /^([\d\s,_']+)\s*[-–]\s*([\d\s,_']+)$/.exec(text);
  if (range?.[1] && range[2]) return Math.round((digits(range[1]) + digits(range[2])) / 2);
  const open = /^([\d\s,_']+)\+$/.exec(text);
  if (open?.[1]) return digits(open[1]);
  const plain = digits(text);
  return /^[\d\s,_'.]+$/.test(text) && Number.isFinite(plain) ? plain : text;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
