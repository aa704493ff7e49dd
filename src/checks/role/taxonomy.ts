/**
 * The role taxonomy: seniority levels, job functions and authority tiers, as stable
 * slugs. Sources: ../shared/research/value_truth.md §6.1 (Apollo's 11 seniorities plus
 * `unknown`, ranked), §6.2 (LinkedIn's 26 job functions plus `general_management` and
 * `unknown`), §2.6 (authority tiers).
 */

/** Highest first: the index is the rank used to compare seniorities. */
export const SENIORITIES = [
  'owner', 'founder', 'c_suite', 'partner', 'vp', 'head', 'director', 'manager', 'senior', 'entry', 'intern', 'unknown',
] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** LinkedIn's 26 job functions (urn:li:function:1…26, in that order) plus two of ours. */
export const JOB_FUNCTIONS = [
  'accounting', 'administrative', 'arts_and_design', 'business_development', 'community_and_social_services',
  'consulting', 'education', 'engineering', 'entrepreneurship', 'finance', 'healthcare_services',
  'human_resources', 'information_technology', 'legal', 'marketing', 'media_and_communication',
  'military_and_protective_services', 'operations', 'product_management', 'program_and_project_management',
  'purchasing', 'quality_assurance', 'real_estate', 'research', 'sales', 'customer_success_and_support',
  'general_management', 'unknown',
] as const;
export type JobFunction = (typeof JOB_FUNCTIONS)[number];

/** Who can buy: derived from seniority (and company size). */
export const AUTHORITIES = ['decision_maker', 'leader_influencer', 'manager', 'individual', 'none'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const NON_WORKFORCE = ['student', 'retired', 'unemployed', 'job_seeker'] as const;
export type NonWorkforce = (typeof NON_WORKFORCE)[number];

export const TITLE_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'nl', 'it'] as const;
export type TitleLanguage = (typeof TITLE_LANGUAGES)[number];

/** What `parseTitle` returns. */
export interface ParsedTitle {
  /** The title after normalisation (NFKC, whitespace, company/location suffix cut), lower case. */
  normalized: string;
  seniority: Seniority;
  function: JobFunction;
  /** A free slug under the function, e.g. `demand_generation`, `security`. */
  subFunction?: string;
  authority: Authority;
  /** Set when an ambiguous abbreviation (CRO, CSO, CPO, CCO, CDO, MD) decided a field by its default sense. */
  ambiguous?: true;
  /** Set for student, retired, unemployed, job seeker: real people, not in the workforce. */
  nonWorkforce?: NonWorkforce;
  /** Set for placeholders, keyboard mashes, an email address or URL in the title field. */
  junk?: true;
  /** The language the title's keywords matched, when one did. */
  language?: TitleLanguage;
}

/** Options for `parseTitle`. */
export interface ParseTitleOptions {
  /** The company's headcount: authority moves down the ladder in small firms (§2.6). */
  employees?: number;
}

/** Rank of a seniority: 0 is the highest (`owner`); `unknown` ranks below everything. */
export function seniorityRank(seniority: Seniority): number {
  return SENIORITIES.indexOf(seniority);
}
