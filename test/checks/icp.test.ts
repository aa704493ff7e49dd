import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGate, icpFit, isLeadGateError, type IcpProfile } from '../../src/index.js';
import { runCheck, syncContext } from '../helpers/run-check.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/** A lead at a company: work email, website, country and a recognised title. */
const WORK = { email: 'jane.doe@acme-robotics.com', website: 'https://acme-robotics.com', company: 'Acme Robotics', country: 'GB', title: 'Head of Marketing' };

const run = (profile: IcpProfile | undefined, lead: Record<string, unknown>, motion = 'inbound') => runCheck(icpFit(profile), lead, { motion, now: NOW });
const codesOf = async (profile: IcpProfile | undefined, lead: Record<string, unknown>, motion = 'inbound') => (await run(profile, lead, motion)).codes;
const scoresOf = async (profile: IcpProfile | undefined, lead: Record<string, unknown>, motion = 'inbound') =>
  (await run(profile, lead, motion)).evidence?.scores as { fit: number; intent?: number; mql?: boolean };
const evidenceOf = async (profile: IcpProfile | undefined, lead: Record<string, unknown>, motion = 'inbound') => (await run(profile, lead, motion)).evidence!;

describe('icpFit: the open profile (no profile given, as in the presets)', () => {
  it('a good work lead with a company, a recognised title and a country has no finding and a tier-A fit', async () => {
    const outcome = await run(undefined, WORK);
    expect(outcome.codes).toEqual([]);
    expect(outcome.evidence).toMatchObject({ tier: 'A', confidence: 1, unscored: ['industry', 'employees', 'revenue', 'technologies', 'function'] });
    expect((outcome.evidence!.scores as { fit: number }).fit).toBeGreaterThanOrEqual(85);
  });

  it('ICP_COMPANY_MISSING for a free-mail lead with nothing else', async () => {
    expect(await codesOf(undefined, { email: 'tom.baker1987@gmail.com' })).toEqual(['ICP_COMPANY_MISSING']);
    expect(await codesOf(undefined, {})).toEqual(['ICP_COMPANY_MISSING']);
    // A placeholder is no company name; a disposable domain is no company domain.
    expect(await codesOf(undefined, { email: 'x@mailinator.com', company: 'n/a' })).toEqual(['ICP_COMPANY_MISSING']);
  });

  it('no ICP_COMPANY_MISSING with a company name, a website or a work email (near misses)', async () => {
    expect(await codesOf(undefined, { email: 'tom.baker1987@gmail.com', company: 'Baker & Sons Joinery' })).not.toContain('ICP_COMPANY_MISSING');
    expect(await codesOf(undefined, { email: 'tom.baker1987@gmail.com', website: 'bakerjoinery.co.uk' })).not.toContain('ICP_COMPANY_MISSING');
    expect(await codesOf(undefined, { email: 'tom@bakerjoinery.co.uk' })).not.toContain('ICP_COMPANY_MISSING');
  });

  it('excludes the comprehensively sanctioned countries by default, and the option turns it off', async () => {
    const outcome = await run(undefined, { ...WORK, country: 'IR' });
    expect(outcome.codes).toContain('ICP_GEO_EXCLUDED');
    expect(outcome.findings.find((f) => f.code === 'ICP_GEO_EXCLUDED')?.data).toEqual({ country: 'IR', reason: 'sanctioned' });
    for (const country of ['CU', 'KP']) expect(await codesOf(undefined, { ...WORK, country })).toContain('ICP_GEO_EXCLUDED');
    expect(await codesOf({ countries: { excludeSanctioned: false } }, { ...WORK, country: 'IR' })).toEqual([]);
  });

  it('does not report a fit it knows too little about (unknowns are not failures)', async () => {
    // Unknown title and country: the only scored attributes are unknown, so the score is low but no code.
    const outcome = await run(undefined, { company: 'Acme Robotics', title: 'Zauberlehrling Gandalf' }, 'outbound');
    expect(outcome.codes).toEqual([]);
    expect(outcome.evidence).toMatchObject({ confidence: 0, unknown: ['country', 'seniority'] });
    expect((outcome.evidence!.scores as { fit: number }).fit).toBe(50);
  });
});

