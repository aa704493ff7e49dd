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
  it('defaults to the inbound motion, offline, with a store, and is not stateful with the built-in checks', async () => {
    const { gate, stateful } = await buildAuditGate({});
    expect(gate.motion).toBe('inbound');
    expect(gate.checks.map((check) => check.id)).toEqual(['email', 'phone', 'role']);
    expect(gate.checks.find((check) => check.id === 'email')?.async).toBe(false);
    expect(stateful).toBe(false);
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
