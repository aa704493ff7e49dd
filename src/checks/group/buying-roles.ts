/**
 * The buying-group roles, as stable slugs: HubSpot's contact property `hs_buying_role`
 * (DECISION_MAKER, BUDGET_HOLDER, EXECUTIVE_SPONSOR, CHAMPION, INFLUENCER, END_USER,
 * LEGAL_AND_COMPLIANCE, OTHER) plus Salesforce's technical evaluator and procurement
 * (research: ../shared/research/value_truth.md §1.3 and §6.3). Salesforce's "Economic
 * Buyer" is `budget_holder`, its "Business User" is `end_user`.
 *
 * `champion` is behavioural: a person (an account executive, the CRM) says who it is.
 * It is never inferred from a job title (research §4.4), so no persona may give it.
 * HubSpot's BLOCKER is behavioural too and has no place in coverage; it is not a role here.
 */
export const BUYING_ROLES = [
  'decision_maker', 'budget_holder', 'executive_sponsor', 'champion', 'influencer',
  'technical_evaluator', 'end_user', 'procurement', 'legal_and_compliance', 'other',
] as const;

/** A buying-group role. */
export type BuyingRole = (typeof BUYING_ROLES)[number];

/** The roles a person must assign: a job title never says them (research §4.4). */
export const ASSIGNED_ONLY_ROLES: ReadonlySet<BuyingRole> = new Set(['champion']);

/** The roles that can sign: a group without one of them cannot close (research §4.5, C8). */
export const DECIDING_ROLES: ReadonlySet<BuyingRole> = new Set(['decision_maker', 'budget_holder']);