describe('icpFit: firmographic rules', () => {
  it('ICP_INDUSTRY_EXCLUDED by NAICS prefix: "5112" excludes "511210", "51" excludes all of sector 51', async () => {
    expect(await codesOf({ industries: { exclude: ['5112'] } }, { ...WORK, industry: '511210' })).toEqual(['ICP_INDUSTRY_EXCLUDED']);
    expect(await codesOf({ industries: { exclude: ['51'] } }, { ...WORK, industry: '519130' })).toEqual(['ICP_INDUSTRY_EXCLUDED']);
    expect(await codesOf({ industries: { exclude: ['51'] } }, { ...WORK, industry: '5112 - Software Publishers' })).toEqual(['ICP_INDUSTRY_EXCLUDED']);
  });

  it('no ICP_INDUSTRY_EXCLUDED for a sibling code or a coarser code (near misses)', async () => {
    expect(await codesOf({ industries: { exclude: ['5112'] } }, { ...WORK, industry: '511110' })).toEqual([]);
    // "51" may or may not be under "5112": unknown, so no code.
    expect(await codesOf({ industries: { exclude: ['5112'] } }, { ...WORK, industry: '51' })).toEqual([]);
    expect(await codesOf({ industries: { exclude: ['5112'] } }, { ...WORK, industry: '52' })).toEqual([]);
  });

  it('ICP_INDUSTRY_NOT_INCLUDED (not EXCLUDED: B2) for a known industry outside the include list; inside is a near miss', async () => {
    const profile: IcpProfile = { industries: { include: ['5112', '54'] } };
    const outcome = await run(profile, { ...WORK, industry: '236220' });
    expect(outcome.codes).toEqual(['ICP_INDUSTRY_NOT_INCLUDED']);
    expect(outcome.findings[0]!.data).toEqual({ industry: '236220', reason: 'not_included' });
    expect(await codesOf(profile, { ...WORK, industry: '541511' })).toEqual([]);
    expect(await codesOf(profile, { ...WORK, industry: '511210' })).toEqual([]);
  });

  it('maps labels through the profile, then the NAICS sector titles; an unknown label is unknown, not excluded', async () => {
    const profile: IcpProfile = { industries: { include: ['5112'], exclude: ['92'], labels: { 'B2B SaaS': '5112' } } };
    expect(await codesOf(profile, { ...WORK, industry: 'b2b saas' })).toEqual([]);
    expect(await codesOf(profile, { ...WORK, industry: 'Public Administration' })).toEqual(['ICP_INDUSTRY_EXCLUDED']);
    const unknown = await run(profile, { ...WORK, industry: 'Widgets and Gizmos' });
    expect(unknown.codes).toEqual([]);
    expect(unknown.evidence?.unknown).toContain('industry');
    // Manufacturing spans 31–33: excluded only when all three are.
    expect(await codesOf({ industries: { exclude: ['31', '32', '33'] } }, { ...WORK, industry: 'Manufacturing' })).toEqual(['ICP_INDUSTRY_EXCLUDED']);
    expect(await codesOf({ industries: { exclude: ['31'] } }, { ...WORK, industry: 'Manufacturing' })).toEqual([]);
  });

  it('ICP_SIZE_OUT_OF_RANGE outside the employee range; the bounds are inside (near miss); unknown is no code', async () => {
    const profile: IcpProfile = { employees: { min: 50, max: 5000 } };
    expect(await codesOf(profile, { ...WORK, employees: 12 })).toEqual(['ICP_SIZE_OUT_OF_RANGE']);
    expect(await codesOf(profile, { ...WORK, employees: 12_000 })).toEqual(['ICP_SIZE_OUT_OF_RANGE']);
    expect(await codesOf(profile, { ...WORK, employees: 50 })).toEqual([]);
    expect(await codesOf(profile, { ...WORK, employees: 5000 })).toEqual([]);
    // A band becomes its midpoint (lead normalisation): 51-200 → 126.
    expect(await codesOf(profile, { ...WORK, employees: '51-200' })).toEqual([]);
    expect(await codesOf(profile, WORK)).toEqual([]);
  });

  it('ICP_REVENUE_OUT_OF_RANGE outside the revenue range; inside is a near miss', async () => {
    const profile: IcpProfile = { revenue: { min: 1_000_000 } };
    const outcome = await run(profile, { ...WORK, revenue: 250_000 });
    expect(outcome.codes).toEqual(['ICP_REVENUE_OUT_OF_RANGE']);
    expect(outcome.findings[0]!.data).toMatchObject({ revenue: 250_000, min: 1_000_000 });
    expect(await codesOf(profile, { ...WORK, revenue: 1_000_000 })).toEqual([]);
  });

  it('ICP_GEO_EXCLUDED for sanctions and the exclude list, ICP_GEO_NOT_SERVED outside the include list (B5); a served country is a near miss', async () => {
    const profile: IcpProfile = { countries: { include: ['de', 'AT', 'CH', 'UK'], exclude: ['RU'] } };
    const finding = async (country: string) => (await run(profile, { ...WORK, country })).findings.find((f) => f.code.startsWith('ICP_GEO_'));
    expect(await finding('RU')).toMatchObject({ code: 'ICP_GEO_EXCLUDED', data: { reason: 'excluded' } });
    expect(await finding('FR')).toMatchObject({ code: 'ICP_GEO_NOT_SERVED', data: { country: 'FR', reason: 'not_included' } });
    // Sanctions come first, even for a country outside the include list.
    expect(await finding('KP')).toMatchObject({ code: 'ICP_GEO_EXCLUDED', data: { reason: 'sanctioned' } });
    expect(await codesOf(profile, { ...WORK, country: 'DE' })).toEqual([]);
    // "UK" in the profile is GB, as in leads.
    expect(await codesOf(profile, { ...WORK, country: 'GB' })).toEqual([]);
  });

  it('ICP_TECH_MISMATCH when a required technology is missing or an excluded one is used; an unknown stack is no code', async () => {
    const profile: IcpProfile = { technologies: { required: ['Salesforce', 'HubSpot'], excluded: ['Pipedrive'] } };
    expect(await codesOf(profile, { ...WORK, tech: ['Zoho CRM'] })).toEqual(['ICP_TECH_MISMATCH']);
    expect(await codesOf(profile, { ...WORK, tech: ['salesforce', 'pipedrive'] })).toEqual(['ICP_TECH_MISMATCH']);
    // Any one required technology is enough, spelt any way.
    expect(await codesOf(profile, { ...WORK, tech: ['Hub-Spot', 'Slack'] })).toEqual([]);
    expect(await codesOf(profile, { ...WORK, tech: 'SalesForce; Slack' })).toEqual([]);
    expect(await codesOf(profile, { ...WORK, tech: [] })).toEqual([]);
    expect(await codesOf(profile, WORK)).toEqual([]);
  });
});

