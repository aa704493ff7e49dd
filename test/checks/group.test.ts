import { describe, expect, it } from 'vitest';
import {
  buyingGroup,
  contactDigest,
  createGate,
  defaultPersonas,
  isLeadGateError,
  memoryAccountStore,
  type AccountInput,
  type AccountStore,
  type BuyingGroupContact,
  type BuyingGroupOptions,
} from '../../src/index.js';
import { runCheck } from '../helpers/run-check.js';

const ACCOUNTS: AccountInput[] = [
  { id: 'acme-us', name: 'Acme Inc.', domains: ['acme.com'], country: 'US', phone: '+1 415 555 0100', target: true },
  { id: 'acme-analytics', name: 'Acme Analytics GmbH', domains: ['acme-analytics.de'], country: 'DE', target: true },
  { id: 'northwind', name: 'Northwind Logistics GmbH', domains: ['northwind-logistics.de'], country: 'DE', target: true, owner: 'rep-7' },
  { id: 'globex', name: 'Globex Corporation', domains: ['globex.com'], country: 'US', target: false, partnerId: 'p-1' },
  { id: 'hooli', name: 'Hooli', domains: ['hooli.com'], country: 'US' },
];

const check = (accounts: AccountInput[] | AccountStore = ACCOUNTS, options: Parameters<typeof buyingGroup>[0] = {}) => buyingGroup({ accounts, ...options });

interface Match {
  status: string;
  accountId?: string;
  strength?: string;
  signals?: string[];
  reason?: string;
  tieBreak?: string;
  nameSimilarity?: number;
}
const matchOf = (outcome: { evidence?: Record<string, unknown> }) => outcome.evidence?.match as Match;
const coverageOf = (outcome: { evidence?: Record<string, unknown> }) =>
  outcome.evidence?.coverage as { before: number; after: number; delta: number; missingBefore: string[]; missingAfter: string[]; roles: Record<string, number> };
const dataOf = (outcome: { findings: ReadonlyArray<{ code: string; data?: Record<string, unknown> }> }, code: string) =>
  outcome.findings.find((finding) => finding.code === code)?.data;

