import { describe, expect, it } from 'vitest';
import { buyingGroup, createGate, memoryAccountStore, type AccountInput, type BuyingGroupSummary, type Verdict } from '../../src/index.js';

// One target account (Northwind) whose buying group is built lead by lead through a real
// ABM gate, plus a non-target account and a company the store does not know.
const ACCOUNTS: AccountInput[] = [
  { id: '001-northwind', name: 'Northwind Logistics GmbH', domains: ['northwind-logistics.de'], country: 'DE', target: true, owner: 'rep-7' },
  { id: '002-globex', name: 'Globex Corporation', domains: ['globex.com'], country: 'US', target: false },
];

/**
 * A complete email consent from the ABM landing page's form. Germany (and a lead with no
 * country) needs opt-in for email, so without it every lead here would also carry
 * CONSENT_MISSING (review in abm); this scenario is about the buying group.
 */
const FORM_CONSENT = {
  given: true,
  channels: ['email'],
  purposes: ['marketing'],
  textId: 'abm-landing-v1',
  textHash: 'b'.repeat(64),
  renderedChecked: false,
  userInteracted: true,
  requiredToSubmit: false,
  capturedAt: '2026-03-02T10:00:00Z',
  pageUrl: 'https://www.example.com/northwind',
};

const northwind = (local: string, title: string) => ({
  email: `${local}@northwind-logistics.de`,
  company: 'Northwind Logistics',
  website: 'https://www.northwind-logistics.de',
  country: 'DE',
  title,
  consent: FORM_CONSENT,
});

const codesOf = (verdict: Verdict) => verdict.reasons.map((reason) => reason.code).sort();
const groupEvidence = (verdict: Verdict) => verdict.results.find((result) => result.check === 'group')?.evidence as {
  match: { accountId: string; strength: string };
  coverage: { before: number; after: number; missingAfter: string[] };
};