describe('icpFit: competitors and customers', () => {
  const profile: IcpProfile = { competitors: ['rival.example'], customers: ['https://www.bigclient.example', 'acme-robotics.com'] };

  it('ICP_COMPETITOR for an email domain or website at a competitor or its subdomain; a look-alike is a near miss', async () => {
    expect(await codesOf(profile, { email: 'spy@rival.example', company: 'Rival' })).toEqual(['ICP_COMPETITOR']);
    expect(await codesOf(profile, { email: 'spy@gmail.com', website: 'https://eu.rival.example/about', company: 'Rival' })).toEqual(['ICP_COMPETITOR']);
    expect(await codesOf(profile, { email: 'jo@notrival.example', company: 'Not Rival' })).toEqual([]);
    expect(await codesOf(profile, { email: 'jo@rival.de', company: 'Rival GmbH' })).toEqual([]);
  });

  it('ICP_EXISTING_CUSTOMER for a customer in a new-logo motion; not in expansion, and not for a prospect (near misses)', async () => {
    for (const motion of ['inbound', 'abm', 'outbound', 'partner']) {
      expect(await codesOf(profile, WORK, motion), motion).toEqual(['ICP_EXISTING_CUSTOMER']);
    }
    expect(await codesOf(profile, WORK, 'expansion')).toEqual([]);
    expect(await codesOf(profile, { ...WORK, email: 'jo@prospect.example', website: 'prospect.example' }, 'inbound')).toEqual([]);
    expect(await codesOf(profile, { email: 'buyer@mail.bigclient.example', company: 'Big Client' }, 'inbound')).toEqual(['ICP_EXISTING_CUSTOMER']);
  });

  it('ICP_NOT_CUSTOMER in expansion for a lead not at a customer; a customer is a near miss', async () => {
    expect(await codesOf(profile, { ...WORK, email: 'jo@prospect.example', website: 'prospect.example' }, 'expansion')).toEqual(['ICP_NOT_CUSTOMER']);
    expect(await codesOf(profile, WORK, 'expansion')).toEqual([]);
    // The audience option decides, not only the motion's name (a copy of a preset under another name).
    expect(await codesOf({ ...profile, audience: 'customers' }, { ...WORK, email: 'jo@prospect.example', website: 'prospect.example' }, 'upsell')).toEqual(['ICP_NOT_CUSTOMER']);
  });

  it('customer status is unknown without a customer list or a company domain: no ICP_NOT_CUSTOMER', async () => {
    expect(await codesOf(undefined, WORK, 'expansion')).toEqual([]);
    expect((await evidenceOf(undefined, WORK, 'expansion')).customer).toBe('unknown');
    expect(await codesOf(profile, { email: 'jo@gmail.com', company: 'Somebody Ltd', country: 'GB', title: 'CEO' }, 'expansion')).toEqual([]);
  });
});

