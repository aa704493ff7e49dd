// Jurisdictions under comprehensive (country-wide) sanctions: trade with any business
// there is prohibited unless licensed, so no motion may take a lead from them.
//
// Sources:
//   - U.S. Treasury OFAC, "Sanctions Programs and Country Information"
//     (https://ofac.treasury.gov/sanctions-programs-and-country-information):
//     Cuba (Cuban Assets Control Regulations, 31 CFR part 515), Iran (Iranian Transactions
//     and Sanctions Regulations, 31 CFR part 560), North Korea (North Korea Sanctions
//     Regulations, 31 CFR part 510).
//   - EU Sanctions Map (https://www.sanctionsmap.eu): restrictive measures on Iran and on
//     the DPRK (Council Regulation (EU) 2017/1509).
// Licence: facts from public-domain U.S. Government and EU publications.
// Compiled: 2026-11-28, by hand and without network access at compile time: it reflects the
//   programmes as published up to mid-2025. Verify against the OFAC page before relying on it.
//
// Left out on purpose:
//   - Syria: the U.S. revoked the Syria sanctions programme by Executive Order 14312 of
//     30 June 2025 and the EU lifted its economic sanctions in May 2025; list-based
//     sanctions on persons remain, which a country code cannot express.
//   - Russia, Belarus, Venezuela, Myanmar and others: list-based and sectoral programmes,
//     not a country-wide embargo. A seller whose policy blocks them adds them to the ICP
//     profile's `countries.exclude`.
//   - Crimea and the so-called DNR/LNR regions of Ukraine are under comprehensive U.S.
//     sanctions (Executive Orders 13685 and 14065) but have no ISO 3166-1 alpha-2 code of
//     their own; the lead's country (UA) cannot tell them apart.

/** ISO 3166-1 alpha-2 codes of the comprehensively sanctioned jurisdictions. */
export const SANCTIONED_COUNTRIES: readonly string[] = Object.freeze(['CU', 'IR', 'KP']);

/** The date the list above was last reviewed, for evidence and docs. */
export const SANCTIONED_COUNTRIES_REVIEWED = '2026-11-28';