describe('group: lead-to-account matching on tricky names', () => {
  // Free-mail address: the name (with its second signal) is all there is to match on.
  const byName = (company: string, extra: Record<string, unknown> = {}) => ({ email: 'jane@gmail.com', company, title: 'CMO', ...extra });

  it('"ACME, Incorporated" is "Acme Inc." (exact after normalisation)', async () => {
    const outcome = await runCheck(check(), byName('ACME, Incorporated', { country: 'US' }));
    expect(matchOf(outcome)).toMatchObject({ status: 'matched', accountId: 'acme-us', strength: 'medium', signals: ['name_exact', 'country'], nameSimilarity: 1 });
    expect(outcome.codes).not.toContain('GROUP_ACCOUNT_UNMATCHED');
  });

  it('an exact name matches on its own, with weak strength', async () => {
    const outcome = await runCheck(check(), byName('Acme Inc.'));
    expect(matchOf(outcome)).toMatchObject({ status: 'matched', accountId: 'acme-us', strength: 'weak', signals: ['name_exact'] });
  });

  it('"Acme Analytics GmbH" is its own account, never Acme Inc.', async () => {
    const outcome = await runCheck(check(), byName('Acme Analytics GmbH', { country: 'DE' }));
    expect(matchOf(outcome)).toMatchObject({ status: 'matched', accountId: 'acme-analytics' });
    // Without its own account in the store, it matches nothing (and certainly not Acme Inc.).
    const alone = await runCheck(check([ACCOUNTS[0]!]), byName('Acme Analytics GmbH', { country: 'US' }));
    expect(alone.codes).toContain('GROUP_ACCOUNT_UNMATCHED');
    expect(dataOf(alone, 'GROUP_ACCOUNT_UNMATCHED')).toEqual({ reason: 'not_found' });
  });

  it('"Acne Corp" is a near miss: no match without a second signal', async () => {
    const outcome = await runCheck(check(), byName('Acne Corp'));
    expect(outcome.codes).toEqual(['GROUP_ACCOUNT_UNMATCHED']);
    expect(dataOf(outcome, 'GROUP_ACCOUNT_UNMATCHED')).toEqual({ reason: 'name_unconfirmed', nearMiss: { accountId: 'acme-us', nameSimilarity: 0.75 } });
  });

  it('"Acne Corp" matches Acme Inc. when the country or the phone agrees (weak)', async () => {
    const country = await runCheck(check(), byName('Acne Corp', { country: 'US' }));
    expect(matchOf(country)).toMatchObject({ status: 'matched', accountId: 'acme-us', strength: 'weak', signals: ['name_fuzzy', 'country'] });
    const phone = await runCheck(check(), byName('Acne Corp', { phone: '(415) 555-0100' }));
    expect(matchOf(phone)).toMatchObject({ status: 'matched', accountId: 'acme-us', signals: ['name_fuzzy', 'phone'] });
  });

  it('"Acne Corp" with a country that disagrees stays unmatched', async () => {
    const outcome = await runCheck(check(), byName('Acne Corp', { country: 'FR' }));
    expect(dataOf(outcome, 'GROUP_ACCOUNT_UNMATCHED')).toMatchObject({ reason: 'name_unconfirmed' });
  });

  it('an exact name in another country needs a phone or a domain', async () => {
    const outcome = await runCheck(check(), byName('Acme Inc', { country: 'GB' }));
    expect(dataOf(outcome, 'GROUP_ACCOUNT_UNMATCHED')).toMatchObject({ reason: 'country_conflict' });
    const withPhone = await runCheck(check(), byName('Acme Inc', { country: 'GB', phone: '+1 415 555 0100' }));
    expect(matchOf(withPhone)).toMatchObject({ status: 'matched', accountId: 'acme-us', signals: ['name_exact', 'phone'] });
  });

  it('the email domain wins, strong; a subdomain matches its parent; a website alone is medium', async () => {
    expect(matchOf(await runCheck(check(), { email: 'jane@acme.com', title: 'CMO' }))).toMatchObject({ accountId: 'acme-us', strength: 'strong', signals: ['email_domain'] });
    expect(matchOf(await runCheck(check(), { email: 'jane@eu.acme.com', title: 'CMO' }))).toMatchObject({ accountId: 'acme-us', signals: ['email_domain'] });
    expect(matchOf(await runCheck(check(), { email: 'jane@gmail.com', website: 'https://www.acme.com/about', title: 'CMO' }))).toMatchObject({
      accountId: 'acme-us',
      strength: 'medium',
      signals: ['website_domain'],
    });
    // A name typed differently does not beat the domain.
    expect(matchOf(await runCheck(check(), { email: 'jane@globex.com', company: 'Acme Inc.' }))).toMatchObject({ accountId: 'globex' });
  });

  it('a parent domain does not match a subdomain account, and free mail never matches', async () => {
    const store = [{ id: 'acme-eu', name: 'Acme Europe', domains: ['eu.acme.com'] }];
    expect((await runCheck(check(store), { email: 'jane@acme.com' })).codes).toContain('GROUP_ACCOUNT_UNMATCHED');
    const free = await runCheck(check([{ id: 'g', name: 'Google', domains: ['gmail.com'] }]), { email: 'jane@gmail.com' });
    expect(dataOf(free, 'GROUP_ACCOUNT_UNMATCHED')).toEqual({ reason: 'no_signal' });
  });
});

