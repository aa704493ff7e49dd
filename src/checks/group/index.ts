import { defineCheck, type CheckContext, type CheckOutcome } from '../../core/check.js';
import type { Lead } from '../../core/lead.js';
import { analyzeEmail } from '../email/analyze.js';
import { websiteHost } from '../email/domain-relation.js';
import { parseTitle } from '../role/parse-title.js';
import type { ParsedTitle } from '../role/taxonomy.js';
import { normalisedHost, type Account, type AccountStore, type BuyingGroupContact } from './account-store.js';
import type { BuyingRole } from './buying-roles.js';
import { GROUP_CODES, type GroupCode } from './codes.js';
import { contactDigest } from './contact-digest.js';
import { measureCoverage, type Coverage } from './coverage.js';
import { matchAccount, type LeadSignals, type MatchOutcome } from './matching.js';
import { resolveGroupOptions, type BuyingGroupOptions, type ResolvedGroupOptions } from './options.js';
import { personaFor, type Persona } from './personas.js';

export { GROUP_CODES, type GroupCode } from './codes.js';
export { BUYING_ROLES, type BuyingRole } from './buying-roles.js';
export { memoryAccountStore, type Account, type AccountQuery, type AccountStore, type AccountStoreCallOptions, type BuyingGroupContact, type MemoryAccountStoreOptions } from './account-store.js';
export { parseAccountRows, type AccountInput, type AccountRecord, type ContactInput, type ParseAccountRowsOptions } from './account-rows.js';
export { contactDigest, DEFAULT_CONTACT_SALT } from './contact-digest.js';
export { DEFAULT_REQUIRED_ROLES, type RoleRequirement } from './coverage.js';
export { defaultPersonas, type Persona } from './personas.js';
export type { MatchSignal, MatchStrength } from './matching.js';
export type { BuyingGroupOptions } from './options.js';

/** `gate.accountSummary(domain)` as the group check fills it in. */
export interface BuyingGroupSummary {
  accountId: string;
  name: string;
  target?: boolean;
  customer?: boolean;
  coverage: number;
  roles: Partial<Record<BuyingRole, number>>;
  missingRoles: BuyingRole[];
  contacts: number;
  /** A decision maker or budget holder is among the contacts. */
  hasDecisionMaker: boolean;
}

/**
 * Puts a lead in its account's context (account-based marketing): which account it
 * belongs to, whether that is a target account, which buying role the person plays,
 * and how much of the account's buying group is covered before and after this lead.
 * Runs on the server, against an account store (your CRM, or `memoryAccountStore`).
 * Rules and sources: ../shared/research/value_truth.md §4 (LeanData matching,
 * Demandbase personas, Salesforce buying-committee completeness).
 *
 * The motions carry this check's actions but not the check itself (an account store is
 * not plain data): add it with `checks: [buyingGroup({ accounts })]`. After the lead is
 * judged it is added to the account's contacts (see `recordContacts`).
 *
 * Evidence: `{ match, account?, role?, coverage?, contactRecorded }`; coverage holds
 * `before`, `after`, `delta`, `missingBefore`, `missingAfter` and the `roles` held.
 *
 * @example
 * const accounts = memoryAccountStore(await loadAccounts('target-accounts.csv'));
 * const gate = createGate({ motion: 'abm', checks: [buyingGroup({ accounts, functions: ['marketing'] })] });
 * await gate.validate(lead);
 * await gate.accountSummary('northwind-logistics.de'); // { coverage: 0.4, missingRoles: ['budget_holder', …], … }
 */
export const buyingGroup = (options: BuyingGroupOptions = {}) => {
  const resolved = resolveGroupOptions(options);
  return defineCheck({
    id: 'group',
    dimension: 'value',
    runsIn: 'server',
    fields: ['email', 'website', 'company', 'country', 'phone', 'title', 'source'],
    async: true,
    codes: GROUP_CODES,
    run: (lead, ctx) => judgeLead(lead, ctx, resolved),
    operations: {
      accountSummary: (domain, { motion }) => summarizeAccount(domain, motion, resolved),
    },
  });
};

function storeOf(options: ResolvedGroupOptions): AccountStore {
  // Thrown, not reported: a gate without an account store must not pass or reject leads
  // on the group's behalf, so the gate says SYSTEM_CHECK_FAILED and the motion's onError decides.
  if (!options.store) throw new Error('buyingGroup: no account store; pass { accounts }');
  return options.store;
}

