import { describe, expect, it } from 'vitest';
import { analyzeEmail } from '../../src/index.js';
import { recentResults } from '../../src/checks/recent-results.js';
import { parsePhone } from '../../src/checks/phone/parse-phone.js';

describe('recentResults', () => {
  it('computes once per key while the key is recent, undefined results included', () => {
    const recent = recentResults<string | undefined>(2);
    let calls = 0;
    const compute = (value: string | undefined) => () => (calls++, value);
    expect(recent('a', compute('A'))).toBe('A');
    expect(recent('a', compute('other'))).toBe('A');
    expect(recent('none', compute(undefined))).toBeUndefined();
    expect(recent('none', compute('late'))).toBeUndefined();
    expect(calls).toBe(2);
  });

  it('keeps only the last `size` keys: memory stays bounded', () => {
    const recent = recentResults<number>(2);
    let calls = 0;
    for (const key of ['a', 'b', 'c']) recent(key, () => ++calls);
    expect(recent('c', () => ++calls)).toBe(3);
    expect(recent('a', () => ++calls)).toBe(4); // evicted, computed again
  });
});

describe('the checks share a lead\'s parses', () => {
  it('analyzeEmail gives each caller its own copy of one analysis', () => {
    const first = analyzeEmail('Jane@OUTLOK.com');
    first.suggestion = 'changed by a caller';
    const second = analyzeEmail('Jane@OUTLOK.com');
    expect(second.suggestion).toBe('Jane@outlook.com');
    expect(second).not.toBe(first);
  });

  it('parsePhone answers one phone and country once, and keeps countries apart', () => {
    const berlin = parsePhone('030 901820', 'DE');
    expect(parsePhone('030 901820', 'DE')).toBe(berlin);
    expect(berlin?.number).toBe('+4930901820');
    expect(parsePhone('030 901820', 'AT')?.number).not.toBe('+4930901820');
  });
});
