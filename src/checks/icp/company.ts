import type { Lead } from '../../core/lead.js';
import { analyzeEmail } from '../email/analyze.js';
import { websiteHost } from '../email/domain-relation.js';

/** A domain that identifies the lead's company, and where it came from. */
export interface CompanyDomain {
  host: string;
  source: 'email' | 'website';
}

/** What identifies the lead's company. */
export interface CompanyIdentity {
  /** A real company name was given (not a placeholder such as "n/a"). */
  named: boolean;
  /** The work email's domain and the website's host, de-duplicated. */
  domains: CompanyDomain[];
}

// Values people type to get past a required company field.
const PLACEHOLDER = /^(?:n\/?a|none|null|nil|unknown|test|private|personal|self|-+|\.+|x+|\?+)$/i;

/**
 * Finds what identifies the lead's company: its name, its website host, and its email
 * domain unless the address is invalid, free-mail or disposable (a gmail.com address
 * says nothing about the employer; research §3.4 B1).
 */
export function identifyCompany(lead: Lead): CompanyIdentity {
  const name = lead.company?.trim() ?? '';
  const named = /[\p{L}\p{N}]/u.test(name) && !PLACEHOLDER.test(name);
  const domains: CompanyDomain[] = [];
  if (lead.email) {
    const email = analyzeEmail(lead.email);
    if (email.valid && !email.free && !email.disposable) domains.push({ host: email.domain, source: 'email' });
  }
  const host = lead.website === undefined ? undefined : websiteHost(lead.website);
  if (host !== undefined && !domains.some((domain) => domain.host === host)) domains.push({ host, source: 'website' });
  return { named, domains };
}

/**
 * The first of the lead's domains that is one of `listed` or a subdomain of one
 * (`eu.rival.com` is under `rival.com`), with the listed domain it matched. Exact and
 * subdomain matches only: `rival.de` is not `rival.com`, which may be another company.
 * Walks up the host's labels, so a customer list of 100,000 domains costs no more than one.
 */
export function findListedDomain(domains: readonly CompanyDomain[], listed: ReadonlySet<string>): { domain: CompanyDomain; listed: string } | undefined {
  if (listed.size === 0) return undefined;
  for (const domain of domains) {
    let host = domain.host;
    for (;;) {
      if (listed.has(host)) return { domain, listed: host };
      const dot = host.indexOf('.');
      if (dot < 0) break;
      host = host.slice(dot + 1);
    }
  }
  return undefined;
}
