import type { CodeSpec } from '../../core/check.js';

/**
 * The rejection codes of the `group` check (buying-group context). Keys are stable
 * public API. Rules and sources: ../shared/research/value_truth.md §4 (sub-rules C1–C8).
 * Most are about the account, not the person: the form shows a neutral message.
 */
export const GROUP_CODES = {
  GROUP_ACCOUNT_UNMATCHED: {
    message: 'We could not match your company. Please check the company name and your work email.',
    meaning:
      'No account in the account store matches the lead (research §4.2, LeanData). data.reason: no_signal (no company email domain, website or company name), not_found (no account shares a domain or a close name), name_unconfirmed (a close name only, with no agreeing country or phone: data.nearMiss), country_conflict (the same name, in another country).',
    fix: 'Use a work email at the company\'s domain and its full name; or add the account (or its other domains) to the account store.',
  },
  GROUP_ACCOUNT_AMBIGUOUS: {
    message: 'We could not tell which of several companies you belong to.',
    meaning:
      'Several accounts match equally well after every tie-breaker (tier, signal score, name similarity, contact count), e.g. two CRM accounts with the same domain and the same number of contacts. data.candidates lists their ids. The buying group is not updated.',
    fix: 'Merge the duplicate accounts in the CRM, or give each its own domains; a person routes this lead meanwhile.',
  },
  GROUP_NOT_TARGET_ACCOUNT: {
    message: 'This offer is for selected companies.',
    meaning: 'The lead matched an account that is not on the target account list (its record does not say target: true). In account-based marketing the account is the unit, so a lead outside the list is out of scope.',
    fix: 'Nothing to fix for the lead; add the account to the target list (target: true) if sales should work it.',
  },
  GROUP_ROLE_UNMAPPED: {
    message: 'We could not tell your role in the buying decision.',
    meaning:
      'No persona fits the lead\'s title, so it has no buying role (research §4.5, C5; Demandbase personas). With the default personas: interns, individual contributors outside the target functions, and titles whose level or function parseTitle cannot tell. data: seniority, function.',
    fix: 'Ask for a job title on the form; or add a persona (function, seniority, title keywords) for the people who fill it in.',
  },
  GROUP_ROLE_COVERED: {
    message: 'Someone in this role at your company is already in touch with us.',
    meaning: 'Another contact at the account already plays the lead\'s buying role (data.role, data.holders), so the lead adds a person but no coverage (research §4.5, C6). A note for routing, not a defect.',
    fix: 'Nothing to fix; route the lead to the account owner, who already works with someone in this role.',
  },
  GROUP_COVERAGE_LOW: {
    message: 'We will put you in touch with the right team.',
    meaning:
      'After this lead, the weighted share of required buying roles the account\'s contacts fill (data.coverage) is below the minimum (data.minCoverage, default 0.5); data.missingRoles lists the gaps, heaviest first (research §4.3, Salesforce CompletenessPercent; §4.5, C7).',
    fix: 'Nothing to fix for the lead; sales multithreads into the account to reach the missing roles.',
  },
  GROUP_NO_DECISION_MAKER: {
    message: 'We will put you in touch with the right team.',
    meaning: 'Neither a decision maker nor a budget holder is among the account\'s contacts, this lead included (research §4.5, C8): the group as known cannot sign a deal.',
    fix: 'Nothing to fix for the lead; sales looks for the decision maker or budget holder at the account.',
  },
  GROUP_CONTACT_EXISTS: {
    message: 'Welcome back: we already have your details.',
    meaning: 'The person (matched by the digest of their email) is already a contact of the account, so the lead is a returning contact and the group is not changed.',
    fix: 'Nothing to fix; route the lead to the contact\'s owner instead of creating a duplicate.',
  },
  GROUP_OWNERSHIP_CONFLICT: {
    message: 'This company is already looked after by one of our teams.',
    meaning: 'A partner lead (lead.source.partnerId) matched an account that is registered to another partner (data.ownedBy: partner) or owned by direct sales with no partner (data.ownedBy: direct): a channel conflict to settle before anyone works the lead.',
    fix: 'Settle ownership under the partner programme rules (deal registration); reassign the account or the lead.',
  },
} as const satisfies Record<string, CodeSpec>;

/** A rejection code of the `group` check. */
export type GroupCode = keyof typeof GROUP_CODES;
