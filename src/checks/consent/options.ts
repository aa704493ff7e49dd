import * as z from 'zod/mini';
import type { HmacSecret } from '../../core/hmac.js';
import { parseOptions, type OptionsOwner } from '../../core/options.js';
import { CONTACT_CHANNELS, type ContactChannel } from './jurisdictions.js';

/** An approved consent text, as registered before the form goes live. */
export interface ConsentText {
  /** The id the form sends as `consent.textId`. */
  id: string;
  /** SHA-256 (hex) of the text as rendered, as the form sends it in `consent.textHash`. */
  hash: string;
  /** ISO 8601: the text is in force from this time (inclusive). */
  validFrom?: string;
  /** ISO 8601: the text is withdrawn at this time (exclusive). */
  validTo?: string;
}

/** Options for {@link consentProvenance}. All optional. */
export interface ConsentProvenanceOptions {
  /**
   * The channels the lead will be contacted on. Default by motion: `outbound` →
   * `['email', 'phone']`, every other motion → `['email']`. Phone and SMS only count for
   * a lead with a phone, and a lead whose consent covers phone or SMS adds them.
   */
  channels?: readonly ContactChannel[];
  /** The registry of approved consent texts; without it `CONSENT_TEXT_UNKNOWN` does not run. */
  texts?: readonly ConsentText[];
  /**
   * The secret receipts are signed with (`signReceipt` in `leadgate/server`). Enables
   * `CONSENT_RECEIPT_INVALID` and makes the check async. Server only: never give a secret
   * to a gate that runs in a browser.
   */
  receiptSecret?: HmacSecret;
  /**
   * Look the email and phone up on the store's suppression list (`store.has('suppression', digest)`);
   * makes the check async. Without a store in the gate the rule cannot run (the evidence says so).
   */
  suppression?: boolean;
  /** Salt of the suppression digests: the one given to `suppress()` when the list was imported. */
  suppressionSalt?: string;
  /** The motion shares or sells leads (partner hand-offs): a GPC signal is then `CONSENT_GPC_OPTOUT`. */
  sharesData?: boolean;
  /** Consent in this motion is collected by partners: it must name the buyer (`partner.namesBuyer`). */
  collectedByPartner?: boolean;
  /**
   * Leads in this motion were not collected from the person (bought or rented lists,
   * enrichment, partner feeds): where the GDPR applies they must name their source
   * (`source.dataSource`), else `CONSENT_SOURCE_UNDISCLOSED` (GDPR Art. 14(2)(f)).
   * `collectedByPartner`, or a partner record on the consent, implies it.
   */
  fromThirdParty?: boolean;
  /** Partner consent older than this many days at delivery is `CONSENT_PARTNER_STALE`. Default 180. */
  partnerConsentMaxAgeDays?: number;
  /**
   * How long a relationship stands in for consent where the law allows it but fixes no
   * window (soft opt-in, Spam Act inferred consent). Default 24 months after a purchase,
   * 6 months after an inquiry: CASL's statutory windows, which always apply to Canada.
   */
  relationshipWindow?: { purchaseMonths?: number; inquiryMonths?: number };
}

/** The options after validation, with defaults applied and the text registry indexed by id. */
export interface ResolvedConsentOptions {
  channels: readonly ContactChannel[] | undefined;
  texts: ReadonlyMap<string, readonly ConsentText[]> | undefined;
  receiptSecret: HmacSecret | undefined;
  suppression: boolean;
  suppressionSalt: string;
  sharesData: boolean;
  collectedByPartner: boolean;
  fromThirdParty: boolean;
  partnerConsentMaxAgeDays: number;
  relationshipWindow: { purchaseMonths: number; inquiryMonths: number };
}

const isoInstant = z.string().check(z.refine((text) => /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(text) && Number.isFinite(Date.parse(text))));
const months = z.number().check(z.int(), z.positive(), z.maximum(1200));

const optionsSchema = z.strictObject({
  channels: z.optional(z.array(z.enum(CONTACT_CHANNELS)).check(z.minLength(1))),
  texts: z.optional(
    z.array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        hash: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/)),
        validFrom: z.optional(isoInstant),
        validTo: z.optional(isoInstant),
      }),
    ),
  ),
  receiptSecret: z.optional(
    z.custom<HmacSecret>(
      (value) =>
        (typeof value === 'string' && value.length >= 16) ||
        (value instanceof Uint8Array && value.length >= 16) ||
        (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'secret'),
    ),
  ),
  suppression: z.optional(z.boolean()),
  suppressionSalt: z.optional(z.string()),
  sharesData: z.optional(z.boolean()),
  collectedByPartner: z.optional(z.boolean()),
  fromThirdParty: z.optional(z.boolean()),
  partnerConsentMaxAgeDays: z.optional(z.number().check(z.int(), z.positive(), z.maximum(3650))),
  relationshipWindow: z.optional(z.strictObject({ purchaseMonths: z.optional(months), inquiryMonths: z.optional(months) })),
});

const EXPECTED: Record<keyof ConsentProvenanceOptions, string> = {
  channels: 'a non-empty array of "email", "phone", "sms"',
  texts: 'an array of { id, hash (SHA-256 hex), validFrom?, validTo? (ISO 8601) }',
  receiptSecret: 'a secret of at least 16 characters or bytes, or an HMAC CryptoKey',
  suppression: 'true or false',
  suppressionSalt: 'a string',
  sharesData: 'true or false',
  collectedByPartner: 'true or false',
  fromThirdParty: 'true or false',
  partnerConsentMaxAgeDays: 'a whole number of days from 1 to 3650',
  relationshipWindow: 'an object { purchaseMonths?, inquiryMonths? } of positive whole months',
};

const OWNER: OptionsOwner = { name: 'consentProvenance', example: "{ texts: [{ id: 'newsletter-v3', hash: '…' }] }", expected: EXPECTED };

/** Validates `consentProvenance` options once, at factory time. Throws a `LeadGateError` naming the bad option. */
export function resolveConsentOptions(input: unknown): ResolvedConsentOptions {
  const options = parseOptions(OWNER, optionsSchema, input);
  let texts: Map<string, ConsentText[]> | undefined;
  if (options.texts) {
    texts = new Map();
    for (const text of options.texts) {
      const entry: ConsentText = { ...text, hash: text.hash.toLowerCase() };
      texts.set(text.id, [...(texts.get(text.id) ?? []), entry]);
    }
  }
  return {
    channels: options.channels ? [...new Set(options.channels)] : undefined,
    texts,
    receiptSecret: options.receiptSecret,
    suppression: options.suppression ?? false,
    suppressionSalt: options.suppressionSalt ?? '',
    sharesData: options.sharesData ?? false,
    collectedByPartner: options.collectedByPartner ?? false,
    fromThirdParty: options.fromThirdParty ?? false,
    partnerConsentMaxAgeDays: options.partnerConsentMaxAgeDays ?? 180,
    relationshipWindow: {
      purchaseMonths: options.relationshipWindow?.purchaseMonths ?? 24,
      inquiryMonths: options.relationshipWindow?.inquiryMonths ?? 6,
    },
  };
}