describe('icpFit: the fit score', () => {
  const profile: IcpProfile = {
    industries: { include: ['5112'] },
    employees: { min: 50, max: 5000 },
    revenue: { min: 1_000_000 },
    countries: { include: ['GB', 'DE'] },
    technologies: { required: ['salesforce'] },
    functions: ['marketing', 'sales'],
  };
  const FULL = { ...WORK, industry: '511210', employees: 300, revenue: 20_000_000, tech: ['Salesforce'], title: 'VP Marketing' };

  it('a lead matching every rule with a VP title scores near 100, tier A', async () => {
    const evidence = await evidenceOf(profile, FULL);
    expect(evidence.fit).toBe(98);
    expect(evidence.tier).toBe('A');
    expect(evidence.subtracted).toEqual(['seniority']);
    expect(evidence.unknown).toEqual([]);
  });

  it('lists what added, what subtracted and what was unknown', async () => {
    const evidence = await evidenceOf(profile, { ...FULL, employees: 10, revenue: undefined, title: 'Head of HR' });
    expect(evidence.added).toEqual(['industry', 'country', 'technologies', 'seniority']);
    expect(evidence.subtracted).toEqual(['employees', 'seniority', 'function']);
    expect(evidence.unknown).toEqual(['revenue']);
    expect(evidence.factors).toContainEqual({ attribute: 'employees', status: 'mismatch', points: 0, max: 20, reason: 'below_min' });
    expect(evidence.factors).toContainEqual({ attribute: 'revenue', status: 'unknown', points: 5, max: 10 });
  });

  it('an unknown attribute earns less than a match and more than a mismatch', async () => {
    const fit = async (employees: number | undefined) => (await scoresOf(profile, { ...FULL, employees })).fit;
    const [match, unknown, mismatch] = [await fit(300), await fit(undefined), await fit(10)];
    expect(match).toBeGreaterThan(unknown);
    expect(unknown).toBeGreaterThan(mismatch);
  });

  it('ICP_FIT_LOW under the motion\'s floor: 50 for inbound, 70 for outbound; data says fit, floor and tier', async () => {
    // Head of HR at a 10-person company outside the industry: known and poor.
    const poor = { ...FULL, industry: '236220', employees: 10, title: 'Head of HR' };
    const outcome = await run(profile, poor);
    expect(outcome.codes).toContain('ICP_FIT_LOW');
    expect(outcome.findings.find((f) => f.code === 'ICP_FIT_LOW')?.data).toMatchObject({ floor: 50, tier: 'D' });
    // 67: above the inbound floor, under the outbound one.
    const middling = { ...FULL, tech: ['Pipedrive'], title: 'Senior Marketing Specialist', revenue: 10 };
    expect((await scoresOf(profile, middling)).fit).toBe(67);
    expect(await codesOf(profile, middling, 'inbound')).not.toContain('ICP_FIT_LOW');
    expect(await codesOf(profile, middling, 'outbound')).toContain('ICP_FIT_LOW');
    expect(await codesOf({ ...profile, fitFloor: 60 }, middling, 'outbound')).not.toContain('ICP_FIT_LOW');
  });

  it('no ICP_FIT_LOW on a profile that scores seniority only (the open profile): the role floor owns that', async () => {
    const intern = { email: 'jane.doe@acme-robotics.com', company: 'Acme Robotics', country: 'GB', title: 'Marketing Intern' };
    const open = await run(undefined, intern, 'outbound');
    expect(open.evidence?.scores).toMatchObject({ fit: expect.any(Number) });
    expect((open.evidence?.scores as { fit: number }).fit).toBeLessThan(70);
    expect(open.codes).not.toContain('ICP_FIT_LOW');
    // An excluded-countries list is a criterion beyond the default sanctions: now the floor applies.
    expect(await codesOf({ countries: { exclude: ['FR'] } }, intern, 'outbound')).toContain('ICP_FIT_LOW');
  });

  it('weights and tiers are options', async () => {
    const evidence = await evidenceOf({ ...profile, weights: { seniority: 0 }, tiers: { a: 99, b: 90, c: 10 } }, FULL);
    expect(evidence.fit).toBe(100);
    expect(evidence.tier).toBe('A');
    expect((await evidenceOf({ ...profile, tiers: { a: 99, b: 90, c: 10 } }, FULL)).tier).toBe('B');
  });

  // Each attribute at one of three levels: 0 mismatch, 1 unknown, 2 match. Titles from worst to
  // best (index 0 is no title: unknown, comparable only with itself, since where it ranks
  // among the known levels depends on unknownCredit).
  const TITLES = [undefined, 'Student', 'Marketing Intern', 'Marketing Coordinator', 'Senior Marketing Specialist', 'Marketing Manager', 'Marketing Director', 'VP Marketing', 'Chief Marketing Officer'];
  const leadAt = (levels: number[], title: number): Record<string, unknown> => {
    const pick = <T,>(level: number, mismatch: T, match: T) => (level === 0 ? mismatch : level === 2 ? match : undefined);
    return {
      company: 'Acme Robotics',
      industry: pick(levels[0]!, '236220', '511210'),
      employees: pick(levels[1]!, 10, 300),
      revenue: pick(levels[2]!, 10, 20_000_000),
      country: pick(levels[3]!, 'FR', 'GB'),
      tech: pick(levels[4]!, ['Zoho'], ['Salesforce']),
      title: TITLES[title],
    };
  };
  const levels = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 });
  const weights = fc.record({
    industry: fc.integer({ min: 0, max: 50 }),
    employees: fc.integer({ min: 0, max: 50 }),
    revenue: fc.integer({ min: 0, max: 50 }),
    country: fc.integer({ min: 0, max: 50 }),
    technologies: fc.integer({ min: 0, max: 50 }),
    seniority: fc.integer({ min: 0, max: 50 }),
    function: fc.integer({ min: 0, max: 50 }),
  });

  it('property: a better fit never scores lower (every attribute at least as good ⇒ score at least as high)', async () => {
    await fc.assert(
      fc.asyncProperty(levels, levels, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), weights, fc.double({ min: 0, max: 1, noNaN: true }), async (a, b, ta, tb, w, unknownCredit) => {
        const better = a.map((level, i) => Math.max(level, b[i]!));
        const [worseTitle, betterTitle] = ta === 0 || tb === 0 ? [ta, ta] : [Math.min(ta, tb), Math.max(ta, tb)];
        const options = { ...profile, weights: w, unknownCredit, countries: { include: ['GB', 'DE'], excludeSanctioned: false } };
        const worse = await scoresOf(options, leadAt(a, worseTitle));
        const best = await scoresOf(options, leadAt(better, betterTitle));
        return best.fit >= worse.fit;
      }),
      { numRuns: 300 },
    );
  });

  it('property: the fit is an integer from 0 to 100 whatever the lead', async () => {
    await fc.assert(
      fc.asyncProperty(levels, fc.integer({ min: 0, max: 8 }), weights, async (a, title, w) => {
        const { fit } = await scoresOf({ ...profile, weights: w }, leadAt(a, title));
        return Number.isInteger(fit) && fit >= 0 && fit <= 100;
      }),
      { numRuns: 200 },
    );
  });
});

