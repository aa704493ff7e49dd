import { LeadGateError } from '../../core/errors.js';
import { describeValue } from '../../core/options.js';
import { toAsciiDomain } from '../email/ascii-domain.js';
import { websiteHost } from '../email/domain-relation.js';
import type { Account, BuyingGroupContact } from './account-store.js';
import { contactDigest } from './contact-digest.js';
import { BUYING_ROLES, type BuyingRole } from './buying-roles.js';
import { parseCsv } from './csv.js';

/** A contact as a file or a caller gives it: a raw `email` is digested on the way in. */
export interface ContactInput {
  email?: string;
  emailDigest?: string;
  title?: string;
  /** Buying roles a person assigned, e.g. `['champion']`; a string may list them with `;` or `|`. */
  roles?: readonly BuyingRole[] | string;
  addedAt?: string;
}

/**
 * An account as plain data, as written in JSON or a CSV row. Column names are matched
 * loosely (case, spaces and underscores ignored) and common CRM export names are
 * understood: `Account ID`, `Account Name`/`Company`, `Website`/`Domain`, `Billing Country`,
 * `Account Owner`. `id` defaults to the first domain, then to the name.
 */
export interface AccountInput {
  id?: string | number;
  name?: string;
  /** An array, or one string listing domains or websites separated by `;`, `,`, `|` or spaces. */
  domains?: readonly string[] | string;
  domain?: string;
  website?: string;
  country?: string;
  phone?: string | number;
  /** `true`, or a spreadsheet's `yes`/`y`/`1`/`x`/`true`. */
  target?: boolean | string | number;
  customer?: boolean | string | number;
  owner?: string | number;
  partnerId?: string | number;
  contacts?: readonly ContactInput[];
  [column: string]: unknown;
}

/** A validated account with its known buying group, as {@link parseAccountRows} returns it. */
export interface AccountRecord extends Account {
  contacts: BuyingGroupContact[];
}

// Normalised column name → field. Normalised: lower case, letters and digits only.
const COLUMNS: Record<string, keyof Account | 'contacts' | 'domains'> = {
  id: 'id', accountid: 'id', recordid: 'id',
  name: 'name', accountname: 'name', company: 'name', companyname: 'name', account: 'name',
  domains: 'domains', domain: 'domains', website: 'domains', websites: 'domains', url: 'domains', emaildomain: 'domains', emaildomains: 'domains',
  country: 'country', countrycode: 'country', billingcountry: 'country', billingcountrycode: 'country',
  phone: 'phone', phonenumber: 'phone', switchboard: 'phone',
  target: 'target', istarget: 'target', targetaccount: 'target', tal: 'target',
  customer: 'customer', iscustomer: 'customer',
  owner: 'owner', ownerid: 'owner', accountowner: 'owner',
  partnerid: 'partnerId', partner: 'partnerId',
  contacts: 'contacts',
};

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'ja', 'oui', 'si']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '', 'nein', 'non']);
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };
const ROLE_SET: ReadonlySet<string> = new Set(BUYING_ROLES);

/** Options for {@link parseAccountRows}. */
export interface ParseAccountRowsOptions {
  /** Salt for the digests of contacts' emails. Must be the group check's `salt`. Default `DEFAULT_CONTACT_SALT`. */
  salt?: string;
}

/**
 * Validates accounts given as objects (parsed JSON) or as CSV text with a header row,
 * and returns them in one canonical shape. Browser-safe: file reading is `loadAccounts`
 * in `leadgate/node`. A bad row throws a `LeadGateError` whose `option` names it
 * (`accounts[2].country`) and whose message gives the CSV line.
 *
 * CSV rows hold accounts only; contacts come with JSON (`contacts: [{ email, title, roles }]`).
 *
 * @example
 * parseAccountRows('Account ID,Account Name,Website,Billing Country,Target\n001,"Acme, Inc.",https://www.acme.com,US,yes')
 * // [{ id: '001', name: 'Acme, Inc.', domains: ['acme.com'], country: 'US', target: true, contacts: [] }]
 */
export function parseAccountRows(input: string | readonly unknown[], options: ParseAccountRowsOptions = {}): AccountRecord[] {
  if (typeof input === 'string') {
    const [header, ...rows] = parseCsv(input);
    if (!header) return [];
    const fields = header.fields.map((name) => COLUMNS[columnKey(name)]);
    if (!fields.includes('name') && !fields.includes('domains')) {
      throw new LeadGateError('parseAccountRows: the CSV header has neither a name nor a domain column (e.g. "name,domains")', { option: 'accounts' });
    }
    return rows.map(({ line, fields: values }, index) => {
      const row: Record<string, unknown> = {};
      fields.forEach((field, column) => {
        const value = values[column]?.trim();
        if (!field || value === undefined || value === '') return;
        row[field] = field === 'domains' && typeof row.domains === 'string' ? `${row.domains};${value}` : value;
      });
      return accountRecord(row, index, `line ${line}`, options);
    });
  }
  if (!Array.isArray(input)) {
    throw new LeadGateError(`parseAccountRows: expected an array of accounts or CSV text, received ${describeValue(input)}`, { option: 'accounts' });
  }
  return input.map((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new LeadGateError(`parseAccountRows: account ${index + 1} must be an object, received ${describeValue(raw)}`, { option: `accounts[${index}]` });
    }
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const field = COLUMNS[columnKey(key)];
      if (!field || value === undefined || value === null || value === '') continue;
      row[field] = field === 'domains' && row.domains !== undefined ? [...toList(row.domains), ...toList(value)] : value;
    }
    return accountRecord(row, index, `account ${index + 1}`, options);
  });
}

