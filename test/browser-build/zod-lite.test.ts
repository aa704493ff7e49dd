import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as realLead from '../../src/core/lead.js';
import * as realGateOptions from '../../src/core/gate-options.js';
import * as realEmail from '../../src/checks/email/index.js';
import * as realDom from '../../src/dom/options.js';
import { memoryStore } from '../../src/core/store.js';

// The script-tag build swaps zod/mini for src/browser/zod-lite.ts. These tests load the
// same modules a second time with the swap and hold both to the same answers: the
// lead normaliser on arbitrary input, and every options parser on good and bad options.

type Modules = { lead: typeof realLead; gateOptions: typeof realGateOptions; email: typeof realEmail; dom: typeof realDom };
let lite: Modules;

beforeAll(async () => {
  vi.resetModules();
  vi.doMock('zod/mini', () => import('../../src/browser/zod-lite.js'));
  lite = {
    lead: await import('../../src/core/lead.js'),
    gateOptions: await import('../../src/core/gate-options.js'),
    email: await import('../../src/checks/email/index.js'),
    dom: await import('../../src/dom/options.js'),
  };
  vi.doUnmock('zod/mini');
});

/** What a parser did: its result, or the option and message of the error it threw. */
function outcome(parse: () => unknown): unknown {
  try {
    parse();
    return 'ok';
  } catch (error) {
    return { name: (error as Error).name, option: (error as { option?: string }).option, message: (error as Error).message };
  }
}

describe('zod-lite against zod/mini', () => {
  it('really loaded the lite modules', () => {
    expect(lite.lead.normalizeLead).not.toBe(realLead.normalizeLead);
    expect(lite.lead.LEAD_FIELDS).toEqual(realLead.LEAD_FIELDS);
  });

  it('normalizes any lead the same way', () => {
    const key = fc.oneof(fc.constantFrom(...realLead.LEAD_FIELDS), fc.string({ maxLength: 8 }));
    const value = fc.oneof(
      fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
      fc.constantFrom('DE', 'de', 'Germany', 'UK', '1,200', '51-200', '10,001+', ' ', 'a,b;c'),
      fc.double(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (input) => {
        expect(lite.lead.normalizeLead(input)).toEqual(realLead.normalizeLead(input));
      }),
      { numRuns: 400 },
    );
  });

  const gateOptions: unknown[] = [
    undefined, null, 'inbound', [], { motion: 'inbound' }, { motion: 'nope' }, { motion: 'abm', timeoutMs: -1 }, { motion: 'abm', timeoutMs: Infinity },
    { motion: 'abm', timeoutMs: 700_000 }, { motion: 'inbound', overrides: { EMAIL_TYPO: 'block' } }, { motion: 'inbound', overrides: [] },
    { motion: 'inbound', logSalt: 'short' }, { motion: 'inbound', logSalt: 'long-enough-salt' }, { motion: 'inbound', checks: [{ id: 'x' }] },
    { motion: 'inbound', checks: () => [] }, { motion: 'inbound', log: [() => undefined, { write: 1 }] }, { motion: 'inbound', log: { write() {} } },
    { motion: 'inbound', messages: { EMAIL_TYPO: 1 } }, { motion: 'inbound', store: memoryStore() }, { motion: 'inbound', store: {} },
    { motion: 'inbound', extra: 1, timeoutMs: 'x' }, { motion: 'inbound', now: 'today' }, { motion: { name: 'x', version: '1', description: '', checks: {}, actions: {} } },
    { motion: { name: '', version: '1', description: '', checks: {}, actions: {} } }, { motion: { name: 'x', version: '1', description: '', checks: { email: [] }, actions: { A: 'nope' } } },
    { motion: 'inbound', logPersonalData: 'yes' }, { motion: 'inbound', onLogError: null },
  ];
  it.each(gateOptions.map((options) => [options]))('parses gate options %j the same way', (options) => {
    expect(outcome(() => lite.gateOptions.parseGateOptions(options))).toEqual(outcome(() => realGateOptions.parseGateOptions(options)));
  });

  const emailOptions: unknown[] = [
    undefined, {}, { allowDomains: ['acme.com'] }, { allowDomains: 'acme.com' }, { allowDomains: ['not a domain'] }, { blockDomains: [1] },
    { roleLocalParts: ['einkauf'] }, { resolveMx: 'dns' }, { resolveMx: async () => ({ accepts: true, via: 'mx', hosts: [] }) }, { unknown: true }, [],
  ];
  it.each(emailOptions.map((options) => [options]))('parses email options %j the same way', (options) => {
    expect(outcome(() => lite.email.emailValidity(options as never))).toEqual(outcome(() => realEmail.emailValidity(options as never)));
  });

  const attachOptions: unknown[] = [
    {}, { endpoint: '/leads' }, { endpoint: '' }, { submit: 'post' }, { fields: { email: 'work_email' } }, { fields: { email: 1 } }, { formToken: false },
    { formToken: true }, { consent: false }, { consent: '#c' }, { honeypot: 'no' }, { debounceMs: 20_000 }, { show: ['reject', 'flag'] }, { show: 'reject' },
    { messages: { X: () => 'y' } }, { texts: { retry: 'Nochmal' } }, { texts: { retyr: 'x' } }, { context: { a: 1 } }, { fetch: 'x' }, { now: () => 1 }, { bogus: 1 },
  ];
  it.each(attachOptions.map((options) => [options]))('parses attachGate options %j the same way', (options) => {
    expect(outcome(() => lite.dom.parseAttachOptions(options))).toEqual(outcome(() => realDom.parseAttachOptions(options)));
  });
});
