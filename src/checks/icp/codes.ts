import type { CodeSpec } from '../../core/check.js';

/**
 * The rejection codes of the `icp` check. Keys are stable public API; `message` is what
 * the person at the form reads (kept neutral: a form must not tell a competitor it was
 * spotted), `meaning` and `fix` feed `docs/codes.md`. Rules and sources:
 * ../shared/research/value_truth.md §3.4 (sub-rules B1–B9) and §5 (motion profiles).
 */
export const ICP_CODES = {
  ICP_COMPANY_MISSING: {
    message: 'Enter your company name.',
    meaning:
      'No company can be identified: no company name (or a placeholder such as "n/a"), no usable website, and an email address at a free-mail or disposable provider (or none). Without the account, firmographic fit, customer status and routing cannot be decided (research §3.4 B1).',
    fix: 'Ask for the company name or the work email address on the form; map the company column when importing a list.',
  },
  ICP_INDUSTRY_EXCLUDED: {
    message: 'This offer is not available for your industry.',
    meaning:
      'The lead\'s industry (data.industry, a NAICS code or a label mapped to one) is under a prefix of the profile\'s industries.exclude (data.reason "excluded"): a hard disqualifier (research value_truth.md B2: in the exclude list → fail). Before 1.1.0 this code also covered a known industry outside industries.include, which is now ICP_INDUSTRY_NOT_INCLUDED. An unknown industry is never this code: it lowers the fit score instead.',
    fix: 'Nothing to fix if the industry is right; check the industry value or the profile\'s NAICS prefixes and label map.',
  },
  ICP_INDUSTRY_NOT_INCLUDED: {
    message: 'This offer is not designed for your industry.',
    meaning:
      'The lead\'s industry (data.industry) is known and under none of the profile\'s industries.include prefixes (data.reason "not_included"). Not a disqualifier but a judgement: the include list describes who buys today, not who may (research value_truth.md B2: not in the include list → review). An unknown industry is never this code.',
    fix: 'Check the industry value; add the NAICS prefix to industries.include if such companies do buy.',
  },
  ICP_SIZE_OUT_OF_RANGE: {
    message: 'This offer is not designed for companies of your size.',
    meaning: 'The company\'s employee count (data.employees; a band such as "51-200" counts as its midpoint) is outside the profile\'s employees range (data.min, data.max). An unknown size is never this code.',
    fix: 'Check the employee count; widen the profile\'s employees range if such companies do buy.',
  },
  ICP_REVENUE_OUT_OF_RANGE: {
    message: 'This offer is not designed for companies of your size.',
    meaning: 'The company\'s annual revenue (data.revenue) is outside the profile\'s revenue range (data.min, data.max), in whatever currency unit the profile and the leads share. An unknown revenue is never this code.',
    fix: 'Check the revenue figure and its unit (units, not thousands); widen the profile\'s revenue range if such companies do buy.',
  },
  ICP_GEO_EXCLUDED: {
    message: 'We cannot offer this service in your country.',
    meaning:
      'The lead\'s country (data.country) is under comprehensive sanctions (data.reason "sanctioned": Cuba, Iran, North Korea; OFAC and EU, see src/data/sanctioned-countries.ts) or in the profile\'s countries.exclude ("excluded"). Sanctions apply in every motion, customers included. Before 1.1.0 this code also covered a country outside countries.include, which is now ICP_GEO_NOT_SERVED.',
    fix: 'Nothing to fix for a sanctioned country. Otherwise check the country value, or the profile\'s exclude list.',
  },
  ICP_GEO_NOT_SERVED: {
    message: 'We do not serve your country yet.',
    meaning:
      'The lead\'s country (data.country) is outside the profile\'s countries.include, the regions served, and neither sanctioned nor excluded (data.reason "not_included"). A judgement, not a disqualifier (research value_truth.md B5: outside served regions → review): a partner may serve it, or it may be next.',
    fix: 'Check the country value; add the country to countries.include when the territory is served.',
  },
  ICP_TECH_MISMATCH: {
    message: 'This offer requires technology your company does not use.',
    meaning:
      'The company\'s known technologies (lead.tech) include one of the profile\'s technologies.excluded (data.reason "excluded", data.technology), or none of technologies.required (data.reason "required_missing"; any one of them is enough). An unknown tech stack is never this code.',
    fix: 'Check the technographic data (enrichment is often out of date); adjust the profile\'s technology lists if the product fits anyway.',
  },
  ICP_COMPETITOR: {
    message: 'We cannot process this request online. Please contact us directly.',
    meaning: 'The email domain or website (data.domain) is, or is under, one of the profile\'s competitor domains. Competitors research pricing and roadmaps through demo forms; sales should not work them as leads (research §3.2, hard disqualifiers).',
    fix: 'Nothing to fix if the domain is right; remove the domain from the profile\'s competitors if the company is no longer one.',
  },
  ICP_EXISTING_CUSTOMER: {
    message: 'Thank you. Your account team will be in touch.',
    meaning: 'The email domain or website (data.domain) belongs to one of the profile\'s customer domains, in a new-logo motion (inbound, abm, outbound, partner). The lead is real but belongs to the account team: route it to the expansion motion, not to new-business sales (research §3.4 B7).',
    fix: 'Route the lead to the customer\'s account owner, or validate it under the expansion motion.',
  },
  ICP_NOT_CUSTOMER: {
    message: 'This offer is for existing customers.',
    meaning: 'The motion is for existing customers (expansion) and the lead\'s domain (data.domain) is none of the profile\'s customer domains. Only reported when the profile lists customers and the lead has a company domain; otherwise customer status is unknown, which is no finding.',
    fix: 'Check the customer list (subsidiaries and regional domains must be listed too), or route the lead to a new-logo motion.',
  },
  ICP_FIT_LOW: {
    message: 'Thank you. This offer may not be the right fit for your company.',
    meaning:
      'The fit score (data.fit, 0–100, from industry, size, revenue, country, technologies, seniority and function; evidence lists what added, what subtracted and what was unknown) is below the motion\'s fit floor (data.floor): 50 for inbound, 70 for outbound by default (research §5, MadKudu cut-offs).',
    fix: 'Read the factors in the check\'s evidence; enrich the unknown attributes, or lower the profile\'s fitFloor if such leads do convert.',
  },
  ICP_INTENT_LOW: {
    message: 'Thank you for your interest.',
    meaning:
      'The lead has behaviour data, but its time-decayed intent score (data.intent) is below the intent floor (data.floor; by default the MQL threshold: 100 points, 200 in expansion). Informational: low engagement is a reason to nurture, never to reject (research §3.4 B9). A lead with no behaviour data never gets this code.',
    fix: 'Nothing to fix: nurture the lead. Tune the profile\'s signals or intentFloor if engaged leads land here.',
  },
} as const satisfies Record<string, CodeSpec>;

/** A rejection code of the `icp` check. */
export type IcpCode = keyof typeof ICP_CODES;
