import type { CodeSpec } from '../../core/check.js';

/**
 * The rejection codes of the `role` check. Keys are stable public API; `message` is what
 * the person at the form reads, `meaning` and `fix` feed `docs/codes.md`. Rules and
 * sources: ../shared/research/value_truth.md §2.2 (sub-rules A1–A10).
 */
export const ROLE_CODES = {
  ROLE_MISSING: {
    message: 'Enter your job title.',
    meaning: 'The lead has no job title (and no enrichment supplied one), and the motion requires one (abm and outbound do), so sales cannot tell who they would be talking to.',
    fix: 'Make the job title field required on the form, or map the column that holds it when importing a list.',
  },
  ROLE_JUNK: {
    message: 'Enter your real job title.',
    meaning:
      'The title is a placeholder or a keyboard mash ("test", "n/a", "asdf", "xxx", "me", "-"), or an email address or URL typed into the title field (research §2.4). Owner, founder, freelancer, consultant and self-employed are real titles and never this code.',
    fix: 'Type the job title as it appears on a business card or LinkedIn.',
  },
  ROLE_MALFORMED: {
    message: 'This job title does not look right. Please check it.',
    meaning: 'The title has fewer than 2 letters, is longer than 128 characters, or is made of digits and symbols only (research §2.2, A3).',
    fix: 'Enter a short job title in words, e.g. "Head of Marketing".',
  },
  ROLE_NOT_WORKFORCE: {
    message: 'This form is for people buying for a business.',
    meaning: 'The title says the person is not in work (data.status: student, retired, unemployed, job_seeker). A real person, but not a buyer. Interns and working students are in work and are judged by the seniority floor instead.',
    fix: 'Nothing to fix if the title is true; route the lead to the right programme (education, community) rather than to sales.',
  },
  ROLE_UNRECOGNISED: {
    message: 'We could not recognise this job title.',
    meaning: 'The parser found neither a seniority nor a function in the title (an unusual wording, a language it does not know, or a typo). The lead may be fine; a person should look.',
    fix: 'Use a common wording for the title; report titles that should be recognised so the lexicon can learn them.',
  },
  ROLE_SENIORITY_LOW: {
    message: 'This offer is for {floor}-level roles and above.',
    meaning: 'The title\'s seniority (data.seniority) ranks below the floor the motion sets (data.floor), on the ladder owner > founder > c_suite > partner > vp > head > director > manager > senior > entry > intern.',
    fix: 'Nothing to fix if the title is true; the lead may be a user or champion rather than a buyer, so route it accordingly or lower the floor.',
  },
  ROLE_FUNCTION_OUT_OF_SCOPE: {
    message: 'This offer is for people in {targets}.',
    meaning: 'The title\'s function (data.function) is not one of the target functions given to the check (data.targets), e.g. an HR title on a sales-tools campaign. Only reported when the function was recognised and targets are set.',
    fix: 'Check the targeting of the campaign or list; widen the functions option if the function is in fact a buyer.',
  },
  ROLE_STALE: {
    message: 'We could not confirm that this job title is current.',
    meaning:
      'The enrichment record behind the title was last verified data.ageDays days ago, more than the motion allows (data.maxAgeDays). B2B contact data decays about 2.1% a month, about 22.5% a year (research §2.7, MarketingSherpa via HubSpot), so an old record is often a former job.',
    fix: 'Re-verify the contact with the enrichment provider, or ask the lead to confirm their title.',
  },
  ROLE_CHANGED: {
    message: 'Your job title or employer seems to have changed. Please confirm it.',
    meaning:
      'Enrichment shows another employer than the lead gave (data.reason "employer"), or a current title two or more seniority ranks away from the one typed (data.reason "seniority", with data.typed and data.enriched). For existing customers a champion moving on is a signal, not a defect.',
    fix: 'Confirm the current title and employer with the lead; update the CRM record.',
  },
  ROLE_EMPLOYER_MISMATCH: {
    message: 'Your email domain does not match your employer.',
    meaning: 'The email\'s domain (data.domain) is unrelated to the domain of the employer enrichment reports (data.employerDomain): a personal domain, an agency, a parent or a former employer.',
    fix: 'Use the address at the current employer\'s domain, or check the enrichment record.',
  },
} as const satisfies Record<string, CodeSpec>;

/** A rejection code of the `role` check. */
export type RoleCode = keyof typeof ROLE_CODES;
