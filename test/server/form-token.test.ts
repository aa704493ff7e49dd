import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/index.js';
import { canonicalJson, issueFormToken, verifyFormToken } from '../../src/server/index.js';

const SECRET = 'test-secret-for-form-tokens-0123456789';
const at = (iso: string) => () => new Date(iso);
const RENDERED = '2026-11-23T12:00:00.000Z';

describe('form tokens', () => {
  it('a token used 10 s after render verifies once, then is reused', async () => {
    const store = memoryStore();
    const token = await issueFormToken({ secret: SECRET, formId: 'demo', now: at(RENDERED) });
    const first = await verifyFormToken(token, { secret: SECRET, formId: 'demo', store, now: at('2026-11-23T12:00:10Z') });
    expect(first).toMatchObject({ valid: true, ageMs: 10_000, claims: { formId: 'demo' } });
    const again = await verifyFormToken(token, { secret: SECRET, formId: 'demo', store, now: at('2026-11-23T12:00:20Z') });
    expect(again).toMatchObject({ valid: false, problem: 'reused' });
  });

  it('too fast under 3 s (and the token is spent), fine at exactly 3 s', async () => {
    const store = memoryStore();
    const token = await issueFormToken({ secret: SECRET, now: at(RENDERED) });
    expect(await verifyFormToken(token, { secret: SECRET, store, now: at('2026-11-23T12:00:02.999Z') })).toMatchObject({ valid: false, problem: 'too_fast' });
    expect(await verifyFormToken(token, { secret: SECRET, store, now: at('2026-11-23T12:00:05Z') })).toMatchObject({ valid: false, problem: 'reused' });
    const other = await issueFormToken({ secret: SECRET, now: at(RENDERED) });
    expect(await verifyFormToken(other, { secret: SECRET, now: at('2026-11-23T12:00:03Z') })).toMatchObject({ valid: true });
  });

  it('expired after 2 h, valid just before', async () => {
    const token = await issueFormToken({ secret: SECRET, now: at(RENDERED) });
    expect(await verifyFormToken(token, { secret: SECRET, now: at('2026-11-23T14:00:00Z') })).toMatchObject({ valid: true });
    expect(await verifyFormToken(token, { secret: SECRET, now: at('2026-11-23T14:00:00.001Z') })).toMatchObject({ valid: false, problem: 'expired' });
  });

  it('refuses another secret, another form, a token from the future, and junk', async () => {
    const token = await issueFormToken({ secret: SECRET, formId: 'demo', now: at(RENDERED) });
    const later = at('2026-11-23T12:01:00Z');
    expect(await verifyFormToken(token, { secret: 'another-secret-entirely-0000', now: later })).toMatchObject({ valid: false, problem: 'forged' });
    expect(await verifyFormToken(token, { secret: SECRET, formId: 'pricing', now: later })).toMatchObject({ valid: false, problem: 'wrong_form' });
    expect(await verifyFormToken(token, { secret: SECRET, now: at('2026-11-23T11:59:00Z') })).toMatchObject({ valid: false, problem: 'from_the_future' });
    for (const junk of [undefined, '', 42, 'abc', 'a.b.c', 'x'.repeat(10_000)]) {
      const result = await verifyFormToken(junk, { secret: SECRET, now: later });
      expect(result.valid, String(junk).slice(0, 20)).toBe(false);
    }
  });

  it('a token whose last character is another spelling of the same signature bytes is forged', async () => {
    const token = await issueFormToken({ secret: SECRET, now: at(RENDERED) });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    const sibling = token.slice(0, -1) + alphabet[(last & ~3) + ((last + 1) & 3)];
    expect(Buffer.from(sibling.split('.')[1]!, 'base64url')).toEqual(Buffer.from(token.split('.')[1]!, 'base64url'));
    expect(await verifyFormToken(sibling, { secret: SECRET, now: at('2026-11-23T12:00:10Z') })).toMatchObject({ valid: false, problem: 'forged' });
    expect(await verifyFormToken(token, { secret: SECRET, now: at('2026-11-23T12:00:10Z') })).toMatchObject({ valid: true });
  });

  it('a store that fails throws (the check degrades to SYSTEM_CHECK_FAILED), it never passes the token', async () => {
    const token = await issueFormToken({ secret: SECRET, now: at(RENDERED) });
    const broken = { ...memoryStore(), seen: async () => { throw new Error('down'); } };
    await expect(verifyFormToken(token, { secret: SECRET, store: broken, now: at('2026-11-23T12:00:10Z') })).rejects.toThrow('down');
  });

  it('property: forged, truncated and replayed tokens never verify', async () => {
    const token = await issueFormToken({ secret: SECRET, formId: 'demo', now: at(RENDERED) });
    const now = at('2026-11-23T12:00:30Z');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.integer({ min: 1, max: 63 }), async (index, delta) => {
        // Flip one character to another base64url character.
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
        const position = alphabet.indexOf(token[index]!);
        const changed = token.slice(0, index) + alphabet[(position + delta) % alphabet.length] + token.slice(index + 1);
        fc.pre(changed !== token);
        const forged = await verifyFormToken(changed, { secret: SECRET, now });
        const truncated = await verifyFormToken(token.slice(0, index), { secret: SECRET, now });
        return !forged.valid && !truncated.valid;
      }),
      { numRuns: 200 },
    );
    const store = memoryStore();
    expect((await verifyFormToken(token, { secret: SECRET, store, now })).valid).toBe(true);
    await fc.assert(fc.asyncProperty(fc.nat({ max: 3_600_000 }), async (later) => {
      const replay = await verifyFormToken(token, { secret: SECRET, store, now: () => new Date(now().getTime() + later) });
      return !replay.valid;
    }), { numRuns: 50 });
  });
});

describe('canonicalJson (RFC 8785 style)', () => {
  it('sorts keys, drops undefined, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 1, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"d":{"y":2,"z":1}}');
  });
  it('equal data gives equal bytes whatever the key order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (record) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      return canonicalJson(record) === canonicalJson(reversed);
    }));
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
  });
});
