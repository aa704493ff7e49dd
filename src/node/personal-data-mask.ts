/**
 * Masks personal data for reports, which are shared more widely than the lead list
 * itself (DESIGN.md "Logging: nothing unexplained, nothing leaked"):
 * - an email keeps its first character and its domain (`j***@acme.example`): the domain is
 *   what most findings are about (typo, disposable, free-mail);
 * - a phone number keeps its last two digits (`•••••••••20`) and its punctuation;
 * - a first or last name keeps its first letter (`M***`).
 * Other fields (title, company, website, country, consent and source values) are shown as they are.
 */
export function maskPersonalData(field: string | undefined, value: string): string {
  switch (field) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'firstName':
    case 'lastName':
      return value.length === 0 ? value : `${[...value][0]}***`;
    default:
      return value;
  }
}

/**
 * `jane.doe@acme.example` → `j***@acme.example`; text without `@` → `***`. Everything
 * from the first `@` stays, so `a@@b.example` still shows why it failed.
 */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${[...email][0]}***${email.slice(at)}`;
}

/** Every digit but the last two becomes `•`; `+`, spaces and brackets stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (digit) => (++seen > digits - 2 ? digit : '•'));
}

/** The fields {@link maskPersonalData} masks. */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set(['email', 'phone', 'firstName', 'lastName']);
