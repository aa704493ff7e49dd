import { defineCheck, type CheckContext, type CheckOutcome } from '../../core/check.js';
import type { HmacSecret } from '../../core/hmac.js';
import type { Lead } from '../../core/lead.js';
import type { LeadStore } from '../../core/store.js';
import { analyzeEmail } from '../email/analyze.js';
import { parsePhone } from '../phone/parse-phone.js';
import { judgeChannel, strictness, type BasisFacts, type ChannelVerdict, type SubscriberType } from './basis.js';
import { CONSENT_CODES, type ConsentCode } from './codes.js';
import { JURISDICTIONS_VERSION, regimeFor, type ConsentRegime, type ContactChannel } from './jurisdictions.js';
import { resolveConsentOptions, type ConsentProvenanceOptions, type ResolvedConsentOptions } from './options.js';
import { parseInstant, readConsent, type ConsentRecord } from './read-consent.js';
import { receiptMismatches, verifyReceipt } from './receipt.js';
import { digestOf, normalizeSuppressionValue, SUPPRESSION_LIST } from './suppression.js';
import { textProblem } from './texts.js';

export { CONSENT_CODES, type ConsentCode } from './codes.js';
export { CONSENT_REGIMES, CONTACT_CHANNELS, JURISDICTIONS_VERSION, STRICT_REGIME, regimeFor } from './jurisdictions.js';
export type { ChannelModel, ChannelRule, ConsentRegime, ContactChannel } from './jurisdictions.js';
export type { ConsentProvenanceOptions, ConsentText } from './options.js';
export { suppress, suppressionDigest, SUPPRESSION_LIST, type SuppressionKind, type SuppressResult } from './suppression.js';
export { consentClaims, receiptMismatches, RECEIPT_FIELDS, verifyReceipt } from './receipt.js';
export type { ConsentClaims, ReceiptClaims, ReceiptField, ReceiptProblem, ReceiptVerification } from './receipt.js';

// Purposes that are not marketing: a box that carries one of them and marketing is bundled (GDPR Art. 7(2)).
const NON_MARKETING_PURPOSES = new Set(['terms', 'tos', 'terms_of_service', 'terms_and_conditions', 'privacy', 'privacy_policy', 'eula', 'contract']);
// Clocks of a browser and a server disagree a little; a capture time beyond this in the future is wrong.
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Checks that the lead may be contacted on the channels the motion will use, and that
 * the consent it carries would stand up: given by an affirmative act (not pre-ticked),
 * not bundled, recorded completely, on a registered text, naming the buyer when a
 * partner collected it, not withdrawn (suppression), not opted out of sharing (GPC) and,
 * with a receipt secret, signed by the server for exactly this lead.
 *
 * The regime comes from a table ({@link CONSENT_REGIMES}: EU/EEA with country notes,
 * UK PECR, US CAN-SPAM/TCPA, Canada CASL, Australia's Spam Act, a strict default for
 * unknown countries). When the lead's country and its phone's disagree, the stricter
 * regime applies per channel; both are recorded in the evidence. Rules and sources:
 * ../shared/research/compliance_source.md §1.
 *
 * Synchronous unless `receiptSecret` or `suppression` is set. Rules that need
 * configuration (texts, receipts, suppression, GPC) only run when configured; the
 * evidence's `rules` says which ran. No email or phone reaches evidence or findings.
 *
 * @example
 * createGate({
 *   motion: 'inbound',
 *   store,
 *   checks: [consentProvenance({ ...motions.inbound.checks.consent, texts, receiptSecret: process.env.RECEIPT_SECRET, suppression: true })],
 * });
 */
export const consentProvenance = (options: ConsentProvenanceOptions = {}) => {
  const resolved = resolveConsentOptions(options);
  const async = resolved.receiptSecret !== undefined || resolved.suppression;
  return defineCheck({
    id: 'consent',
    dimension: 'compliance',
    runsIn: 'anywhere',
    fields: ['consent', 'email', 'phone', 'country', 'source'],
    async,
    codes: CONSENT_CODES,
    run(lead, ctx) {
      const judged = judgeLead(lead, resolved, ctx);
      if (!async) return ctx.pass(judged.evidence);
      return judgeWithServerState(lead, judged, resolved, ctx);
    },
  });
};

