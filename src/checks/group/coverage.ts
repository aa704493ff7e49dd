import { DECIDING_ROLES, type BuyingRole } from './buying-roles.js';

/** A role an account's buying group needs, and how much it counts (Salesforce `WeightContributionNbr`). */
export interface RoleRequirement {
  role: BuyingRole;
  /** Default 1. */
  weight?: number;
}

// Six roles, within Gartner's 6–10 buyers per purchase (research §4.1). Champion is left
// out of new-logo motions: only a person can name one (research §4.4), so it cannot be
// a gap a form fills. Weights say what a deal cannot close without.
const NEW_LOGO: readonly RoleRequirement[] = frozen([
  { role: 'decision_maker', weight: 3 },
  { role: 'budget_holder', weight: 2 },
  { role: 'technical_evaluator', weight: 2 },
  { role: 'end_user', weight: 1 },
  { role: 'influencer', weight: 1 },
  { role: 'procurement', weight: 1 },
]);

/**
 * The roles each built-in motion measures coverage against. Expansion measures against
 * the customer's current group: the account team records a champion on it, and a
 * cross-sell needs the champion, the decider, the budget and the users of the new product.
 * A motion not listed here (a custom preset) uses `inbound`'s.
 */
export const DEFAULT_REQUIRED_ROLES: Readonly<Record<string, readonly RoleRequirement[]>> = Object.freeze({
  inbound: NEW_LOGO,
  abm: NEW_LOGO,
  outbound: NEW_LOGO,
  partner: NEW_LOGO,
  expansion: frozen([
    { role: 'champion', weight: 3 },
    { role: 'decision_maker', weight: 3 },
    { role: 'budget_holder', weight: 2 },
    { role: 'end_user', weight: 1 },
    { role: 'technical_evaluator', weight: 1 },
  ]),
});

// Shared by every check of the process: one gate must not change another's requirements.
function frozen(requirements: RoleRequirement[]): readonly RoleRequirement[] {
  return Object.freeze(requirements.map((requirement) => Object.freeze(requirement)));
}

/** An account's buying group measured against the required roles. */
export interface Coverage {
  /** Weighted share of the required roles filled, 0–1, rounded to 3 places. */
  coverage: number;
  /** Role → how many contacts play it (every role held, required or not). */
  roles: Partial<Record<BuyingRole, number>>;
  /** Required roles nobody plays, heaviest first. */
  missingRoles: BuyingRole[];
  /** A decision maker or budget holder is among the contacts. */
  hasDecisionMaker: boolean;
}

/**
 * Salesforce Data Cloud's `CompletenessPercent` ("percentage of required roles that are
 * filled"), weighted by each role's weight as research §4.3 proposes:
 * `Σ weight·filled / Σ weight` over the required roles.
 * https://developer.salesforce.com/docs/data/data-cloud-dmo-mapping/guide/c360dm-si-buyingcommitteedmo-dmo.html
 */
export function measureCoverage(memberRoles: ReadonlyArray<ReadonlySet<BuyingRole>>, required: readonly RoleRequirement[]): Coverage {
  const roles: Partial<Record<BuyingRole, number>> = {};
  for (const held of memberRoles) for (const role of held) roles[role] = (roles[role] ?? 0) + 1;
  let total = 0;
  let filled = 0;
  const missing: RoleRequirement[] = [];
  for (const requirement of required) {
    const weight = requirement.weight ?? 1;
    total += weight;
    if (roles[requirement.role]) filled += weight;
    else missing.push(requirement);
  }
  missing.sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1));
  return {
    coverage: total === 0 ? 1 : Math.round((filled / total) * 1000) / 1000,
    roles,
    missingRoles: missing.map((requirement) => requirement.role),
    hasDecisionMaker: [...DECIDING_ROLES].some((role) => (roles[role] ?? 0) > 0),
  };
}
