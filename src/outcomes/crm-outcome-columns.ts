import { OUTCOME_CODES, type OutcomeCode, type OutcomeStage } from './codes.js';
import { MAX_OUTCOME_NOTE_LENGTH, parseOutcome, type OutcomeIssue, type OutcomeRecord } from './record.js';

// A CRM export row → outcome records (issue 13 §2, "import a CRM export as a user has
// it"). Column names and values are those HubSpot and Salesforce export by default:
// - HubSpot contacts: `Record ID`, `Lifecycle Stage` (internal values such as
//   `marketingqualifiedlead` or labels such as "Marketing Qualified Lead"), `Lead Status`
//   (New, Open, In Progress, Open Deal, Unqualified, Attempted to Contact, Connected,
//   Bad Timing), the `Became a … Date` columns, `Close Reason` / `Closed Lost Reason`
//   (https://knowledge.hubspot.com/records/use-lifecycle-stages, https://knowledge.hubspot.com/records/set-and-use-lead-statuses);
// - Salesforce leads and opportunities: `Lead ID`, `Lead Status` (Open - Not Contacted,
//   Working - Contacted, Closed - Converted, Closed - Not Converted), `Converted Date`,
//   opportunity `Stage` (Prospecting … Closed Won / Closed Lost), `Close Date`, `Loss Reason`,
//   `Amount`, `First Activity` (https://help.salesforce.com/s/articleView?id=sf.leads_fields.htm).

/**
 * What a column can be mapped to: a record field, the date a lead reached a stage
 * (`mqlAt`, `wonAt`, …), or `closedAt`, a deal's close date, which dates a `won` or
 * `lost` row only (on an open deal it is the date expected, not one that happened).
 */
export type OutcomeColumnField = 'leadId' | 'stage' | 'at' | 'closedAt' | 'reason' | 'note' | 'firstTouchAt' | 'owner' | 'amount' | `${OutcomeStage}At`;

/** Candidate column names per field, first present wins; compared after `columnKey` (case, spaces and punctuation ignored). */
export type OutcomeColumnMap = Partial<Record<OutcomeColumnField, readonly string[]>>;

const GENERIC: OutcomeColumnMap = {
  leadId: ['leadId', 'Lead ID'],
  stage: ['stage', 'Outcome'],
  at: ['at', 'Date'],
  reason: ['reason'],
  note: ['note', 'Notes'],
  firstTouchAt: ['firstTouchAt', 'First Touch'],
  owner: ['owner'],
  amount: ['amount'],
};

/** The column names of each CRM's default export. `auto` tries all of them. */
export const CRM_OUTCOME_COLUMNS = {
  hubspot: {
    leadId: ['Record ID', 'Contact ID'],
    // Several stage columns: the row's stage is the furthest any of them says (see STAGE_RANK).
    stage: ['Lifecycle Stage', 'Lead Status'],
    at: ['Last Modified Date'],
    closedAt: ['Close Date'],
    mqlAt: ['Became a Marketing Qualified Lead Date'],
    sqlAt: ['Became a Sales Qualified Lead Date'],
    opportunityAt: ['Became an Opportunity Date'],
    wonAt: ['Became a Customer Date'],
    reason: ['Disqualification Reason', 'Close Reason', 'Closed Lost Reason', 'Unqualified Reason'],
    note: ['Disqualification Notes', 'Closed Lost Notes', 'Notes'],
    firstTouchAt: ['Date of first engagement', 'First Engagement Date', 'First Contact Date'],
    owner: ['Contact owner', 'HubSpot Owner', 'Deal owner'],
    amount: ['Amount', 'Recent Deal Amount', 'Total Revenue'],
  },
  salesforce: {
    leadId: ['Lead ID', 'Opportunity ID'],
    stage: ['Lead Status', 'Stage'],
    at: ['Last Modified Date'],
    closedAt: ['Close Date'],
    sqlAt: ['Converted Date'],
    reason: ['Loss Reason', 'Lost Reason', 'Unqualified Reason', 'Disqualified Reason', 'Closed Lost Reason'],
    note: ['Description', 'Notes'],
    firstTouchAt: ['First Activity', 'First Activity Date', 'First Call Date', 'First Response Date'],
    owner: ['Lead Owner', 'Opportunity Owner', 'Owner'],
    amount: ['Amount', 'Expected Revenue'],
  },
} as const satisfies Record<string, OutcomeColumnMap>;