interface Judged {
  consent: ConsentRecord | undefined;
  evidence: Record<string, unknown> & { rules: Record<string, string> };
}

/** The synchronous rules: jurisdiction, channels, basis, the consent record, text, partner, GPC. */
function judgeLead(lead: Lead, options: ResolvedConsentOptions, ctx: CheckContext<ConsentCode>): Judged {
  const consent = readConsent(lead.consent);
  // The time the server received the lead, when it says so (a batch replay), else the gate's clock.
  const now = parseInstant(typeof ctx.context.receivedAt === 'string' ? ctx.context.receivedAt : undefined) ?? ctx.now().getTime();
  const phone = lead.phone === undefined ? undefined : parsePhone(lead.phone, lead.country);
  const phoneCountry = phone?.country;
  const regimes = [regimeFor(lead.country)];
  if (phoneCountry && phoneCountry !== lead.country && regimeFor(phoneCountry) !== regimes[0]) regimes.push(regimeFor(phoneCountry));

  const rules: Record<string, string> = { basis: 'ran' };
  const byPartner = options.collectedByPartner || consent?.partner !== undefined;
  let usable = false;
  if (consent?.given === true) {
    usable = judgeRecord(lead, consent, byPartner, options, ctx, now, rules);
    rules.partner = byPartner ? 'ran' : 'skipped: not collected by a partner';
  } else {
    rules.record = 'skipped: no consent claimed';
    rules.text = options.texts ? 'skipped: no consent claimed' : 'not configured: no texts registry';
    rules.partner = 'skipped: no consent claimed';
  }
  judgeDataSource(lead, consent, regimes, options.fromThirdParty || byPartner, ctx, rules);

  const { channels, stripped } = contactChannels(lead, consent, usable, options, ctx.motion);
  // Only the corporate/individual split of UK PECR and French B2B email reads it; the
  // email analysis it needs is skipped for every other lead.
  const needsSubscriber = regimes.some((regime) => channels.some((channel) => regime.channels[channel].model === 'opt-out-corporate'));
  const subscriber = needsSubscriber ? subscriberType(lead, consent) : { type: 'individual' as const, from: 'not_needed' };
  const facts: BasisFacts = { consent, consentUsable: usable, subscriber: subscriber.type, now, window: options.relationshipWindow };
  const verdicts: Partial<Record<ContactChannel, ChannelVerdict>> = {};
  for (const channel of channels) verdicts[channel] = judgeChannel(stricterRegime(regimes, channel, subscriber.type), channel, facts);
  if (consent?.given === true && byPartner) judgePartnerConsent(consent, verdicts, stripped, options, now, ctx);
  reportBasisProblems(verdicts, ctx);
  if (subscriber.from === 'work_domain') reportInferredSubscriber(verdicts, regimes, ctx);

  const gpc = ctx.context.gpc === true;
  if (options.sharesData) {
    rules.gpc = 'ran';
    // GPC never blocks capture or first-party follow-up, only a sale or share (research CP-10;
    // 11 CCR §7025, https://law.cornell.edu/regulations/california/11-CCR-7025).
    if (gpc) ctx.report('CONSENT_GPC_OPTOUT', { field: 'consent', data: { country: lead.country ?? null } });
  } else rules.gpc = 'skipped: the motion does not share or sell leads';
  // Overwritten by the async part when it runs.
  rules.receipt = consent?.receipt === undefined ? 'not configured' : 'skipped: a receipt is present but no receiptSecret is configured';
  rules.suppression = 'not configured';

  const evidence = {
    jurisdiction: {
      tableVersion: JURISDICTIONS_VERSION,
      leadCountry: lead.country ?? null,
      phoneCountry: phoneCountry ?? null,
      regimes: regimes.map((regime) => regime.id),
    },
    ...(needsSubscriber ? { subscriberType: subscriber.type, subscriberTypeFrom: subscriber.from } : {}),
    channels: verdicts,
    ...(stripped.length > 0 ? { strippedChannels: stripped } : {}),
    gpc,
    rules,
  };
  return { consent, evidence };
}

