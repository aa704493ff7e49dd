import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createGate, MOTION_NAMES, type Action, type DecisionEvent, type Gate, type MotionName, type Verdict } from '../../src/index.js';

// Property tests for the promise in DESIGN.md: "Bad lead input never throws: it
// produces a verdict". Whatever a form, a file or an attacker sends, every motion's
// gate returns a well-formed verdict, and normalisation never touches a prototype.

const NUM_RUNS = 200;
const STRENGTH: Record<Action, number> = { ignore: 0, flag: 1, review: 2, reject: 3 };
const REASON_ACTIONS = new Set(['reject', 'review', 'flag']);
const CODE = /^[A-Z]+_[A-Z_]+$/;

const logErrors: { sink: string; error: unknown }[] = [];
const loggedEvents: DecisionEvent[] = [];

// Each gate logs to a sink, so the log path (attribution, digests) sees the same input.
const gates = Object.fromEntries(
  MOTION_NAMES.map((motion) => [
    motion,
    createGate({
      motion,
      log: (event) => {
        if (loggedEvents.length < 50) loggedEvents.push(event);
      },
      onLogError: (error, sink) => logErrors.push({ sink, error }),
    }),
  ]),
) as Record<MotionName, Gate>;
const knownCodes = Object.fromEntries(MOTION_NAMES.map((motion) => [motion, new Set(gates[motion].codes().map((row) => row.code))])) as Record<
  MotionName,
  Set<string>
>;

const isScore = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100);

/**
 * Everything a caller may rely on in a verdict, for any input: returns what is wrong
 * (empty when well-formed). Collects instead of calling `expect` per property, which
 * would cost more than the gate itself over thousands of runs.
 */
function problemsWith(verdict: Verdict, motion: MotionName): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const gate = gates[motion];
  check(['accept', 'review', 'reject'].includes(verdict.decision), `decision ${String(verdict.decision)}`);
  check(verdict.motion === motion && verdict.motion === gate.motion, `motion ${String(verdict.motion)}`);
  check(typeof verdict.policy?.name === 'string' && typeof verdict.policy.version === 'string', 'policy name/version are strings');
  check(verdict.policy?.name === gate.policy.name && verdict.policy.version === gate.policy.version, 'policy is the gate\'s');

  check(Array.isArray(verdict.reasons), 'reasons is an array');
  let strongest = 0;
  for (const reason of verdict.reasons ?? []) {
    const code = String(reason.code);
    check(typeof reason.code === 'string' && CODE.test(reason.code), `reason code ${code}`);
    check(typeof reason.check === 'string', `${code}: check is a string`);
    check(typeof reason.message === 'string', `${code}: message is a string`);
    // `ignore` findings are dropped from reasons; anything else is a bug.
    check(REASON_ACTIONS.has(reason.action), `${code}: action ${String(reason.action)}`);
    check(knownCodes[motion].has(code), `${code} is not in gate.codes()`);
    check(reason.action === gate.actionFor(code), `${code}: action ${String(reason.action)} is not the gate's`);
    strongest = Math.max(strongest, STRENGTH[reason.action] ?? 0);
  }
  const expected = strongest === STRENGTH.reject ? 'reject' : strongest === STRENGTH.review ? 'review' : 'accept';
  check(verdict.decision === expected, `decision ${verdict.decision} but strongest reason says ${expected}`);

  check(Array.isArray(verdict.results), 'results is an array');
  for (const result of verdict.results ?? []) {
    check(typeof result.check === 'string', 'result.check is a string');
    check(['pass', 'fail', 'error'].includes(result.status), `${result.check}: status ${String(result.status)}`);
    check(Array.isArray(result.findings), `${result.check}: findings is an array`);
    check(typeof result.ms === 'number' && Number.isFinite(result.ms), `${result.check}: ms ${String(result.ms)}`);
  }

  for (const dimension of ['compliance', 'truth', 'value'] as const) {
    check(isScore(verdict.scores?.[dimension]), `scores.${dimension} ${String(verdict.scores?.[dimension])}`);
  }

  check(typeof verdict.leadId === 'string' && verdict.leadId.length > 0, `leadId ${String(verdict.leadId)}`);
  check(typeof verdict.at === 'string' && !Number.isNaN(Date.parse(verdict.at)), `at ${String(verdict.at)}`);
  check(typeof verdict.ms === 'number' && Number.isFinite(verdict.ms) && verdict.ms >= 0, `ms ${String(verdict.ms)}`);
  return problems;
}

