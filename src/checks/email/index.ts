import { defineCheck, type CheckContext, type CheckOutcome } from '../../core/check.js';
import { analyzeEmail } from './analyze.js';
import { toAsciiDomain } from './ascii-domain.js';
import { EMAIL_CODES, type EmailCode } from './codes.js';
import { domainsRelated, websiteHost } from './domain-relation.js';
import { isDomainOrParentIn, mailboxName } from './lists.js';
import type { MxAnswer, MxResolver } from './mx.js';
import { resolveEmailOptions, type EmailValidityOptions } from './options.js';

export { analyzeEmail, type EmailAnalysis } from './analyze.js';
export { EMAIL_CODES, type EmailCode } from './codes.js';
export type { MxAnswer, MxResolver } from './mx.js';
export type { EmailValidityOptions } from './options.js';

/**
 * Checks the lead's email address: present, well-formed, not a typo of a big provider,
 * not disposable, not a free mailbox, not a role account, at a domain that matches the
 * lead's website and, when a resolver is given, a domain that receives mail.
 *
 * Without `resolveMx` the check is synchronous and DOM-free, so it runs in the browser
 * on every change of the email field. With it (Node: `createMxResolver()` from
 * `leadgate/node`) it is async and passes the gate's `ctx.signal` to the lookup; a DNS
 * timeout or failure rejects the run, which the gate reports as `SYSTEM_TIMEOUT` /
 * `SYSTEM_CHECK_FAILED`, never as a bad address.
 *
 * Codes: `EMAIL_MISSING`, `EMAIL_SYNTAX`, `EMAIL_TYPO`, `EMAIL_DISPOSABLE`,
 * `EMAIL_FREE_PROVIDER`, `EMAIL_ROLE_ACCOUNT`, `EMAIL_DOMAIN_MISMATCH`, `EMAIL_NO_MX`.
 * A typo beats the disposable list: `jane@gmial.com` (a typo-squat on the list) gets
 * `EMAIL_TYPO` with its suggestion and no `EMAIL_DISPOSABLE`; evidence keeps
 * `listedDisposable: true`.
 * Evidence: `{ domain, disposable, free, role }`, plus `mx: { via, hosts }` when looked
 * up; never the local part or the address.
 *
 * @param options validated here; a bad option throws a `LeadGateError` naming it.
 * @example
 * import { createGate, emailValidity } from 'leadgate';
 * import { createMxResolver } from 'leadgate/node';
 *
 * createGate({
 *   motion: 'inbound',
 *   checks: [emailValidity({ resolveMx: createMxResolver(), allowDomains: ['our-partner.com'] })],
 * });
 */
export const emailValidity = (options: EmailValidityOptions = {}) => {
  const { resolveMx, allowDomains, blockDomains, roleLocalParts } = resolveEmailOptions(options);
  return defineCheck({
    id: 'email',
    dimension: 'truth',
    runsIn: 'anywhere',
    fields: ['email', 'website'],
    async: resolveMx !== undefined,
    codes: EMAIL_CODES,
    run(lead, ctx) {
      if (!lead.email) return ctx.fail('EMAIL_MISSING', { field: 'email' });

      const analysis = analyzeEmail(lead.email);
      if (!analysis.valid) {
        // `jane@gmailcom`: the fix is obvious, so offer it beside the syntax error.
        if (analysis.suggestion) ctx.report('EMAIL_TYPO', { field: 'email', data: typoData(analysis.suggestion) });
        return ctx.fail('EMAIL_SYNTAX', { field: 'email' });
      }

      const { domain } = analysis;
      const asciiDomain = toAsciiDomain(domain) ?? domain;
      // Caller's lists first: a block beats an allow (a blocked subdomain of an allowed
      // domain is the more specific rule), and both beat the built-in lists.
      const blocked = isDomainOrParentIn(asciiDomain, blockDomains);
      const allowed = !blocked && isDomainOrParentIn(asciiDomain, allowDomains);
      const disposable = blocked || (!allowed && analysis.disposable);
      const free = !allowed && !disposable && analysis.free;
      const role = analysis.role || roleLocalParts.has(mailboxName(analysis.local));
      const suggestion = allowed || blocked ? undefined : analysis.suggestion;
      const evidence: Record<string, unknown> = { domain, disposable, free, role };
      // A typo of a big provider that the disposable list carries (gmial.com): the
      // finding is the typo with its suggestion; the list membership is kept as evidence.
      if (analysis.listedDisposable && !disposable) evidence.listedDisposable = true;

      if (suggestion) ctx.report('EMAIL_TYPO', { field: 'email', data: typoData(suggestion) });
      if (disposable) ctx.report('EMAIL_DISPOSABLE', { field: 'email', data: { domain } });
      else if (free) ctx.report('EMAIL_FREE_PROVIDER', { field: 'email', data: { domain } });
      if (role) ctx.report('EMAIL_ROLE_ACCOUNT', { field: 'email' });

      // A typo'd domain is a slip of the keyboard, not a claim about the company: only
      // the typo is reported. Free and disposable domains never match a company website.
      const host = lead.website === undefined ? undefined : websiteHost(lead.website);
      if (host !== undefined && !suggestion && !disposable && !free && !domainsRelated(domain, host)) {
        ctx.report('EMAIL_DOMAIN_MISMATCH', { field: 'email', data: { domain, websiteHost: host } });
      }

      // No lookup for a typo (the suggestion already says what is wrong, and the typo
      // domain may well exist) or a disposable domain (blocked whatever DNS says).
      if (!resolveMx || suggestion || disposable) return ctx.pass(evidence);
      return lookUpMx(resolveMx, asciiDomain, domain, evidence, ctx);
    },
  });
};

async function lookUpMx(
  resolveMx: MxResolver,
  asciiDomain: string,
  domain: string,
  evidence: Record<string, unknown>,
  ctx: CheckContext<EmailCode>,
): Promise<CheckOutcome> {
  // Errors propagate on purpose: the gate owns turning them into SYSTEM_* findings.
  const answer = checkedAnswer(await resolveMx(asciiDomain, ctx.signal));
  evidence.mx = { via: answer.via, hosts: answer.hosts };
  if (!answer.accepts) ctx.report('EMAIL_NO_MX', { field: 'email', data: { domain, via: answer.via } });
  return ctx.pass(evidence);
}

/**
 * A custom resolver that resolves to something else is a bug in the resolver, not a
 * fact about the address: throw, so the gate reports SYSTEM_CHECK_FAILED.
 */
function checkedAnswer(answer: unknown): MxAnswer {
  const value = answer as Partial<MxAnswer> | null | undefined;
  if (typeof value?.accepts !== 'boolean' || !Array.isArray(value.hosts) || !['mx', 'a', 'null-mx', 'none'].includes(value.via as string)) {
    throw new TypeError('emailValidity: resolveMx must resolve to { accepts: boolean, via: "mx" | "a" | "null-mx" | "none", hosts: string[] }');
  }
  return { accepts: value.accepts, via: value.via!, hosts: [...value.hosts] };
}

/** The suggestion as the finding carries it; `suggestedDomain` lets a log keep the domain and drop the address. */
function typoData(suggestion: string): Record<string, unknown> {
  return { suggestion, suggestedDomain: suggestion.slice(suggestion.lastIndexOf('@') + 1) };
}