/**
 * Checks the consent the lead claims: affirmative, unbundled, complete, registered,
 * naming the buyer. Returns whether it can serve as a basis (see `BasisFacts.consentUsable`).
 */
function judgeRecord(
  lead: Lead,
  consent: ConsentRecord,
  byPartner: boolean,
  options: ResolvedConsentOptions,
  ctx: CheckContext<ConsentCode>,
  now: number,
  rules: Record<string, string>,
): boolean {
  let usable = true;
  rules.record = 'ran';
  // Research CP-01: ticked at render, or never touched, is no affirmative act (GDPR Recital 32,
  // https://gdprhub.eu/index.php?title=Article_7_GDPR; CASL: CRTC 2012-549). A box ticked at
  // render that the person changed and that ends ticked was unticked and ticked again by
  // them: that last tick is their own act, so the person can still consent on a form that
  // pre-ticks (the form itself is still wrong: evidence says `rendered: 'prechecked'`).
  const retickedByPerson = consent.renderedChecked === true && consent.userInteracted === true && consent.given === true;
  const preticked = consent.renderedChecked === true && !retickedByPerson ? 'prechecked' : consent.userInteracted === false ? 'no_interaction' : undefined;
  if (consent.renderedChecked === true) rules.rendered = 'prechecked';
  if (preticked) ctx.report('CONSENT_PRETICKED', { field: 'consent', data: { reason: preticked } });

  // Research CP-04: GDPR Art. 7(2), (4); 47 CFR 64.1200(f)(9): "not required as a condition of purchase"
  // (https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200).
  const bundledWith = (consent.purposes ?? []).map(purposeKey).filter((purpose) => NON_MARKETING_PURPOSES.has(purpose));
  const bundled = consent.requiredToSubmit === true ? 'required_to_submit' : bundledWith.length > 0 ? 'with_terms' : undefined;
  if (bundled) ctx.report('CONSENT_BUNDLED', { field: 'consent', data: bundled === 'with_terms' ? { reason: bundled, purposes: bundledWith.join(', ') } : { reason: bundled } });
  if (preticked || bundled) usable = false;

  // Research CP-02: who, when, how, what they were told (GDPR Art. 7(1); ICO,
  // https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/consent/how-should-we-obtain-record-and-manage-consent).
  const missing: string[] = [];
  if (lead.email === undefined && lead.phone === undefined) missing.push('email_or_phone');
  const capturedAt = parseInstant(consent.capturedAt);
  if (capturedAt === undefined || capturedAt > now + CLOCK_SKEW_MS) missing.push('capturedAt');
  if (consent.pageUrl === undefined) missing.push('pageUrl');
  if (consent.renderedChecked === undefined) missing.push('renderedChecked');
  if (consent.userInteracted === undefined) missing.push('userInteracted');
  if (consent.textId === undefined && consent.textHash === undefined) missing.push('text');
  if (missing.length > 0) ctx.report('CONSENT_RECORD_INCOMPLETE', { field: 'consent', data: { missing: missing.join(', ') } });

  if (!options.texts) rules.text = 'not configured: no texts registry';
  else if (consent.textId === undefined && consent.textHash === undefined) rules.text = 'skipped: the record names no text';
  else {
    rules.text = 'ran';
    const problem = textProblem(options.texts, consent, now);
    if (problem) ctx.report('CONSENT_TEXT_UNKNOWN', { field: 'consent', data: { reason: problem, textId: consent.textId?.slice(0, 100) ?? null } });
  }

  // Indirect consent is valid only if the buyer was specifically named; "selected third parties" is not
  // (https://inforights.im/organisations/direct-marketing/guidance-for-marketers/using-marketing-lists/).
  // Reported by judgePartnerConsent once the channels left are known.
  if (byPartner && consent.partner?.namesBuyer !== true) usable = false;
  return usable;
}

/**
 * Research CP-14, partner consent. Not naming the buyer (CP_PARTNER_CONSENT_NOT_SPECIFIC)
 * sets the consent aside: the lead is stripped to the channels its regime allows without
 * consent (US email under CAN-SPAM, a UK corporate subscriber with an LIA) and reviewed;
 * only with no channel left is it CONSENT_PARTNER_NO_CHANNEL, the reject. Stale
 * (CP_PARTNER_CONSENT_STALE): the ICO wants indirect consent "reasonably recent"; the
 * research default is 180 days, measured from the consent's own capturedAt to delivery.
 */
