import { companyKey, withinEdits } from '../company-name.js';
import { toAsciiDomain } from '../email/ascii-domain.js';
import { websiteHost } from '../email/domain-relation.js';
import type { BuyingRole } from './buying-roles.js';
import { parseAccountRows, type AccountInput, type AccountRecord } from './account-rows.js';

/** A company the seller knows: a CRM account, a row of a target account list. */
export interface Account {
  /** Stable id in the system of record (a CRM account id). */
  id: string;
  name: string;
  /** Registrable domains and websites, lower case, without `www.`: `['acme.com', 'acme.de']`. */
  domains: string[];
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** The switchboard number, in any format. */
  phone?: string;
  /** On the target account list (ABM). Only `true` makes an account a target. */
  target?: boolean;
  /** Already a customer (expansion). */
  customer?: boolean;
  /** Who owns the account in direct sales (a rep or team id). */
  owner?: string;
  /** The partner the account is registered to, if any. */
  partnerId?: string;
}

/**
 * A member of an account's buying group. Never holds a raw email address: `emailDigest`
 * is `contactDigest` of it, enough to recognise the same person again.
 */
export interface BuyingGroupContact {
  emailDigest?: string;
  title?: string;
  /**
   * Roles a person assigned (HubSpot `hs_buying_role`, Salesforce `OpportunityContactRole`),
   * or, for a contact the group check recorded, the role it inferred from the title.
   * The only way a `champion` enters a group.
   */
  roles?: BuyingRole[];
  /** ISO 8601 time the contact was recorded. */
  addedAt?: string;
  /** The lead id the contact came from, when the caller passed one in the context. */
  leadId?: string;
}

/** What the group check asks an account store for: the lead's domains and company name. */
export interface AccountQuery {
  /** The lead's email domain (never a free-mail domain), lower case. */
  domain?: string;
  /** The host of the lead's website, lower case, without `www.`. */
  website?: string;
  /** The company name as the lead typed it; stores normalise it as they need. */
  companyName?: string;
}

/** Passed to every store call: abort the request when the check times out. */
export interface AccountStoreCallOptions {
  signal?: AbortSignal;
}

/**
 * Where the group check finds accounts and their buying groups. Implement it over your
 * CRM (Salesforce, HubSpot) or use {@link memoryAccountStore}. Every method may reject
 * (a CRM that is down): the gate turns that into `SYSTEM_CHECK_FAILED` → `review`.
 *
 * `findAccounts` returns candidates; the check decides which one (if any) is the lead's
 * account, so a store may return generously (every account with the domain, and every
 * account whose name is close). `addContact` must be idempotent per `emailDigest`.
 *
 * @example
 * const crmStore: AccountStore = {
 *   findAccounts: ({ domain, website, companyName }, { signal } = {}) => crm.searchAccounts({ domain, website, name: companyName }, { signal }),
 *   contacts: (accountId) => crm.buyingGroup(accountId),
 *   addContact: (accountId, contact) => crm.upsertContactRole(accountId, contact),
 * };
 */
export interface AccountStore {
  findAccounts(query: AccountQuery, options?: AccountStoreCallOptions): Promise<Account[]>;
  contacts(accountId: string, options?: AccountStoreCallOptions): Promise<BuyingGroupContact[]>;
  addContact(accountId: string, contact: BuyingGroupContact, options?: AccountStoreCallOptions): Promise<void>;
}

/** The method names an `AccountStore` must have; option validation checks for them. */
export const ACCOUNT_STORE_METHODS = ['findAccounts', 'contacts', 'addContact'] as const satisfies readonly (keyof AccountStore)[];

/** Options for {@link memoryAccountStore}. */
export interface MemoryAccountStoreOptions {
  /** Salt for the digests of contacts given with a raw `email`. Default `DEFAULT_CONTACT_SALT`. */
  salt?: string;
  /**
   * Names at least this similar (0–1) are returned as candidates: set it to the check's
   * `nameSimilarity` (which is what `buyingGroup({ accounts: rows })` does). Default 0.75.
   */
  candidateSimilarity?: number;
}

/**
 * An in-process account store over plain data: a target account list, a CRM export
 * (`loadAccounts(path)` from `leadgate/node` reads one from JSON or CSV). Contacts the
 * group check records are kept in memory, for the life of the store.
 *
 * Rows are validated as `parseAccountRows` does: a bad row throws a `LeadGateError`
 * naming it. Raw contact emails are digested on the way in and never kept.
 *
 * Domains are looked up in a map; names through a letter-pair index. Measured on
 * synthetic lists of look-alike names (whole check, one lead): about 0.5 ms at 1,000
 * accounts, 2.5 ms at 10,000, 10–15 ms at 50,000. Past that, back an `AccountStore`
 * with a search index (your CRM's, or a database).
 *
 * @example
 * const accounts = memoryAccountStore([
 *   { id: '001', name: 'Northwind Logistics GmbH', domains: ['northwind-logistics.de'], country: 'DE', target: true },
 * ]);
 * createGate({ motion: 'abm', checks: [buyingGroup({ accounts })] });
 */