describe('group: ties', () => {
  const twins = (a: Partial<AccountInput>, b: Partial<AccountInput>): AccountInput[] => [
    { id: 'i-1', name: 'Initech', domains: ['initech.com'], target: true, ...a },
    { id: 'i-2', name: 'Initech', domains: ['initech.com'], target: true, ...b },
  ];

  it('rule 2, signals: the account whose name also agrees wins', async () => {
    const outcome = await runCheck(check(twins({ name: 'Initech Europe' }, {})), { email: 'bill@initech.com', company: 'Initech' });
    expect(matchOf(outcome)).toMatchObject({ status: 'matched', accountId: 'i-2', tieBreak: 'signals' });
    expect(outcome.codes).not.toContain('GROUP_ACCOUNT_AMBIGUOUS');
  });

  it('rule 3, name similarity: the closer fuzzy name wins', async () => {
    const outcome = await runCheck(check(twins({ name: 'Initeck' }, { name: 'Initechs' })), { email: 'bill@initech.com', company: 'Initech' });
    expect(matchOf(outcome)).toMatchObject({ accountId: 'i-2', tieBreak: 'name_similarity' });
  });

  it('rule 4, contacts (Demandbase): the account with more contacts wins', async () => {
    const outcome = await runCheck(check(twins({}, { contacts: [{ title: 'CFO' }] })), { email: 'bill@initech.com', company: 'Initech' });
    expect(matchOf(outcome)).toMatchObject({ accountId: 'i-2', tieBreak: 'contacts' });
  });

  it('still tied: GROUP_ACCOUNT_AMBIGUOUS with the candidates, and the group is not touched', async () => {
    const store = memoryAccountStore(twins({}, {}));
    const outcome = await runCheck(check(store), { email: 'bill@initech.com', company: 'Initech', title: 'CFO' });
    expect(outcome.codes).toEqual(['GROUP_ACCOUNT_AMBIGUOUS']);
    expect(dataOf(outcome, 'GROUP_ACCOUNT_AMBIGUOUS')).toEqual({ candidates: ['i-1', 'i-2'] });
    expect(outcome.evidence?.contactRecorded).toBe(false);
    expect(await store.contacts('i-1')).toEqual([]);
    expect(await store.contacts('i-2')).toEqual([]);
  });

  it('a higher tier beats any score: a domain match over an exact name elsewhere', async () => {
    const accounts: AccountInput[] = [
      { id: 'by-name', name: 'Initech', domains: ['initech.de'], country: 'DE', phone: '+49 30 1234567' },
      { id: 'by-domain', name: 'Initrode', domains: ['initech.com'] },
    ];
    const outcome = await runCheck(check(accounts), { email: 'bill@initech.com', company: 'Initech', country: 'DE', phone: '+49 30 1234567' });
    expect(matchOf(outcome)).toMatchObject({ accountId: 'by-domain' });
  });
});