function judgePartnerConsent(
  consent: ConsentRecord,
  verdicts: Partial<Record<ContactChannel, ChannelVerdict>>,
  stripped: readonly ContactChannel[],
  options: ResolvedConsentOptions,
  now: number,
  ctx: CheckContext<ConsentCode>,
): void {
  const partner = consent.partner?.name?.slice(0, 100) ?? null;
  if (consent.partner?.namesBuyer !== true) {
    const entries = Object.entries(verdicts) as [ContactChannel, ChannelVerdict][];
    const left = entries.filter(([, verdict]) => 'basis' in verdict).map(([channel]) => channel);
    ctx.report('CONSENT_PARTNER_NOT_NAMED', {
      field: 'consent',
      data: { partner, channelsLeft: left.join(', '), ...(stripped.length > 0 ? { stripped: stripped.join(', ') } : {}) },
    });
    if (left.length === 0) {
      const channels = [...entries.map(([channel]) => channel), ...stripped];
      const regimes = [...new Set(entries.map(([, verdict]) => verdict.regime))];
      ctx.report('CONSENT_PARTNER_NO_CHANNEL', { field: 'consent', data: { partner, channels: channels.join(', '), regimes: regimes.join(', ') } });
    }
  }
  const capturedAt = parseInstant(consent.capturedAt);
  if (capturedAt === undefined) return;
  const ageDays = Math.floor((now - capturedAt) / DAY_MS);
  if (ageDays > options.partnerConsentMaxAgeDays) {
    ctx.report('CONSENT_PARTNER_STALE', { field: 'consent', data: { partner, ageDays, maxAgeDays: options.partnerConsentMaxAgeDays } });
  }
}

/**
 * Research CP-14 CP_SOURCE_UNDISCLOSED: data not obtained from the person needs an
 * Art. 14 notice that says "from which source the personal data originate" (GDPR
 * Art. 14(2)(f), https://streamlex.eu/articles/gdpr-en-art-14). A source is named by
 * `source.dataSource`, the partner's name on the consent, or a partner id (which the
 * deployment resolves to a partner).
 */
function judgeDataSource(
  lead: Lead,
  consent: ConsentRecord | undefined,
  regimes: readonly ConsentRegime[],
  indirect: boolean,
  ctx: CheckContext<ConsentCode>,
  rules: Record<string, string>,
): void {
  if (!indirect) {
    rules.dataSource = 'skipped: collected from the person';
    return;
  }
  const gdpr = regimes.filter((regime) => regime.gdpr);
  if (gdpr.length === 0) {
    rules.dataSource = 'skipped: the GDPR does not apply';
    return;
  }
  rules.dataSource = 'ran';
  const source = lead.source;
  const named = [source?.dataSource, consent?.partner?.name, source?.partnerId].some((value) => typeof value === 'string' && value.trim() !== '');
  if (!named) ctx.report('CONSENT_SOURCE_UNDISCLOSED', { field: 'source', data: { regimes: gdpr.map((regime) => regime.id).join(', ') } });
}

/**
 * Research CP-06: "subscriberType=unknown with a corporate domain in the UK: REVIEW". Only
 * reported where the inference let a channel through: judged on a corporate opt-out rule,
 * given a basis other than the lead's own consent. A channel that fails anyway (no lawful
 * basis) is reported by its own code; a consent covers either subscriber type.
 */
function reportInferredSubscriber(verdicts: Partial<Record<ContactChannel, ChannelVerdict>>, regimes: readonly ConsentRegime[], ctx: CheckContext<ConsentCode>): void {
  const relied: string[] = [];
  const regimeIds = new Set<string>();
  for (const [channel, verdict] of Object.entries(verdicts) as [ContactChannel, ChannelVerdict][]) {
    if (!('basis' in verdict) || verdict.basis === 'consent') continue;
    const regime = regimes.find((candidate) => candidate.id === verdict.regime);
    if (regime?.channels[channel].model !== 'opt-out-corporate') continue;
    relied.push(channel);
    regimeIds.add(verdict.regime);
  }
  if (relied.length > 0) ctx.report('CONSENT_SUBSCRIBER_INFERRED', { field: 'consent', data: { from: 'work_domain', channels: relied.join(', '), regimes: [...regimeIds].join(', ') } });
}

