import type { JobFunction, ParsedTitle, Seniority } from '../role/taxonomy.js';
import type { BuyingRole } from './buying-roles.js';

/**
 * A persona: who, by job function, seniority and title words, plays a buying role.
 * Demandbase builds buying groups the same way: "Personas = title keywords + job
 * functions + job levels" (https://support.demandbase.com/hc/en-us/articles/23954185411611).
 *
 * Every criterion given must hold; within a criterion any value will do. A persona with
 * no criteria fits everyone (useful as a catch-all at the end of a list).
 *
 * @example
 * // Marketing-ops people evaluate a marketing tool, whatever their level.
 * { role: 'technical_evaluator', functions: ['marketing'], titleKeywords: ['marketing operations', 'martech'] }
 */
export interface Persona {
  /** The role a lead who fits this persona plays. Never `champion` (a person assigns it). */
  role: Exclude<BuyingRole, 'champion'>;
  /** Job functions from `parseTitle` (any of them). */
  functions?: readonly JobFunction[];
  /** Seniorities from `parseTitle` (any of them). */
  seniorities?: readonly Seniority[];
  /** Words or phrases, any of which appears in the title (case and accents ignored, whole words). */
  titleKeywords?: readonly string[];
}

// Apollo's levels grouped as the research's authority tiers (§2.6, §4.4).
const EXECUTIVES: readonly Seniority[] = ['owner', 'founder', 'c_suite', 'partner', 'vp'];
const LEADERS: readonly Seniority[] = ['head', 'director'];
const INDIVIDUALS: readonly Seniority[] = ['senior', 'entry'];

// Every function except the two a persona list treats on its own.
const ALL_FUNCTIONS: readonly JobFunction[] = [
  'accounting', 'administrative', 'arts_and_design', 'business_development', 'community_and_social_services',
  'consulting', 'education', 'engineering', 'entrepreneurship', 'finance', 'healthcare_services',
  'human_resources', 'information_technology', 'legal', 'marketing', 'media_and_communication',
  'military_and_protective_services', 'operations', 'product_management', 'program_and_project_management',
  'purchasing', 'quality_assurance', 'real_estate', 'research', 'sales', 'customer_success_and_support',
];

/**
 * The default personas, in the order they are tried (the first that fits wins). Only
 * structural roles are inferred, as research §4.4 proposes:
 *
 * 1. `procurement`: anyone in purchasing.
 * 2. `legal_and_compliance`: anyone in legal, or a compliance or privacy title.
 * 3. `budget_holder` (Salesforce's economic buyer): finance or accounting, director and up.
 * 4. `decision_maker`: owner, founder, C-level, partner or VP in general management or in
 *    one of `functions` (the functions the product is for; all, when not given).
 * 5. `executive_sponsor`: the same levels outside `functions` (only when `functions` is given).
 * 6. `technical_evaluator`: IT or engineering, senior to director.
 * 7. `end_user`: individual contributors (senior, entry) in `functions`.
 * 8. `influencer`: managers, heads and directors in any function.
 *
 * Nothing else fits: interns, individual contributors outside `functions`, and titles
 * whose function or level `parseTitle` could not tell get `GROUP_ROLE_UNMAPPED`.
 *
 * @example
 * buyingGroup({ accounts, personas: [
 *   { role: 'technical_evaluator', titleKeywords: ['marketing operations'] },
 *   ...defaultPersonas(['marketing']),
 * ] });
 */
export function defaultPersonas(functions?: readonly JobFunction[]): Persona[] {
  const core = functions && functions.length > 0 ? [...new Set<JobFunction>([...functions, 'general_management'])] : [...ALL_FUNCTIONS, 'general_management' as const];
  const outside = ALL_FUNCTIONS.filter((name) => !core.includes(name));
  const personas: Persona[] = [
    { role: 'procurement', functions: ['purchasing'] },
    { role: 'legal_and_compliance', functions: ['legal'] },
    { role: 'legal_and_compliance', titleKeywords: ['compliance', 'privacy', 'data protection', 'datenschutz', 'conformite', 'cumplimiento'] },
    { role: 'budget_holder', functions: ['finance', 'accounting'], seniorities: [...EXECUTIVES, ...LEADERS] },
    { role: 'decision_maker', functions: core, seniorities: EXECUTIVES },
  ];
  if (outside.length > 0) personas.push({ role: 'executive_sponsor', functions: outside, seniorities: EXECUTIVES });
  personas.push(
    { role: 'technical_evaluator', functions: ['information_technology', 'engineering'], seniorities: ['senior', 'manager', ...LEADERS] },
    { role: 'end_user', functions: core, seniorities: INDIVIDUALS },
    { role: 'influencer', seniorities: ['manager', ...LEADERS] },
  );
  return personas;
}

/** The persona a parsed title fits, first match wins; `undefined` when none does. */
export function personaFor(title: ParsedTitle, personas: readonly Persona[]): Persona | undefined {
  if (title.junk || title.nonWorkforce) return undefined;
  const words = ` ${foldTitle(title.normalized)} `;
  return personas.find(
    (persona) =>
      (!persona.functions || persona.functions.includes(title.function)) &&
      (!persona.seniorities || persona.seniorities.includes(title.seniority)) &&
      (!persona.titleKeywords || persona.titleKeywords.some((keyword) => words.includes(` ${foldTitle(keyword)} `))),
  );
}

/** Lower case, accents off, punctuation as spaces: "Datenschutz-Beauftragte" → "datenschutz beauftragte". */
function foldTitle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
