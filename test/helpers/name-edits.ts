import fc from 'fast-check';

/**
 * Look-alike company names for property tests of name matching: a few random edits
 * (substitute, insert, delete, swap of neighbours) of a query, over a small alphabet,
 * so near misses on both sides of each similarity threshold are common.
 */
export const nameLetter = fc.constantFrom('a', 'b', 'c', 'd', 'e');

/** One edit: kind (0 substitute, 1 insert, 2 delete, 3 swap), position, letter. */
export const nameEdit = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(), nameLetter);

/** Applies edits made by {@link nameEdit} to a name. */
export function editName(text: string, edits: ReadonlyArray<[number, number, string]>): string {
  return edits.reduce((word, [kind, at, char]) => {
    const i = at % word.length;
    if (kind === 0) return word.slice(0, i) + char + word.slice(i + 1);
    if (kind === 1) return word.slice(0, i) + char + word.slice(i);
    if (kind === 2) return word.slice(0, i) + word.slice(i + 1);
    return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
  }, text);
}