describe('icpFit: intent from behaviour', () => {
  const signal = (type: string, days: number, extra: Record<string, unknown> = {}) => ({ type, at: daysAgo(days), ...extra });

  it('a signal one half-life old counts half; two half-lives, a quarter', async () => {
    expect((await scoresOf(undefined, { ...WORK, behaviour: [signal('content_download', 0)] })).intent).toBe(20);
    expect((await scoresOf(undefined, { ...WORK, behaviour: [signal('content_download', 30)] })).intent).toBe(10);
    expect((await scoresOf(undefined, { ...WORK, behaviour: [signal('content_download', 60)] })).intent).toBe(5);
    expect((await scoresOf({ halfLifeDays: 7 }, { ...WORK, behaviour: [signal('content_download', 7)] })).intent).toBe(10);
  });

  it('negative signals subtract, and intent never goes below 0', async () => {
    expect((await scoresOf(undefined, { ...WORK, behaviour: [signal('pricing_view', 0), signal('careers_visit', 0)] })).intent).toBe(15);
    expect((await scoresOf(undefined, { ...WORK, behaviour: [signal('unsubscribe', 0)] })).intent).toBe(0);
  });

  it('reads types loosely and ignores what it cannot date or does not know', async () => {
    const evidence = await evidenceOf(undefined, {
      ...WORK,
      behaviour: [
        { type: 'Pricing View', at: daysAgo(0), url: 'https://acme.example/pricing' },
        { type: 'pricing-view', at: Date.parse(daysAgo(0)) },
        { type: 'page_visit' },
        { type: 'page_visit', at: 'yesterday-ish' },
        { type: 'page_visit', at: daysAgo(-10) },
        { type: 'coffee_break', at: daysAgo(0) },
        { at: daysAgo(0) },
        { type: 42, at: daysAgo(0) },
      ],
    });
    expect(evidence.intent).toMatchObject({ score: 50, counted: 2, ignored: { malformed: 2, unknownType: 1, undated: 2, future: 1, overCap: 0 } });
  });

  it('counts at most maxSignalsPerType signals of one type, the most recent', async () => {
    const visits = Array.from({ length: 150 }, (_, i) => signal('page_visit', i));
    const evidence = await evidenceOf(undefined, { ...WORK, behaviour: visits });
    expect(evidence.intent).toMatchObject({ counted: 20, ignored: { overCap: 130 } });
    expect((evidence.scores as { intent: number }).intent).toBeLessThan(20);
  });

  it('MQL when the fit tier is B or better and intent reaches 100; a fresh demo request alone qualifies', async () => {
    const hot = { ...WORK, behaviour: [signal('demo_request', 0)] };
    expect(await scoresOf(undefined, hot)).toMatchObject({ intent: 100, mql: true });
    expect(await codesOf(undefined, hot)).toEqual([]);
    // Near miss: a day older, just under 100.
    expect(await scoresOf(undefined, { ...WORK, behaviour: [signal('demo_request', 1)] })).toMatchObject({ mql: false });
    // Same intent, tier C fit (a Senior Specialist): not an MQL.
    expect(await scoresOf(undefined, { ...hot, title: 'Senior Marketing Specialist' })).toMatchObject({ intent: 100, mql: false });
    // A disqualified lead is never an MQL.
    expect(await scoresOf({ competitors: ['acme-robotics.com'] }, hot)).toMatchObject({ intent: 100, mql: false });
    expect(await scoresOf({ mqlMinTier: 'C' }, { ...hot, title: 'Senior Marketing Specialist' })).toMatchObject({ mql: true });
  });

  it('ICP_INTENT_LOW under the intent floor when there is behaviour; none without behaviour (near miss)', async () => {
    const outcome = await run(undefined, { ...WORK, behaviour: [signal('pricing_view', 0)] });
    expect(outcome.codes).toEqual(['ICP_INTENT_LOW']);
    expect(outcome.findings[0]!.data).toEqual({ intent: 25, floor: 100 });
    expect(await codesOf(undefined, WORK)).toEqual([]);
    expect(await codesOf({ intentFloor: 20 }, { ...WORK, behaviour: [signal('pricing_view', 0)] })).toEqual([]);
    // Only signals it cannot count: no data, no finding.
    expect(await codesOf(undefined, { ...WORK, behaviour: [{ type: 'coffee_break', at: daysAgo(0) }] })).toEqual([]);
  });

  it('expansion needs twice the intent: 100 points is not an MQL there, 200 is', async () => {
    const customers: IcpProfile = { customers: ['acme-robotics.com'] };
    const hundred = { ...WORK, behaviour: [signal('demo_request', 0)] };
    expect(await scoresOf(customers, hundred, 'expansion')).toMatchObject({ intent: 100, mql: false });
    expect(await codesOf(customers, hundred, 'expansion')).toEqual(['ICP_INTENT_LOW']);
    const twoHundred = { ...WORK, behaviour: [signal('demo_request', 0), signal('trial_signup', 0), signal('pricing_view', 0), signal('pricing_view', 0)] };
    expect(await scoresOf(customers, twoHundred, 'expansion')).toMatchObject({ intent: 200, mql: true });
  });

  it('partner: no behavioural scoring, so no intent, no MQL and no ICP_INTENT_LOW', async () => {
    const lead = { ...WORK, behaviour: [signal('pricing_view', 0)] };
    const outcome = await run(undefined, lead, 'partner');
    expect(outcome.codes).toEqual([]);
    expect(outcome.evidence?.scores).toEqual({ fit: expect.any(Number) });
    expect(outcome.evidence?.intent).toEqual({ scored: false });
    expect(await scoresOf({ scoreBehaviour: true }, lead, 'partner')).toMatchObject({ intent: 25, mql: false });
  });
});