async function judgeLead(lead: Lead, ctx: CheckContext<GroupCode>, options: ResolvedGroupOptions): Promise<CheckOutcome> {
  const store = storeOf(options);
  const { signal } = ctx;
  const signals = leadSignals(lead);
  const candidates = checkedAccounts(
    signals.emailDomain || signals.websiteHost || signals.companyName
      ? await store.findAccounts(query(signals), { signal })
      : [],
  );
  const contactCache = new Map<string, Promise<BuyingGroupContact[]>>();
  const contactsOf = (accountId: string) => {
    let found = contactCache.get(accountId);
    if (!found) contactCache.set(accountId, (found = store.contacts(accountId, { signal }).then(checkedContacts)));
    return found;
  };
  const outcome = await matchAccount(signals, candidates, options.nameSimilarity, async (id) => (await contactsOf(id)).length);
  const evidence: Record<string, unknown> = { match: matchEvidence(outcome), contactRecorded: false };

  if (outcome.status === 'unmatched') {
    const data: Record<string, unknown> = { reason: outcome.reason };
    if (outcome.nearMiss) data.nearMiss = { accountId: outcome.nearMiss.account.id, nameSimilarity: outcome.nearMiss.nameSimilarity };
    return ctx.fail('GROUP_ACCOUNT_UNMATCHED', { field: signals.companyName ? 'company' : 'email', data }, evidence);
  }
  if (outcome.status === 'ambiguous') {
    return ctx.fail('GROUP_ACCOUNT_AMBIGUOUS', { field: 'company', data: { candidates: outcome.judgements.map((judgement) => judgement.account.id) } }, evidence);
  }

  const account = outcome.judgement.account;
  evidence.account = { id: account.id, name: account.name, target: account.target === true, customer: account.customer === true };
  if (account.target !== true) ctx.report('GROUP_NOT_TARGET_ACCOUNT', { field: 'company', data: { accountId: account.id } });
  const conflict = ownershipConflict(lead, account);
  if (conflict) ctx.report('GROUP_OWNERSHIP_CONFLICT', { field: 'source', data: { accountId: account.id, ownedBy: conflict } });

  const members = await contactsOf(account.id);
  const digest = lead.email && lead.email.includes('@') ? contactDigest(lead.email, options.salt) : undefined;
  const existing = digest === undefined ? undefined : members.find((member) => member.emailDigest === digest);
  const title = lead.title ? parseTitle(lead.title, lead.employees === undefined ? {} : { employees: lead.employees }) : undefined;
  const role = title ? personaFor(title, options.personas)?.role : undefined;
  evidence.role = roleEvidence(title, role);

  const required = options.requiredRoles(ctx.motion);
  const memberRoles = members.map((member) => rolesOf(member, options.personas));
  const before = measureCoverage(memberRoles, required);
  let after: Coverage = before;
  if (existing) {
    ctx.report('GROUP_CONTACT_EXISTS', { field: 'email', data: { accountId: account.id } });
  } else {
    if (role === undefined) {
      ctx.report('GROUP_ROLE_UNMAPPED', { field: 'title', data: { seniority: title?.seniority ?? 'unknown', function: title?.function ?? 'unknown' } });
    } else if (before.roles[role]) {
      ctx.report('GROUP_ROLE_COVERED', { field: 'title', data: { role, holders: before.roles[role] } });
    }
    after = measureCoverage([...memberRoles, new Set(role ? [role] : [])], required);
  }
  evidence.coverage = {
    before: before.coverage,
    after: after.coverage,
    delta: Math.round((after.coverage - before.coverage) * 1000) / 1000,
    missingBefore: before.missingRoles,
    missingAfter: after.missingRoles,
    roles: after.roles,
  };
  if (after.coverage < options.minCoverage) {
    ctx.report('GROUP_COVERAGE_LOW', { data: { coverage: after.coverage, minCoverage: options.minCoverage, missingRoles: after.missingRoles } });
  }
  if (!after.hasDecisionMaker) ctx.report('GROUP_NO_DECISION_MAKER', { data: { accountId: account.id } });

  // Recorded last, once everything above has run: a check that failed or timed out
  // half-way has not judged the lead, so it must not change the group either.
  if (options.recordContacts && digest !== undefined && !existing && !signal.aborted) {
    const contact: BuyingGroupContact = { emailDigest: digest, roles: [role ?? 'other'], addedAt: ctx.now().toISOString() };
    if (lead.title) contact.title = lead.title;
    if (typeof ctx.context.leadId === 'string' && ctx.context.leadId !== '') contact.leadId = ctx.context.leadId;
    await store.addContact(account.id, contact, { signal });
    evidence.contactRecorded = true;
  }
  return ctx.pass(evidence);
}

/** The lead's side of matching. A free-mail or disposable domain says nothing about the employer. */
function leadSignals(lead: Lead): LeadSignals {
  const signals: LeadSignals = {};
  if (lead.email) {
    const email = analyzeEmail(lead.email);
    const host = email.domain ? normalisedHost(email.domain) : undefined;
    if (email.valid && !email.free && !email.disposable && host) signals.emailDomain = host;
  }
  const website = lead.website ? websiteHost(lead.website) : undefined;
  const host = website ? normalisedHost(website) : undefined;
  if (host) signals.websiteHost = host;
  if (lead.company) signals.companyName = lead.company;
  if (lead.country) signals.country = lead.country;
  if (lead.phone) signals.phone = lead.phone;
  return signals;
}

