// The least a check's `run` needs to be called without a gate: the CheckContext contract
// of src/core/check.ts (motion, context, signal, store, now, report, fail, pass), built
// the way test/helpers/run-check.ts builds it. This is the "direct" side of the phone
// and engine benchmarks: the check's own work with nothing of the engine around it.

const NEVER_ABORTED = new AbortController().signal;
const FIXED_NOW = new Date('2026-11-23T12:00:00Z');
const EMPTY_CONTEXT = Object.freeze({});
const now = () => FIXED_NOW;

/**
 * Runs `check.run(lead, ctx)` with a fresh minimal context (one findings array and one
 * context object per call, as the gate makes one per run) and returns its outcome.
 * Only for synchronous checks: the benchmarks use the gate's default, synchronous ones.
 */
export function runCheckDirect(check, lead, motion = 'inbound') {
  const findings = [];
  const finish = (evidence) => (evidence === undefined
    ? { status: findings.length > 0 ? 'fail' : 'pass', findings }
    : { status: findings.length > 0 ? 'fail' : 'pass', findings, evidence });
  return check.run(lead, {
    motion,
    context: EMPTY_CONTEXT,
    signal: NEVER_ABORTED,
    store: undefined,
    now,
    report(code, detail) {
      findings.push({ code, ...detail });
    },
    fail(code, detail, evidence) {
      findings.push({ code, ...detail });
      return finish(evidence);
    },
    pass: finish,
  });
}
