import { companyKey, companyKeySimilarity } from '../company-name.js';
import type { Account } from './account-store.js';
import { normalisedHost } from './account-store.js';

/** What agreed between the lead and an account. */
export type MatchSignal = 'email_domain' | 'website_domain' | 'name_exact' | 'name_fuzzy' | 'country' | 'phone';

/** How far a match can be trusted (see {@link judgeCandidate}). */
export type MatchStrength = 'strong' | 'medium' | 'weak';

/** The lead's side of the comparison, normalised once. */
export interface LeadSignals {
  /** Email domain, only when it is a company's (not free-mail, not disposable). */
  emailDomain?: string;
  websiteHost?: string;
  companyName?: string;
  country?: string;
  phone?: string;
}

/** One account judged against the lead. */
export interface CandidateJudgement {
  account: Account;
  /** 3 domain, 2 exact name, 1 fuzzy name with a second signal, 0 no match. */
  tier: 0 | 1 | 2 | 3;
  signals: MatchSignal[];
  /** Sum of the signals' weights: the first tie-breaker inside a tier. */
  score: number;
  nameSimilarity: number;
  strength?: MatchStrength;
  /** Why a candidate with a name in common did not match. */
  rejected?: 'name_unconfirmed' | 'country_conflict';
}

/** The outcome of lead-to-account matching. */
export type MatchOutcome =
  | { status: 'matched'; judgement: CandidateJudgement; candidates: number; tieBreak?: 'signals' | 'name_similarity' | 'contacts' }
  | { status: 'ambiguous'; judgements: CandidateJudgement[]; candidates: number }
  | { status: 'unmatched'; reason: 'no_signal' | 'not_found' | 'name_unconfirmed' | 'country_conflict'; candidates: number; nearMiss?: CandidateJudgement };

// Weights for ranking candidates of one tier. An email domain names the employer most
// reliably ("corporate email domain (high accuracy)", https://gtmepulse.com/glossary/lead-to-account-matching/);
// a switchboard number is nearly as specific; a shared country says little on its own.
const WEIGHTS: Record<MatchSignal, number> = { email_domain: 8, website_domain: 6, name_exact: 4, phone: 3, name_fuzzy: 2, country: 1 };

/**
 * Judges one account against the lead. The rules, after LeanData's matching algorithm
 * ("an exact company-name match alone, or a close name match plus one supporting
 * criterion": https://leandatahelp.zendesk.com/hc/en-us/articles/360022809673):
 *
 * - tier 3, domain: the lead's email domain or website is one of the account's domains
 *   or a subdomain of one (`eu.acme.com` → `acme.com`). A free-mail domain never counts.
 * - tier 2, exact name: the names are equal after `companyKey` (legal forms, case,
 *   punctuation, "&"/"and", accents), unless the lead's country contradicts the account's
 *   and no phone agrees (one name, two countries: often two accounts).
 * - tier 1, fuzzy name: the names are at least `threshold` alike (`companyNameSimilarity`)
 *   AND a second signal agrees: the country or the phone.
 *
 * Strength: `strong` for an email domain, or a website with a name; `medium` for a
 * website alone, or an exact name with a country or phone; `weak` for an exact name
 * alone or a fuzzy name with its second signal.
 */
export function judgeCandidate(lead: LeadSignals, account: Account, threshold: number): CandidateJudgement {
  const signals: MatchSignal[] = [];
  const domains = account.domains.map((domain) => normalisedHost(domain) ?? domain.toLowerCase());
  const onDomain = (host: string | undefined) => host !== undefined && domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  if (onDomain(lead.emailDomain)) signals.push('email_domain');
  if (onDomain(lead.websiteHost)) signals.push('website_domain');

  const leadKey = lead.companyName === undefined ? '' : companyKey(lead.companyName);
  const nameSimilarity = leadKey === '' ? 0 : companyKeySimilarity(leadKey, companyKey(account.name));
  if (nameSimilarity === 1) signals.push('name_exact');
  else if (nameSimilarity >= threshold) signals.push('name_fuzzy');

  const countryKnown = lead.country !== undefined && account.country !== undefined;
  if (countryKnown && lead.country === account.country) signals.push('country');
  if (lead.phone !== undefined && account.phone !== undefined && samePhone(lead.phone, account.phone)) signals.push('phone');

  const has = (signal: MatchSignal) => signals.includes(signal);
  const score = signals.reduce((sum, signal) => sum + WEIGHTS[signal], 0);
  const judgement: CandidateJudgement = { account, tier: 0, signals, score, nameSimilarity: round(nameSimilarity) };
  if (has('email_domain') || has('website_domain')) {
    judgement.tier = 3;
    judgement.strength = has('email_domain') || has('name_exact') || has('name_fuzzy') ? 'strong' : 'medium';
  } else if (has('name_exact')) {
    if (countryKnown && !has('country') && !has('phone')) judgement.rejected = 'country_conflict';
    else {
      judgement.tier = 2;
      judgement.strength = has('country') || has('phone') ? 'medium' : 'weak';
    }
  } else if (has('name_fuzzy')) {
    if (has('country') || has('phone')) {
      judgement.tier = 1;
      judgement.strength = 'weak';
    } else judgement.rejected = 'name_unconfirmed';
  }
  return judgement;
}