/** A named preset of column names. */
export type CrmPreset = keyof typeof CRM_OUTCOME_COLUMNS | 'auto';

/**
 * Stage values as the CRMs export them (internal names and labels, compared after
 * `columnKey`) → stage, or `null` for a value that is not an outcome yet (a subscriber,
 * a new lead). A reason code comes with values that imply one ("Bad Timing").
 */
const STAGE_VALUES: Readonly<Record<string, { stage: OutcomeStage; reason?: OutcomeCode } | null>> = vocabulary({
  // leadgate's own stage names
  mql: 'mql', sal: 'sal', sql: 'sql', opportunity: 'opportunity', won: 'won', lost: 'lost', rejected: 'rejected', recycled: 'recycled',
  // HubSpot lifecycle stages (internal value and label)
  subscriber: null, lead: null, other: null,
  marketingqualifiedlead: 'mql', 'Marketing Qualified Lead': 'mql',
  salesqualifiedlead: 'sql', 'Sales Qualified Lead': 'sql',
  customer: 'won', evangelist: 'won',
  // HubSpot lead statuses
  new: null, open: null,
  'In Progress': 'sal', 'Attempted to Contact': 'sal', connected: 'sal',
  'Open Deal': 'opportunity',
  unqualified: 'rejected',
  'Bad Timing': { stage: 'recycled', reason: 'SALES_BAD_TIMING' },
  // Salesforce lead statuses (defaults, and the common custom ones)
  'Open - Not Contacted': null,
  'Working - Contacted': 'sal', working: 'sal', contacted: 'sal', accepted: 'sal', 'Sales Accepted Lead': 'sal',
  'Closed - Converted': 'sql', converted: 'sql', qualified: 'sql',
  'Closed - Not Converted': 'rejected', disqualified: 'rejected',
  nurture: 'recycled',
  // Salesforce opportunity stages
  prospecting: 'opportunity', qualification: 'opportunity', 'Needs Analysis': 'opportunity', 'Value Proposition': 'opportunity',
  'Id. Decision Makers': 'opportunity', 'Perception Analysis': 'opportunity', 'Proposal/Price Quote': 'opportunity', 'Negotiation/Review': 'opportunity',
  'Closed Won': 'won', 'Closed Lost': 'lost',
});

/**
 * When several stage columns disagree (HubSpot lifecycle `Lead` with lead status
 * `Unqualified`; Salesforce lead status `Closed - Converted` with opportunity stage
 * `Closed Won`), the row's stage is the one ranked highest: a closed deal, then a sales
 * verdict, then the furthest funnel stage.
 */
const STAGE_RANK: readonly OutcomeStage[] = ['mql', 'sal', 'sql', 'opportunity', 'recycled', 'rejected', 'lost', 'won'];

/**
 * Reason text → code, first match wins, so the specific phrases come before the words
 * they contain ("lost to a competitor" before "competitor", "do not contact" before
 * "contact"). An exact code (`SALES_NO_BUDGET`) or label ("No budget") matches too.
 */
const REASON_PATTERNS: readonly [OutcomeCode, RegExp][] = [
  ['SALES_DO_NOT_CONTACT', /do not (contact|call|email)|\bdnc\b|unsubscri|opted? ?out|remove me|asked not to/],
  ['SALES_NO_CONSENT', /consent|gdpr|lawful basis|permission/],
  ['SALES_LOST_TO_COMPETITOR', /(lost to|went with|chose|bought|selected) (a |the )?compet/],
  ['SALES_COMPETITOR', /compet/],
  ['SALES_EXISTING_CUSTOMER', /(existing|current|already an?) (customer|client)/],
  ['SALES_DUPLICATE', /duplicat|already in (the )?crm/],
  ['SALES_FAKE', /fake|junk|spam|bogus|\btest\b|bot\b|gibberish/],
  ['SALES_UNREACHABLE', /bounc|unreachable|wrong number|invalid (email|phone|number)|no contact info|could not (reach|contact)|can ?not reach/],
  ['SALES_WRONG_TITLE', /title|left (the )?company|no longer (at|with)|wrong (person|contact)|not the right (person|contact)/],
  ['SALES_NO_AUTHORITY', /authority|decision maker|not (a )?decision|no (buying )?power/],
  ['SALES_NO_BUDGET', /budget|price|pricing|too expensive|cost|afford/],
  ['SALES_WRONG_INDUSTRY', /industry|vertical|sector/],
  ['SALES_WRONG_REGION', /region|country|geograph|territory|location/],
  ['SALES_TOO_SMALL', /too small|small (company|business|account)|company size|size/],
  ['SALES_BAD_TIMING', /timing|not now|next (year|quarter)|later|contract (running|in place)|not ready/],
  ['SALES_NO_DECISION', /no decision|unresponsive|no response|went dark|ghost|stall|do nothing|status quo/],
  ['SALES_NO_NEED', /no need|not interested|no interest|no (pain|problem|use case)|not a fit|poor fit/],
];

