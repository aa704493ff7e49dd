// Legal-form suffixes that say nothing about which company it is (Inc, GmbH, SAS, BV…).
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc',
  'gmbh', 'ag', 'kg', 'ug', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'bv', 'nv', 'ab', 'as', 'oy', 'pty', 'kk',
  'group', 'holding', 'holdings',
]);

/** A company name reduced to what identifies it: lower case, no punctuation, no legal form. */
export function companyKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Whether two company names plausibly name the same employer ("Acme Inc." / "ACME", "Acme Robotics GmbH" / "Acme Robotics"). */
export function sameCompany(a: string, b: string): boolean {
  const x = companyKey(a);
  const y = companyKey(b);
  if (x === '' || y === '') return true; // nothing to compare: not evidence of a change
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}
