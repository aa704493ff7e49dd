import { DISPOSABLE_DOMAINS } from '../../data/disposable-domains.js';
import { FREE_DOMAINS } from '../../data/free-domains.js';
import { ROLE_LOCAL_PARTS } from '../../data/role-locals.js';

// The lists ship as one string each (fast to parse) and become Sets on first use, so
// importing the package costs nothing until an address is actually checked; after
// that every lookup is O(1) (research notes §1.2: a Set built once is ~0.3 µs a
// lookup, rebuilding it per call as disposable-email-domains-js does is ~600 µs).
let disposable: ReadonlySet<string> | undefined;
let free: ReadonlySet<string> | undefined;
let roles: ReadonlySet<string> | undefined;

const disposableSet = () => (disposable ??= new Set(DISPOSABLE_DOMAINS.split('\n')));
const freeSet = () => (free ??= new Set(FREE_DOMAINS.split('\n')));
const roleSet = () => (roles ??= new Set(ROLE_LOCAL_PARTS.split('\n')));

/**
 * Whether `domain` or any parent of it is in `domains`: `x.mailinator.com` matches
 * `mailinator.com`. Stops before the last label, so a bare TLD never matches.
 * Expects a lower-case ASCII domain.
 *
 * @example
 * isDomainOrParentIn('eu.mail.acme.com', new Set(['acme.com'])) // true
 */
export function isDomainOrParentIn(domain: string, domains: ReadonlySet<string>): boolean {
  if (domains.size === 0) return false;
  let rest = domain;
  for (;;) {
    if (domains.has(rest)) return true;
    const dot = rest.indexOf('.');
    // `dot === rest.lastIndexOf('.')` means only "label.tld" was left, checked above.
    if (dot < 0 || dot === rest.lastIndexOf('.')) return false;
    rest = rest.slice(dot + 1);
  }
}

/**
 * Whether the domain belongs to a disposable (throwaway) mail service, per the
 * disposable-email-domains blocklist (CC0; every entry verified by obtaining an
 * address there). Subdomains match too: throwaway services hand out
 * `anything.their-domain.com`, so the list's own upstream checks parents the same way
 * (research notes §4, "check subdomains by walking up the labels").
 *
 * @param domain lower-case ASCII domain, e.g. `x.mailinator.com`.
 */
export function isDisposableDomain(domain: string): boolean {
  return isDomainOrParentIn(domain, disposableSet());
}

/**
 * Whether the domain is a free or consumer mailbox provider (gmail.com, web.de, …).
 * Exact match only: `mail.google.com` or `corp.yahoo.com` are not consumer mailboxes,
 * and providers that give out subdomains are disposable rather than free.
 *
 * @param domain lower-case ASCII domain.
 */
export function isFreeDomain(domain: string): boolean {
  return freeSet().has(domain);
}

/**
 * The part of a local part that names the mailbox: lower case, without a `+tag`
 * sub-address (`Sales+EMEA` → `sales`). Sub-addressing is RFC 5233; Gmail, Outlook and
 * Fastmail all deliver `name+tag@` to `name@`.
 */
export function mailboxName(local: string): string {
  const plus = local.indexOf('+');
  return (plus < 0 ? local : local.slice(0, plus)).toLowerCase();
}

/**
 * Whether the local part names a function rather than a person (`info`, `sales`,
 * `noreply`, …), per the role-based-email-addresses list. A `+tag` is ignored, so
 * `sales+emea@` is a role account while `jane+news@` is not.
 */
export function isRoleLocalPart(local: string): boolean {
  return roleSet().has(mailboxName(local));
}
