import { LEAD_FIELDS } from '../core/lead.js';
import { LeadGateError } from '../core/errors.js';
import { countryCodeOf } from './country-names.js';
import { CRM_LEAD_COLUMNS, LEAD_COLUMN_PRESETS, type CrmLeadColumnTable, type LeadColumnPreset } from './crm-lead-columns.js';

/**
 * Where a column goes: a lead path (`email`, `source.utm_source`, `consent.given`,
 * `custom.crm_owner`), or one of the audit's own keys:
 * - `@source`: the by-source breakdown of the report (e.g. a `Lead Source` column); not given to the checks;
 * - `@id`: the row's id, copied into the verdicts file and used as the decision log's
 *   `leadId`, so it can be joined back to the list and to sales outcomes;
 * - `@stage`: a lifecycle stage (HubSpot `Lifecycle Stage`); `customer` or `evangelist`
 *   makes the lead an existing customer (`consent.lawfulBasis: 'existing_customer'`)
 *   unless a column gave the lawful basis. Other stages are not used.
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
  // The list, vendor or partner a lead came from, which an Art. 14 notice must name.
  'source.dataSource': ['datasource', 'listsource', 'listname', 'datavendor'],
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
  '@stage': ['lifecyclestage', 'stage'],
});

const AUDIT_KEYS = new Set(['@source', '@id', '@stage']);

/** Lower case, letters and digits only: `E-mail Address` → `emailaddress`. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Where a header goes, and how telling it is: of two columns for one target, the lower rank wins. */
interface HeaderTarget {
  target: MappingTarget;
  rank: number;
}

/**
 * Header → target for a preset: the platform's export headers first and then the
 * generic table (`hubspot`), or the generic table and then every platform (`auto`). A
 * header claimed by an earlier table keeps its target; within a target, the order the
 * tables list headers in is the rank.
 */
function headerTable(preset: LeadColumnPreset): ReadonlyMap<string, HeaderTarget> {
  const cached = HEADER_TABLES.get(preset);
  if (cached) return cached;
  const platforms = Object.entries(CRM_LEAD_COLUMNS) as Array<[string, CrmLeadColumnTable]>;
  const tables: CrmLeadColumnTable[] = preset === 'auto'
    ? [DEFAULT_COLUMN_ALIASES, ...platforms.map(([, table]) => table)]
    : [CRM_LEAD_COLUMNS[preset], DEFAULT_COLUMN_ALIASES];
  const byHeader = new Map<string, HeaderTarget>();
  let rank = 0;
  for (const table of tables) {
    for (const [target, headers] of Object.entries(table)) {
      for (const header of headers) {
        const name = normalizeHeader(header);
        if (!byHeader.has(name)) byHeader.set(name, { target, rank });
        rank += 1;
      }
    }
  }
  HEADER_TABLES.set(preset, byHeader);
  return byHeader;
}

const HEADER_TABLES = new Map<LeadColumnPreset, ReadonlyMap<string, HeaderTarget>>();

/** Checks a `--map-preset` value; a usage error names the option and the choices. */
export function validatePreset(preset: string): LeadColumnPreset {
  if (!(LEAD_COLUMN_PRESETS as readonly string[]).includes(preset)) {
    throw new LeadGateError(`mapping: preset "${preset}" is not one of ${LEAD_COLUMN_PRESETS.join(', ')}`, { option: 'mapPreset' });
  }
  return preset as LeadColumnPreset;
}

function defaultTarget(table: ReadonlyMap<string, HeaderTarget>, name: string): HeaderTarget | undefined {
  const known = table.get(name);
  if (known) return known;
  // Any utm_* column is attribution, whatever the table lists.
  return name.startsWith('utm') && name.length > 3 ? { target: `source.utm_${name.slice(3)}`, rank: Number.MAX_SAFE_INTEGER } : undefined;
}

const BOOLEAN_PATHS = new Set(['consent.given', 'consent.renderedChecked', 'consent.userInteracted', 'consent.requiredToSubmit', 'consent.partner.namesBuyer']);
const LIST_PATHS = new Set(['consent.channels', 'consent.purposes']);
const NUMBER_PATHS = new Set(['source.timeOnFormMs']);
const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'opted in', 'optedin', 'opt-in', 'granted', 'ja', 'oui', 'si', 'sí']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'opted out', 'optedout', 'opt-out', 'denied', 'nein', 'non']);

