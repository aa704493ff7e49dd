import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, companyNameSimilarity } from '../../src/checks/company-name.js';
import { parseCsv } from '../../src/checks/group/csv.js';
import { contactDigest, isLeadGateError, memoryAccountStore, parseAccountRows } from '../../src/index.js';
import { loadAccounts } from '../../src/node/index.js';
import { editName, nameEdit, nameLetter } from '../helpers/name-edits.js';

const optionOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (isLeadGateError(error)) return error.option;
    throw error;
  }
  return undefined;
};

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF, a BOM, and semicolons', () => {
    expect(parseCsv('\uFEFFid,name\r\n001,"Acme, Inc."\r\n002,"The ""Best"" Co\nLtd"\n\n')).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['001', 'Acme, Inc.'] },
      { line: 3, fields: ['002', 'The "Best" Co\nLtd'] },
    ]);
    expect(parseCsv('id;name\n1;Acme GmbH').map((row) => row.fields)).toEqual([['id', 'name'], ['1', 'Acme GmbH']]);
  });
});

describe('parseAccountRows', () => {
  it('reads a CRM export with loose column names', () => {
    const csv = [
      'Account ID,Account Name,Website,Billing Country,Target,Account Owner,Phone',
      '001,"Acme, Inc.",https://www.acme.com/,us,yes,rep-1,+1 415 555 0100',
      '002,Northwind Logistics GmbH,northwind-logistics.de; northwind.de,DE,,,',
      ',Initech,initech.com,UK,0,,',
    ].join('\n');
    expect(parseAccountRows(csv)).toEqual([
      { id: '001', name: 'Acme, Inc.', domains: ['acme.com'], country: 'US', target: true, owner: 'rep-1', phone: '+1 415 555 0100', contacts: [] },
      { id: '002', name: 'Northwind Logistics GmbH', domains: ['northwind-logistics.de', 'northwind.de'], country: 'DE', contacts: [] },
      { id: 'initech.com', name: 'Initech', domains: ['initech.com'], country: 'GB', target: false, contacts: [] },
    ]);
  });

  it('reads objects, digests contact emails and keeps assigned roles', () => {
    const [account] = parseAccountRows([
      { id: 7, company: 'Acme', domain: 'acme.com', website: 'www.acme.de', customer: true, partnerId: 'p-1', contacts: [{ email: 'Sam@Acme.com', title: 'Marketing Manager', roles: 'champion' }] },
    ]);
    expect(account).toEqual({
      id: '7',
      name: 'Acme',
      domains: ['acme.com', 'acme.de'],
      customer: true,
      partnerId: 'p-1',
      contacts: [{ emailDigest: contactDigest('sam@acme.com'), title: 'Marketing Manager', roles: ['champion'] }],
    });
    expect(JSON.stringify(account)).not.toContain('Sam@');
  });

  it('refuses bad rows with a LeadGateError naming the row and field', () => {
    expect(optionOf(() => parseAccountRows([{ name: 'Acme', domains: ['not a domain'] }]))).toBe('accounts[0].domains');
    expect(optionOf(() => parseAccountRows([{ id: '1' }]))).toBe('accounts[0].name');
    expect(parseAccountRows([{ name: 'Acme' }])).toEqual([{ id: 'Acme', name: 'Acme', domains: [], contacts: [] }]);
    expect(optionOf(() => parseAccountRows([{ name: 'Acme', domains: 'acme.com', target: 'maybe' }]))).toBe('accounts[0].target');
    expect(optionOf(() => parseAccountRows([{ name: 'Acme', domains: 'acme.com', contacts: [{ roles: ['boss'] }] }]))).toBe('accounts[0].contacts[0].roles');
    expect(optionOf(() => parseAccountRows([{ name: 'Acme', domains: 'acme.com', contacts: [{ email: 'nope' }] }]))).toBe('accounts[0].contacts[0].email');
    expect(optionOf(() => parseAccountRows(['acme']))).toBe('accounts[0]');
    expect(optionOf(() => parseAccountRows('title,phone\nCEO,1'))).toBe('accounts');
    expect(optionOf(() => parseAccountRows('name,country\nAcme,Germany'))).toBe('accounts[0].country');
    // A bad contact email is never echoed in the message.
    try {
      parseAccountRows([{ name: 'Acme', domains: 'acme.com', contacts: [{ email: 'jane.at.acme' }] }]);
    } catch (error) {
      expect((error as Error).message).not.toContain('jane.at.acme');
    }
    expect(optionOf(() => parseAccountRows([{ name: 'Acme', domains: 'acme.com' }]))).toBeUndefined();
  });
});

