import type { ChannelRule, ConsentRegime, ContactChannel } from './jurisdictions.js';
import { parseInstant, type ConsentRecord } from './read-consent.js';

// Research §1.6 CP-06 (jurisdiction × channel × subscriber matrix) and CP-08 (CASL
// implied consent). Two layers are judged per channel:
// 1. the channel law (ePrivacy/PECR/CAN-SPAM/CASL/TCPA/Spam Act): does this channel
//    need prior consent for this recipient?
// 2. where the GDPR applies, a lawful basis for the processing, even when the channel
//    law needs no consent (Art. 6(1)(f): legitimate interest needs a documented test).

/** UK PECR subscriber types (research §1.1): sole traders and free-mail addresses are individuals. */
export type SubscriberType = 'corporate' | 'individual';

/** What stands behind contacting a lead on a channel. */
export type Basis = 'consent' | 'relationship' | 'legitimate_interest' | 'opt_out';

/** Why a channel has no basis; each maps to one code. */
export type BasisProblem = 'missing' | 'basis_missing' | 'lia_missing' | 'expired';

/** A channel's outcome under the regime that applies to it: a basis, or the problem (with when a relationship lapsed). */
export type ChannelVerdict =
  | { regime: string; basis: Basis }
  | { regime: string; problem: BasisProblem; expiredAt?: string; lawfulBasis?: 'none' | 'lia_missing' };

/** Months a relationship stands in for consent. */
export interface RelationshipWindow {
  purchaseMonths: number;
  inquiryMonths: number;
}

// CASL s. 10(10): purchase or lease within 2 years, inquiry or application within 6 months.
// https://crtc.gc.ca/eng/com500/guide.htm
const CASL_WINDOW: RelationshipWindow = { purchaseMonths: 24, inquiryMonths: 6 };

/** The facts about a lead that the basis rules read. */
export interface BasisFacts {
  consent: ConsentRecord | undefined;
  /**
   * The consent can serve as a basis: not pre-ticked, not bundled, and naming the buyer
   * when a partner collected it. A void consent is reported by its own code and the
   * channel is judged as if there were none (other bases may still carry it).
   */
  consentUsable: boolean;
  subscriber: SubscriberType;
  now: number;
  window: RelationshipWindow;
}

/** Whether the lead's own consent covers a channel. A consent without `channels` is taken to cover email only. */
export function consentCovers(consent: ConsentRecord | undefined, channel: ContactChannel): boolean {
  if (consent?.given !== true) return false;
  return consent.channels ? consent.channels.includes(channel) : channel === 'email';
}

/**
 * How strict a regime is for a channel and recipient, for choosing between the lead's
 * country and the phone's: the stricter applies (research §1.6 conventions).
 */
export function strictness(regime: ConsentRegime, channel: ContactChannel, subscriber: SubscriberType): number {
  const rule = regime.channels[channel];
  if (needsConsent(rule, subscriber)) return rule.relationship === false ? 4 : 3;
  return regime.gdpr ? 2 : 1;
}

/** Judges one channel under one regime. */
export function judgeChannel(regime: ConsentRegime, channel: ContactChannel, facts: BasisFacts): ChannelVerdict {
  const rule = regime.channels[channel];
  const { consent } = facts;
  const id = regime.id;
  if (facts.consentUsable && consentCovers(consent, channel)) return { regime: id, basis: 'consent' };

  if (needsConsent(rule, facts.subscriber)) {
    if (rule.relationship !== false) {
      const window = rule.relationship === 'statutory' ? narrower(facts.window, CASL_WINDOW) : facts.window;
      const status = relationshipStatus(consent, facts.now, window);
      if (status?.active) return { regime: id, basis: 'relationship' };
      if (status) return { regime: id, problem: 'expired', expiredAt: new Date(status.until).toISOString(), ...gdprGap(regime, facts) };
    }
    return { regime: id, problem: 'missing', ...gdprGap(regime, facts) };
  }

  // The channel needs no consent; the GDPR still needs a recorded lawful basis. `contract`
  // (Art. 6(1)(b)) covers answering the person's own request, not marketing, so it is no
  // basis here; nor is `existing_customer` without the dates that show the relationship.
  if (!regime.gdpr) return { regime: id, basis: 'opt_out' };
  const status = relationshipStatus(consent, facts.now, facts.window);
  // An existing customer is the GDPR's own example of a legitimate interest (Recital 47).
  if (status?.active) return { regime: id, basis: 'relationship' };
  if (consent?.lawfulBasis === 'legitimate_interest') {
    return consent.liaRef ? { regime: id, basis: 'legitimate_interest' } : { regime: id, problem: 'lia_missing' };
  }
  if (status) return { regime: id, problem: 'expired', expiredAt: new Date(status.until).toISOString() };
  return { regime: id, problem: 'basis_missing' };
}

/**
 * Research CP-06 and CP-14 (CP_OUTBOUND_NO_LIA): where the GDPR applies, a channel that
 * needs consent and has none also lacks a lawful basis unless an LIA is recorded. Without
 * this a German lead with nothing recorded (opt-in) got the softer decision than a UK
 * corporate lead with nothing recorded (opt-out, basis missing): the stricter regime may
 * never be the softer one. A recorded LIA, or a consent that stands for another channel,
 * is a lawful basis, but not consent for this channel: CONSENT_MISSING stays.
 */
function gdprGap(regime: ConsentRegime, facts: BasisFacts): { lawfulBasis?: 'none' | 'lia_missing' } {
  const { consent } = facts;
  // A consent that stands (for another channel) is the lawful basis of the processing.
  if (!regime.gdpr || (facts.consentUsable && consent?.given === true)) return {};
  if (consent?.lawfulBasis === 'legitimate_interest') return consent.liaRef ? {} : { lawfulBasis: 'lia_missing' };
  return { lawfulBasis: 'none' };
}

function needsConsent(rule: ChannelRule, subscriber: SubscriberType): boolean {
  return rule.model === 'opt-in' || (rule.model === 'opt-out-corporate' && subscriber !== 'corporate');
}

/**
 * The relationship's implied-consent window: `until = max(purchase + purchaseMonths,
 * inquiry + inquiryMonths)` (research CP-08). `undefined` when the lead records no dated
 * relationship.
 */
export function relationshipStatus(consent: ConsentRecord | undefined, now: number, window: RelationshipWindow): { active: boolean; until: number } | undefined {
  const purchase = parseInstant(consent?.relationship?.lastPurchaseAt);
  const inquiry = parseInstant(consent?.relationship?.lastInquiryAt);
  if (purchase === undefined && inquiry === undefined) return undefined;
  const until = Math.max(
    purchase === undefined ? -Infinity : addMonths(purchase, window.purchaseMonths),
    inquiry === undefined ? -Infinity : addMonths(inquiry, window.inquiryMonths),
  );
  return { active: now <= until, until };
}

/** Calendar months, as the statute counts them (2 years after 2024-02-29 is 2026-02-28, not 03-01). */
function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

function narrower(a: RelationshipWindow, b: RelationshipWindow): RelationshipWindow {
  return { purchaseMonths: Math.min(a.purchaseMonths, b.purchaseMonths), inquiryMonths: Math.min(a.inquiryMonths, b.inquiryMonths) };
}