function accountRecord(row: Record<string, unknown>, index: number, where: string, options: ParseAccountRowsOptions): AccountRecord {
  const bad = (field: string, expected: string, value: unknown): never => {
    throw new LeadGateError(`parseAccountRows: ${where}: "${field}" must be ${expected}, received ${describeValue(value)}`, { option: `accounts[${index}].${field}` });
  };
  const domains: string[] = [];
  for (const item of row.domains === undefined ? [] : toList(row.domains)) {
    const host = typeof item === 'string' ? websiteHost(item) : undefined;
    const ascii = host === undefined ? undefined : toAsciiDomain(host);
    if (ascii === undefined) bad('domains', 'domain names or websites such as "acme.com"', item);
    else if (!domains.includes(ascii)) domains.push(ascii);
  }
  const name = text(row.name) ?? domains[0];
  if (name === undefined) bad('name', 'a company name (or give a domain)', row.name);
  // A hand-written target list may have names only: the name is then the id.
  const id = text(row.id) ?? domains[0] ?? name!;
  const record: AccountRecord = { id, name: name!, domains, contacts: [] };

  if (row.country !== undefined) {
    const upper = String(row.country).trim().toUpperCase();
    const code = COUNTRY_ALIASES[upper] ?? upper;
    if (!/^[A-Z]{2}$/.test(code)) bad('country', 'an ISO 3166-1 alpha-2 code such as "DE"', row.country);
    record.country = code;
  }
  const phone = text(row.phone);
  if (phone !== undefined) record.phone = phone;
  for (const flag of ['target', 'customer'] as const) {
    if (row[flag] === undefined) continue;
    const value = row[flag];
    const word = typeof value === 'boolean' ? String(value) : String(value).trim().toLowerCase();
    if (TRUE_WORDS.has(word)) record[flag] = true;
    else if (FALSE_WORDS.has(word)) record[flag] = false;
    else bad(flag, 'true or false (yes/no, 1/0, x)', value);
  }
  const owner = text(row.owner);
  if (owner !== undefined) record.owner = owner;
  const partnerId = text(row.partnerId);
  if (partnerId !== undefined) record.partnerId = partnerId;

  if (row.contacts !== undefined) {
    if (!Array.isArray(row.contacts)) bad('contacts', 'an array of { email, title, roles }', row.contacts);
    (row.contacts as unknown[]).forEach((raw, position) => {
      record.contacts.push(contactRecord(raw, (field, expected, value) => bad(`contacts[${position}]${field ? `.${field}` : ''}`, expected, value), options));
    });
  }
  return record;
}

function contactRecord(raw: unknown, bad: (field: string, expected: string, value: unknown) => never, options: ParseAccountRowsOptions): BuyingGroupContact {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('', 'an object { email, title, roles }', raw);
  const input = raw as Record<string, unknown>;
  const contact: BuyingGroupContact = {};
  if (input.email !== undefined) {
    if (typeof input.email !== 'string' || !input.email.includes('@')) bad('email', 'an email address', '(not shown)');
    contact.emailDigest = contactDigest(input.email as string, options.salt);
  } else if (input.emailDigest !== undefined) {
    if (typeof input.emailDigest !== 'string' || !/^[0-9a-f]{64}$/.test(input.emailDigest)) bad('emailDigest', 'a SHA-256 digest in hex (contactDigest)', input.emailDigest);
    contact.emailDigest = input.emailDigest as string;
  }
  const title = text(input.title);
  if (title !== undefined) contact.title = title;
  const roles = input.roles ?? input.role;
  if (roles !== undefined) {
    const list = toList(roles).map((role) => (typeof role === 'string' ? role.trim().toLowerCase().replace(/[\s-]+/g, '_') : role));
    const unknown = list.find((role) => typeof role !== 'string' || !ROLE_SET.has(role));
    if (unknown !== undefined) bad('roles', `buying roles from ${BUYING_ROLES.join(', ')}`, unknown);
    if (list.length > 0) contact.roles = [...new Set(list as BuyingRole[])];
  }
  if (typeof input.addedAt === 'string') contact.addedAt = input.addedAt;
  return contact;
}

function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/[;,|\s]+/).filter(Boolean);
  return [value];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
