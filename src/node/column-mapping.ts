import { LEAD_FIELDS } from '../core/lead.js';
import { LeadGateError } from '../core/errors.js';

/**
 * Where a column goes: a lead path (`email`, `source.utm_source`, `consent.given`,
 * `custom.crm_owner`), or one of the audit's own keys:
 * - `@source`: the by-source breakdown of the report (e.g. a `Lead Source` column); not given to the checks;
 * - `@id`: the row's id, copied into the verdicts file so it can be joined back to the list.
 */
export type MappingTarget = string;

/**
 * The default header → target table. Headers are compared after {@link normalizeHeader}
 * (lower case, letters and digits only), so `E-mail`, `EMAIL` and `e_mail` are one header.
 */
export const DEFAULT_COLUMN_ALIASES: Readonly<Record<MappingTarget, readonly string[]>> = Object.freeze({
  email: ['email', 'emailaddress', 'workemail', 'businessemail', 'mail'],
  firstName: ['firstname', 'first', 'givenname', 'forename'],
  lastName: ['lastname', 'last', 'surname', 'familyname'],
  title: ['title', 'jobtitle', 'position', 'role', 'jobrole', 'designation'],
  company: ['company', 'companyname', 'organization', 'organisation', 'accountname', 'employer'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'directphone', 'workphone'],
  country: ['country', 'countrycode', 'countryiso'],
  website: ['website', 'web', 'url', 'companywebsite', 'domain', 'companydomain'],
  industry: ['industry', 'sector', 'vertical'],
  employees: ['employees', 'employeecount', 'numberofemployees', 'companysize', 'headcount'],
  revenue: ['revenue', 'annualrevenue'],
  tech: ['technologies', 'techstack', 'tech'],
  'source.utm_source': ['utmsource'],
  'source.utm_medium': ['utmmedium'],
  'source.utm_campaign': ['utmcampaign'],
  'source.utm_term': ['utmterm'],
  'source.utm_content': ['utmcontent'],
  'source.partnerId': ['partner', 'partnerid'],
  'source.pageUrl': ['pageurl', 'landingpage'],
  'source.referrer': ['referrer', 'referer'],
  'source.capturedAt': ['capturedat', 'createddate', 'createdat', 'datecreated', 'leaddate', 'submittedat'],
  'source.formId': ['formid'],
  'consent.given': ['consent', 'marketingconsent', 'optin', 'emailoptin', 'gdprconsent'],
  'consent.capturedAt': ['consentdate', 'optindate', 'consentcapturedat', 'consenttimestamp'],
  'consent.textId': ['consenttextid'],
  'consent.textHash': ['consenttexthash'],
  // How consent was given, which a consent record must show (GDPR Art. 7(1)): the page, the
  // box's state when the form rendered, and whether the person clicked it.
  'consent.pageUrl': ['consentpageurl', 'consenturl', 'consentpage'],
  'consent.renderedChecked': ['consentpreticked', 'consentprechecked', 'renderedchecked'],
  'consent.userInteracted': ['consentclicked', 'consentuserinteracted', 'userinteracted'],
  'consent.lawfulBasis': ['lawfulbasis', 'legalbasis'],
  'consent.liaRef': ['liareference', 'liaref', 'lia'],
  'consent.channels': ['consentchannels'],
  '@source': ['leadsource', 'source', 'origin', 'leadorigin'],
  '@id': ['id', 'leadid', 'recordid', 'contactid'],
});

/** Lower case, letters and digits only: `E-mail Address` → `emailaddress`. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const DEFAULT_BY_HEADER: ReadonlyMap<string, MappingTarget> = new Map(
  Object.entries(DEFAULT_COLUMN_ALIASES).flatMap(([target, headers]) => headers.map((header) => [header, target] as const)),
);

const BOOLEAN_PATHS = new Set(['consent.given', 'consent.renderedChecked', 'consent.userInteracted', 'consent.requiredToSubmit', 'consent.partner.namesBuyer']);
const LIST_PATHS = new Set(['consent.channels', 'consent.purposes']);
const NUMBER_PATHS = new Set(['source.timeOnFormMs']);
const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'opted in', 'optedin', 'opt-in', 'granted', 'ja', 'oui', 'si', 'sí']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'opted out', 'optedout', 'opt-out', 'denied', 'nein', 'non']);

/** Checks that a user-given target is a lead path or an audit key; throws a usage error naming it. */
export function validateTarget(target: string): MappingTarget {
  if (target === '@source' || target === '@id') return target;
  const [head, ...rest] = target.split('.');
  if (!head || !(LEAD_FIELDS as string[]).includes(head) || rest.some((part) => part === '' || part === '__proto__' || part === 'constructor' || part === 'prototype')) {
    throw new LeadGateError(`mapping: "${target}" is not a lead field (${LEAD_FIELDS.join(', ')}, a dotted path under one of them such as source.utm_source, @source or @id)`, { option: 'map' });
  }
  return target;
}

