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
 * left it (when the form has one; `textHash` is the SHA-256 of its text as shown, when
 * known), and the source facts.
 */
export function formEvidence(
  consent: ConsentControl | undefined,
  textHash: string | undefined,
  now: number,
  source: Parameters<typeof sourceEvidence>[0],
): { consent?: ConsentEvidence; source: SourceEvidence } {
  return {
    ...(consent ? { consent: consent.evidence(new Date(now).toISOString(), source.pageUrl, textHash) } : {}),
    source: sourceEvidence(source),
  };
}
