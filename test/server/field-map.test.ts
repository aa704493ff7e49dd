import { describe, expect, it } from 'vitest';
import { createGate } from '../../src/index.js';
import { defaultFieldMap } from '../../src/server/field-map.js';

describe('defaultFieldMap: posted keys that name Object.prototype members', () => {
  it('a posted __proto__ becomes an own key (for the gate to refuse), at the top and inside source and consent; no prototype changes', async () => {
    const body = JSON.parse('{"email":"jane@acme-robotics.com","__proto__":{"polluted":true},"source":{"__proto__":{"polluted":true},"utm_source":"x"},"consent":{"__proto__":{"polluted":true}},"lg_consent___proto__":"y"}');
    const lead = defaultFieldMap(body, 'json') as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(lead)).toBe(Object.prototype);
    expect(Object.keys(lead)).toEqual(['email', '__proto__', 'source', 'consent']);
    expect(Object.getOwnPropertyDescriptor(lead, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(lead.source)).toBe(Object.prototype);
    expect(Object.keys(lead.source!)).toEqual(['__proto__', 'utm_source']);
    expect(Object.getPrototypeOf(lead.consent)).toBe(Object.prototype);
    expect((lead as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const verdict = await createGate({ motion: 'inbound' }).validate(lead);
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'SYSTEM_FIELD_INVALID', field: '__proto__' }));
  });

  it('form fields named after Object.prototype members (toString, constructor) stay lead fields, not source ones', () => {
    const fields = Object.assign(Object.create(null), { email: 'jane@acme-robotics.com', toString: 'a', constructor: 'b', utm_source: 'c' });
    const lead = defaultFieldMap(fields, 'form') as Record<string, unknown>;
    expect(lead).toMatchObject({ email: 'jane@acme-robotics.com', source: { utm_source: 'c' } });
    expect(Object.getOwnPropertyDescriptor(lead, 'toString')?.value).toBe('a');
    expect(Object.getOwnPropertyDescriptor(lead, 'constructor')?.value).toBe('b');
    expect(Object.keys(lead.source as object)).toEqual(['utm_source']);
  });
});
