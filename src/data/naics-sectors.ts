// NAICS 2022 sectors: the 2-digit level of the North American Industry Classification System.
//
// Source: U.S. Census Bureau, "North American Industry Classification System, United States, 2022"
//         (https://www.census.gov/naics/ ; sector list at https://www.census.gov/naics/?chart=2022)
// Licence: public domain (a work of the U.S. Government, 17 U.S.C. § 105)
// Compiled: 2026-11-28, by hand (20 sectors; three sectors span several 2-digit codes)
//
// Why NAICS: it is hierarchical, so a profile's prefix ("54", "5415") covers every code
// under it (research value_truth.md §1.4). NAICS 2022 moved software publishers from
// 5112 (NAICS 2017) to 5132; prefix matching works for either vintage as long as the
// profile and the leads use the same one.

/**
 * Sector title (lower case) → the 2-digit NAICS codes it spans. The ICP check maps a
 * lead's `industry` label through the profile's own labels first, then through this table.
 */
export const NAICS_SECTOR_LABELS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'agriculture, forestry, fishing and hunting': ['11'],
  'mining, quarrying, and oil and gas extraction': ['21'],
  utilities: ['22'],
  construction: ['23'],
  manufacturing: ['31', '32', '33'],
  'wholesale trade': ['42'],
  'retail trade': ['44', '45'],
  'transportation and warehousing': ['48', '49'],
  information: ['51'],
  'finance and insurance': ['52'],
  'real estate and rental and leasing': ['53'],
  'professional, scientific, and technical services': ['54'],
  'management of companies and enterprises': ['55'],
  'administrative and support and waste management and remediation services': ['56'],
  'educational services': ['61'],
  'health care and social assistance': ['62'],
  'arts, entertainment, and recreation': ['71'],
  'accommodation and food services': ['72'],
  'other services (except public administration)': ['81'],
  'public administration': ['92'],
});
