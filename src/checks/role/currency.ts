import type { CheckContext } from '../../core/check.js';
import type { Lead } from '../../core/lead.js';
import { domainsRelated } from '../email/domain-relation.js';
import type { RoleCode } from './codes.js';
import { sameCompany } from '../company-name.js';
import type { RoleEnrichment } from './enrichment.js';
import type { ResolvedRoleOptions } from './options.js';
import { parseTitle } from './parse-title.js';
import { seniorityRank } from './taxonomy.js';

/** A provider that answers something else than a record is broken: throw, so the gate says SYSTEM_CHECK_FAILED. */
export function checkedEnrichment(value: unknown): RoleEnrichment | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError('roleCurrency: enrich must resolve to an object or undefined');
  const record = value as Record<string, unknown>;
  const out: RoleEnrichment = {};
  for (const key of ['title', 'employer', 'employerDomain'] as const) {
    if (typeof record[key] === 'string' && record[key] !== '') out[key] = (record[key] as string).slice(0, 1000);
  }
  const verified = record.lastVerifiedAt;
  if (typeof verified === 'string' || verified instanceof Date) out.lastVerifiedAt = verified instanceof Date ? verified.toISOString() : verified;
  return out;
}

const DAY_MS = 86_400_000;
// Two ranks apart is a different job, not a different wording (VP vs Head is one rank).
const CHANGED_RANKS = 2;

/**
 * Compares what the lead typed with what an enrichment provider reports: how old the
 * record is (`ROLE_STALE`), whether the employer or the seniority moved (`ROLE_CHANGED`),
 * and whether the email belongs to the employer (`ROLE_EMPLOYER_MISMATCH`). Returns the
 * enrichment as evidence, with its age in days.
 */
export function compareWithEnrichment(
  found: RoleEnrichment,
  lead: Lead,
  options: ResolvedRoleOptions,
  ctx: CheckContext<RoleCode>,
): Record<string, unknown> {
  const enrichment: Record<string, unknown> = { ...found };
  const verifiedAt = found.lastVerifiedAt === undefined ? undefined : new Date(found.lastVerifiedAt).getTime();
  if (verifiedAt !== undefined && Number.isFinite(verifiedAt)) {
    const ageDays = Math.floor((ctx.now().getTime() - verifiedAt) / DAY_MS);
    enrichment.ageDays = ageDays;
    if (options.maxAgeDays !== undefined && ageDays > options.maxAgeDays) {
      ctx.report('ROLE_STALE', { field: 'title', data: { ageDays, maxAgeDays: options.maxAgeDays } });
    }
  }

  if (found.employer && lead.company && !sameCompany(found.employer, lead.company)) {
    ctx.report('ROLE_CHANGED', { field: 'company', data: { reason: 'employer' } });
  } else if (found.title && lead.title) {
    const typed = parseTitle(lead.title).seniority;
    const enriched = parseTitle(found.title).seniority;
    if (typed !== 'unknown' && enriched !== 'unknown' && Math.abs(seniorityRank(typed) - seniorityRank(enriched)) >= CHANGED_RANKS) {
      ctx.report('ROLE_CHANGED', { field: 'title', data: { reason: 'seniority', typed, enriched } });
    }
  }

  const domain = lead.email?.slice(lead.email.lastIndexOf('@') + 1);
  if (domain && found.employerDomain && !domainsRelated(domain, found.employerDomain)) {
    ctx.report('ROLE_EMPLOYER_MISMATCH', { field: 'email', data: { domain, employerDomain: found.employerDomain } });
  }
  return enrichment;
}