/** `E-mail Address` → `emailaddress`: how column names and values are compared. */
export function columnKey(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function vocabulary<T>(table: Record<string, OutcomeStage | T | null>): Record<string, { stage: OutcomeStage; reason?: OutcomeCode } | null> {
  const out: Record<string, { stage: OutcomeStage; reason?: OutcomeCode } | null> = Object.create(null);
  for (const [text, value] of Object.entries(table)) out[columnKey(text)] = typeof value === 'string' ? { stage: value as OutcomeStage } : (value as { stage: OutcomeStage; reason?: OutcomeCode } | null);
  return out;
}

const CODE_BY_KEY: ReadonlyMap<string, OutcomeCode> = new Map(
  (Object.entries(OUTCOME_CODES) as [OutcomeCode, { label: string }][]).flatMap(([code, spec]) => [[columnKey(code), code], [columnKey(spec.label), code]] as const),
);

/**
 * Reason text as a rep typed or picked it → a sales reason code. Text that matches no
 * code is `SALES_OTHER`, with the text kept as the note, so nothing the rep said is lost.
 * `note` is set whenever the code alone does not say everything the text did.
 *
 * @example
 * reasonFromText('Went with a competitor'); // { reason: 'SALES_LOST_TO_COMPETITOR', note: 'Went with a competitor' }
 * reasonFromText('No budget');              // { reason: 'SALES_NO_BUDGET' }
 */
export function reasonFromText(text: string): { reason: OutcomeCode; note?: string } {
  const trimmed = text.trim();
  const exact = CODE_BY_KEY.get(columnKey(trimmed));
  if (exact) return { reason: exact };
  const lower = trimmed.toLowerCase();
  const match = REASON_PATTERNS.find(([, pattern]) => pattern.test(lower));
  return { reason: match ? match[0] : 'SALES_OTHER', note: trimmed.slice(0, MAX_OUTCOME_NOTE_LENGTH) };
}

/** A CSV header resolved against a column map: field → column index. */
export interface ResolvedOutcomeColumns {
  indexOf: Partial<Record<OutcomeColumnField, number[]>>;
  /** The column names found, per field, for the summary. */
  names: Partial<Record<OutcomeColumnField, string[]>>;
}

/** What a header is missing; empty when the row mapping can work. */
export interface OutcomeColumnProblem {
  field: OutcomeColumnField;
  message: string;
}

/**
 * Finds each field's columns in a header. `overrides` (the CLI's `--map`) replace a
 * preset's candidates for a field, and must name a column the header has.
 */
export function resolveOutcomeColumns(header: readonly string[], preset: CrmPreset = 'auto', overrides: OutcomeColumnMap = {}): { columns: ResolvedOutcomeColumns; problems: OutcomeColumnProblem[] } {
  const maps: readonly OutcomeColumnMap[] = preset === 'auto' ? [GENERIC, CRM_OUTCOME_COLUMNS.hubspot, CRM_OUTCOME_COLUMNS.salesforce] : [GENERIC, CRM_OUTCOME_COLUMNS[preset]];
  const byKey = new Map<string, number>();
  header.forEach((name, index) => {
    const key = columnKey(name);
    if (!byKey.has(key)) byKey.set(key, index);
  });
  const columns: ResolvedOutcomeColumns = { indexOf: {}, names: {} };
  const problems: OutcomeColumnProblem[] = [];
  const fields = new Set<OutcomeColumnField>([...maps.flatMap((map) => Object.keys(map) as OutcomeColumnField[]), ...(Object.keys(overrides) as OutcomeColumnField[])]);
  for (const field of fields) {
    const override = overrides[field];
    const candidates = override ?? maps.flatMap((map) => map[field] ?? []);
    const found = [...new Set(candidates.map((name) => byKey.get(columnKey(name))).filter((index): index is number => index !== undefined))];
    if (override && found.length === 0) problems.push({ field, message: `--map ${field}="${override.join('", "')}": the file has no such column` });
    if (found.length === 0) continue;
    // Every column found is kept: a value is read from the first that is not empty, stages from all.
    columns.indexOf[field] = found;
    columns.names[field] = found.map((index) => header[index]!);
  }
  if (!columns.indexOf.leadId) problems.push({ field: 'leadId', message: 'no lead id column (Record ID, Lead ID, leadId); name it with --map leadId=Column' });
  const hasStageDates = Object.keys(columns.indexOf).some((field) => field.endsWith('At') && field !== 'firstTouchAt' && field !== 'closedAt');
  if (!columns.indexOf.stage && !hasStageDates) problems.push({ field: 'stage', message: 'no stage column (Lifecycle Stage, Lead Status, Stage) or stage date column; name one with --map stage=Column' });
  return { columns, problems };
}

/** What one row became: its records, nothing (not an outcome yet), or what was wrong. */
export type OutcomeRowResult =
  | { kind: 'records'; records: OutcomeRecord[] }
  | { kind: 'no-outcome' }
  | { kind: 'bad'; issues: OutcomeIssue[] };

/** Options of {@link outcomeRecordsFromRow}. */
export interface OutcomeRowOptions {
  /** How to read `3/11/2026`: `mdy` (US, Salesforce's default locale) or `dmy`. Default `mdy`. */
  dateOrder?: 'mdy' | 'dmy';
}

/**
 * One CSV row → the outcome records it says: one per stage date column that has a
 * date (`Became a Marketing Qualified Lead Date` → `mql`), plus the row's current stage
 * from its stage columns, dated by that stage's own date column, else the `at` column,
 * else the latest stage date of the row. Reasons apply to `rejected`, `lost` and
 * `recycled`; amounts to `opportunity`, `won` and `lost`. Never throws.
 */
export function outcomeRecordsFromRow(fields: readonly string[], columns: ResolvedOutcomeColumns, options: OutcomeRowOptions = {}): OutcomeRowResult {
  const cell = (field: OutcomeColumnField): { text: string; column: string } | undefined => {
    const indexes = columns.indexOf[field] ?? [];
    for (const [position, index] of indexes.entries()) {
      const text = fields[index]?.trim();
      if (text) return { text, column: columns.names[field]![position]! };
    }
    return undefined;
  };
  const value = (field: OutcomeColumnField) => cell(field)?.text;
  const issues: OutcomeIssue[] = [];
  const date = (field: OutcomeColumnField): string | undefined => {
    const found = cell(field);
    if (found === undefined) return undefined;
    const iso = isoDate(found.text, options.dateOrder ?? 'mdy');
    if (iso === undefined) issues.push({ path: field, message: `"${found.text.slice(0, 40)}" in column "${found.column}" is not a date (use YYYY-MM-DD, or M/D/YYYY)` });
    return iso;
  };

  const leadId = value('leadId');
  const stageDates = new Map<OutcomeStage, string>();
  for (const stage of STAGE_RANK) {
    const at = date(`${stage}At`);
    if (at !== undefined) stageDates.set(stage, at);
  }

  let current: { stage: OutcomeStage; reason?: OutcomeCode } | undefined;
  for (const index of columns.indexOf.stage ?? []) {
    const text = fields[index]?.trim() ?? '';
    if (text === '') continue;
    const key = columnKey(text);
    const known = Object.hasOwn(STAGE_VALUES, key) ? STAGE_VALUES[key] : undefined;
    if (known === undefined) {
      issues.push({ path: 'stage', message: `"${text.slice(0, 40)}" in column "${columnsName(columns, index)}" is not a stage leadgate knows; map the column to one with --map stage=Column or fix the value` });
      continue;
    }
    if (known && (!current || STAGE_RANK.indexOf(known.stage) > STAGE_RANK.indexOf(current.stage))) current = known;
  }

  const amountCell = cell('amount');
  const amount = amountCell === undefined ? undefined : parseAmount(amountCell.text);
  if (amountCell !== undefined && amount === undefined) issues.push({ path: 'amount', message: `"${amountCell.text.slice(0, 40)}" in column "${amountCell.column}" is not an amount` });
  const firstTouchAt = date('firstTouchAt');
  const fallbackAt = date('at');
  const closedAt = date('closedAt');
  if (issues.length > 0) return { kind: 'bad', issues };
  if (leadId === undefined) return { kind: 'bad', issues: [{ path: 'leadId', message: `column "${columns.names.leadId?.join('", "')}" is empty` }] };
  // A subscriber, a new lead, an empty stage cell: nothing happened on the sales side yet.
  if (!current && stageDates.size === 0) return { kind: 'no-outcome' };

  const shared = { ...(firstTouchAt ? { firstTouchAt } : {}), ...(value('owner') ? { owner: value('owner')!.slice(0, 200) } : {}) };
  const drafts: Record<string, unknown>[] = [];
  for (const [stage, at] of stageDates) if (stage !== current?.stage) drafts.push({ leadId, stage, at, ...shared, ...amountFor(stage, amount) });
  if (current) {
    const latestDate = [...stageDates.values()].sort().at(-1);
    const closed = current.stage === 'won' || current.stage === 'lost' ? closedAt : undefined;
    const at = stageDates.get(current.stage) ?? closed ?? fallbackAt ?? latestDate;
    if (at === undefined) return { kind: 'bad', issues: [{ path: 'at', message: `no date for stage ${current.stage}: the row has no ${current.stage} date, Close Date or Last Modified Date (map one with --map at=Column)` }] };
    const draft: Record<string, unknown> = { leadId, stage: current.stage, at, ...shared, ...amountFor(current.stage, amount) };
    if (current.stage === 'rejected' || current.stage === 'lost' || current.stage === 'recycled') {
      const reasonText = value('reason');
      const explicitNote = value('note');
      const { reason, note } = reasonText !== undefined ? reasonFromText(reasonText) : current.reason ? { reason: current.reason } : current.stage === 'rejected' ? { reason: 'SALES_OTHER' as const, note: 'no reason given in the export' } : { reason: undefined };
      if (reason) draft.reason = reason;
      const fullNote = [note, explicitNote].filter(Boolean).join(' — ');
      if (fullNote) draft.note = fullNote.slice(0, MAX_OUTCOME_NOTE_LENGTH);
    }
    drafts.push(draft);
  }
  const records: OutcomeRecord[] = [];
  for (const draft of drafts) {
    const parsed = parseOutcome(draft);
    if (!parsed.ok) return { kind: 'bad', issues: parsed.issues };
    records.push(parsed.outcome);
  }
  return { kind: 'records', records };
}

function columnsName(columns: ResolvedOutcomeColumns, index: number): string {
  return columns.names.stage?.[columns.indexOf.stage?.indexOf(index) ?? -1] ?? '';
}

function amountFor(stage: OutcomeStage, amount: number | undefined): { amount?: number } {
  return amount !== undefined && (stage === 'opportunity' || stage === 'won' || stage === 'lost') ? { amount } : {};
}

/** `$12,500.00`, `12500`, `EUR 1,200` → a number; `undefined` for anything else. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/^[A-Z]{3}\s*|[\s$€£¥]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/**
 * A CRM date → the ISO form the outcome schema takes: `2026-11-03`, `2026-11-03 14:20`,
 * `2026-11-03T14:20:00Z` as they are (time kept, zone kept when given); `11/3/2026` and
 * `11/3/2026 2:20 PM` read in `order`. `undefined` when it is not a real date.
 */
export function isoDate(text: string, order: 'mdy' | 'dmy'): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  let day: string;
  let time: string | undefined;
  let zone = '';
  if (iso) {
    [day, time, zone = ''] = [iso[1]!, iso[2], iso[3]];
  } else {
    const slash = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(trimmed);
    if (!slash) return undefined;
    const [first, second, year] = [Number(slash[1]), Number(slash[2]), slash[3]!];
    const [month, dayOfMonth] = order === 'mdy' ? [first, second] : [second, first];
    day = `${year}-${pad(month)}-${pad(dayOfMonth)}`;
    if (slash[4] !== undefined) {
      let hour = Number(slash[4]);
      const meridiem = slash[7]?.toLowerCase();
      if (meridiem && (hour < 1 || hour > 12)) return undefined;
      if (meridiem === 'pm' && hour < 12) hour += 12;
      if (meridiem === 'am' && hour === 12) hour = 0;
      time = `${pad(hour)}:${slash[5]}${slash[6] ? `:${slash[6]}` : ''}`;
    }
  }
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, dayOfMonth));
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip does not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) return undefined;
  if (time !== undefined) {
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    if (hour > 23 || minute > 59) return undefined;
  }
  return time === undefined ? day : `${day}T${time}${zone}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
