import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeadGateError } from '../../src/core/errors.js';
import { buildAuditGate, loadAuditConfig } from '../../src/node/audit-gate.js';

const dir = mkdtempSync(join(tmpdir(), 'leadgate-audit-gate-'));
const config = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('buildAuditGate', () => {
  it('defaults to the inbound motion, offline, with a store; the source check\'s duplicates make it stateful, velocity is off', async () => {
    const { gate, stateful, statefulChecks, duplicatesOnly } = await buildAuditGate({});
    expect(gate.motion).toBe('inbound');
    // The motion's six checks; the audit rebuilds the source check (velocity off), so it comes last.
    expect(gate.checks.map((check) => check.id)).toEqual(['email', 'phone', 'role', 'consent', 'icp', 'source']);
    expect(gate.checks.find((check) => check.id === 'email')?.async).toBe(false);
    expect(gate.checks.find((check) => check.id === 'source')?.runsIn).toBe('server');
    expect(stateful).toBe(true);
    expect(statefulChecks).toEqual(['source']);
    // Its only state is the duplicate marks, which workers can ask of the main thread.
    expect(duplicatesOnly).toBe(true);

    // Duplicates on: the same person twice in a file is a finding.
    const codes = async (lead: Record<string, unknown>) => (await gate.validate(lead)).reasons.map((reason) => reason.code);
    const maria = { email: 'maria.keller@northwind.example', title: 'Head of Procurement', company: 'Northwind', country: 'US' };
    expect(await codes(maria)).toEqual([]);
    expect(await codes({ ...maria, email: 'Maria.Keller@northwind.example' })).toEqual(['SOURCE_DUPLICATE']);
    // Velocity off: 60 people at one company in one list is a big account, not a burst
    // (the default domain limit is 50 per hour; every row of a file arrives in the same hour).
    const found = new Set<string>();
    for (let i = 0; i < 60; i++) for (const code of await codes({ email: `person${i}@contoso.example`, title: 'Buyer', company: 'Contoso', country: 'US' })) found.add(code);
    expect(found.has('SOURCE_VELOCITY_SHARED')).toBe(false);
    expect(found.size).toBe(0);
  });

  it('lets a config turn velocity back on, or the duplicates off (then no check keeps state and workers may run)', async () => {
    const withVelocity = await buildAuditGate({ configPath: config('velocity.json', { checks: { source: { velocity: {} } } }) });
    const seen: string[][] = [];
    for (let i = 0; i < 52; i++) seen.push((await withVelocity.gate.validate({ email: `p${i}@contoso.example`, title: 'Buyer', company: 'Contoso', country: 'US' })).reasons.map((reason) => reason.code));
    expect(seen[49]).toEqual([]);
    expect(seen[50]).toEqual(['SOURCE_VELOCITY_SHARED']);
    // Velocity counters are state beyond the duplicate marks: one thread.
    expect(withVelocity.duplicatesOnly).toBe(false);
    const withTokens = await buildAuditGate({ configPath: config('tokens.json', { checks: { source: { formTokenSecret: 'a-form-token-secret-of-32-chars!!' } } }) });
    expect(withTokens.duplicatesOnly).toBe(false);

    const stateless = await buildAuditGate({ configPath: config('stateless.json', { checks: { source: { duplicateLookbackDays: false } } }) });
    expect(stateless.stateful).toBe(false);
    expect(stateless.statefulChecks).toEqual([]);
    expect(stateless.gate.checks.find((check) => check.id === 'source')?.runsIn).toBe('anywhere');
    const lead = { email: 'maria.keller@northwind.example', title: 'Head of Procurement', company: 'Northwind', country: 'US' };
    await stateless.gate.validate(lead);
    expect((await stateless.gate.validate(lead)).reasons).toEqual([]);
  });

  it('reads the group check\'s account list from a file named relative to the config file', async () => {
    const sub = mkdtempSync(join(dir, 'abm-'));
    writeFileSync(join(sub, 'targets.csv'), 'Account ID,Account Name,Website,Billing Country,Target\n001,Northwind Logistics Inc.,northwind-logistics.example,US,yes\n002,Bluepath Energy LLC,bluepath-energy.example,US,no\n');
    writeFileSync(join(sub, 'abm.json'), JSON.stringify({ motion: 'abm', checks: { group: { accounts: 'targets.csv', minCoverage: 0 } } }));
    // The working directory is the project, not `sub`: the path is resolved against the config's folder.
    const { gate, statefulChecks } = await buildAuditGate({ configPath: join(sub, 'abm.json') });
    expect(statefulChecks).toEqual(['source', 'group']);
    expect((await buildAuditGate({ configPath: join(sub, 'abm.json') })).duplicatesOnly).toBe(false);
    const codes = async (email: string, company: string) => (await gate.validate({ email, title: 'Chief Operating Officer', company, country: 'US' })).reasons.map((reason) => reason.code);
    expect(await codes('ana@northwind-logistics.example', 'Northwind Logistics Inc.')).toEqual([]);
    expect(await codes('bo@bluepath-energy.example', 'Bluepath Energy LLC')).toEqual(['GROUP_NOT_TARGET_ACCOUNT']);
    expect(await codes('cy@fabrikam-robotics.example', 'Fabrikam Robotics')).toEqual(['GROUP_ACCOUNT_UNMATCHED']);
    // The second contact at the target account is known to the store the loader built.
    expect(await codes('ana@northwind-logistics.example', 'Northwind Logistics Inc.')).toEqual(expect.arrayContaining(['GROUP_CONTACT_EXISTS']));

    // A JSON account list works the same way; inline accounts are taken as they are.
    writeFileSync(join(sub, 'targets.json'), JSON.stringify({ accounts: [{ id: '001', name: 'Northwind Logistics Inc.', domains: ['northwind-logistics.example'], target: true }] }));
    for (const accounts of ['targets.json', [{ id: '001', name: 'Northwind Logistics Inc.', domains: ['northwind-logistics.example'], target: true }]]) {
      const built = await buildAuditGate({ configPath: config(`inline-${typeof accounts}.json`, { motion: 'abm', checks: { group: { accounts: typeof accounts === 'string' ? join(sub, accounts) : accounts } } }) });
      const verdict = await built.gate.validate({ email: 'bo@bluepath-energy.example', title: 'Chief Operating Officer', company: 'Bluepath Energy LLC', country: 'US' });
      expect(verdict.reasons.map((reason) => reason.code)).toContain('GROUP_ACCOUNT_UNMATCHED');
    }
  });

  it('reads a consent text registry from a file named by the config', async () => {
    const hash = 'a'.repeat(64);
    writeFileSync(join(dir, 'texts.json'), JSON.stringify([{ id: 'newsletter-v3', hash, validFrom: '2024-01-01' }]));
    const { gate } = await buildAuditGate({ configPath: config('texts-config.json', { checks: { consent: { texts: 'texts.json' } } }) });
    const consent = { given: true, capturedAt: '2024-06-01T10:00:00Z', pageUrl: 'https://www.example.com/newsletter', renderedChecked: false, userInteracted: true };
    const lead = { email: 'maria.keller@northwind.example', title: 'Head of Procurement', company: 'Northwind', country: 'DE' };
    const codes = async (extra: Record<string, unknown>, email: string) => (await gate.validate({ ...lead, email, consent: { ...consent, ...extra } })).reasons.map((reason) => reason.code);
    expect(await codes({ textId: 'newsletter-v3', textHash: hash }, 'a@northwind.example')).toEqual([]);
    expect(await codes({ textId: 'newsletter-v2', textHash: hash }, 'b@northwind.example')).toEqual(['CONSENT_TEXT_UNKNOWN']);
  });

  it('turns on MX lookups with --dns (the email check becomes async)', async () => {
    const { gate } = await buildAuditGate({ dns: true });
    expect(gate.checks.find((check) => check.id === 'email')?.async).toBe(true);
  });

  it('merges a config check\'s options over the motion\'s, so the motion\'s required title stays', async () => {
    const path = config('merge.json', { motion: 'abm', checks: { role: { functions: ['sales'] } } });
    const { gate } = await buildAuditGate({ configPath: path });
    expect(gate.motion).toBe('abm');
    // abm's own role options say { required: true }: a lead without a title still gets ROLE_MISSING.
    const untitled = await gate.validate({ email: 'a@acme.example' });
    const engineer = await gate.validate({ email: 'a@acme.example', title: 'Senior Data Engineer' });
    const seller = await gate.validate({ email: 'a@acme.example', title: 'Sales Director' });
    expect(untitled.reasons.map((reason) => reason.code)).toContain('ROLE_MISSING');
    expect(seller.reasons.map((reason) => reason.code)).not.toContain('ROLE_FUNCTION_OUT_OF_SCOPE');
    expect(engineer.reasons.map((reason) => reason.code)).toContain('ROLE_FUNCTION_OUT_OF_SCOPE');
    // The CLI's --motion wins over the config's motion.
    expect((await buildAuditGate({ configPath: path, motion: 'partner' })).gate.motion).toBe('partner');
  });

  it('refuses a bad config with a LeadGateError naming the key', async () => {
    const cases: Array<[unknown, string]> = [
      [{ motion: 'sideways' }, 'config.motion'],
      [{ colour: 'red' }, 'config.colour'],
      [{ checks: { telepathy: {} } }, 'config.checks.telepathy'],
      [{ checks: { role: 'on' } }, 'config.checks.role'],
      [{ checks: { role: { seniorityFloor: 'emperor' } } }, 'config.checks.role.seniorityFloor'],
      [{ overrides: { EMAIL_FRE_PROVIDER: 'reject' } }, 'config.overrides.EMAIL_FRE_PROVIDER'],
      [{ checks: { group: { accounts: 'no-such-accounts.csv' } } }, 'config.checks.group.accounts'],
      [{ checks: { group: { accounts: 42 } } }, 'config.checks.group.accounts'],
      [{ checks: { consent: { texts: 'no-such-texts.json' } } }, 'config.checks.consent.texts'],
      [{ checks: { source: { velocity: 'fast' } } }, 'config.checks.source.velocity'],
      ['{ not json', 'config'],
      [[1, 2], 'config'],
    ];
    for (const [content, option] of cases) {
      const path = config(`bad-${option}.json`, content);
      const error = await buildAuditGate({ configPath: path }).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(content)).toBeInstanceOf(LeadGateError);
      expect((error as LeadGateError).option, JSON.stringify(content)).toBe(option);
    }
    await expect(loadAuditConfig(join(dir, 'nope.json'))).rejects.toThrow(/cannot read/);
  });
});
