import { BASE_ACTIONS, BASE_CHECKS, definePreset } from './shared.js';

/**
 * Account-based marketing: named target accounts, so a lead must be tied to its
 * company. A free-mail or shared-inbox address cannot be matched to an account.
 */
export const abm = definePreset({
  name: 'abm',
  version: '1.2.0',
  description: 'Named target accounts: a lead must be a person tied to the company, so free-mail and role addresses are rejected.',
  checks: {
    ...BASE_CHECKS,
    role: { required: true, maxAgeDays: 180 },
    // source check: many people from one target account is the buying group ABM wants, so the domain is not counted.
    source: { velocity: Object.freeze({ domain: false }) },
    consent: {},
    // ICP fit (icp check): the account list already selected for fit, so the score informs, not gates.
    icp: { fitFloor: 50 },
  },
  actions: {
    ...BASE_ACTIONS,
    // Every persona at a target account counts, so no seniority floor, but the functions the
    // buying group is made of do (research §5).
    ROLE_NOT_WORKFORCE: 'reject',
    ROLE_FUNCTION_OUT_OF_SCOPE: 'reject',
    EMAIL_FREE_PROVIDER: 'reject',
    EMAIL_ROLE_ACCOUNT: 'reject',
    // consent check: as outbound for the basis (enriched contacts are not collected from the
    // person: EU/UK need a legitimate-interest assessment, research §1.5 CP-14 "REJECT from
    // automated sequences"), as inbound for form submissions: a pre-ticked box strips the
    // consent and keeps the person (CP-01), while the basis rule still rejects without an LIA.
    CONSENT_BASIS_MISSING: 'reject',
    CONSENT_PRETICKED: 'flag',
    // ICP fit (icp check). The account is the unit: a lead that names no account, or an account in
    // an excluded industry, cannot be worked. Fit under the floor and size/revenue/tech misses are
    // noted only: account selection already weighed them (research §5: fit gate off for abm).
    ICP_COMPANY_MISSING: 'reject',
    ICP_INDUSTRY_EXCLUDED: 'reject',
    // Outside the include list is a miss account selection already weighed (value_truth.md B2,
    // "ABM: skip when the account is on the target list"), as size is.
    ICP_INDUSTRY_NOT_INCLUDED: 'flag',
    ICP_SIZE_OUT_OF_RANGE: 'flag',
    ICP_REVENUE_OUT_OF_RANGE: 'flag',
    ICP_TECH_MISMATCH: 'flag',
    ICP_FIT_LOW: 'flag',
    // group: the account is the unit (research §5: L2A required, coverage drives priority).
    // The check joins the gate with `checks: [buyingGroup({ accounts })]`: an account store
    // is not plain data, so this preset names only its actions. A lead outside the target
    // list, or tied to no account, is out of scope; a thin group or one with nobody who
    // can sign goes to a person to multithread (coverage is in the group's evidence).
    GROUP_ACCOUNT_UNMATCHED: 'reject',
    GROUP_ACCOUNT_AMBIGUOUS: 'review',
    GROUP_NOT_TARGET_ACCOUNT: 'reject',
    GROUP_ROLE_UNMAPPED: 'review',
    GROUP_COVERAGE_LOW: 'review',
    GROUP_NO_DECISION_MAKER: 'review',
  },
  onError: 'review',
});
