/**
 * A technology name as compared: NFKC, lower case, letters and digits only (plus `+` and
 * `#`, so C++ and C# stay themselves). "Salesforce", "SalesForce" and "sales-force" are
 * one technology; "salesforce.com" is not the same string and must be listed as well.
 *
 * @example
 * normalizeTechnology('Google Analytics 4') // 'googleanalytics4'
 */
export function normalizeTechnology(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}+#]/gu, '');
}
