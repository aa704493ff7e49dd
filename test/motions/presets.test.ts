import { describe, expect, it } from 'vitest';
import {
  codes,
  createGate,
  emailValidity,
  icpFit,
  MOTION_NAMES,
  motions,
  SYSTEM_CODES,
  type Action,
  type Decision,
  type IcpProfile,
  type MotionName,
  type MxAnswer,
  type MxResolver,
  type Verdict,
} from '../../src/index.js';

// Every preset's decision on the same leads, written out by hand. The table is NOT
// derived from the presets' action tables: a change to a preset must break this test,
// and whoever changes it must decide, lead by lead, that the new decision is right.
//
// The rules the table was checked against (the issue that introduced the motions):
// - disposable → reject everywhere; typo → reject everywhere; no MX → reject everywhere;
// - free provider → review for inbound, partner and expansion, reject for abm and outbound;
// - role account → review for inbound, partner and expansion, reject for abm and outbound;
// - outbound requires a phone: PHONE_MISSING / PHONE_INVALID / PHONE_TYPE_SUSPECT reject there.
// - icp (issue 5): sanctioned country and competitor → reject everywhere; fit under 50 → review
//   (inbound, partner), under 70 → reject (outbound), flag (abm, expansion); no company or an
//   excluded industry → reject in abm; ICP_NOT_CUSTOMER → reject in expansion; existing
//   customer in a new-logo motion → review; low intent → flag; partner: no behavioural scoring.

const WEBSITE = 'https://www.acme-robotics.com';
// Ofcom's range for drama (020 7946 0000–0999): a valid London fixed line that rings nowhere.
const DIRECT_PHONE = '+44 20 7946 0958';

/** The good lead with some fields replaced (a value of `undefined` removes the field). */
function lead(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    email: 'jane.doe@acme-robotics.com',
    website: WEBSITE,
    phone: DIRECT_PHONE,
    country: 'GB',
    company: 'Acme Robotics',
    title: 'Head of Operations',
  };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

type Decisions = Record<MotionName, Decision>;

interface Row {
  name: string;
  input: unknown;
  /** The codes the checks report, under every motion unless `codesIn` says otherwise. */
  codes: string[];
  codesIn?: Partial<Record<MotionName, string[]>>;
  decisions: Decisions;
}

const all = (decision: Decision): Decisions => ({ inbound: decision, abm: decision, outbound: decision, partner: decision, expansion: decision });

