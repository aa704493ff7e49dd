import { defineCheck, type CheckContext, type CheckOutcome } from '../../core/check.js';
import type { Lead } from '../../core/lead.js';
import { ROLE_CODES, type RoleCode } from './codes.js';
import type { RoleEnricher } from './enrichment.js';
import { resolveRoleOptions, type ResolvedRoleOptions, type RoleCurrencyOptions } from './options.js';
import { parseTitle } from './parse-title.js';
import { seniorityRank } from './taxonomy.js';

export { ROLE_CODES, type RoleCode } from './codes.js';
export { staticEnricher, type RoleEnricher, type RoleEnrichment } from './enrichment.js';
export type { RoleCurrencyOptions } from './options.js';
export { parseTitle } from './parse-title.js';
export * from './taxonomy.js';

const MAX_TITLE_LENGTH = 128;

/**
 * Checks that the lead's job title is real, current and within the motion's target:
 * not junk or malformed, a person in work, at or above a seniority floor, in the target
 * functions, and (with an enrichment provider) still their job at their employer.
 *
 * Without `enrich` the check is synchronous and DOM-free, so it runs in the browser as
 * the title is typed. With it, it runs on the server: the provider's answer is compared
 * with what the lead typed, and a provider error or timeout becomes SYSTEM_CHECK_FAILED /
 * SYSTEM_TIMEOUT, never a bad lead. Sub-rules: ../shared/research/value_truth.md §2.2.
 *
 * Evidence: `{ title: ParsedTitle, enrichment? }`.
 *
 * @example
 * createGate({ motion: 'outbound', checks: [roleCurrency({ seniorityFloor: 'manager', functions: ['marketing'], maxAgeDays: 90, enrich })] });
 */
export const roleCurrency = (options: RoleCurrencyOptions = {}) => {
  const resolved = resolveRoleOptions(options);
  const { enrich } = resolved;
  return defineCheck({
    id: 'role',
    dimension: 'truth',
    runsIn: 'anywhere',
    fields: ['title', 'email', 'company', 'employees'],
    async: enrich !== undefined,
    codes: ROLE_CODES,
    run(lead, ctx) {
      if (!enrich) return judgeTitle(lead.title, lead, resolved, ctx, {});
      return judgeWithEnrichment(enrich, lead, resolved, ctx);
    },
  });
};

/** The typed (or enriched) title on its own: shape, junk, workforce, floor, scope. */
function judgeTitle(
  title: string | undefined,
  lead: Lead,
  options: ResolvedRoleOptions,
  ctx: CheckContext<RoleCode>,
  evidence: Record<string, unknown>,
): CheckOutcome {
  if (!title) return options.required ? ctx.fail('ROLE_MISSING', { field: 'title' }, evidence) : ctx.pass(evidence);
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2 || title.length > MAX_TITLE_LENGTH) {
    return ctx.fail('ROLE_MALFORMED', { field: 'title', data: { letters, length: title.length } }, evidence);
  }
  const parsed = parseTitle(title, lead.employees === undefined ? {} : { employees: lead.employees });
  evidence.title = parsed;
  if (parsed.junk) return ctx.fail('ROLE_JUNK', { field: 'title' }, evidence);
  if (parsed.nonWorkforce) return ctx.fail('ROLE_NOT_WORKFORCE', { field: 'title', data: { status: parsed.nonWorkforce } }, evidence);
  if (parsed.seniority === 'unknown' && parsed.function === 'unknown') {
    return ctx.fail('ROLE_UNRECOGNISED', { field: 'title' }, evidence);
  }
  // Unknown is not low: a title without a level word is judged by a person, not rejected.
  const floor = options.seniorityFloor;
  if (floor && parsed.seniority !== 'unknown' && seniorityRank(parsed.seniority) > seniorityRank(floor)) {
    ctx.report('ROLE_SENIORITY_LOW', { field: 'title', data: { seniority: parsed.seniority, floor } });
  }
  const targets = options.functions;
  if (targets && parsed.function !== 'unknown' && parsed.function !== 'general_management' && !targets.has(parsed.function)) {
    ctx.report('ROLE_FUNCTION_OUT_OF_SCOPE', { field: 'title', data: { function: parsed.function, targets: [...targets].join(', ') } });
  }
  return ctx.pass(evidence);
}

async function judgeWithEnrichment(
  enrich: RoleEnricher,
  lead: Lead,
  options: ResolvedRoleOptions,
  ctx: CheckContext<RoleCode>,
): Promise<CheckOutcome> {
  // Provider errors propagate on purpose: the gate turns them into SYSTEM_* findings.
  const answer = await enrich(lead, { signal: ctx.signal });
  // Loaded on demand: enrichment runs on the server, so a browser bundle never carries
  // the answer's checks or the comparison rules (domain relations, company names).
  const { checkedEnrichment, compareWithEnrichment } = await import('./currency.js');
  const found = checkedEnrichment(answer);
  if (!found) return judgeTitle(lead.title, lead, options, ctx, {});
  const evidence = { enrichment: compareWithEnrichment(found, lead, options, ctx) };
  // A lead with no typed title is judged on the provider's (research §2.2 A1: fall back to enrichment).
  return judgeTitle(lead.title ?? found.title, lead, options, ctx, evidence);
}
