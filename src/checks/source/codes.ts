import type { CodeSpec } from '../../core/check.js';

/**
 * The rejection codes of the `source` check. Keys are stable public API; `message` is
 * what the person at the form reads, `meaning` and `fix` feed `docs/codes.md`. Rules and
 * sources: ../shared/research/compliance_source.md §2 (catalogue SV-01…SV-13).
 *
 * Messages for the bot signals are deliberately bland: a bot that is told "honeypot
 * filled" learns to leave it empty (research §2.5.1, kiwee.eu).
 */
export const SOURCE_CODES = {
  SOURCE_ORIGIN_NOT_ALLOWED: {
    message: 'This form cannot be submitted from here.',
    meaning:
      'The request\'s Origin (or, when a client sent no Origin, the origin of its Referer) is not on the check\'s allowedOrigins list of exact scheme://host[:port] values (data.origin). Browsers set Origin on every POST and page scripts cannot forge it, so a browser submission from another site is a form embedded or replayed elsewhere (research SV-01, MDN Origin). A missing Origin or Referer is never this code but SOURCE_UNAUTHENTICATED.',
    fix: 'Add the site that hosts the form to allowedOrigins (scheme, host and port exactly as the browser sends them), or post from a listed site.',
  },
  SOURCE_UNAUTHENTICATED: {
    message: 'This form cannot be submitted from here.',
    meaning:
      'The check has an allowedOrigins list, and the request carried no Origin, no Referer and no credential the check verifies (a form token with formTokenSecret, a partner token with partners). Browsers send Origin on every POST, so this is a server-to-server post, which must authenticate itself (research SV-01: "origin absent: the request must take the server-to-server path, otherwise REJECT"; SV-04). Not reported with serverPosts: "trusted".',
    fix: 'Post from a listed site, send the form token or partner token, or, when your own backend authenticates the posts and calls the gate, set serverPosts: "trusted".',
  },
  SOURCE_UNATTRIBUTED: {
    message: 'We could not tell where this lead came from.',
    meaning:
      'Attribution the motion requires is missing (data.missing): a partner id (requirePartner, the partner motion) or a utm_source (requireUtmSource). A utm_source never stands in for a partner id: UTMs are copied freely, so a paid partner is only credited through its own id and signed token (research §2.3).',
    fix: 'Send source.partnerId with partner leads (and source.utm_source where required); check the partner\'s feed mapping or the form\'s hidden UTM fields.',
  },
  SOURCE_TOKEN_INVALID: {
    message: 'This lead could not be verified.',
    meaning:
      'A partner lead\'s signed token (source.partnerToken, "t=<unix seconds>,v1=<HMAC-SHA256>") is missing, malformed, for an unknown partner, does not verify over partnerId.timestamp.body, is more than the tolerance (default 300 s) away from the receive time, or was used before (data.problem). Modelled on Standard Webhooks (research §2.2, SV-04): only a partner holding the shared secret can make one, once.',
    fix: 'Sign each lead with the partner\'s current secret just before sending it (signPartnerToken in leadgate/server), keep the partner\'s clock in sync (NTP), and never resend a token: sign again.',
  },
  SOURCE_HONEYPOT: {
    message: 'This submission could not be accepted.',
    meaning:
      'The hidden honeypot field (source.honeypot) has a value. People never see it and leave it empty; form-filling bots fill every field (research §2.5.1, SV-06). Answering normally and dropping the lead keeps the bot from adapting.',
    fix: 'Nothing for a person to fix. If real people trip it, check that the field is hidden from view, labelled "leave empty" for assistive technology, and has autocomplete="off" so browsers do not autofill it.',
  },
  SOURCE_TOO_FAST: {
    message: 'That was quick. Please take a moment and submit the form again.',
    meaning:
      'The form was submitted sooner after it rendered (data.ageMs, measured by the server\'s signed form token) than a person can fill it in (data.minMs, default 3 s). Only a script is that fast (research §2.5.2, SV-07). The token is spent, so the same bot cannot retry with it.',
    fix: 'Nothing for a person to fix beyond reloading the form. If a short form (one field) trips it, lower the minSubmitMs option for that form.',
  },
  SOURCE_FORM_TOKEN_INVALID: {
    message: 'This form has expired. Please reload the page and submit it again.',
    meaning:
      'The signed form render token (source.formToken, from issueFormToken) is missing, malformed, forged, for another form, from the future, older than 2 hours, or used before (data.problem). Without a valid token the server cannot tell when the form was rendered or that this submission is the first (research §2.5.2, SV-07).',
    fix: 'Reload the form to get a new token; make the page fetch a token when it renders (and again when it has been open for hours), and send it back unchanged as source.formToken.',
  },
  SOURCE_VELOCITY: {
    message: 'We have received several submissions for these details. Please try again later.',
    meaning:
      'More submissions for the same person than the limit allows in a window: data.key is "email" (normalised for dedupe, so Gmail dot and +tag variants count as one) or "phone" (E.164), with data.count, data.limit and data.windowMs. Form stuffing and retry loops look like this (research §2.4, SV-11: OWASP anti-automation).',
    fix: 'Wait for the window to pass. If a legitimate flow submits one person repeatedly (a multi-step form), raise the velocity limit for that key.',
  },
  SOURCE_VELOCITY_SHARED: {
    message: 'We have received many submissions from your network or company. Your request will be reviewed.',
    meaning:
      'More submissions than the limit allows in a window for a key many people share: data.key is "ip" (IPv4 address, or the IPv6 /64) or "domain" (a company email domain; free-mail domains are not counted), with data.count, data.limit and data.windowMs. Offices and mobile carriers put many people behind one address, so a person looks before anything is rejected (research §2.4, SV-11: IP above limit → review).',
    fix: 'Nothing for a person to fix. If one office or event legitimately sends many leads, raise the limit for that key or disable it for the motion.',
  },
  SOURCE_DUPLICATE: {
    message: 'We already have your details.',
    meaning:
      'The same person (data.key "email", normalised with provider rules: lower case, Gmail dots and +tags removed, +tags removed elsewhere; or "phone" as E.164) already arrived within the lookback window (data.lookbackDays). Recycled and resold leads look like this, and two sources claiming one person is an attribution question (research §2.4, SV-12).',
    fix: 'Merge the lead with the existing record in the CRM; for partner leads, settle attribution per the partner contract (first valid submission wins).',
  },
  SOURCE_STALE: {
    message: 'This lead is too old to be processed.',
    meaning:
      'The lead was captured (source.capturedAt) longer ago than the motion accepts (data.ageDays against data.maxAgeDays), its capture time cannot be read, or lies in the future (data.reason). Old and resold leads are a known lead-generation fraud pattern, and consent ages with them (research §2.4, SV-13).',
    fix: 'Ask the partner or list vendor for fresh leads with an ISO 8601 capturedAt; re-confirm interest and consent with the person before contacting them.',
  },
} as const satisfies Record<string, CodeSpec>;

/** A rejection code of the `source` check. */
export type SourceCode = keyof typeof SOURCE_CODES;
