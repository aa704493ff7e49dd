import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, companyKeySimilarity, companyNameSimilarity, sameCompany, withinEdits } from '../../src/checks/company-name.js';

describe('companyKey', () => {
  it.each([
    ['Acme Inc.', 'acme'],
    ['ACME, Incorporated', 'acme'],
    ['Acme Analytics GmbH', 'acme analytics'],
    ['Acne Corp', 'acne'],
    ['The Acme Company', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme AG', 'acme'],
    ['Acme SAS', 'acme'],
    ['Acme S.A.', 'acme'],
    ['Acme B.V.', 'acme'],
    ['Acme N.V.', 'acme'],
    ['Acme S.p.A.', 'acme'],
    ['Acme plc', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Acme Pty. Ltd.', 'acme'],
    ['Acme Holdings, Inc.', 'acme'],
    ['Acme A/S', 'acme'],
    ['Acme sp. z o.o.', 'acme'],
    ['Acme S.A. de C.V.', 'acme'],
    ['Acme S.à r.l.', 'acme'],
    ['Müller & Söhne GmbH & Co. KG', 'muller and sohne'],
    ['Müller und Söhne GmbH', 'muller and sohne'],
    ['Procter & Gamble', 'procter and gamble'],
    ['Procter and Gamble Co.', 'procter and gamble'],
    ['Straße AG', 'strasse'],
    ['Amazon.com, Inc.', 'amazon'],
    ['J.P. Morgan', 'jp morgan'],
    ['Coca-Cola Company', 'coca cola'],
    ['  Nestlé  S.A. ', 'nestle'],
  ])('%s → %s', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  it('keeps a name that is only a legal form, and gives "" for no letters', () => {
    expect(companyKey('Company Ltd')).toBe('company');
    expect(companyKey('GmbH')).toBe('gmbh');
    expect(companyKey('---')).toBe('');
  });
});

describe('companyNameSimilarity', () => {
  it('the matching table: same, different, and a fuzzy near miss', () => {
    expect(companyNameSimilarity('Acme Inc.', 'ACME, Incorporated')).toBe(1);
    expect(companyNameSimilarity('Acme Inc.', 'Acme Analytics GmbH')).toBeLessThan(0.5);
    expect(companyNameSimilarity('Acme Inc.', 'Acne Corp')).toBe(0.75);
  });

  it('ignores spaces, counts a swap of two letters as one edit, is symmetric', () => {
    expect(companyNameSimilarity('Price Waterhouse', 'PriceWaterhouse Ltd')).toBe(1);
    expect(companyNameSimilarity('Northwind', 'Nortwhind')).toBeCloseTo(1 - 1 / 9, 5);
    expect(companyNameSimilarity('Globex', 'Initech')).toBe(companyNameSimilarity('Initech', 'Globex'));
    expect(companyNameSimilarity('', 'Acme')).toBe(0);
    expect(companyKeySimilarity('acme', 'acme')).toBe(1);
  });
});

describe('withinEdits', () => {
  it('agrees with the similarity: within k edits exactly when 1 − k / longer is reached', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, k) => {
        const distance = Math.round((1 - companyKeySimilarity(a, b)) * Math.max(a.length, b.length));
        expect(withinEdits(a, b, k)).toBe(distance <= k);
      }),
      { numRuns: 2000 },
    );
    expect(withinEdits('acme', 'acne', 1)).toBe(true);
    expect(withinEdits('acme', 'mcae', 1)).toBe(false);
    expect(withinEdits('acme', 'came', 1)).toBe(true);
  });
});

describe('sameCompany (the role check\'s lenient employer comparison)', () => {
  it('accepts a shortened employer name and refuses an unrelated one', () => {
    expect(sameCompany('Acme Robotics GmbH', 'Acme Robotics')).toBe(true);
    expect(sameCompany('Acme', 'Acme Robotics Inc.')).toBe(true);
    expect(sameCompany('Acme Inc.', 'ACME, Incorporated')).toBe(true);
    expect(sameCompany('Acme Inc.', 'Globex Corporation')).toBe(false);
    expect(sameCompany('', 'Globex')).toBe(true);
  });
});
