import type { CodeSpec } from '../../core/check.js';

/**
 * The rejection codes of the `consent` check. Keys are stable public API; `message` is
 * what the person at the form reads, `meaning` and `fix` feed `docs/codes.md`. Rules and
 * sources: ../shared/research/compliance_source.md §1.1 and §1.6 (CP-01…CP-14).
 */
export const CONSENT_CODES = {
  CONSENT_MISSING: {
    message: 'We need your permission before we contact you this way.',
    meaning:
      'A channel the lead will be contacted on (data.channels) needs prior consent under the regime that applies (data.regimes: the stricter of the lead\'s country and the phone\'s), and the lead has neither consent for it nor a relationship that stands in for consent. The lead is not bad: the channel may not be used.',
    fix: 'Ask for consent for the channel (an unticked box per channel), or contact the lead only on channels its regime allows without consent.',
  },
  CONSENT_PRETICKED: {
    message: 'This box was ticked for you: untick it and tick it again yourself if you agree.',
    meaning:
      'The consent box was ticked when the form rendered and the person left it so (data.reason "prechecked"), or the person never touched it (data.reason "no_interaction"). Silence, pre-ticked boxes or inactivity are not consent (GDPR Recital 32; CASL: CRTC 2012-549). A pre-ticked box the person unticked and ticked again is their own act and is not this code.',
    fix: 'Render the marketing box unticked and record that the person ticked it (userInteracted: true).',
  },
  CONSENT_BUNDLED: {
    message: 'Marketing consent must be optional and separate from the terms.',
    meaning:
      'The form could not be submitted without the marketing consent (data.reason "required_to_submit"), or one box covered marketing together with terms or the privacy policy (data.reason "with_terms"). Consent that is a condition of the service is not freely given (GDPR Art. 7(4); TCPA: not a condition of purchase).',
    fix: 'Make the marketing box optional and separate from the acceptance of terms and privacy policy.',
  },
  CONSENT_TEXT_UNKNOWN: {
    message: 'We could not confirm the consent wording you saw.',
    meaning:
      'The consent text the lead saw (data.textId and its SHA-256 hash) is not in the registry of approved texts given to the check (data.reason "unknown_id", "unknown_hash", "hash_mismatch", "hash_missing"), or was not in force when consent was captured ("not_in_force"). Nobody can then show exactly what the person was told (ICO; TSR 16 CFR 310.5).',
    fix: 'Register the text\'s id and hash in the check\'s `texts` option before the form goes live, or fix the form to send the registered id and hash.',
  },
  CONSENT_RECORD_INCOMPLETE: {
    message: 'We could not record your consent completely.',
    meaning:
      'The lead claims consent but the record lacks what must be kept to prove it (data.missing): who (email or phone), when (capturedAt), how (pageUrl, the box state at render and whether the person interacted), and what they were told (textId or textHash). GDPR Art. 7(1); ICO recording checklist.',
    fix: 'Send the full consent record with the lead: the DOM binding fills it in; partner feeds must map these fields.',
  },
  CONSENT_BASIS_MISSING: {
    message: 'We have no recorded lawful basis to contact you.',
    meaning:
      'The channel does not need consent (e.g. UK corporate subscriber, French B2B email), but the GDPR applies and no lawful basis is recorded: no consent, and no legitimate-interest basis with its assessment reference (liaRef), nor a current customer relationship (data.reason "none" or "lia_missing").',
    fix: 'Record lawfulBasis "legitimate_interest" with the reference of the legitimate-interest assessment (liaRef) that covers the campaign, or ask for consent.',
  },
  CONSENT_IMPLIED_EXPIRED: {
    message: 'Our permission to contact you has expired.',
    meaning:
      'The only basis is an existing relationship, and it is outside its window (data.expiredAt): CASL implies consent for 2 years after a purchase and 6 months after an inquiry; elsewhere the check\'s relationshipWindow option (same defaults) applies.',
    fix: 'Ask the customer for express consent, or record the more recent purchase or inquiry that renews the relationship.',
  },
  CONSENT_PARTNER_NOT_NAMED: {
    message: 'The consent you gave our partner does not name us.',
    meaning:
      'The consent was collected by a partner (data.partner) and its wording did not name the buyer (namesBuyer is not true). "Selected third parties" is not specific consent (ICO indirect consent; CASL; TCPA: the seller must be identified).',
    fix: 'Ask the partner to name your organisation in the consent text (namesBuyer: true) or collect consent yourself.',
  },
  CONSENT_SUPPRESSED: {
    message: 'You asked us not to contact you.',
    meaning:
      'The lead\'s email or phone (data.matched: "email", "phone") is on the suppression list in the store: the person opted out or objected. Objection to direct marketing is absolute (GDPR Art. 21(3)); CAN-SPAM and the TCPA require honouring opt-outs.',
    fix: 'Do not contact the lead. Remove it from the list only with a new express consent given after the opt-out.',
  },
  CONSENT_GPC_OPTOUT: {
    message: 'Your browser asked us not to share or sell your data.',
    meaning:
      'The request carried a Global Privacy Control signal (Sec-GPC: 1) and the motion shares or sells the lead (sharesData). California treats GPC as an opt-out of sale/sharing, B2B contacts included (11 CCR §7025); other US states differ on B2B contacts.',
    fix: 'Keep the lead for first-party follow-up but do not pass it to a buyer or partner; record the opt-out.',
  },
  CONSENT_RECEIPT_INVALID: {
    message: 'We could not verify your consent record.',
    meaning:
      'The signed consent receipt is malformed (data.problem "malformed"), its signature does not verify with the receipt secret ("forged"), or it was signed for other consent fields or another email than the lead now carries ("mismatch", data.fields): the record was edited or moved to another lead.',
    fix: 'Sign receipts on the server with signReceipt when the form is submitted and send the lead unchanged; never edit a signed consent record.',
  },
} as const satisfies Record<string, CodeSpec>;

/** A rejection code of the `consent` check. */
export type ConsentCode = keyof typeof CONSENT_CODES;
