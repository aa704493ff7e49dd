import { NAICS_SECTOR_LABELS } from '../../data/naics-sectors.js';
import { normalizeLabel } from './options.js';

/** How a lead's industry relates to a list of NAICS prefixes. */
export type PrefixMatch = 'all' | 'none' | 'some';

// A NAICS code at the start of the value: "511210", "5112 - Software Publishers", "54".
const LEADING_CODE = /^(\d{2,6})(?!\d)/;

/**
 * The NAICS code(s) a lead's `industry` stands for: the code itself when it starts with
 * 2–6 digits, otherwise the label looked up in the profile's labels, then in the NAICS
 * 2022 sector titles. `undefined` when the label is not known (an unknown industry).
 *
 * @example
 * industryCodes('Manufacturing', new Map()) // ['31', '32', '33']
 */
export function industryCodes(industry: string, labels: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  const code = LEADING_CODE.exec(industry.trim())?.[1];
  if (code) return [code];
  const label = normalizeLabel(industry);
  return labels.get(label) ?? NAICS_SECTOR_LABELS[label];
}

/**
 * Whether the lead's industry is under a list of prefixes. NAICS is hierarchical, so
 * "5112" covers "511210" and "51" covers all of sector 51 (research §1.4). A lead code
 * coarser than a prefix ("51" against "5112") may or may not be under it: `some`, which
 * the fit score treats as unknown. With several candidate codes (a label spanning sectors
 * 31–33), `all` only when every candidate is covered.
 */
export function matchPrefixes(codes: readonly string[], prefixes: readonly string[]): PrefixMatch {
  let covered = 0;
  let maybe = false;
  for (const code of codes) {
    if (prefixes.some((prefix) => code.startsWith(prefix))) covered += 1;
    else if (prefixes.some((prefix) => prefix.startsWith(code))) maybe = true;
  }
  if (covered === codes.length) return 'all';
  return covered > 0 || maybe ? 'some' : 'none';
}
