import type { Check, CheckContext, CheckOutcome, LeadContext } from '../../src/core/check.js';
import { normalizeLead } from '../../src/core/lead.js';
import type { LeadStore } from '../../src/core/store.js';

/**
 * Runs one check directly on a raw lead (normalised first, as the gate does), without
 * a gate, motion or policy: for unit tests that assert a check's own codes.
 */
export async function runCheck(
  check: Check,
  rawLead: unknown,
  options: { motion?: string; context?: LeadContext; store?: LeadStore; now?: Date; signal?: AbortSignal } = {},
): Promise<CheckOutcome & { codes: string[] }> {
  const { lead } = normalizeLead(rawLead);
  const findings: { code: string; field?: string; data?: Record<string, unknown> }[] = [];
  const finish = (evidence?: Record<string, unknown>): CheckOutcome => ({
    status: findings.length > 0 ? 'fail' : 'pass',
    findings: [...findings],
    ...(evidence ? { evidence } : {}),
  });
  const ctx: CheckContext = {
    motion: options.motion ?? 'inbound',
    context: options.context ?? {},
    signal: options.signal ?? new AbortController().signal,
    store: options.store,
    now: () => options.now ?? new Date('2026-11-23T12:00:00Z'),
    report(code, detail = {}) {
      findings.push({ code, ...detail });
    },
    fail(code, detail = {}, evidence) {
      findings.push({ code, ...detail });
      return finish(evidence);
    },
    pass: finish,
  };
  const outcome = await check.run(lead, ctx);
  return { ...outcome, codes: outcome.findings.map((f) => f.code) };
}

/**
 * A context whose `fail`/`pass` return fixed outcomes, for calling `run` directly to
 * see whether a check returns synchronously (a promise would break `validateSync`).
 */
export function syncContext(): CheckContext {
  const outcome = { status: 'pass' as const, findings: [] };
  return {
    motion: 'inbound',
    context: {},
    signal: new AbortController().signal,
    store: undefined,
    now: () => new Date(0),
    report() {},
    fail: () => ({ ...outcome, status: 'fail' as const }),
    pass: () => outcome,
  };
}
