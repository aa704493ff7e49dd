import { LeadGateError } from '../../core/errors.js';
import type { Lead } from '../../core/lead.js';

/** What an enrichment provider knows about the person's current job. All optional. */
export interface RoleEnrichment {
  /** The current title according to the provider. */
  title?: string;
  /** The current employer's name. */
  employer?: string;
  /** The current employer's web domain, e.g. `acme.com`. */
  employerDomain?: string;
  /** When the provider last verified the job (ISO 8601 string or Date), e.g. PDL `job_last_verified`. */
  lastVerifiedAt?: string | Date;
}

/**
 * Looks a lead up with a data provider (PDL, Clearbit, Apollo, your CRM). Runs on the
 * server; honour `signal` (the gate aborts it on timeout). Resolve `undefined` when the
 * provider knows nothing; reject only when the provider failed (that becomes
 * SYSTEM_CHECK_FAILED / SYSTEM_TIMEOUT, never a bad lead).
 */
export type RoleEnricher = (lead: Lead, options: { signal: AbortSignal }) => Promise<RoleEnrichment | undefined>;

/**
 * An enricher backed by a fixed table keyed by email address (lower case): for tests,
 * examples and small curated lists. Load it from a JSON file with
 * `staticEnricher(JSON.parse(readFileSync(path, 'utf8')))`.
 *
 * @example
 * roleCurrency({ enrich: staticEnricher({ 'jane@acme.com': { title: 'VP Sales', employerDomain: 'acme.com', lastVerifiedAt: '2026-10-01' } }) })
 */
export function staticEnricher(records: Readonly<Record<string, RoleEnrichment>>): RoleEnricher {
  if (typeof records !== 'object' || records === null || Array.isArray(records)) {
    throw new LeadGateError('staticEnricher: option "records" must be an object of email → { title, employer, employerDomain, lastVerifiedAt }', { option: 'records' });
  }
  const table = new Map<string, RoleEnrichment>();
  for (const [email, record] of Object.entries(records)) table.set(email.trim().toLowerCase(), record);
  return async (lead) => (lead.email ? table.get(lead.email.toLowerCase()) : undefined);
}
