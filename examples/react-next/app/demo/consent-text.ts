// The consent text the page shows and the route handler registers: one constant, so the
// wording on the page and the hash in the registry cannot drift apart. A new wording is
// a new id (`-v2`): leads keep the id and hash of the text they agreed to.
export const CONSENT_TEXT_ID = 'tallyline-marketing-v1';
export const CONSENT_TEXT = 'Send me Tallyline product news and event invitations by email. I can unsubscribe at any time.';