describe('group: codes, each triggered and near-missed', () => {
  it("'GROUP_NOT_TARGET_ACCOUNT' when the account is not on the target list (false or unset)", async () => {
    const globex = await runCheck(check(), { email: 'hank@globex.com', title: 'CEO' });
    expect(globex.codes).toContain('GROUP_NOT_TARGET_ACCOUNT');
    expect((await runCheck(check(), { email: 'gavin@hooli.com', title: 'CEO' })).codes).toContain('GROUP_NOT_TARGET_ACCOUNT');
    expect((await runCheck(check(), { email: 'jane@acme.com', title: 'CEO' })).codes).not.toContain('GROUP_NOT_TARGET_ACCOUNT');
  });

  it("'GROUP_ROLE_UNMAPPED' when no persona fits; a recognised role is no finding", async () => {
    const intern = await runCheck(check(), { email: 'ann@acme.com', title: 'Marketing Intern' });
    expect(intern.codes).toContain('GROUP_ROLE_UNMAPPED');
    expect(dataOf(intern, 'GROUP_ROLE_UNMAPPED')).toEqual({ seniority: 'intern', function: 'marketing' });
    expect((await runCheck(check(), { email: 'ann@acme.com' })).codes).toContain('GROUP_ROLE_UNMAPPED');
    const manager = await runCheck(check(), { email: 'ann@acme.com', title: 'Marketing Manager' });
    expect(manager.codes).not.toContain('GROUP_ROLE_UNMAPPED');
    expect((manager.evidence?.role as { role: string }).role).toBe('influencer');
  });

  it("'GROUP_ROLE_COVERED' when another contact plays the role; a new role is not", async () => {
    const accounts = [{ ...ACCOUNTS[0]!, contacts: [{ email: 'cfo@acme.com', title: 'CFO' }] }];
    const covered = await runCheck(check(accounts), { email: 'vp@acme.com', title: 'VP Finance' });
    expect(covered.codes).toContain('GROUP_ROLE_COVERED');
    expect(dataOf(covered, 'GROUP_ROLE_COVERED')).toEqual({ role: 'budget_holder', holders: 1 });
    expect(coverageOf(covered).delta).toBe(0);
    const fresh = await runCheck(check(accounts), { email: 'cmo@acme.com', title: 'CMO' });
    expect(fresh.codes).not.toContain('GROUP_ROLE_COVERED');
    expect(coverageOf(fresh).delta).toBeGreaterThan(0);
  });

  it("'GROUP_COVERAGE_LOW' below minCoverage after the lead; not once the lead lifts it to the minimum", async () => {
    const thin = await runCheck(check(), { email: 'cmo@acme.com', title: 'CMO' });
    expect(thin.codes).toContain('GROUP_COVERAGE_LOW');
    expect(dataOf(thin, 'GROUP_COVERAGE_LOW')).toEqual({
      coverage: 0.3,
      minCoverage: 0.5,
      missingRoles: ['budget_holder', 'technical_evaluator', 'end_user', 'influencer', 'procurement'],
    });
    // CFO (2) + IT director (2) known; a CMO (3) makes 7/10.
    const accounts = [{ ...ACCOUNTS[0]!, contacts: [{ title: 'CFO' }, { title: 'IT Director' }] }];
    const enough = await runCheck(check(accounts), { email: 'cmo@acme.com', title: 'CMO' });
    expect(enough.codes).not.toContain('GROUP_COVERAGE_LOW');
    expect(coverageOf(enough)).toMatchObject({ before: 0.4, after: 0.7, delta: 0.3 });
    // The threshold is an option.
    expect((await runCheck(check(ACCOUNTS, { minCoverage: 0.3 }), { email: 'cmo@acme.com', title: 'CMO' })).codes).not.toContain('GROUP_COVERAGE_LOW');
  });

  it("'GROUP_NO_DECISION_MAKER' without a decision maker or budget holder; a CEO or CFO clears it", async () => {
    expect((await runCheck(check(), { email: 'dev@acme.com', title: 'Senior Software Engineer' })).codes).toContain('GROUP_NO_DECISION_MAKER');
    expect((await runCheck(check(), { email: 'ceo@acme.com', title: 'CEO' })).codes).not.toContain('GROUP_NO_DECISION_MAKER');
    const accounts = [{ ...ACCOUNTS[0]!, contacts: [{ title: 'CFO' }] }];
    expect((await runCheck(check(accounts), { email: 'dev@acme.com', title: 'Senior Software Engineer' })).codes).not.toContain('GROUP_NO_DECISION_MAKER');
  });

  it("'GROUP_CONTACT_EXISTS' for a person already in the group (by email digest, any case); another person is new", async () => {
    const accounts = [{ ...ACCOUNTS[0]!, contacts: [{ email: 'jane.doe@acme.com', title: 'CFO' }] }];
    const again = await runCheck(check(accounts), { email: 'Jane.Doe@ACME.com', title: 'CFO' });
    expect(again.codes).toContain('GROUP_CONTACT_EXISTS');
    // A returning contact is not judged as a new member: no covered role, no change in coverage.
    expect(again.codes).not.toContain('GROUP_ROLE_COVERED');
    expect(coverageOf(again).delta).toBe(0);
    expect(again.evidence?.contactRecorded).toBe(false);
    const other = await runCheck(check(accounts), { email: 'john.doe@acme.com', title: 'CFO' });
    expect(other.codes).not.toContain('GROUP_CONTACT_EXISTS');
  });

  it("'GROUP_OWNERSHIP_CONFLICT' for a partner lead on another partner's or direct sales' account", async () => {
    const partnerLead = (email: string, partnerId: string) => ({ email, title: 'CEO', source: { partnerId } });
    const other = await runCheck(check(), partnerLead('hank@globex.com', 'p-2'));
    expect(other.codes).toContain('GROUP_OWNERSHIP_CONFLICT');
    expect(dataOf(other, 'GROUP_OWNERSHIP_CONFLICT')).toEqual({ accountId: 'globex', ownedBy: 'partner' });
    const direct = await runCheck(check(), partnerLead('maria@northwind-logistics.de', 'p-2'));
    expect(dataOf(direct, 'GROUP_OWNERSHIP_CONFLICT')).toEqual({ accountId: 'northwind', ownedBy: 'direct' });
    // Near misses: the partner's own account, an account nobody owns, a lead from no partner.
    expect((await runCheck(check(), partnerLead('hank@globex.com', 'p-1'))).codes).not.toContain('GROUP_OWNERSHIP_CONFLICT');
    expect((await runCheck(check(), partnerLead('jane@acme.com', 'p-2'))).codes).not.toContain('GROUP_OWNERSHIP_CONFLICT');
    expect((await runCheck(check(), { email: 'maria@northwind-logistics.de', title: 'CEO' })).codes).not.toContain('GROUP_OWNERSHIP_CONFLICT');
  });

  it("'GROUP_ACCOUNT_UNMATCHED' for an unknown company; a known domain is matched", async () => {
    const unknown = await runCheck(check(), { email: 'pat@umbrella.example', company: 'Umbrella Corporation', title: 'CEO' });
    expect(unknown.codes).toEqual(['GROUP_ACCOUNT_UNMATCHED']);
    expect(dataOf(unknown, 'GROUP_ACCOUNT_UNMATCHED')).toEqual({ reason: 'not_found' });
    expect((await runCheck(check(), { email: 'pat@acme.com', company: 'Umbrella Corporation', title: 'CEO' })).codes).not.toContain('GROUP_ACCOUNT_UNMATCHED');
  });

  it('a clean lead at a target account with a full group passes', async () => {
    const accounts = [{ ...ACCOUNTS[0]!, contacts: [{ title: 'CFO' }, { title: 'IT Director' }, { title: 'Head of Procurement' }] }];
    const outcome = await runCheck(check(accounts), { email: 'cmo@acme.com', title: 'CMO', country: 'US' });
    expect(outcome.status).toBe('pass');
    expect(outcome.codes).toEqual([]);
    expect(coverageOf(outcome).missingAfter).toEqual(['end_user', 'influencer']);
  });
});