/** How the columns of a file map to a lead, decided once from its header. */
export interface ColumnMapping {
  /** Per column index: the target, or `undefined` for a column that is not used. */
  readonly targets: ReadonlyArray<MappingTarget | undefined>;
  /** Target → header, for the report. */
  readonly used: Readonly<Record<MappingTarget, string>>;
  /** Headers not used, for the report (a column the user may want to `--map`). */
  readonly unused: readonly string[];
}

/**
 * Decides the mapping for a header. `overrides` (target → header, from `--map` or a
 * mapping file) win over the defaults; a header named in an override is not also
 * mapped by default. Header matching is case- and punctuation-insensitive. An override
 * naming a header the file does not have is a usage error.
 *
 * @example
 * mapColumns(['E-mail', 'Job Title', 'Lead Source'], {}).used;
 * // { email: 'E-mail', title: 'Job Title', '@source': 'Lead Source' }
 */
export function mapColumns(header: readonly string[], overrides: Readonly<Record<MappingTarget, string>>): ColumnMapping {
  const targets: (MappingTarget | undefined)[] = header.map(() => undefined);
  const used: Record<MappingTarget, string> = {};
  const normalized = header.map(normalizeHeader);
  const claimed = new Set<number>();
  for (const [target, wanted] of Object.entries(overrides)) {
    const index = normalized.indexOf(normalizeHeader(wanted));
    if (index === -1) {
      throw new LeadGateError(`mapping: ${target}="${wanted}" names a column the file does not have (columns: ${header.join(', ')})`, { option: 'map' });
    }
    targets[index] = validateTarget(target);
    used[target] = header[index]!;
    claimed.add(index);
  }
  normalized.forEach((name, index) => {
    if (claimed.has(index)) return;
    const target = DEFAULT_BY_HEADER.get(name) ?? (name.startsWith('utm') && name.length > 3 ? `source.utm_${name.slice(3)}` : undefined);
    // The first column wins a target; an explicit override always wins.
    if (target && !(target in used)) {
      targets[index] = target;
      used[target] = header[index]!;
    }
  });
  return { targets, used, unused: header.filter((_, index) => targets[index] === undefined) };
}

/** A row turned into what the gate and the report need. */
export interface MappedRow {
  lead: Record<string, unknown>;
  /** The `@source` value, or the lead's utm_source / partnerId when no such column exists. */
  source: string | undefined;
  id: string | undefined;
}

/**
 * Builds the lead of one CSV row. Empty cells are left out (a blank cell is a missing
 * field, not an empty string). Booleans (`consent.given`: yes/no, true/false, 1/0),
 * lists (`consent.channels`: `email;phone`) and country names (`Germany` → `DE`) are
 * converted; everything else is passed as text for the gate's own normalisation.
 */
export function mapRow(fields: readonly string[], mapping: ColumnMapping): MappedRow {
  const lead: Record<string, unknown> = {};
  let source: string | undefined;
  let id: string | undefined;
  const { targets } = mapping;
  for (let index = 0; index < targets.length; index++) {
    const target = targets[index];
    if (target === undefined) continue;
    const raw = fields[index]!.trim();
    if (raw === '') continue;
    if (target === '@source') source = raw;
    else if (target === '@id') id = raw;
    else assign(lead, target, convert(target, raw));
  }
  return { lead, source: source ?? attributedSource(lead), id };
}

/**
 * Builds the lead of one JSONL record: keys that are lead fields pass through as they
 * are (nested `source`, `consent` objects included); other keys are mapped by header
 * like CSV columns. `mappingFor` caches the per-key decision.
 */