function query(signals: LeadSignals) {
  return {
    ...(signals.emailDomain ? { domain: signals.emailDomain } : {}),
    ...(signals.websiteHost ? { website: signals.websiteHost } : {}),
    ...(signals.companyName ? { companyName: signals.companyName } : {}),
  };
}

/**
 * A partner lead on an account someone else owns (channel conflict): registered to
 * another partner, or owned by direct sales and registered to no partner.
 */
function ownershipConflict(lead: Lead, account: Account): 'partner' | 'direct' | undefined {
  const partnerId = lead.source?.partnerId;
  if (typeof partnerId !== 'string' || partnerId === '') return undefined;
  if (account.partnerId !== undefined) return account.partnerId === partnerId ? undefined : 'partner';
  return account.owner !== undefined ? 'direct' : undefined;
}

/** The roles a contact plays: those a person assigned, plus the one its title implies. */
function rolesOf(contact: BuyingGroupContact, personas: readonly Persona[]): Set<BuyingRole> {
  const roles = new Set<BuyingRole>(contact.roles ?? []);
  if (contact.title) {
    const inferred = personaFor(parseTitle(contact.title), personas)?.role;
    if (inferred) roles.add(inferred);
  }
  return roles;
}

function roleEvidence(title: ParsedTitle | undefined, role: BuyingRole | undefined): Record<string, unknown> {
  return { role: role ?? null, seniority: title?.seniority ?? 'unknown', function: title?.function ?? 'unknown' };
}

function matchEvidence(outcome: MatchOutcome): Record<string, unknown> {
  if (outcome.status === 'matched') {
    const { judgement } = outcome;
    return {
      status: 'matched',
      accountId: judgement.account.id,
      strength: judgement.strength,
      signals: judgement.signals,
      nameSimilarity: judgement.nameSimilarity,
      candidates: outcome.candidates,
      ...(outcome.tieBreak ? { tieBreak: outcome.tieBreak } : {}),
    };
  }
  if (outcome.status === 'ambiguous') {
    return { status: 'ambiguous', candidates: outcome.candidates, tied: outcome.judgements.map((judgement) => ({ accountId: judgement.account.id, signals: judgement.signals })) };
  }
  return { status: 'unmatched', reason: outcome.reason, candidates: outcome.candidates };
}

/** An account store that answers something else than a list of accounts is broken: throw. */
function checkedAccounts(value: unknown): Account[] {
  if (!Array.isArray(value)) throw new TypeError('buyingGroup: findAccounts must resolve to an array of accounts');
  for (const account of value) {
    const record = account as Partial<Account> | null;
    if (typeof record?.id !== 'string' || typeof record.name !== 'string' || !Array.isArray(record.domains)) {
      throw new TypeError('buyingGroup: findAccounts returned an account without id, name or domains');
    }
  }
  return value as Account[];
}

function checkedContacts(value: unknown): BuyingGroupContact[] {
  if (!Array.isArray(value)) throw new TypeError('buyingGroup: contacts must resolve to an array of contacts');
  return value.filter((contact): contact is BuyingGroupContact => typeof contact === 'object' && contact !== null);
}

/** The account-level view for `gate.accountSummary`: the account with exactly that domain, its group and gaps. */
async function summarizeAccount(domain: string, motion: string, options: ResolvedGroupOptions): Promise<BuyingGroupSummary | undefined> {
  const store = storeOf(options);
  const host = typeof domain === 'string' ? normalisedHost(domain.slice(domain.lastIndexOf('@') + 1)) : undefined;
  if (!host) return undefined;
  const candidates = checkedAccounts(await store.findAccounts({ domain: host, website: host }));
  const contacts = new Map<string, BuyingGroupContact[]>();
  const contactsOf = async (id: string) => {
    if (!contacts.has(id)) contacts.set(id, checkedContacts(await store.contacts(id)));
    return contacts.get(id)!;
  };
  const outcome = await matchAccount({ emailDomain: host }, candidates, options.nameSimilarity, async (id) => (await contactsOf(id)).length);
  if (outcome.status !== 'matched') return undefined;
  const account = outcome.judgement.account;
  const members = await contactsOf(account.id);
  const coverage = measureCoverage(members.map((member) => rolesOf(member, options.personas)), options.requiredRoles(motion));
  return {
    accountId: account.id,
    name: account.name,
    ...(account.target === undefined ? {} : { target: account.target }),
    ...(account.customer === undefined ? {} : { customer: account.customer }),
    coverage: coverage.coverage,
    roles: coverage.roles,
    missingRoles: coverage.missingRoles,
    contacts: members.length,
    hasDecisionMaker: coverage.hasDecisionMaker,
  };
}