/** Runs the input through every motion's gate, async and sync, and checks both verdicts. */
async function expectVerdictsEverywhere(input: unknown): Promise<Record<MotionName, Verdict>> {
  const verdicts = {} as Record<MotionName, Verdict>;
  for (const motion of MOTION_NAMES) {
    const verdict = await gates[motion].validate(input);
    // Throws (and so fails the property, with the input) if validateSync throws.
    const sync = gates[motion].validateSync(input);
    const problems = [
      ...problemsWith(verdict, motion).map((problem) => `validate: ${problem}`),
      ...problemsWith(sync, motion).map((problem) => `validateSync: ${problem}`),
    ];
    // Both paths agree on every check validateSync runs. It skips the async ones (an MX
    // resolver; the presets' source check, which counts velocity and duplicates in the store).
    const skipped = new Set(sync.skipped ?? []);
    let strongest = 0;
    for (const reason of verdict.reasons) if (!skipped.has(reason.check)) strongest = Math.max(strongest, STRENGTH[reason.action]);
    const agreed = strongest === STRENGTH.reject ? 'reject' : strongest === STRENGTH.review ? 'review' : 'accept';
    if (sync.decision !== agreed) problems.push(`validateSync decided ${sync.decision}, validate ${verdict.decision} (${agreed} without skipped checks)`);
    if (problems.length > 0) expect(problems, motion).toEqual([]);
    verdicts[motion] = verdict;
  }
  return verdicts;
}

const reasonCodes = (verdict: Verdict) => verdict.reasons.map((reason) => reason.code);

function expectPrototypesClean(): void {
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'email']) {
    expect(Object.hasOwn(Object.prototype, key), `Object.prototype.${key}`).toBe(false);
    expect(probe[key], `({}).${key}`).toBeUndefined();
  }
  expect(Object.hasOwn(Array.prototype, 'polluted')).toBe(false);
  expect(Object.hasOwn(Function.prototype, 'polluted')).toBe(false);
}

// Values a form or a file plausibly sends, mixed with anything at all, so the checks
// themselves (not only normalisation) see hostile and odd input.
const anyValue = fc.anything({
  maxDepth: 3,
  withBoxedValues: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const leadLike = fc.record(
  {
    email: fc.oneof(fc.emailAddress(), fc.string(), fc.constantFrom('jane@gmial.com', 'info@acme.com', 'a@mailinator.com', 'jane@@acme.com'), anyValue),
    phone: fc.oneof(fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/), fc.constantFrom('+44 909 879 0000', '+44 20 7946 0958', '0800 123 4567'), anyValue),
    country: fc.oneof(fc.constantFrom('GB', 'DE', 'US', 'uk', 'de', 'XX', 'Germany', ''), anyValue),
    title: fc.oneof(fc.string(), anyValue),
    company: fc.oneof(fc.string(), anyValue),
    website: fc.oneof(fc.webUrl(), fc.domain(), fc.string(), anyValue),
    employees: fc.oneof(fc.integer(), fc.double(), fc.constantFrom('51-200', '10,001+', '1 200', '-5'), anyValue),
    consent: anyValue,
    source: anyValue,
    custom: anyValue,
  },
  { requiredKeys: [] },
);

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 'jane@acme.com' };
  for (let i = 0; i < depth; i++) value = { next: value, level: i };
  return value;
}