describe('group: personas and roles', () => {
  it('infers structural roles from the title with the default personas', async () => {
    const roleOf = async (title: string, functions?: BuyingGroupOptions['functions']) =>
      ((await runCheck(check(ACCOUNTS, functions ? { functions } : {}), { email: 'x@acme.com', title })).evidence?.role as { role: string | null }).role;
    expect(await roleOf('Head of Procurement')).toBe('procurement');
    expect(await roleOf('General Counsel')).toBe('legal_and_compliance');
    expect(await roleOf('Data Protection Officer')).toBe('legal_and_compliance');
    expect(await roleOf('CFO')).toBe('budget_holder');
    expect(await roleOf('Finance Director')).toBe('budget_holder');
    expect(await roleOf('CEO')).toBe('decision_maker');
    expect(await roleOf('VP Marketing', ['marketing'])).toBe('decision_maker');
    expect(await roleOf('VP Sales', ['marketing'])).toBe('executive_sponsor');
    expect(await roleOf('VP Sales')).toBe('decision_maker');
    expect(await roleOf('IT Director', ['marketing'])).toBe('technical_evaluator');
    expect(await roleOf('Marketing Coordinator', ['marketing'])).toBe('end_user');
    expect(await roleOf('HR Generalist', ['marketing'])).toBeNull();
    expect(await roleOf('HR Manager', ['marketing'])).toBe('influencer');
  });

  it('never infers a champion from a title, and refuses a persona that would', () => {
    expect(defaultPersonas().some((persona) => (persona.role as string) === 'champion')).toBe(false);
    try {
      buyingGroup({ accounts: ACCOUNTS, personas: [{ role: 'champion' as never, titleKeywords: ['champion'] }] });
      expect.unreachable();
    } catch (error) {
      expect(isLeadGateError(error) && error.option).toBe('personas.0.role');
    }
  });

  it('a champion comes from a contact record, and counts where a motion requires one (expansion)', async () => {
    const accounts = [{ ...ACCOUNTS[0]!, customer: true, contacts: [{ email: 'sam@acme.com', title: 'Marketing Manager', roles: ['champion' as const] }] }];
    const expansion = await runCheck(check(accounts), { email: 'cmo@acme.com', title: 'CMO' }, { motion: 'expansion' });
    // Expansion: champion 3 + decision maker 3 of 10.
    expect(coverageOf(expansion)).toMatchObject({ before: 0.3, after: 0.6, missingAfter: ['budget_holder', 'end_user', 'technical_evaluator'] });
    expect(coverageOf(expansion).roles).toMatchObject({ champion: 1, influencer: 1, decision_maker: 1 });
    // Under a new-logo motion the champion is no required role: the manager counts as an influencer.
    const abm = await runCheck(check(accounts), { email: 'cmo@acme.com', title: 'CMO' }, { motion: 'abm' });
    expect(coverageOf(abm)).toMatchObject({ before: 0.1, after: 0.4 });
  });

  it('custom personas (title keywords first) and required roles per motion', async () => {
    const personas = [{ role: 'technical_evaluator' as const, titleKeywords: ['marketing operations'] }, ...defaultPersonas(['marketing'])];
    const requiredRoles = { abm: [{ role: 'decision_maker' as const, weight: 1 }, { role: 'technical_evaluator' as const, weight: 1 }] };
    const outcome = await runCheck(check(ACCOUNTS, { personas, requiredRoles }), { email: 'ops@acme.com', title: 'Marketing Operations Analyst' }, { motion: 'abm' });
    expect((outcome.evidence?.role as { role: string }).role).toBe('technical_evaluator');
    expect(coverageOf(outcome)).toMatchObject({ before: 0, after: 0.5, missingAfter: ['decision_maker'] });
  });
});

