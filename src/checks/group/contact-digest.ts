import { personalDataDigest } from '../../core/digest.js';

/**
 * The salt of contact digests when none is given. The same default in the check and in
 * `memoryAccountStore`, so a contact loaded from a file and a lead typed in a form meet.
 * Set your own (on both) to keep digests unlinkable outside your system.
 */
export const DEFAULT_CONTACT_SALT = 'leadgate-buying-group';

/**
 * The digest under which a buying group remembers a person: SHA-256 of the email, trimmed
 * and lower-cased, with a salt. Buying groups never hold a raw address.
 *
 * @example
 * contactDigest('Jane.Doe@Acme.com') === contactDigest('jane.doe@acme.com') // true
 */
export function contactDigest(email: string, salt: string = DEFAULT_CONTACT_SALT): string {
  return personalDataDigest(email.trim().toLowerCase(), salt);
}