describe('memoryAccountStore', () => {
  const store = memoryAccountStore([
    { id: 'a', name: 'Acme Inc.', domains: ['acme.com'] },
    { id: 'a', name: 'Acme Inc.', domains: ['acme.de'] },
    { id: 'g', name: 'Globex', domains: ['globex.com'] },
  ]);

  it('finds by domain (and parent domain), by close name, and merges rows of one account', async () => {
    expect((await store.findAccounts({ domain: 'mail.acme.de' })).map((account) => account.id)).toEqual(['a']);
    expect((await store.findAccounts({ website: 'https://www.acme.com/x' })).map((account) => account.domains)).toEqual([['acme.com', 'acme.de']]);
    expect((await store.findAccounts({ companyName: 'Acne Corp' })).map((account) => account.id)).toEqual(['a']);
    expect(await store.findAccounts({ companyName: 'Umbrella' })).toEqual([]);
  });

  it('hands out copies: a caller cannot change the store', async () => {
    const [account] = await store.findAccounts({ domain: 'globex.com' });
    account!.domains.push('evil.com');
    expect((await store.findAccounts({ domain: 'evil.com' })).length).toBe(0);
    await store.addContact('g', { emailDigest: 'a'.repeat(64), roles: ['end_user'] });
    const [member] = await store.contacts('g');
    member!.roles!.push('decision_maker');
    expect((await store.contacts('g'))[0]!.roles).toEqual(['end_user']);
  });

  it('the name index finds exactly what comparing every name finds (names of 6+ letters)', async () => {
    // Accounts named by a few random edits of the query (substitute, insert, delete, swap),
    // from a small alphabet, so near misses on both sides of each threshold are common.
    const [letter, edit, mutate] = [nameLetter, nameEdit, editName];
    // Found by fast-check: two names sharing no letter pair that are still 0.667 alike.
    const pairless = [{ id: 'x', name: 'cdacba', domains: ['x.example'] }];
    expect(companyNameSimilarity('cdacba', 'cadcaa')).toBeGreaterThanOrEqual(0.6);
    expect((await memoryAccountStore(pairless, { candidateSimilarity: 0.6 }).findAccounts({ companyName: 'cadcaa' })).map((a) => a.id)).toEqual(['x']);
    let compared = 0;
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: letter, minLength: 8, maxLength: 14 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0.6, 0.75, 0.9),
        async (query, editLists, threshold) => {
          const names = [...new Set(editLists.map((edits) => mutate(query, edits)))].filter((name) => name.length >= 6);
          const rows = names.map((text, i) => ({ id: String(i), name: text, domains: [`n${i}.example`] }));
          const found = (await memoryAccountStore(rows, { candidateSimilarity: threshold }).findAccounts({ companyName: query })).map((account) => account.id).sort();
          const expected = rows.filter((row) => companyNameSimilarity(row.name, query) >= threshold).map((row) => row.id).sort();
          expect(found).toEqual(expected);
          compared += rows.length;
          matched += expected.length;
        },
      ),
      { numRuns: 300 },
    );
    // The property saw real matches and real misses.
    expect(matched).toBeGreaterThan(100);
    expect(compared - matched).toBeGreaterThan(100);
    expect(companyKey('abcdeab')).toBe('abcdeab');
  });

  it('addContact is idempotent per digest and joins roles; an unknown account rejects', async () => {
    await store.addContact('g', { emailDigest: 'a'.repeat(64), roles: ['champion'] });
    expect(await store.contacts('g')).toEqual([{ emailDigest: 'a'.repeat(64), roles: ['end_user', 'champion'] }]);
    await expect(store.addContact('nope', {})).rejects.toThrow();
  });
});

describe('loadAccounts (leadgate/node)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadgate-accounts-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads .csv and .json (an array, or { accounts })', async () => {
    expect(await loadAccounts(file('a.csv', 'name,domains,target\nAcme Inc.,acme.com,x\n'))).toEqual([
      { id: 'acme.com', name: 'Acme Inc.', domains: ['acme.com'], target: true, contacts: [] },
    ]);
    expect((await loadAccounts(file('a.json', JSON.stringify([{ id: '1', name: 'Acme', domains: ['acme.com'] }]))))[0]?.id).toBe('1');
    // What loadAccounts returns goes straight into a store, as the docs say (this line is also a type check).
    const loaded = await loadAccounts(file('c.json', JSON.stringify([{ id: '3', name: 'Acme', domains: ['acme.com'] }])));
    expect((await memoryAccountStore(loaded).findAccounts({ domain: 'acme.com' })).map((account) => account.id)).toEqual(['3']);
    expect((await loadAccounts(file('b.json', JSON.stringify({ accounts: [{ id: '2', name: 'Acme', domains: ['acme.com'] }] }))))[0]?.id).toBe('2');
  });

  it('refuses other files, broken JSON and bad rows with a LeadGateError', async () => {
    await expect(loadAccounts(file('a.txt', 'x'))).rejects.toMatchObject({ name: 'LeadGateError', option: 'path' });
    const loaded = await loadAccounts(file('c.json', JSON.stringify([{ id: '3', name: 'Acme', domains: ['acme.com'] }])));
    expect((await memoryAccountStore(loaded).findAccounts({ domain: 'acme.com' })).map((account) => account.id)).toEqual(['3']);
    await expect(loadAccounts(file('d.json', '{"accounts": "x"}'))).rejects.toMatchObject({ name: 'LeadGateError', option: 'path' });
    await expect(loadAccounts(file('e.csv', 'name,domains\nAcme,???\n'))).rejects.toMatchObject({ name: 'LeadGateError', option: 'accounts[0].domains' });
    await expect(loadAccounts(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