/** Receipt and suppression: they need the secret or the store, and await. */
async function judgeWithServerState(lead: Lead, judged: Judged, options: ResolvedConsentOptions, ctx: CheckContext<ConsentCode>): Promise<CheckOutcome> {
  const { consent, evidence } = judged;
  const receipt = consent?.receipt;
  if (options.receiptSecret !== undefined) {
    evidence.rules.receipt = receipt === undefined ? 'skipped: no receipt' : 'ran';
    if (receipt !== undefined) await judgeReceipt(receipt, options.receiptSecret, lead, evidence, ctx);
  }
  if (options.suppression) {
    const store = ctx.store;
    evidence.rules.suppression = store ? 'ran' : 'skipped: no store configured';
    if (store) await judgeSuppression(lead, store, options.suppressionSalt, ctx);
  }
  return ctx.pass(evidence);
}

/** CONSENT_RECEIPT_INVALID: a receipt that does not verify, or was signed for other fields or another email. */
async function judgeReceipt(
  receipt: NonNullable<ConsentRecord['receipt']>,
  secret: HmacSecret,
  lead: Lead,
  evidence: Record<string, unknown>,
  ctx: CheckContext<ConsentCode>,
): Promise<void> {
  // A receipt that is there but not a string is as unverifiable as a garbled one.
  const verified = typeof receipt === 'string' ? await verifyReceipt(receipt, { secret }) : undefined;
  if (!verified?.valid) {
    const problem = verified === undefined || verified.problem === 'missing' ? 'malformed' : verified.problem;
    ctx.report('CONSENT_RECEIPT_INVALID', { field: 'consent', data: { problem } });
    return;
  }
  evidence.receipt = { id: verified.claims.id, signedAt: verified.claims.signedAt };
  const fields = receiptMismatches(verified.claims, lead);
  if (fields.length > 0) ctx.report('CONSENT_RECEIPT_INVALID', { field: 'consent', data: { problem: 'mismatch', fields: fields.join(', ') } });
}

/** CONSENT_SUPPRESSED: the email or phone (E.164, read in the lead's country) is on the list, by digest. */
async function judgeSuppression(lead: Lead, store: LeadStore, salt: string, ctx: CheckContext<ConsentCode>): Promise<void> {
  const email = lead.email === undefined ? undefined : normalizeSuppressionValue('email', lead.email);
  const phone = lead.phone === undefined ? undefined : normalizeSuppressionValue('phone', lead.phone, lead.country);
  // A store that fails rejects here: the gate turns it into SYSTEM_CHECK_FAILED, never a pass.
  const [emailListed, phoneListed] = await Promise.all([
    email === undefined ? false : store.has(SUPPRESSION_LIST, digestOf('email', email, salt)),
    phone === undefined ? false : store.has(SUPPRESSION_LIST, digestOf('phone', phone, salt)),
  ]);
  const matched = [...(emailListed ? ['email'] : []), ...(phoneListed ? ['phone'] : [])];
  if (matched.length > 0) ctx.report('CONSENT_SUPPRESSED', { field: matched[0]!, data: { matched: matched.join(', ') } });
}

/**
 * The channels the lead will be contacted on: the `channels` option, else the motion's
 * default (outbound calls as well as mails; every other motion mails), plus phone or SMS
 * when the lead's own consent covers them. Only channels the lead can be reached on.
 * Channels that only a void consent (pre-ticked, bundled, not naming the buyer) claims are
 * `stripped`: research CP-01 and CP-14 "STRIP that purpose", so nobody will use them.
 */
