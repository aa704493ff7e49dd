import type { Check } from '../core/check.js';
import { consentProvenance } from './consent/index.js';
import { emailValidity } from './email/index.js';
import { icpFit } from './icp/index.js';
import { buyingGroup } from './group/index.js';
import { phoneValidity } from './phone/index.js';
import { roleCurrency } from './role/index.js';
import { sourceVerification } from './source/index.js';

/**
 * The built-in check factories by check id. A motion preset names checks by id with
 * their options; `createGate` instantiates them through this table. Later checks
 * (consent, source, icp, group) join it as they land.
 */
export const BUILT_IN_CHECKS: Readonly<Record<string, (options: Record<string, unknown>) => Check>> = Object.freeze({
  email: emailValidity as (options: Record<string, unknown>) => Check,
  phone: phoneValidity as (options: Record<string, unknown>) => Check,
  role: roleCurrency as (options: Record<string, unknown>) => Check,
  source: sourceVerification as (options: Record<string, unknown>) => Check,
  consent: consentProvenance as (options: Record<string, unknown>) => Check,
  icp: icpFit as (options: Record<string, unknown>) => Check,
  // Needs an account store (`accounts`) to run; the motions do not name it (see its docs).
  group: buyingGroup as (options: Record<string, unknown>) => Check,
});

/** Every built-in check with its default options, for the catalogue of codes. */
export function allBuiltInChecks(): Check[] {
  return Object.values(BUILT_IN_CHECKS).map((factory) => factory({}));
}