describe('icpFit: through a gate', () => {
  it('lifts fit, intent and mql into the verdict', async () => {
    const gate = createGate({ motion: 'inbound', now: () => NOW });
    const verdict = await gate.validate({ ...WORK, behaviour: [{ type: 'demo_request', at: daysAgo(0) }] });
    expect(verdict.decision).toBe('accept');
    expect(verdict.scores.fit).toBeGreaterThanOrEqual(85);
    expect(verdict.scores.intent).toBe(100);
    expect(verdict.mql).toBe(true);
  });

  it('a profile given in checks replaces the preset\'s and still follows the motion (outbound floor 70)', async () => {
    const gate = createGate({ motion: 'outbound', checks: [icpFit({ employees: { min: 50 }, functions: ['marketing'] })] });
    const verdict = gate.validateSync({ ...WORK, employees: 10, phone: '+44 20 7946 0958', title: 'Marketing Manager' });
    expect(verdict.results.find((r) => r.check === 'icp')?.findings.map((f) => f.code)).toEqual(['ICP_SIZE_OUT_OF_RANGE', 'ICP_FIT_LOW']);
    expect(verdict.decision).toBe('reject');
  });

  it('a motion of another name gets the inbound settings (floor 50, behaviour scored)', async () => {
    const lead = { ...WORK, title: 'Senior Marketing Specialist', behaviour: [{ type: 'pricing_view', at: daysAgo(0) }] };
    for (const motion of ['events', 'toString']) {
      expect(await codesOf(undefined, lead, motion), motion).toEqual(['ICP_INTENT_LOW']);
      expect(await scoresOf(undefined, lead, motion)).toMatchObject({ intent: 25, mql: false });
    }
  });

  it('is synchronous and declares the fields it reads', () => {
    const check = icpFit();
    expect(check.async).toBe(false);
    expect(check.runsIn).toBe('anywhere');
    expect(check.dimension).toBe('value');
    expect(check.run({}, syncContext())).not.toBeInstanceOf(Promise);
    expect(check.fields).toEqual(expect.arrayContaining(['company', 'email', 'industry', 'employees', 'country', 'title', 'behaviour']));
  });

  it('never throws on odd input: a behaviour that is not a list, a long title, odd types', async () => {
    for (const lead of [{ behaviour: 'pricing' }, { behaviour: [null, 1, 'x', []] }, { title: 'x'.repeat(5000) }, { employees: 'lots' }, { tech: 42 }]) {
      const outcome = await run(undefined, lead);
      expect(outcome.status).toBe('fail'); // ICP_COMPANY_MISSING: none of them names a company
      expect(typeof (outcome.evidence?.scores as { fit: number }).fit).toBe('number');
    }
  });
});