describe('group: recording contacts', () => {
  it('adds the judged lead to its account, with a digest and the inferred role, never the raw email', async () => {
    const store = memoryAccountStore(ACCOUNTS);
    const outcome = await runCheck(check(store), { email: 'Jane@acme.com', title: 'CMO', phone: '+1 415 555 0199' }, { context: { leadId: 'lead-1' } });
    expect(outcome.evidence?.contactRecorded).toBe(true);
    const [member] = await store.contacts('acme-us');
    expect(member).toEqual({ emailDigest: contactDigest('jane@acme.com'), roles: ['decision_maker'], title: 'CMO', addedAt: '2026-11-23T12:00:00.000Z', leadId: 'lead-1' });
    const text = JSON.stringify([outcome, member]);
    expect(text).not.toMatch(/jane@acme\.com/i);
    expect(text).not.toContain('555 0199');
    expect(text).not.toContain('4155550199');
    // The same person again is a returning contact, not a second member.
    expect((await runCheck(check(store), { email: 'jane@acme.com', title: 'CMO' })).codes).toContain('GROUP_CONTACT_EXISTS');
    expect(await store.contacts('acme-us')).toHaveLength(1);
  });

  it('records an unmapped lead as "other", and nothing without an email or with recordContacts: false', async () => {
    const store = memoryAccountStore(ACCOUNTS);
    await runCheck(check(store), { email: 'ann@acme.com', title: 'Marketing Intern' });
    expect((await store.contacts('acme-us')).map((member) => member.roles)).toEqual([['other']]);
    await runCheck(check(store), { website: 'acme.com', title: 'CFO' });
    await runCheck(check(store, { recordContacts: false }), { email: 'cfo@acme.com', title: 'CFO' });
    expect(await store.contacts('acme-us')).toHaveLength(1);
  });

  it('a salt other than the default must be the same in the store and the check', async () => {
    const salt = 'our-own-salt-123';
    const accounts = [{ ...ACCOUNTS[0]!, contacts: [{ email: 'jane@acme.com' }] }];
    expect((await runCheck(check(memoryAccountStore(accounts, { salt }), { salt }), { email: 'jane@acme.com' })).codes).toContain('GROUP_CONTACT_EXISTS');
    expect((await runCheck(check(accounts, { salt }), { email: 'jane@acme.com' })).codes).toContain('GROUP_CONTACT_EXISTS');
    expect((await runCheck(check(memoryAccountStore(accounts), { salt }), { email: 'jane@acme.com' })).codes).not.toContain('GROUP_CONTACT_EXISTS');
  });
});