function nestedArray(depth: number): unknown[] {
  let value: unknown[] = ['leaf'];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

// With a recorded lawful basis (legitimate interest and its assessment), so the consent
// check (issue 4) passes in every motion.
const GOOD = {
  email: 'jane.doe@acme-robotics.com', website: 'https://acme-robotics.com', phone: '+44 20 7946 0958', country: 'GB', title: 'Head of Marketing',
  consent: { lawfulBasis: 'legitimate_interest', liaRef: 'LIA-2026-07', subscriberType: 'corporate' },
  // The partner id satisfies the partner motion's source check.
  source: { partnerId: 'acme-reseller' },
};
const MEGABYTE = 1_000_000;
const STRING_FIELDS = ['email', 'firstName', 'lastName', 'phone', 'country', 'title', 'company', 'website', 'industry'] as const;

describe('gate.validate on arbitrary input', () => {
  afterAll(() => {
    expectPrototypesClean();
    expect(logErrors).toEqual([]);
  });

  it('returns a well-formed verdict for fc.anything()', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (input) => {
        await expectVerdictsEverywhere(input);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('returns a well-formed verdict for lead-like objects with arbitrary values', async () => {
    await fc.assert(
      fc.asyncProperty(leadLike, async (input) => {
        await expectVerdictsEverywhere(input);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('returns a well-formed verdict for arbitrary keys beside the lead fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), anyValue, { maxKeys: 10 }), leadLike, async (extra, input) => {
        await expectVerdictsEverywhere({ ...extra, ...input });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives a non-object SYSTEM_INPUT_INVALID and a reject', async () => {
    for (const input of [undefined, null, 0, NaN, '', 'jane@acme.com', true, [], [GOOD], new Date(), new Map([['email', 'jane@acme.com']]), () => GOOD, Symbol('lead'), 10n]) {
      const verdicts = await expectVerdictsEverywhere(input);
      for (const motion of MOTION_NAMES) {
        expect(reasonCodes(verdicts[motion])).toEqual(['SYSTEM_INPUT_INVALID']);
        expect(verdicts[motion].decision).toBe('reject');
      }
    }
  });
});

describe('oversized input', () => {
  it('survives a 1 MB string in each string field', async () => {
    const fillers = ['a'.repeat(MEGABYTE), ' '.repeat(MEGABYTE), '@'.repeat(MEGABYTE), '1'.repeat(MEGABYTE), 'é@x.'.repeat(MEGABYTE / 4)];
    for (const field of STRING_FIELDS) {
      for (const filler of fillers) {
        const verdicts = await expectVerdictsEverywhere({ ...GOOD, [field]: filler });
        for (const motion of MOTION_NAMES) {
          const truncated = verdicts[motion].reasons.filter((reason) => reason.code === 'SYSTEM_FIELD_TRUNCATED');
          expect(truncated.map((reason) => reason.field), `${field} under ${motion}`).toEqual([field]);
        }
      }
    }
  });

  it('survives 1 MB strings in every field at once, and in nested records', async () => {
    const big = 'x'.repeat(MEGABYTE);
    const input = {
      ...Object.fromEntries(STRING_FIELDS.map((field) => [field, big])),
      employees: '1,'.repeat(MEGABYTE / 2),
      revenue: '9'.repeat(MEGABYTE),
      tech: `${'a,'.repeat(MEGABYTE / 2)}`,
      consent: { text: big },
      source: { utm_source: big, pageUrl: `https://acme.com/${big}` },
      custom: { note: big, [big]: big },
      [big]: big,
    };
    await expectVerdictsEverywhere(input);
  });

  it('cuts a 1 MB company name and still checks the rest of the lead', async () => {
    const verdicts = await expectVerdictsEverywhere({ ...GOOD, company: 'c'.repeat(MEGABYTE) });
    for (const motion of MOTION_NAMES) {
      const verdict = verdicts[motion];
      expect(reasonCodes(verdict)).toEqual(['SYSTEM_FIELD_TRUNCATED']);
      expect(verdict.reasons[0]!.field).toBe('company');
      expect(verdict.decision).toBe('accept');
      expect(verdict.results.find((result) => result.check === 'email')?.status).toBe('pass');
      expect(verdict.results.find((result) => result.check === 'phone')?.status).toBe('pass');
      expect(verdict.results.find((result) => result.check === 'role')?.status).toBe('pass');
    }
  });

  it('a 1 MB title is cut, then found malformed (over 128 characters) and rejected in every motion', async () => {
    const verdicts = await expectVerdictsEverywhere({ ...GOOD, title: 't'.repeat(MEGABYTE) });
    for (const motion of MOTION_NAMES) {
      expect(reasonCodes(verdicts[motion]).sort()).toEqual(['ROLE_MALFORMED', 'SYSTEM_FIELD_TRUNCATED']);
      expect(verdicts[motion].decision).toBe('reject');
    }
  });

  it('still rejects a bad email beside a 1 MB company name (near miss)', async () => {
    // The subscriber type left to the address, which a throwaway one says is no company's.
    const consent = { lawfulBasis: 'legitimate_interest', liaRef: 'LIA-2026-07' };
    const verdicts = await expectVerdictsEverywhere({ ...GOOD, consent, email: 'jane@mailinator.com', company: 'c'.repeat(MEGABYTE) });
    for (const motion of MOTION_NAMES) {
      // A throwaway address is no corporate subscriber's: UK email needs consent (issue 4).
      expect(reasonCodes(verdicts[motion]).sort()).toEqual(['CONSENT_MISSING', 'EMAIL_DISPOSABLE', 'SYSTEM_FIELD_TRUNCATED']);
      expect(verdicts[motion].decision).toBe('reject');
    }
  });

  it('survives 10,000 levels of nesting in custom and in source', async () => {
    const deep = nested(10_000);
    for (const input of [
      { ...GOOD, custom: deep },
      { ...GOOD, source: { ...GOOD.source, deep } },
      { ...GOOD, consent: deep },
      { ...GOOD, custom: { list: nestedArray(10_000) } },
      { ...GOOD, unknownField: deep },
    ]) {
      const verdicts = await expectVerdictsEverywhere(input);
      for (const motion of MOTION_NAMES) {
        // The email and phone are fine; only the dropped depth is reported, and, where the
        // consent record itself was the deep value, the lawful basis it no longer shows.
        expect(verdicts[motion].results.find((result) => result.check === 'email')?.status).toBe('pass');
        const expected = input.consent === deep ? ['SYSTEM_FIELD_INVALID', 'CONSENT_BASIS_MISSING'] : ['SYSTEM_FIELD_INVALID'];
        expect(new Set(reasonCodes(verdicts[motion]))).toEqual(new Set(expected));
      }
    }
  });

  it('survives a record and an array with many entries', async () => {
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    const verdicts = await expectVerdictsEverywhere({ ...GOOD, custom: wide, tech: Array.from({ length: 10_000 }, (_, i) => `t${i}`), ...wide });
    for (const motion of MOTION_NAMES) expect(reasonCodes(verdicts[motion])).toContain('SYSTEM_FIELD_TRUNCATED');
  });
});

describe('prototype keys', () => {
  // JSON.parse makes `__proto__` an own property, as a JSON body from a request would.
  const payloads = [
    '{"__proto__": {"polluted": true, "isAdmin": true}, "email": "jane.doe@acme-robotics.com"}',
    '{"constructor": {"prototype": {"polluted": true}}, "email": "jane.doe@acme-robotics.com"}',
    '{"prototype": {"polluted": true}, "email": "jane.doe@acme-robotics.com"}',
    '{"email": "jane.doe@acme-robotics.com", "custom": {"__proto__": {"polluted": true}, "a": {"__proto__": {"polluted": true}}}}',
    '{"email": "jane.doe@acme-robotics.com", "source": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}}',
    '{"email": "jane.doe@acme-robotics.com", "consent": {"prototype": {"polluted": true}}, "behaviour": [{"__proto__": {"polluted": true}}]}',
    '{"email": "jane.doe@acme-robotics.com", "tech": ["a"], "unknown": {"__proto__": {"polluted": true}}}',
  ];

  it('never pollutes Object.prototype', async () => {
    for (const payload of payloads) {
      const input: unknown = JSON.parse(payload);
      await expectVerdictsEverywhere(input);
      expectPrototypesClean();
    }
  });

  it('drops a top-level __proto__, constructor or prototype key with SYSTEM_FIELD_INVALID and checks the rest', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const input: unknown = JSON.parse(`{"${key}": {"polluted": true}, "email": "jane.doe@acme-robotics.com", "website": "acme-robotics.com"}`);
      expect(Object.hasOwn(input as object, key)).toBe(true);
      const verdicts = await expectVerdictsEverywhere(input);
      for (const motion of MOTION_NAMES) {
        const invalid = verdicts[motion].reasons.filter((reason) => reason.code === 'SYSTEM_FIELD_INVALID');
        expect(invalid.map((reason) => reason.field)).toEqual([key]);
        expect(verdicts[motion].results.find((result) => result.check === 'email')?.status).toBe('pass');
      }
    }
    expectPrototypesClean();
  });

  it('never pollutes with arbitrary JSON carrying prototype keys', async () => {
    const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'email');
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('"x"', '1', 'true', 'null', '"jane@acme.com"'),
        fc.array(fc.tuple(protoKey, tie('node')), { maxLength: 4 }).map(
          (entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}: ${value as string}`).join(', ')}}`,
        ),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(json, fc.constantFrom('', 'custom', 'source', 'consent'), async (text, field) => {
        const body = field === '' ? text : `{"email": "jane@acme.com", ${JSON.stringify(field)}: ${text}}`;
        await expectVerdictsEverywhere(JSON.parse(body));
        expectPrototypesClean();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('logging under hostile input', () => {
  it('wrote decision events without a sink error', () => {
    expect(loggedEvents.length).toBeGreaterThan(0);
    for (const event of loggedEvents) expect(event.type).toBe('leadgate.decision');
    expect(logErrors).toEqual([]);
  });
});