function contactChannels(
  lead: Lead,
  consent: ConsentRecord | undefined,
  usable: boolean,
  options: ResolvedConsentOptions,
  motion: string,
): { channels: ContactChannel[]; stripped: ContactChannel[] } {
  const reachable = (channel: ContactChannel) => (channel === 'email' ? lead.email !== undefined : lead.phone !== undefined);
  const channels = new Set<ContactChannel>(options.channels ?? (motion === 'outbound' ? ['email', 'phone'] : ['email']));
  const claimed = consent?.given === true ? (consent.channels ?? []).filter((channel) => !channels.has(channel) && reachable(channel)) : [];
  if (usable) for (const channel of claimed) channels.add(channel);
  return { channels: [...channels].filter(reachable), stripped: usable ? [] : claimed };
}

/**
 * UK PECR subscriber type (research §1.1, CP-06): as recorded, else a free-mail address
 * (or a disposable one) is an individual's and a work address a corporate subscriber's.
 * No email, or an invalid one: individual, the stricter reading.
 */
function subscriberType(lead: Lead, consent: ConsentRecord | undefined): { type: SubscriberType; from: string } {
  if (consent?.subscriberType === 'corporate' || consent?.subscriberType === 'individual') return { type: consent.subscriberType, from: 'record' };
  if (lead.email === undefined) return { type: 'individual', from: 'no_email' };
  const analysis = analyzeEmail(lead.email);
  if (!analysis.valid) return { type: 'individual', from: 'email_invalid' };
  if (analysis.free) return { type: 'individual', from: 'free_mail' };
  // A throwaway address belongs to no company: the stricter reading. A typo-squat of a
  // provider (gmial.com) is listed as disposable, and is as personal as the provider.
  if (analysis.listedDisposable) return { type: 'individual', from: 'disposable' };
  // Every domain a typo is corrected to is a consumer provider (TYPO_TARGETS): outlok.com
  // was meant to be outlook.com, a personal mailbox.
  if (analysis.suggestion !== undefined) return { type: 'individual', from: 'free_mail_typo' };
  return { type: 'corporate', from: 'work_domain' };
}

function stricterRegime(regimes: readonly ConsentRegime[], channel: ContactChannel, subscriber: SubscriberType): ConsentRegime {
  let chosen = regimes[0]!;
  for (const regime of regimes.slice(1)) if (strictness(regime, channel, subscriber) > strictness(chosen, channel, subscriber)) chosen = regime;
  return chosen;
}

/** One finding per problem kind, listing the channels and regimes it concerns. */
function reportBasisProblems(verdicts: Partial<Record<ContactChannel, ChannelVerdict>>, ctx: CheckContext<ConsentCode>): void {
  const groups = new Map<ConsentCode, { channels: string[]; regimes: Set<string>; reason?: string; expiredAt?: string }>();
  const add = (code: ConsentCode, channel: string, regime: string, reason?: 'none' | 'lia_missing', expiredAt?: string) => {
    const group = groups.get(code) ?? { channels: [], regimes: new Set<string>() };
    group.channels.push(channel);
    group.regimes.add(regime);
    if (reason) group.reason = reason === 'lia_missing' ? reason : (group.reason ?? reason);
    if (expiredAt) group.expiredAt = expiredAt;
    groups.set(code, group);
  };
  for (const [channel, verdict] of Object.entries(verdicts) as [ContactChannel, ChannelVerdict][]) {
    if (!('problem' in verdict)) continue;
    const code: ConsentCode =
      verdict.problem === 'missing' ? 'CONSENT_MISSING' : verdict.problem === 'expired' ? 'CONSENT_IMPLIED_EXPIRED' : 'CONSENT_BASIS_MISSING';
    add(code, channel, verdict.regime, code === 'CONSENT_BASIS_MISSING' ? (verdict.problem === 'lia_missing' ? 'lia_missing' : 'none') : undefined, verdict.expiredAt);
    // A channel that needs consent, under the GDPR, with no lawful basis either (basis.ts gdprGap).
    if (verdict.lawfulBasis) add('CONSENT_BASIS_MISSING', channel, verdict.regime, verdict.lawfulBasis);
  }
  for (const [code, group] of groups) {
    const data: Record<string, unknown> = { channels: group.channels.join(', '), regimes: [...group.regimes].join(', ') };
    if (group.reason) data.reason = group.reason;
    if (group.expiredAt) data.expiredAt = group.expiredAt;
    ctx.report(code, { field: 'consent', data });
  }
}

function purposeKey(purpose: string): string {
  return purpose.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