describe('icpFit: profile validation', () => {
  const optionOf = (profile: unknown) => {
    try {
      icpFit(profile as IcpProfile);
    } catch (error) {
      if (isLeadGateError(error)) return error.option;
      throw error;
    }
    return undefined;
  };

  it.each([
    [{ industries: { include: ['5a'] } }, 'industries.include'],
    [{ industries: { exclude: ['1234567'] } }, 'industries.exclude'],
    [{ industries: { labels: { saas: 'software' } } }, 'industries.labels.saas'],
    [{ employees: { min: 500, max: 50 } }, 'employees'],
    [{ revenue: { min: -1 } }, 'revenue.min'],
    [{ countries: { include: ['Germany'] } }, 'countries.include'],
    [{ countries: { excludeSanctioned: 'no' } }, 'countries.excludeSanctioned'],
    [{ technologies: { required: ['---'] } }, 'technologies.required'],
    [{ functions: ['wizardry'] }, 'functions'],
    [{ competitors: ['not a domain'] }, 'competitors'],
    [{ customers: ['localhost'] }, 'customers'],
    [{ audience: 'everyone' }, 'audience'],
    [{ weights: { seniority: -5 } }, 'weights.seniority'],
    [{ weights: { charisma: 5 } }, 'weights'],
    [{ tiers: { a: 50, b: 70, c: 85 } }, 'tiers'],
    [{ unknownCredit: 2 }, 'unknownCredit'],
    [{ signals: { pricing_view: 5000 } }, 'signals.pricing_view'],
    [{ halfLifeDays: 0 }, 'halfLifeDays'],
    [{ maxSignalsPerType: 1.5 }, 'maxSignalsPerType'],
    [{ mqlThreshold: -100 }, 'mqlThreshold'],
    [{ mqlMinTier: 'E' }, 'mqlMinTier'],
    [{ fitFloor: 101 }, 'fitFloor'],
    [{ minConfidence: -0.1 }, 'minConfidence'],
    [{ intentFloor: -1 }, 'intentFloor'],
    [{ fitFloorr: 50 }, 'fitFloorr'],
    ['inbound', 'options'],
  ])('%j → LeadGateError naming %s', (profile, option) => {
    expect(optionOf(profile)).toBe(option);
  });

  it('accepts an empty profile and a full one (near misses)', () => {
    expect(optionOf(undefined)).toBeUndefined();
    expect(
      optionOf({
        industries: { include: ['5112', '54'], exclude: ['92'], labels: { saas: '5112', manufacturing: ['31', '32', '33'] } },
        employees: { min: 50, max: 5000 },
        revenue: { min: 1_000_000, max: 1_000_000_000 },
        countries: { include: ['DE', 'AT'], exclude: ['RU'], excludeSanctioned: true },
        technologies: { required: ['salesforce'], excluded: ['pipedrive'] },
        functions: ['marketing'],
        competitors: ['rival.example'],
        customers: ['https://www.client.example/'],
        audience: 'prospects',
        weights: { industry: 30 },
        tiers: { a: 90, b: 75, c: 50 },
        unknownCredit: 0.3,
        signals: { 'Webinar Attended': 30, careers_visit: 0 },
        halfLifeDays: 14,
        maxSignalsPerType: 5,
        mqlThreshold: 80,
        mqlMinTier: 'A',
        scoreBehaviour: true,
        fitFloor: 60,
        minConfidence: 0,
        intentFloor: 10,
      }),
    ).toBeUndefined();
  });

  it('a bad icp option in a preset names the motion entry', () => {
    const error = (() => {
      try {
        createGate({ motion: { name: 'custom', version: '1.0.0', description: 'x', checks: { icp: { fitFloor: 'high' } }, actions: {} } });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isLeadGateError(error) && error.option).toBe('motion.checks.icp.fitFloor');
  });
});