export function memoryAccountStore(accounts: readonly (AccountInput | AccountRecord)[], options: MemoryAccountStoreOptions = {}): AccountStore {
  const records = parseAccountRows(accounts, options.salt === undefined ? {} : { salt: options.salt });
  const candidateSimilarity = options.candidateSimilarity ?? 0.75;
  const byId = new Map<string, Account>();
  const byDomain = new Map<string, string[]>();
  const names = new NameIndex();
  const contacts = new Map<string, BuyingGroupContact[]>();
  for (const { contacts: members, ...account } of records) {
    if (byId.has(account.id)) {
      // Two rows for one account: their domains and contacts belong together.
      const known = byId.get(account.id)!;
      for (const domain of account.domains) if (!known.domains.includes(domain)) known.domains.push(domain);
    } else {
      byId.set(account.id, { ...account, domains: [...account.domains] });
      names.add(account.id, companyKey(account.name));
      contacts.set(account.id, []);
    }
    for (const domain of account.domains) {
      const ids = byDomain.get(domain) ?? [];
      if (!ids.includes(account.id)) ids.push(account.id);
      byDomain.set(domain, ids);
    }
    for (const member of members ?? []) addMember(contacts.get(account.id)!, member);
  }

  const copy = (account: Account): Account => ({ ...account, domains: [...account.domains] });

  return {
    async findAccounts(query) {
      const found = new Set<string>();
      for (const host of [query.domain, query.website]) {
        const domain = host === undefined ? undefined : normalisedHost(host);
        // The host and each parent: `mail.eu.acme.com` finds the account of `acme.com`.
        for (let at = domain; at && at.includes('.'); at = at.slice(at.indexOf('.') + 1)) {
          for (const id of byDomain.get(at) ?? []) found.add(id);
        }
      }
      if (query.companyName) {
        for (const id of names.similar(companyKey(query.companyName), candidateSimilarity)) found.add(id);
      }
      return [...found].map((id) => copy(byId.get(id)!));
    },
    async contacts(accountId) {
      return (contacts.get(accountId) ?? []).map((member) => ({ ...member, ...(member.roles ? { roles: [...member.roles] } : {}) }));
    },
    async addContact(accountId, contact) {
      const members = contacts.get(accountId);
      if (!members) throw new Error('memoryAccountStore: unknown account');
      addMember(members, contact);
    },
  };
}

/** Adds or merges a member: one entry per email digest, roles joined. */
function addMember(members: BuyingGroupContact[], contact: BuyingGroupContact): void {
  const existing = contact.emailDigest === undefined ? undefined : members.find((member) => member.emailDigest === contact.emailDigest);
  if (!existing) {
    members.push({ ...contact, ...(contact.roles ? { roles: [...contact.roles] } : {}) });
    return;
  }
  if (contact.roles) existing.roles = [...new Set([...(existing.roles ?? []), ...contact.roles])];
  if (contact.title && !existing.title) existing.title = contact.title;
}

/** A domain or website as the store keys it: ASCII, lower case, no scheme, path or `www.`. */
export function normalisedHost(value: string): string | undefined {
  const host = websiteHost(value);
  return host === undefined ? undefined : toAsciiDomain(host);
}

/**
 * Company names indexed by their letter pairs, so a fuzzy lookup compares the query with
 * the names that share enough pairs instead of every account (q-gram filtering). Within
 * k edits, at most 3k distinct pairs of either name are lost (2 per insertion, deletion
 * or substitution, 3 per swap of neighbours), so a name sharing fewer than
 * `max(pairs(a), pairs(b)) − 3k` pairs cannot reach the threshold and is skipped without
 * losing a match. The bound can fall to zero (short names, names of few distinct pairs
 * such as "aaaa", thresholds under about 0.67), so names sharing no pair with the query
 * are tested against the same bound too: a cheap integer test per name, and the
 * similarity only for the few it lets through (fast-check found "cdacba" ~ "cadcaa").
 */
class NameIndex {
  readonly #ids: string[] = [];
  /** Keys without spaces, as `companyKeySimilarity` compares them. */
  readonly #compact: string[] = [];
  readonly #sizes: Array<{ length: number; pairs: number }> = [];
  readonly #postings = new Map<string, number[]>();

  add(id: string, key: string): void {
    const slot = this.#ids.length;
    const compact = key.replace(/ /g, '');
    const pairs = letterPairs(compact);
    this.#ids.push(id);
    this.#compact.push(compact);
    this.#sizes.push({ length: compact.length, pairs: pairs.size });
    for (const pair of pairs) {
      const postings = this.#postings.get(pair);
      if (postings) postings.push(slot);
      else this.#postings.set(pair, [slot]);
    }
  }

  /** Ids of the names at least `threshold` alike to `key` (see `companyKeySimilarity`). */
  similar(key: string, threshold: number): string[] {
    const compact = key.replace(/ /g, '');
    if (compact === '') return [];
    const pairs = letterPairs(compact);
    // A typed array: a Map here cost 40 ms a query on 50,000 names.
    const counts = new Uint16Array(this.#ids.length);
    for (const pair of pairs) {
      for (const slot of this.#postings.get(pair) ?? []) counts[slot]!++;
    }
    const out: string[] = [];
    // Every slot, not only the touched ones: the bound can fall to zero (see above), and the
    // integer tests below cost little next to the edit distance they save.
    for (let slot = 0; slot < this.#ids.length; slot++) {
      const size = this.#sizes[slot]!;
      // The most edits that still reach the threshold; the epsilon keeps 0.1 × 10 from flooring to 0.
      const edits = Math.floor((1 - threshold) * Math.max(compact.length, size.length) + 1e-9);
      // Each edit changes the length by at most one, and loses at most three pairs.
      if (Math.abs(compact.length - size.length) > edits || counts[slot]! < Math.max(pairs.size, size.pairs) - 3 * edits) continue;
      // Within `edits` edits is the same test as a similarity of at least `threshold`.
      if (withinEdits(compact, this.#compact[slot]!, edits)) out.push(this.#ids[slot]!);
    }
    return out;
  }
}

/** The distinct pairs of adjacent characters: "acme" → ac, cm, me. */
function letterPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  if (text.length === 1) pairs.add(text);
  return pairs;
}