/** Checks that a user-given target is a lead path or an audit key; throws a usage error naming it. */
export function validateTarget(target: string): MappingTarget {
  if (AUDIT_KEYS.has(target)) return target;
  const [head, ...rest] = target.split('.');
  if (!head || !(LEAD_FIELDS as string[]).includes(head) || rest.some((part) => part === '' || part === '__proto__' || part === 'constructor' || part === 'prototype')) {
    throw new LeadGateError(`mapping: "${target}" is not a lead field (${LEAD_FIELDS.join(', ')}, a dotted path under one of them such as source.utm_source, @source, @id or @stage)`, { option: 'map' });
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
 * The defaults know the export headers of HubSpot, Salesforce, Marketo, Pipedrive and
 * LinkedIn Lead Gen Forms (crm-lead-columns.ts); `preset` looks for one platform's
 * headers first, for a file whose headers another platform reads differently. When
 * two columns map to one target (`Phone Number` and `Mobile Phone Number`), the one the
 * table ranks first wins, then the leftmost.
 *
 * @example
 * mapColumns(['E-mail', 'Job Title', 'Lead Source'], {}).used;
 * // { email: 'E-mail', title: 'Job Title', '@source': 'Lead Source' }
 */
export function mapColumns(header: readonly string[], overrides: Readonly<Record<MappingTarget, string>>, preset: LeadColumnPreset = 'auto'): ColumnMapping {
  const table = headerTable(validatePreset(preset));
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
  // Per target, the best-ranked column; an explicit override always wins.
  const best = new Map<MappingTarget, { index: number; rank: number }>();
  normalized.forEach((name, index) => {
    if (claimed.has(index)) return;
    const found = defaultTarget(table, name);
    if (!found || found.target in used) return;
    const current = best.get(found.target);
    if (!current || found.rank < current.rank) best.set(found.target, { index, rank: found.rank });
  });
  for (const [target, { index }] of [...best].sort((a, b) => a[1].index - b[1].index)) {
    targets[index] = target;
    used[target] = header[index]!;
  }
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
  let stage: string | undefined;
  const { targets } = mapping;
  for (let index = 0; index < targets.length; index++) {
    const target = targets[index];
    if (target === undefined) continue;
    const raw = fields[index]!.trim();
    if (raw === '') continue;
    if (target === '@source') source = raw;
    else if (target === '@id') id = raw;
    else if (target === '@stage') stage = raw;
    else assign(lead, target, convert(target, raw));
  }
  if (stage !== undefined) applyStage(lead, stage);
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
  let stage: string | undefined;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || value === null || value === '') continue;
    let target = mappingFor(key);
    if (target === undefined) continue;
    // `"source": "Webinar"` is a lead source name, not the attribution record.
    if (target === 'source' && typeof value !== 'object') target = '@source';
    if (target === '@source') source = typeof value === 'string' ? value.trim() : String(value);
    else if (target === '@id') id = typeof value === 'string' ? value.trim() : String(value);
    else if (target === '@stage') stage = String(value);
    else assign(lead, target, typeof value === 'string' ? convert(target, value.trim()) : value);
  }
  if (stage !== undefined) applyStage(lead, stage);
  return { lead, source: source || attributedSource(lead), id };
}

/**
 * The per-key mapping for JSONL: an override by header, then a lead field named
 * exactly, then the default aliases. Decided once per distinct key.
 */
export function jsonlKeyMapper(overrides: Readonly<Record<MappingTarget, string>>, preset: LeadColumnPreset = 'auto'): { targetOf(key: string): MappingTarget | undefined; used: Record<string, string>; unused: Set<string> } {
  const table = headerTable(validatePreset(preset));
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
      if (target === undefined) target = defaultTarget(table, name)?.target;
      // Bound the cache: a file with a new key per line must not grow it forever.
      if (cache.size < 10_000) cache.set(key, target);
      if (target === undefined) {
        if (unused.size < 100) unused.add(key);
      } else if (!(target in used)) used[target] = key;
      return target;
    },
  };
}

// HubSpot lifecycle stages (internal value or label, normalised) of a paying customer.
const CUSTOMER_STAGES = new Set(['customer', 'evangelist', 'existingcustomer']);

/**
 * A customer stage makes the lead an existing customer, unless a column gave the lawful
 * basis. The consent check still wants the relationship's dates to lean on it
 * (`consent.relationship.lastPurchaseAt`: HubSpot's `Became a Customer Date`); without
 * them the stage alone is no basis (basis.ts).
 */
function applyStage(lead: Record<string, unknown>, stage: string): void {
  if (!CUSTOMER_STAGES.has(normalizeHeader(stage))) return;
  const consent = lead.consent as Record<string, unknown> | undefined;
  if (consent?.lawfulBasis !== undefined) return;
  assign(lead, 'consent.lawfulBasis', 'existing_customer');
}

/**
 * The lawful basis as CRMs word it → the consent check's value. HubSpot's "Legal basis
 * for processing contact's data" options: "Legitimate interest – prospect/lead",
 * "Legitimate interest – existing customer", "Legitimate interest - other",
 * "Performance of a contract", "Freely given consent from contact", "Not applicable".
 * Anything else is passed as written for the consent check to judge.
 */
function lawfulBasisOf(raw: string): unknown {
  const words = normalizeHeader(raw);
  if (words === 'notapplicable') return undefined;
  if (words.includes('existingcustomer')) return 'existing_customer';
  if (words.startsWith('legitimateinterest')) return 'legitimate_interest';
  if (words.includes('contract')) return 'contract';
  if (words.includes('consent')) return 'consent';
  return raw;
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
  if (target === 'consent.lawfulBasis') return lawfulBasisOf(raw);
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

/**
 * `Germany`, `Deutschland`, `Royaume-Uni`, `U.S.` → `DE`, `DE`, `GB`, `US` (names from
 * the ICU data Node ships, in English and the regimes' languages: see country-names.ts);
 * a two-letter code passes through for the gate. A name that maps to no country is kept
 * as written, so the gate reports it (`SYSTEM_FIELD_INVALID`, field `country`) instead
 * of the audit dropping it.
 */
export function countryCode(raw: string): string {
  if (raw.length <= 2) return raw;
  return countryCodeOf(raw) ?? raw;
}
