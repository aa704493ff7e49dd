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
      'A channel the lead will be contacted on (data.channels) needs prior consent under the regime that applies (data.regimes: the stricter of the lead\'s country and the phone\'s), and the lead has neither consent for it nor a relationship that stands in for consent. The lead is not bad: the channel may not be used. A channel that only a void consent (pre-ticked, bundled, not naming the buyer) claimed is not contacted at all: it is stripped and listed in that code\'s data.stripped, not reported here.',
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
      'The GDPR applies and no lawful basis is recorded for contacting the lead on a channel: no consent, no legitimate-interest basis with its assessment reference (liaRef), no current customer relationship (data.reason "none" or "lia_missing"). Reported for channels that need no consent (a UK corporate subscriber, French B2B email) and, since 1.2.0, also alongside CONSENT_MISSING for channels that need consent (German email): the stricter regime may never get the softer decision (research CP-06, CP-14 CP_OUTBOUND_NO_LIA). An LIA never makes an opt-in channel usable: CONSENT_MISSING stays.',
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
      'The consent was collected by a partner (data.partner) and its wording did not name the buyer (namesBuyer is not true). "Selected third parties" is not specific consent (ICO indirect consent; CASL; TCPA: the seller must be identified). The consent is set aside: the lead is stripped to the channels its regime allows without consent (data.channelsLeft; data.stripped lists channels only the consent claimed). With none left, CONSENT_PARTNER_NO_CHANNEL is reported too (research CP-14).',
    fix: 'Ask the partner to name your organisation in the consent text (namesBuyer: true) or collect consent yourself.',
  },
  CONSENT_PARTNER_NO_CHANNEL: {
    message: 'The consent you gave our partner does not name us, so we may not contact you.',
    meaning:
      'The consent was collected by a partner and does not name the buyer (CONSENT_PARTNER_NOT_NAMED is reported with it), and no channel the lead will be contacted on is left once that consent is set aside: every one needs consent under the lead\'s regime (data.channels, data.regimes), or the GDPR needs a lawful basis the lead does not have. Where a channel is allowed on opt-out (US email, a UK corporate subscriber with an LIA) the lead is stripped to it instead and this code is not reported (research CP-14 CP_PARTNER_CONSENT_NOT_SPECIFIC: reject for UK/EU/CA and TCPA use, strip to opt-out channels elsewhere).',
    fix: 'Ask the partner to name your organisation in the consent text (namesBuyer: true) and resend the lead, or do not use it.',
  },
  CONSENT_PARTNER_STALE: {
    message: 'The consent you gave our partner is too old for us to rely on.',
    meaning:
      'The consent was collected by a partner more than partnerConsentMaxAgeDays (default 180) before the lead reached us (data.ageDays, data.maxAgeDays), judged on the consent\'s own capturedAt, not the lead\'s capture date. The ICO wants indirect consent "reasonably recent" and names no number; 180 days is the research default (CP-14 CP_PARTNER_CONSENT_STALE).',
    fix: 'Ask the partner for a fresh consent, or confirm consent with the person yourself before marketing to them.',
  },
  CONSENT_SOURCE_UNDISCLOSED: {
    message: 'We cannot tell you where we got your details.',
    meaning:
      'The lead was not collected from the person (a partner feed, a bought or rented list, enrichment: the check\'s fromThirdParty or collectedByPartner option, or a partner record on the consent), the GDPR applies to it (data.regimes), and nothing names where it came from: no source.dataSource, no partner name, no partner id. GDPR Art. 14(2)(f) requires telling the person "from which source the personal data originate" within a month or at first contact, which cannot be done (research CP-14 CP_SOURCE_UNDISCLOSED).',
    fix: 'Send the name of the list, vendor or partner with the lead (source.dataSource), and give the Art. 14 notice at first contact.',
  },
  CONSENT_SUBSCRIBER_INFERRED: {
    message: 'We could not confirm whether this is a business or a personal address.',
    meaning:
      'A UK PECR (or French B2B) channel was judged on the opt-out rule for corporate subscribers, but the subscriber type was not recorded: it was inferred from a work domain (data.from "work_domain"). Sole traders and partnerships at their own domain are individual subscribers, who need consent; the rule for an unknown subscriber type at a corporate domain is review (research CP-06). The evidence keeps subscriberTypeFrom.',
    fix: 'Record consent.subscriberType ("corporate" or "individual") from the CRM or the list vendor, or ask for consent.',
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