describe('ABM: a sequence of leads from one account builds its buying group', () => {
  const accounts = memoryAccountStore(ACCOUNTS);
  const gate = createGate({ motion: 'abm', checks: [buyingGroup({ accounts })] });

  // Default required roles: decision maker 3, budget holder 2, technical evaluator 2,
  // end user 1, influencer 1, procurement 1 (of 10).
  // The abm preset also runs the icp check on its open profile, which scores seniority only
  // and so reports no ICP_FIT_LOW (the role check owns seniority): the group decides here.
  const steps: Array<{
    lead: ReturnType<typeof northwind>;
    role: string | null;
    codes: string[];
    decision: Verdict['decision'];
    coverage: number;
    roles: Record<string, number>;
    missing: string[];
    contacts: number;
  }> = [
    {
      lead: northwind('maria.keller', 'Marketing Coordinator'),
      role: 'end_user',
      codes: ['GROUP_COVERAGE_LOW', 'GROUP_NO_DECISION_MAKER'],
      decision: 'review',
      coverage: 0.1,
      roles: { end_user: 1 },
      missing: ['decision_maker', 'budget_holder', 'technical_evaluator', 'influencer', 'procurement'],
      contacts: 1,
    },
    {
      lead: northwind('jonas.weber', 'Head of Marketing'),
      role: 'influencer',
      codes: ['GROUP_COVERAGE_LOW', 'GROUP_NO_DECISION_MAKER'],
      decision: 'review',
      coverage: 0.2,
      roles: { end_user: 1, influencer: 1 },
      missing: ['decision_maker', 'budget_holder', 'technical_evaluator', 'procurement'],
      contacts: 2,
    },
    {
      // A second end user adds a person but no coverage: a note, not a defect.
      lead: northwind('lena.fischer', 'Marketing Specialist'),
      role: 'end_user',
      codes: ['GROUP_COVERAGE_LOW', 'GROUP_NO_DECISION_MAKER', 'GROUP_ROLE_COVERED'],
      decision: 'review',
      coverage: 0.2,
      roles: { end_user: 2, influencer: 1 },
      missing: ['decision_maker', 'budget_holder', 'technical_evaluator', 'procurement'],
      contacts: 3,
    },
    {
      // The managing director brings the group to the 0.5 minimum, with someone who can sign.
      lead: northwind('klaus.schmidt', 'Geschäftsführer'),
      role: 'decision_maker',
      codes: [],
      decision: 'accept',
      coverage: 0.5,
      roles: { end_user: 2, influencer: 1, decision_maker: 1 },
      missing: ['budget_holder', 'technical_evaluator', 'procurement'],
      contacts: 4,
    },
    {
      // The first person again: a returning contact, the group does not change.
      lead: { ...northwind('Maria.Keller', 'Marketing Coordinator') },
      role: 'end_user',
      codes: ['GROUP_CONTACT_EXISTS'],
      decision: 'accept',
      coverage: 0.5,
      roles: { end_user: 2, influencer: 1, decision_maker: 1 },
      missing: ['budget_holder', 'technical_evaluator', 'procurement'],
      contacts: 4,
    },
    {
      lead: northwind('tim.braun', 'Leiter IT'),
      role: 'technical_evaluator',
      codes: [],
      decision: 'accept',
      coverage: 0.7,
      roles: { end_user: 2, influencer: 1, decision_maker: 1, technical_evaluator: 1 },
      missing: ['budget_holder', 'procurement'],
      contacts: 5,
    },
    {
      lead: northwind('eva.wolf', 'CFO'),
      role: 'budget_holder',
      codes: [],
      decision: 'accept',
      coverage: 0.9,
      roles: { end_user: 2, influencer: 1, decision_maker: 1, technical_evaluator: 1, budget_holder: 1 },
      missing: ['procurement'],
      contacts: 6,
    },
    {
      lead: northwind('ali.yilmaz', 'Leiterin Einkauf'),
      role: 'procurement',
      codes: [],
      decision: 'accept',
      coverage: 1,
      roles: { end_user: 2, influencer: 1, decision_maker: 1, technical_evaluator: 1, budget_holder: 1, procurement: 1 },
      missing: [],
      contacts: 7,
    },
  ];

  it('the account starts with an empty group', async () => {
    expect(await gate.accountSummary('northwind-logistics.de')).toEqual({
      accountId: '001-northwind',
      name: 'Northwind Logistics GmbH',
      target: true,
      coverage: 0,
      roles: {},
      missingRoles: ['decision_maker', 'budget_holder', 'technical_evaluator', 'end_user', 'influencer', 'procurement'],
      contacts: 0,
      hasDecisionMaker: false,
    });
  });

  steps.forEach((step, index) => {
    it(`lead ${index + 1}: ${step.lead.title} → ${step.role}, coverage ${step.coverage}, ${step.decision}`, async () => {
      const before = (await gate.accountSummary('northwind-logistics.de'))!.coverage;
      const verdict = await gate.validate(step.lead);
      expect(codesOf(verdict)).toEqual(step.codes.sort());
      expect(verdict.decision).toBe(step.decision);

      // The verdict reports the coverage, before and after, and the roles still missing.
      const evidence = groupEvidence(verdict);
      expect(evidence.match).toMatchObject({ accountId: '001-northwind', strength: 'strong' });
      expect(evidence.coverage).toMatchObject({ before, after: step.coverage, missingAfter: step.missing });
      const result = verdict.results.find((r) => r.check === 'group')!;
      expect((result.evidence?.role as { role: string | null }).role).toBe(step.role);

      // The account-level view agrees with the verdict.
      // The group check's summary is a BuyingGroupSummary (the gate's type is core's generic AccountSummary).
      const summary = (await gate.accountSummary('northwind-logistics.de')) as BuyingGroupSummary | undefined;
      expect(summary).toMatchObject({ coverage: step.coverage, roles: step.roles, missingRoles: step.missing, contacts: step.contacts });
      expect(summary?.hasDecisionMaker).toBe(index >= 3);
    });
  });

  it('accountSummary takes a website or an email address too, and is undefined for an unknown domain', async () => {
    const byDomain = await gate.accountSummary('northwind-logistics.de');
    expect(await gate.accountSummary('https://www.northwind-logistics.de/kontakt')).toEqual(byDomain);
    expect(await gate.accountSummary('someone@northwind-logistics.de')).toEqual(byDomain);
    expect(await gate.accountSummary('umbrella.example')).toBeUndefined();
    expect(await gate.accountSummary('not a domain')).toBeUndefined();
  });

  it('a lead at a non-target account, or at no known account, is rejected', async () => {
    const globex = await gate.validate({ email: 'hank@globex.com', company: 'Globex', country: 'US', title: 'CEO' });
    // Its (empty) group is still measured; the account being out of scope decides.
    expect(codesOf(globex)).toEqual(['GROUP_COVERAGE_LOW', 'GROUP_NOT_TARGET_ACCOUNT']);
    expect(globex.reasons[0]).toMatchObject({ code: 'GROUP_NOT_TARGET_ACCOUNT', action: 'reject' });
    expect(globex.decision).toBe('reject');
    const unknown = await gate.validate({ email: 'pat@umbrella.example', company: 'Umbrella Corporation', title: 'CEO', consent: FORM_CONSENT });
    expect(codesOf(unknown)).toEqual(['GROUP_ACCOUNT_UNMATCHED']);
    expect(unknown.decision).toBe('reject');
  });

  it('the same leads under inbound: group context is informational only', async () => {
    const inbound = createGate({ motion: 'inbound', checks: [buyingGroup({ accounts: memoryAccountStore(ACCOUNTS) })] });
    const first = await inbound.validate(northwind('maria.keller', 'Marketing Coordinator'));
    // The group's findings are dropped (`ignore`), not reasons: the coordinator is accepted.
    expect(first.reasons.map((reason) => [reason.code, reason.action])).toEqual([]);
    expect(first.decision).toBe('accept');
    expect(first.results.find((r) => r.check === 'group')?.findings.map((f) => f.code).sort()).toEqual(['GROUP_COVERAGE_LOW', 'GROUP_NO_DECISION_MAKER']);
    // Coverage is measured against the motion's roles: the summary follows the gate's motion.
    expect((await inbound.accountSummary('northwind-logistics.de'))?.coverage).toBe(0.1);
    const unknown = await inbound.validate({ email: 'pat@umbrella.example', company: 'Umbrella Corporation', title: 'CEO', consent: FORM_CONSENT });
    expect(unknown.reasons).toEqual([]);
    expect(unknown.decision).toBe('accept');
  });

  it('a gate without the group check has no account summary', async () => {
    expect(await createGate({ motion: 'abm' }).accountSummary('northwind-logistics.de')).toBeUndefined();
  });

  it('accountSummary rejects when the account store does (the caller asked directly)', async () => {
    const store = memoryAccountStore(ACCOUNTS);
    const failing = createGate({ motion: 'abm', checks: [buyingGroup({ accounts: { ...store, contacts: () => Promise.reject(new Error('down')) } })] });
    await expect(failing.accountSummary('northwind-logistics.de')).rejects.toThrow('down');
  });
});