describe('group: a failing account store', () => {
  const lead = { email: 'jane@acme.com', website: 'acme.com', title: 'CMO', country: 'US' };
  const failing = (method: keyof AccountStore): AccountStore => {
    const store = memoryAccountStore(ACCOUNTS);
    return { ...store, [method]: async () => Promise.reject(new Error('CRM down: jane@acme.com')) };
  };

  for (const method of ['findAccounts', 'contacts', 'addContact'] as const) {
    it(`${method} rejecting → SYSTEM_CHECK_FAILED → review, and the lead keeps its verdict`, async () => {
      for (const motion of ['abm', 'inbound'] as const) {
        const gate = createGate({ motion, checks: [buyingGroup({ accounts: failing(method) })] });
        const verdict = await gate.validate(lead);
        expect(verdict.decision).toBe('review');
        const group = verdict.results.find((result) => result.check === 'group')!;
        expect(group.status).toBe('error');
        expect(group.findings.map((finding) => finding.code)).toEqual(['SYSTEM_CHECK_FAILED']);
        // The error's message (which holds the email) never reaches the verdict.
        expect(JSON.stringify(verdict)).not.toContain('CRM down');
        // The other checks still ran and reported.
        expect(verdict.results.find((result) => result.check === 'email')?.status).toBe('pass');
      }
    });
  }

  it('a store answering garbage is broken, not an unmatched lead', async () => {
    const broken = { ...memoryAccountStore([]), findAccounts: async () => ({ nope: true }) as never };
    const verdict = await createGate({ motion: 'abm', checks: [buyingGroup({ accounts: broken })] }).validate(lead);
    expect(verdict.reasons.map((reason) => reason.code)).toContain('SYSTEM_CHECK_FAILED');
    expect(verdict.reasons.map((reason) => reason.code)).not.toContain('GROUP_ACCOUNT_UNMATCHED');
  });

  it('no account store: SYSTEM_CHECK_FAILED, never a pass', async () => {
    const verdict = await createGate({ motion: 'inbound', checks: [buyingGroup()] }).validate(lead);
    expect(verdict.results.find((result) => result.check === 'group')?.findings.map((finding) => finding.code)).toEqual(['SYSTEM_CHECK_FAILED']);
    expect(verdict.decision).toBe('review');
  });

  it('a store slower than the timeout: SYSTEM_TIMEOUT, and the lead is not recorded', async () => {
    const store = memoryAccountStore(ACCOUNTS);
    const added: BuyingGroupContact[] = [];
    const slow: AccountStore = {
      findAccounts: (query) => new Promise((resolve) => setTimeout(() => resolve(store.findAccounts(query)), 80)),
      contacts: (id) => store.contacts(id),
      addContact: async (_accountId, contact) => void added.push(contact),
    };
    const verdict = await createGate({ motion: 'abm', timeoutMs: 20, checks: [buyingGroup({ accounts: slow })] }).validate(lead);
    expect(verdict.reasons.map((reason) => reason.code)).toContain('SYSTEM_TIMEOUT');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(added).toEqual([]);
  });
});

describe('group: options', () => {
  it.each([
    [{ minCoverage: 2 }, 'minCoverage'],
    [{ nameSimilarity: 0 }, 'nameSimilarity'],
    [{ functions: ['astrology'] }, 'functions'],
    [{ requiredRoles: { abm: [{ role: 'boss' }] } }, 'requiredRoles.abm.0.role'],
    [{ recordContacts: 'yes' }, 'recordContacts'],
    [{ salt: 'short' }, 'salt'],
    [{ accounts: { findAccounts() {} } }, 'accounts'],
    [{ accounts: [{ id: '1', name: 'Acme', domains: ['acme.com'], country: 'Germany' }] }, 'accounts[0].country'],
    [{ acounts: [] }, 'acounts'],
  ])('%j throws a LeadGateError naming %s', (options, option) => {
    try {
      buyingGroup(options as never);
      expect.unreachable();
    } catch (error) {
      expect(isLeadGateError(error)).toBe(true);
      expect((error as { option?: string }).option).toBe(option);
    }
  });

  it('declares itself as a server-side, async value check', () => {
    const made = buyingGroup({ accounts: ACCOUNTS });
    expect(made).toMatchObject({ id: 'group', dimension: 'value', runsIn: 'server', async: true });
    expect(typeof made.operations?.accountSummary).toBe('function');
  });
});