export function mapRecord(record: Readonly<Record<string, unknown>>, mappingFor: (key: string) => MappingTarget | undefined): MappedRow {
  const lead: Record<string, unknown> = {};
  let source: string | undefined;
  let id: string | undefined;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || value === null || value === '') continue;
    let target = mappingFor(key);
    if (target === undefined) continue;
    // `"source": "Webinar"` is a lead source name, not the attribution record.
    if (target === 'source' && typeof value !== 'object') target = '@source';
    if (target === '@source') source = typeof value === 'string' ? value.trim() : String(value);
    else if (target === '@id') id = typeof value === 'string' ? value.trim() : String(value);
    else assign(lead, target, typeof value === 'string' ? convert(target, value.trim()) : value);
  }
  return { lead, source: source || attributedSource(lead), id };
}

/**
 * The per-key mapping for JSONL: an override by header, then a lead field named
 * exactly, then the default aliases. Decided once per distinct key.
 */
export function jsonlKeyMapper(overrides: Readonly<Record<MappingTarget, string>>): { targetOf(key: string): MappingTarget | undefined; used: Record<string, string>; unused: Set<string> } {
  const byHeader = new Map(Object.entries(overrides).map(([target, header]) => [normalizeHeader(header), validateTarget(target)]));
  const cache = new Map<string, MappingTarget | undefined>();
  const used: Record<string, string> = {};
  const unused = new Set<string>();
  return {
    used,
    unused,
    targetOf(key) {
      if (cache.has(key)) return cache.get(key);
      const name = normalizeHeader(key);
      let target = byHeader.get(name);
      if (target === undefined && (LEAD_FIELDS as string[]).includes(key) && !Object.values(overrides).includes(key)) target = key;
      if (target === undefined) target = DEFAULT_BY_HEADER.get(name) ?? (name.startsWith('utm') && name.length > 3 ? `source.utm_${name.slice(3)}` : undefined);
      // Bound the cache: a file with a new key per line must not grow it forever.
      if (cache.size < 10_000) cache.set(key, target);
      if (target === undefined) {
        if (unused.size < 100) unused.add(key);
      } else if (!(target in used)) used[target] = key;
      return target;
    },
  };
}

function attributedSource(lead: Record<string, unknown>): string | undefined {
  const source = lead.source as Record<string, unknown> | undefined;
  const value = source?.utm_source ?? source?.partnerId;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function assign(lead: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf('.');
  if (dot === -1) {
    lead[path] = value;
    return;
  }
  let node = lead;
  const parts = path.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    let next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = next = {};
    node = next as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function convert(target: string, raw: string): unknown {
  if (target === 'country') return countryCode(raw);
  if (BOOLEAN_PATHS.has(target)) {
    const word = raw.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return raw;
  }
  if (LIST_PATHS.has(target)) return raw.split(/[,;|]/).map((item) => item.trim().toLowerCase()).filter(Boolean);
  if (NUMBER_PATHS.has(target)) {
    const number = Number(raw);
    return Number.isFinite(number) ? number : raw;
  }
  return raw;
}

let countryNames: Map<string, string> | undefined;
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

/**
 * `Germany`, `germany`, `United States` → `DE`, `US` (English names from the ICU data
 * Node ships, via `Intl.DisplayNames`); a two-letter code passes through for the gate.
 */
export function countryCode(raw: string): string {
  if (raw.length <= 2) return raw;
  countryNames ??= buildCountryNames();
  return countryNames.get(normalizeHeader(raw)) ?? raw;
}

function buildCountryNames(): Map<string, string> {
  const names = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      // Deprecated codes (UK, BU, DD) canonicalise to another; groupings (EU, UN) are no country.
      if (NOT_COUNTRIES.has(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const name = display.of(code);
      if (name && name !== code) names.set(normalizeHeader(name), code);
    }
  }
  // Names lists use that ICU does not give as the main English name.
  for (const [name, code] of [['usa', 'US'], ['unitedstatesofamerica', 'US'], ['uk', 'GB'], ['greatbritain', 'GB'], ['england', 'GB'], ['scotland', 'GB'], ['wales', 'GB'], ['deutschland', 'DE'], ['holland', 'NL'], ['southkorea', 'KR'], ['czechrepublic', 'CZ']] as const) {
    names.set(name, code);
  }
  return names;
}