/**
 * Picks the lead's account among the store's candidates. Ties are broken by these
 * rules, in order, and what broke the tie is reported (`tieBreak`):
 *
 * 1. the higher tier (domain, then exact name, then confirmed fuzzy name);
 * 2. the higher signal score (an email domain outweighs a website; a name or phone that
 *    also agrees adds weight): `signals`;
 * 3. the more similar name: `name_similarity`;
 * 4. the account with more contacts, as Demandbase does when several accounts share a
 *    domain ("we match to the account with the highest number of contact records",
 *    https://support.demandbase.com/hc/en-us/articles/360050118432): `contacts`.
 *
 * Still tied: `ambiguous`, and a person picks (`GROUP_ACCOUNT_AMBIGUOUS`).
 */
export async function matchAccount(
  lead: LeadSignals,
  candidates: readonly Account[],
  threshold: number,
  contactCount: (accountId: string) => Promise<number>,
): Promise<MatchOutcome> {
  if (!lead.emailDomain && !lead.websiteHost && !(lead.companyName && companyKey(lead.companyName))) {
    return { status: 'unmatched', reason: 'no_signal', candidates: candidates.length };
  }
  const judged = candidates.map((account) => judgeCandidate(lead, account, threshold));
  const matched = judged.filter((judgement) => judgement.tier > 0);
  if (matched.length === 0) {
    const nearMiss = judged.filter((judgement) => judgement.rejected).sort((a, b) => b.nameSimilarity - a.nameSimilarity)[0];
    if (nearMiss) return { status: 'unmatched', reason: nearMiss.rejected!, candidates: candidates.length, nearMiss };
    return { status: 'unmatched', reason: 'not_found', candidates: candidates.length };
  }
  let best = keepBest(matched, (judgement) => judgement.tier);
  if (best.length === 1) return { status: 'matched', judgement: best[0]!, candidates: candidates.length };
  const rules: Array<['signals' | 'name_similarity' | 'contacts', (judgement: CandidateJudgement) => number | Promise<number>]> = [
    ['signals', (judgement) => judgement.score],
    ['name_similarity', (judgement) => judgement.nameSimilarity],
    ['contacts', (judgement) => contactCount(judgement.account.id)],
  ];
  for (const [rule, measure] of rules) {
    const values = await Promise.all(best.map(measure));
    const top = Math.max(...values);
    best = best.filter((_, i) => values[i] === top);
    if (best.length === 1) return { status: 'matched', judgement: best[0]!, candidates: candidates.length, tieBreak: rule };
  }
  return { status: 'ambiguous', judgements: best, candidates: candidates.length };
}

function keepBest(judgements: CandidateJudgement[], measure: (judgement: CandidateJudgement) => number): CandidateJudgement[] {
  const top = Math.max(...judgements.map(measure));
  return judgements.filter((judgement) => measure(judgement) === top);
}

/**
 * Two phone numbers written differently are the same line when their digits agree: all
 * of them, or the last nine when both have at least nine (so `+44 20 7946 0958` and
 * `020 7946 0958` agree). Fewer than six digits is no number to compare.
 */
export function samePhone(a: string, b: string): boolean {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  if (x.length < 6 || y.length < 6) return false;
  if (x.length >= 9 && y.length >= 9) return x.slice(-9) === y.slice(-9);
  return x === y;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
