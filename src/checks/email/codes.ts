import type { CodeSpec } from '../../core/check.js';

/**
 * The rejection codes of the `email` check. Keys are stable public API; `message` is
 * what the person at the form reads (a template over the finding's data), `meaning`
 * and `fix` feed `docs/codes.md`.
 */
export const EMAIL_CODES = {
  EMAIL_MISSING: {
    message: 'Enter your work email address.',
    meaning: 'The lead has no email address, so it cannot be contacted, de-duplicated or matched to an account.',
    fix: 'Make the email field required on the form, or map the column that holds it when importing a list.',
  },
  EMAIL_SYNTAX: {
    message: 'Enter a valid email address, such as name@company.com.',
    meaning:
      'The address is not "deliverable-looking": it needs one @, a local part of letters (Unicode allowed), digits and !#$%&\'*+-/=?^_`{|}~ with single dots between, and a domain with a TLD, at most 254 characters in all. Quoted local parts, comments, IP literals, spaces and invisible characters are refused even where RFC 5322 allows them, because real mailboxes reached from a form do not use them.',
    fix: 'Correct the address. A missing dot before a known provider\'s TLD (jane@gmailcom) also comes with an EMAIL_TYPO suggestion.',
  },
  EMAIL_TYPO: {
    message: 'Did you mean {suggestion}?',
    meaning:
      'The domain is a slip away from a major consumer mail provider and is not a live domain in its own right: a mistyped TLD (gmail.con, gmail.c, gmail.com.co, or gmail.net on a distinctive name), a mistyped name of 5 letters or more (outlok.com; two swapped pairs such as htomali.com; a swap and one more slip such as yhao.com), or a name with its first letter dropped (ahoo.com, ol.com). Also reported beside EMAIL_SYNTAX when an obvious repair makes the address valid: dots missing from a provider domain (jane@gmailcom), or dots at the ends of the local part or doubled in it (john.@gmail.com → john@gmail.com). A typo takes precedence over the disposable list: a typo-squatting domain (gmial.com) is on that list, but gets EMAIL_TYPO only, with the list membership as evidence (listedDisposable). data.suggestion is the corrected address, data.suggestedDomain its domain. Domain suggestions only ever point to a short hand-kept list of providers, so a company domain (acme.com, verizon.com) is never "corrected".',
    fix: 'Accept the suggestion, or re-enter the address. If the domain really is the intended one, submit it as it is: the motion decides whether a typo finding blocks.',
  },
  EMAIL_DISPOSABLE: {
    message: 'Disposable email addresses are not accepted. Please use your work email address.',
    meaning:
      'The domain, or a domain above it, belongs to a throwaway mail service (disposable-email-domains blocklist, or the check\'s blockDomains option). Such inboxes expire within minutes or days, so the lead cannot be reached.',
    fix: 'Use a permanent work address. If a real company domain is listed by mistake, add it to the allowDomains option and report it to github.com/disposable-email-domains/disposable-email-domains.',
  },
  EMAIL_FREE_PROVIDER: {
    message: 'Please use your work email address.',
    meaning:
      'The domain is a free or consumer mailbox provider (gmail.com, outlook.com, web.de, …; email-providers list minus a B2B allowlist). The person may be real, but the address does not tie them to a company.',
    fix: 'Ask for the work address. If a company domain is listed by mistake, add it to the allowDomains option; motions that accept consultants and freelancers can set this code to flag or ignore.',
  },
  EMAIL_ROLE_ACCOUNT: {
    message: 'Please use your personal work address rather than a shared one such as info@ or sales@.',
    meaning:
      'The local part names a function, not a person (info, sales, noreply, …; role-based-email-addresses list, plus the roleLocalParts option). A +tag is ignored. Shared inboxes are read by many or by no one, and consent given through them is not a person\'s consent.',
    fix: 'Use the address of the person who filled in the form.',
  },
  EMAIL_NO_MX: {
    message: 'This email domain cannot receive mail. Please check the address.',
    meaning:
      'DNS says the domain takes no mail (data.via): "none" means the domain does not exist or has neither MX nor A/AAAA records (RFC 5321 §5.1 makes an A record the implicit MX), "null-mx" means it publishes a null MX (RFC 7505). Only reported when an MX resolver is configured. A DNS timeout or failure is never this code; it becomes SYSTEM_TIMEOUT or SYSTEM_CHECK_FAILED.',
    fix: 'Check the domain for a typo. If it is a new domain, mail routing may not be set up yet; publish MX records and retry.',
  },
  EMAIL_DOMAIN_MISMATCH: {
    message: 'Your email domain ({domain}) does not match your company website ({websiteHost}).',
    meaning:
      'The email domain and the website are unrelated: not the same registrable domain, not one a subdomain of the other, and not the same name under another TLD (acme.de with acme.com is fine). Not reported for free or disposable addresses, which have their own codes. Often a personal domain, an agency, or a lead filling the form for someone else.',
    fix: 'Use the address at the company\'s own domain, or correct the website field.',
  },
} as const satisfies Record<string, CodeSpec>;

/** A rejection code of the `email` check. */
export type EmailCode = keyof typeof EMAIL_CODES;
