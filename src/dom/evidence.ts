import type { ConsentEvidence, SourceEvidence } from '../core/lead.js';
import type { ConsentControl } from './consent.js';

/** The UTM parameters the source evidence carries (Google Analytics campaign URL builder names). */
export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

const MAX_UTM_LENGTH = 200;

/** The UTM parameters of a page URL; absent and empty ones are left out. */
export function utmParameters(pageUrl: string): Partial<Record<(typeof UTM_KEYS)[number], string>> {
  const out: Partial<Record<(typeof UTM_KEYS)[number], string>> = {};
  let params: URLSearchParams;
  try {
    params = new URL(pageUrl).searchParams;
  } catch {
    return out;
  }
  for (const key of UTM_KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value.slice(0, MAX_UTM_LENGTH);
  }
  return out;
}

/** What the page knows about where the lead came from, as `lead.source` carries it. */
export function sourceEvidence(facts: {
  pageUrl: string;
  referrer: string;
  formId: string;
  formToken: string | undefined;
  honeypot: string | undefined;
  timeOnFormMs: number;
}): SourceEvidence {
  return {
    ...utmParameters(facts.pageUrl),
    ...(facts.referrer ? { referrer: facts.referrer } : {}),
    pageUrl: facts.pageUrl,
    formId: facts.formId,
    ...(facts.formToken ? { formToken: facts.formToken } : {}),
    ...(facts.honeypot === undefined ? {} : { honeypot: facts.honeypot }),
    timeOnFormMs: Math.max(0, Math.round(facts.timeOnFormMs)),
  };
}

/**
 * The evidence a form binding sends with a lead: the consent box as the visitor saw and
 * left it (when the form has one), and the source facts with the time since the form
 * appeared (`now - startedAt`).
 */
export function formEvidence(facts: {
  consent: ConsentControl | undefined;
  /** SHA-256 of the consent text as shown, when known. */
  textHash: string | undefined;
  now: number;
  startedAt: number;
  pageUrl: string;
  referrer: string;
  formId: string;
  formToken: string | undefined;
  honeypot: string | undefined;
}): { consent?: ConsentEvidence; source: SourceEvidence } {
  return {
    ...(facts.consent ? { consent: facts.consent.evidence(new Date(facts.now).toISOString(), facts.pageUrl, facts.textHash) } : {}),
    source: sourceEvidence({
      pageUrl: facts.pageUrl,
      referrer: facts.referrer,
      formId: facts.formId,
      formToken: facts.formToken,
      honeypot: facts.honeypot,
      timeOnFormMs: facts.now - facts.startedAt,
    }),
  };
}
