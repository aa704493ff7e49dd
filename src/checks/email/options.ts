import * as z from 'zod/mini';
import { LeadGateError } from '../../core/errors.js';
import { describeValue, parseOptions, type OptionsOwner } from '../../core/options.js';
import { toAsciiDomain } from './ascii-domain.js';
import type { MxResolver } from './mx.js';

/** Options for {@link emailValidity}. All optional. */
export interface EmailValidityOptions {
  /**
   * Looks up whether the domain receives mail (`EMAIL_NO_MX`). Without it the check is
   * synchronous and does no I/O. In Node: `createMxResolver()` from `leadgate/node`.
   */
  resolveMx?: MxResolver;
  /**
   * Domains never reported as disposable or free, nor given a typo suggestion: your
   * own domains, partners, a company a list gets wrong. Subdomains are included.
   */
  allowDomains?: readonly string[];
  /**
   * Extra domains treated as disposable (`EMAIL_DISPOSABLE`), subdomains included.
   * Wins over `allowDomains` for a subdomain listed in it (allow `acme.com`, block
   * `tmp.acme.com`).
   */
  blockDomains?: readonly string[];
  /** Extra local parts that name a function, not a person (`EMAIL_ROLE_ACCOUNT`), e.g. `einkauf`. */
  roleLocalParts?: readonly string[];
}

/** The options after validation: what the check's `run` reads. */
export interface ResolvedEmailOptions {
  resolveMx: MxResolver | undefined;
  /** Lower-case ASCII domains. */
  allowDomains: ReadonlySet<string>;
  /** Lower-case ASCII domains. */
  blockDomains: ReadonlySet<string>;
  /** Lower-case local parts. */
  roleLocalParts: ReadonlySet<string>;
}

const optionsSchema = z.strictObject({
  resolveMx: z.optional(z.custom<MxResolver>((value) => typeof value === 'function')),
  allowDomains: z.optional(z.array(z.string())),
  blockDomains: z.optional(z.array(z.string())),
  roleLocalParts: z.optional(z.array(z.string())),
});

// What each option should have been, in words the person configuring the check can act on.
const EXPECTED: Record<keyof EmailValidityOptions, string> = {
  resolveMx: 'a function (domain, signal) => Promise<MxAnswer>, such as createMxResolver() from leadgate/node',
  allowDomains: 'an array of domain names such as ["acme.com"]',
  blockDomains: 'an array of domain names such as ["tempmail.example"]',
  roleLocalParts: 'an array of local parts such as ["einkauf"]',
};

const OWNER: OptionsOwner = { name: 'emailValidity', example: '{ allowDomains: ["acme.com"] }', expected: EXPECTED };

// A lower-case ASCII domain with at least two labels (RFC 1123 §2.1 LDH labels).
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
// What can stand before an `@` once quoting is refused (see analyze.ts).
const LOCAL_PART = /^[^\s@"()[\]\\]{1,64}$/u;

/**
 * Validates `emailValidity` options once, at factory time, and turns the lists into
 * Sets. Throws a `LeadGateError` that names the bad option.
 */
export function resolveEmailOptions(input: unknown): ResolvedEmailOptions {
  const { resolveMx, allowDomains = [], blockDomains = [], roleLocalParts = [] } = parseOptions(OWNER, optionsSchema, input);
  const allow = domainSet('allowDomains', allowDomains);
  const block = domainSet('blockDomains', blockDomains);
  for (const domain of block) {
    if (allow.has(domain)) {
      throw new LeadGateError(`emailValidity: "${domain}" is in both option "allowDomains" and option "blockDomains"; keep it in one`, { option: 'blockDomains' });
    }
  }
  const roles = new Set<string>();
  for (const entry of roleLocalParts) {
    const local = entry.trim().replace(/@$/, '').toLowerCase();
    if (!LOCAL_PART.test(local)) {
      throw new LeadGateError(`emailValidity: option "roleLocalParts" must be ${EXPECTED.roleLocalParts}; ${describeValue(entry)} is not a local part`, { option: 'roleLocalParts' });
    }
    roles.add(local);
  }
  return { resolveMx, allowDomains: allow, blockDomains: block, roleLocalParts: roles };
}

function domainSet(option: 'allowDomains' | 'blockDomains', entries: readonly string[]): Set<string> {
  const domains = new Set<string>();
  for (const entry of entries) {
    // Accept the spellings people paste: "@acme.com", "Acme.com.", "bücher.de".
    const ascii = toAsciiDomain(entry.trim().replace(/^@/, '').replace(/\.$/, ''));
    if (ascii === undefined || !DOMAIN.test(ascii)) {
      throw new LeadGateError(`emailValidity: option "${option}" must be ${EXPECTED[option]}; ${describeValue(entry)} is not a domain name`, { option });
    }
    domains.add(ascii);
  }
  return domains;
}