const TABLE: Row[] = [
  {
    name: 'good work lead: email matches the website, valid direct phone',
    input: lead(),
    codes: [],
    decisions: all('accept'),
  },
  {
    name: 'free-mail address (gmail.com)',
    input: lead({ email: 'jane.doe@gmail.com' }),
    codes: ['EMAIL_FREE_PROVIDER'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'review', expansion: 'review' },
  },
  {
    name: 'role account (info@)',
    input: lead({ email: 'info@acme-robotics.com' }),
    codes: ['EMAIL_ROLE_ACCOUNT'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'review', expansion: 'review' },
  },
  {
    // gmial.com is also a typo-squatting catch-all on the disposable list.
    name: 'typo of a provider that is also disposable (gmial.com)',
    input: lead({ email: 'jane.doe@gmial.com' }),
    codes: ['EMAIL_DISPOSABLE', 'EMAIL_TYPO'],
    decisions: all('reject'),
  },
  {
    name: 'typo of a provider (outlok.com)',
    input: lead({ email: 'jane.doe@outlok.com' }),
    codes: ['EMAIL_TYPO'],
    decisions: all('reject'),
  },
  {
    name: 'disposable address (mailinator.com)',
    input: lead({ email: 'jane.doe@mailinator.com' }),
    codes: ['EMAIL_DISPOSABLE'],
    decisions: all('reject'),
  },
  {
    name: 'bad syntax (two @)',
    input: lead({ email: 'jane.doe@@acme-robotics.com' }),
    codes: ['EMAIL_SYNTAX'],
    decisions: all('reject'),
  },
  {
    name: 'email domain unrelated to the website',
    input: lead({ email: 'jane.doe@globex-industries.com' }),
    codes: ['EMAIL_DOMAIN_MISMATCH'],
    decisions: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'no phone',
    input: lead({ phone: undefined }),
    codes: [],
    codesIn: { outbound: ['PHONE_MISSING'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'reject', partner: 'accept', expansion: 'accept' },
  },
  {
    name: 'phone that is not a number',
    input: lead({ phone: '12345' }),
    codes: ['PHONE_INVALID'],
    decisions: { inbound: 'review', abm: 'review', outbound: 'reject', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'premium-rate phone (+44 909, country GB)',
    input: lead({ phone: '+44 909 879 0000', country: 'GB' }),
    codes: ['PHONE_TYPE_SUSPECT'],
    decisions: { inbound: 'review', abm: 'review', outbound: 'reject', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'valid phone of another country than the lead declares (GB number, country DE)',
    input: lead({ country: 'DE' }),
    codes: ['PHONE_COUNTRY_MISMATCH'],
    decisions: { inbound: 'accept', abm: 'review', outbound: 'review', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'toll-free phone (+44 808, country GB)',
    input: lead({ phone: '+44 808 157 0192', country: 'GB' }),
    codes: ['PHONE_TYPE_SUSPECT'],
    decisions: { inbound: 'review', abm: 'review', outbound: 'reject', partner: 'review', expansion: 'accept' },
  },
  {
    name: 'a string instead of a lead object',
    input: 'jane.doe@acme-robotics.com',
    codes: ['SYSTEM_INPUT_INVALID'],
    decisions: all('reject'),
  },
  // ICP fit (icp check, issue 5). The presets run the OPEN profile: no include lists, the
  // sanctioned countries excluded; the fit counts seniority and country. Fit floors: 50, and
  // 70 in outbound; ICP_FIT_LOW → review (inbound, partner), flag (abm, expansion), reject (outbound).
  {
    name: 'free-mail address with no company name and no website: no account to route to',
    input: lead({ email: 'jane.doe@gmail.com', company: undefined, website: undefined }),
    codes: ['EMAIL_FREE_PROVIDER', 'ICP_COMPANY_MISSING'],
    decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'review', expansion: 'review' },
  },
  {
    // The fit also loses the country's points: 53, under outbound's floor of 70.
    name: 'sanctioned country (IR), no phone',
    input: lead({ country: 'IR', phone: undefined }),
    codes: ['ICP_GEO_EXCLUDED'],
    codesIn: { outbound: ['ICP_FIT_LOW', 'ICP_GEO_EXCLUDED', 'PHONE_MISSING'] },
    decisions: all('reject'),
  },
  {
    name: 'intern: fit 37, under every floor',
    input: lead({ title: 'Marketing Intern' }),
    codes: ['ICP_FIT_LOW', 'ROLE_SENIORITY_LOW'],
    codesIn: { abm: ['ICP_FIT_LOW'] },
    decisions: { inbound: 'review', abm: 'accept', outbound: 'reject', partner: 'review', expansion: 'review' },
  },
  {
    name: 'senior individual contributor: fit 57, under outbound\'s floor only',
    input: lead({ title: 'Senior Software Engineer' }),
    codes: [],
    codesIn: { outbound: ['ICP_FIT_LOW', 'ROLE_SENIORITY_LOW'] },
    decisions: { inbound: 'accept', abm: 'accept', outbound: 'reject', partner: 'accept', expansion: 'accept' },
  },
  {
    // Informational everywhere; partner leads are not scored on behaviour at all.
    name: 'behaviour under the MQL threshold (one pricing-page view)',
    input: lead({ behaviour: [{ type: 'pricing_view', at: new Date().toISOString() }] }),
    codes: ['ICP_INTENT_LOW'],
    codesIn: { partner: [] },
    decisions: all('accept'),
  },
];

const sorted = (list: readonly string[]) => [...list].sort();
const findingCodes = (verdict: Verdict) => sorted(verdict.results.flatMap((result) => result.findings.map((finding) => finding.code)));
const reasonCodes = (verdict: Verdict) => sorted(verdict.reasons.map((reason) => reason.code));

describe("every preset's decision on the same leads", () => {
  const gates = Object.fromEntries(MOTION_NAMES.map((motion) => [motion, createGate({ motion })])) as Record<MotionName, ReturnType<typeof createGate>>;

  it('covers every motion that ships as a preset', () => {
    expect(sorted(MOTION_NAMES)).toEqual(['abm', 'expansion', 'inbound', 'outbound', 'partner']);
    expect(sorted(Object.keys(motions))).toEqual(sorted(MOTION_NAMES));
  });

  for (const row of TABLE) {
    describe(row.name, () => {
      for (const motion of MOTION_NAMES) {
        it(`${motion} → ${row.decisions[motion]}`, async () => {
          const expectedCodes = sorted(row.codesIn?.[motion] ?? row.codes);
          const verdict = await gates[motion].validate(row.input);
          expect(findingCodes(verdict)).toEqual(expectedCodes);
          // No built-in action is `ignore`, so every finding is a reason.
          expect(reasonCodes(verdict)).toEqual(expectedCodes);
          expect(verdict.decision).toBe(row.decisions[motion]);
          expect(verdict.motion).toBe(motion);
          expect(verdict.policy).toEqual({ name: motion, version: motions[motion].version });

          // Without an MX resolver every built-in check is synchronous: the form sees the same answer.
          const sync = gates[motion].validateSync(row.input);
          expect(findingCodes(sync)).toEqual(expectedCodes);
          expect(sync.decision).toBe(row.decisions[motion]);
          expect(sync.skipped).toBeUndefined();
        });
      }
    });
  }
});

describe('icp codes under each motion, with a profile', () => {
  // What a user gets with their own profile: `checks: [icpFit(profile)]` replaces the
  // preset's icp check, and the motion still decides floors, thresholds and actions.
  const PROFILE: IcpProfile = {
    industries: { exclude: ['92'] },
    employees: { min: 50, max: 5000 },
    revenue: { min: 1_000_000 },
    technologies: { required: ['salesforce'] },
    competitors: ['rival-robotics.com'],
  };
  const fitting = (changes: Record<string, unknown> = {}) => lead({ industry: '511210', employees: 300, revenue: 20_000_000, tech: ['Salesforce'], ...changes });
  const rows: Array<{ name: string; profile?: IcpProfile; input: Record<string, unknown>; codes: string[]; codesIn?: Partial<Record<MotionName, string[]>>; decisions: Decisions }> = [
    { name: 'fits the profile', input: fitting(), codes: [], decisions: all('accept') },
    {
      name: 'excluded industry (public administration, NAICS 92)',
      input: fitting({ industry: '921110' }),
      codes: ['ICP_INDUSTRY_EXCLUDED'],
      decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'company too small (12 employees)',
      input: fitting({ employees: 12 }),
      codes: ['ICP_SIZE_OUT_OF_RANGE'],
      decisions: { inbound: 'review', abm: 'accept', outbound: 'reject', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'revenue under the range',
      input: fitting({ revenue: 200_000 }),
      codes: ['ICP_REVENUE_OUT_OF_RANGE'],
      decisions: { inbound: 'review', abm: 'accept', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'none of the required technologies',
      input: fitting({ tech: ['Pipedrive'] }),
      codes: ['ICP_TECH_MISMATCH'],
      decisions: { inbound: 'review', abm: 'accept', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'a competitor\'s domain',
      input: fitting({ email: 'jane.doe@rival-robotics.com', website: 'rival-robotics.com' }),
      codes: ['ICP_COMPETITOR'],
      decisions: all('reject'),
    },
    {
      // Fit 40: industry, size and tech all miss.
      name: 'three misses at once: fit under every floor',
      input: fitting({ industry: '921110', employees: 12, tech: ['Pipedrive'] }),
      codes: ['ICP_FIT_LOW', 'ICP_INDUSTRY_EXCLUDED', 'ICP_SIZE_OUT_OF_RANGE', 'ICP_TECH_MISMATCH'],
      decisions: { inbound: 'review', abm: 'reject', outbound: 'reject', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'an existing customer',
      profile: { ...PROFILE, customers: ['acme-robotics.com'] },
      input: fitting(),
      codes: ['ICP_EXISTING_CUSTOMER'],
      codesIn: { expansion: [] },
      decisions: { inbound: 'review', abm: 'review', outbound: 'review', partner: 'review', expansion: 'accept' },
    },
    {
      name: 'not a customer',
      profile: { ...PROFILE, customers: ['globex.example'] },
      input: fitting(),
      codes: [],
      codesIn: { expansion: ['ICP_NOT_CUSTOMER'] },
      decisions: { inbound: 'accept', abm: 'accept', outbound: 'accept', partner: 'accept', expansion: 'reject' },
    },
  ];

  for (const row of rows) {
    describe(row.name, () => {
      for (const motion of MOTION_NAMES) {
        it(`${motion} → ${row.decisions[motion]}`, () => {
          const gate = createGate({ motion, checks: [icpFit(row.profile ?? PROFILE)] });
          const verdict = gate.validateSync(row.input);
          expect(findingCodes(verdict)).toEqual(sorted(row.codesIn?.[motion] ?? row.codes));
          expect(verdict.decision).toBe(row.decisions[motion]);
        });
      }
    });
  }
});

describe('EMAIL_NO_MX', () => {
  // What a resolver answers for a domain that takes no mail: "none" when it has neither
  // MX nor address records, "null-mx" when it publishes `MX 0 .` (RFC 7505).
  const answers: Record<string, MxAnswer> = {
    'no-mail.example': { accepts: false, via: 'none', hosts: [] },
    'null-mx.example': { accepts: false, via: 'null-mx', hosts: [] },
  };
  const asked: string[] = [];
  const resolveMx: MxResolver = async (domain) => {
    asked.push(domain);
    return answers[domain] ?? { accepts: true, via: 'mx', hosts: [`mx.${domain}`] };
  };
  const gateFor = (motion: MotionName) => createGate({ motion, checks: [emailValidity({ resolveMx })] });

  for (const motion of MOTION_NAMES) {
    it(`rejects a domain that takes no mail under ${motion}`, async () => {
      const gate = gateFor(motion);
      // The email check given in `checks` replaces the preset's, it is not run twice.
      expect(gate.checks.filter((check) => check.id === 'email')).toHaveLength(1);
      for (const domain of Object.keys(answers)) {
        asked.length = 0;
        const verdict = await gate.validate(lead({ email: `jane.doe@${domain}`, website: `https://${domain}` }));
        expect(asked).toEqual([domain]);
        expect(findingCodes(verdict)).toEqual(['EMAIL_NO_MX']);
        expect(verdict.decision).toBe('reject');
      }
    });

    it(`accepts the good lead when its domain takes mail under ${motion} (near miss)`, async () => {
      const verdict = await gateFor(motion).validate(lead());
      expect(findingCodes(verdict)).toEqual([]);
      expect(verdict.decision).toBe('accept');
    });
  }
});

describe('preset action tables', () => {
  const declared = new Set(codes().map((row) => row.code));
  // Check errors are decided by the preset's `onError`, which takes precedence over
  // its table; every other code must be listed explicitly.
  const ERROR_CODES = ['SYSTEM_CHECK_FAILED', 'SYSTEM_TIMEOUT'];

  it('the catalogue lists the system codes and the built-in checks\' codes', () => {
    for (const code of Object.keys(SYSTEM_CODES)) expect(declared.has(code), code).toBe(true);
    expect(declared.has('EMAIL_NO_MX')).toBe(true);
    expect(declared.has('PHONE_MISSING')).toBe(true);
  });

  for (const motion of MOTION_NAMES) {
    const preset = motions[motion];

    it(`${motion}: every key of its actions table is a declared code`, () => {
      const unknown = Object.keys(preset.actions).filter((code) => !declared.has(code));
      expect(unknown).toEqual([]);
    });

    it(`${motion}: every declared code has an explicit action (none falls back to defaultAction)`, () => {
      const missing = [...declared].filter((code) => !ERROR_CODES.includes(code) && !Object.hasOwn(preset.actions, code));
      expect(missing).toEqual([]);
      expect(preset.onError, 'onError is set explicitly').toBe('review');
      for (const code of ERROR_CODES) expect(preset.actions[code], `${code} is decided by onError`).toBeUndefined();
    });

    it(`${motion}: the catalogue's action for each code is the one in its table`, () => {
      for (const row of codes()) {
        const expected: Action | undefined = ERROR_CODES.includes(row.code) ? preset.onError : preset.actions[row.code];
        expect(row.actions[motion], row.code).toBe(expected);
      }
    });
  }
});

describe('presets are frozen', () => {
  // ES modules run in strict mode, so a write to a frozen object throws instead of being ignored.
  for (const motion of MOTION_NAMES) {
    it(`${motion}: its actions, checks and check options cannot be changed`, () => {
      const preset = motions[motion];
      const actions = preset.actions as Record<string, Action>;
      expect(Object.isFrozen(preset)).toBe(true);
      expect(Object.isFrozen(preset.actions)).toBe(true);
      expect(Object.isFrozen(preset.checks)).toBe(true);
      expect(() => {
        actions.EMAIL_FREE_PROVIDER = 'ignore';
      }).toThrow(TypeError);
      expect(() => {
        actions.SOMETHING_NEW = 'ignore';
      }).toThrow(TypeError);
      expect(() => {
        delete actions.EMAIL_DISPOSABLE;
      }).toThrow(TypeError);
      expect(() => {
        (preset as { version: string }).version = '9.9.9';
      }).toThrow(TypeError);
      for (const options of Object.values(preset.checks)) {
        expect(Object.isFrozen(options)).toBe(true);
        expect(() => {
          (options as Record<string, unknown>).required = false;
        }).toThrow(TypeError);
      }
      expect(actions.EMAIL_DISPOSABLE).toBe('reject');
    });
  }

  it('the motions table itself cannot be changed', () => {
    expect(Object.isFrozen(motions)).toBe(true);
    expect(() => {
      (motions as Record<string, unknown>).inbound = { ...motions.inbound, actions: {} };
    }).toThrow(TypeError);
  });

  it('the inbound table still reviews free-mail after the attempts above', async () => {
    expect(motions.inbound.actions.EMAIL_FREE_PROVIDER).toBe('review');
    const verdict = await createGate({ motion: 'inbound' }).validate(lead({ email: 'jane.doe@gmail.com' }));
    expect(verdict.decision).toBe('review');
  });
});

describe('overrides', () => {
  const freeMail = lead({ email: 'jane.doe@gmail.com' });

  it('changes the decision for the overridden code only', async () => {
    const gate = createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } });
    expect(gate.actionFor('EMAIL_FREE_PROVIDER')).toBe('reject');
    expect(gate.actionFor('EMAIL_ROLE_ACCOUNT')).toBe('review');
    const verdict = await gate.validate(freeMail);
    expect(verdict.decision).toBe('reject');
    expect(verdict.reasons.map((reason) => [reason.code, reason.action])).toEqual([['EMAIL_FREE_PROVIDER', 'reject']]);
    expect((await gate.validate(lead({ email: 'info@acme-robotics.com' }))).decision).toBe('review');
  });

  it('can soften as well as harden', async () => {
    const gate = createGate({ motion: 'abm', overrides: { EMAIL_FREE_PROVIDER: 'flag' } });
    expect((await gate.validate(freeMail)).decision).toBe('accept');
  });

  it('marks the policy version with a +overrides. suffix', () => {
    const plain = createGate({ motion: 'inbound' });
    const overridden = createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } });
    expect(plain.policy).toEqual({ name: 'inbound', version: motions.inbound.version });
    expect(overridden.policy.name).toBe('inbound');
    expect(overridden.policy.version.startsWith(`${motions.inbound.version}+overrides.`)).toBe(true);
    expect(overridden.policy.version).toMatch(/^\d+\.\d+\.\d+\+overrides\.[0-9a-f]+$/);
    // Same overrides, same version; different overrides, different version.
    expect(createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } }).policy.version).toBe(overridden.policy.version);
    expect(createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'flag' } }).policy.version).not.toBe(overridden.policy.version);
  });

  it('does not leak into the preset or into other gates', async () => {
    createGate({ motion: 'inbound', overrides: { EMAIL_FREE_PROVIDER: 'reject' } });
    expect(motions.inbound.actions.EMAIL_FREE_PROVIDER).toBe('review');
    const verdict = await createGate({ motion: 'inbound' }).validate(freeMail);
    expect(verdict.decision).toBe('review');
    expect(verdict.policy.version).toBe(motions.inbound.version);
  });
});
