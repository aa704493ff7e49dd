import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyingGroup, companyNameSimilarity, contactDigest, createGate, isLeadGateError, memoryAccountStore, type AccountInput, type AccountStore, type Verdict } from '../../src/index.js';
import { redisAccountStore, redisCommand } from '../../src/redis/index.js';
import { CLIENTS, ioredisClient, type TestClient } from './clients.js';
import { describeWithRedis, startRedis, type RedisProcess } from './redis-server.js';
import { editName, nameEdit, nameLetter } from '../helpers/name-edits.js';

type MakeStore = (rows: AccountInput[], options?: { candidateSimilarity?: number }) => Promise<AccountStore>;

const ROWS: AccountInput[] = [
  { id: 'a', name: 'Acme Inc.', domains: ['acme.com'] },
  { id: 'a', name: 'Acme Inc.', domains: ['acme.de'] },
  { id: 'g', name: 'Globex', domains: ['globex.com'], country: 'US', target: true, owner: 'rep-7' },
  { id: 'n', name: 'Northwind Logistics GmbH', domains: 'northwind-logistics.de', contacts: [{ email: 'Klaus.Schmidt@northwind-logistics.de', title: 'Geschäftsführer' }, { title: 'Einkauf', roles: 'procurement' }] },
];
const ids = (accounts: { id: string }[]) => accounts.map((account) => account.id).sort();
const digest = (n: number) => n.toString(16).padStart(64, '0');

/**
 * What every AccountStore must do for the group check, run against memoryAccountStore
 * and redisAccountStore alike: the same rows give the same answers.
 */
function accountStoreContract(name: string, make: MakeStore) {
  describe(`${name}: the AccountStore contract`, () => {
    it('finds by domain, parent domain and website, by a close company name, and merges rows of one id', async () => {
      const store = await make(ROWS);
      expect(ids(await store.findAccounts({ domain: 'mail.acme.de' }))).toEqual(['a']);
      expect((await store.findAccounts({ website: 'https://www.acme.com/x' })).map((account) => [...account.domains].sort())).toEqual([['acme.com', 'acme.de']]);
      expect(ids(await store.findAccounts({ companyName: 'Acne Corp' }))).toEqual(['a']);
      expect(ids(await store.findAccounts({ companyName: 'Northwind Logistik' }))).toEqual(['n']);
      expect(ids(await store.findAccounts({ domain: 'globex.com', companyName: 'Acme' }))).toEqual(['a', 'g']);
      // Near misses: another company, a domain that only ends like ours, nothing to look for.
      expect(await store.findAccounts({ companyName: 'Umbrella' })).toEqual([]);
      expect(await store.findAccounts({ domain: 'notacme.com' })).toEqual([]);
      expect(await store.findAccounts({})).toEqual([]);
      expect((await store.findAccounts({ domain: 'globex.com' }))[0]).toEqual({ id: 'g', name: 'Globex', domains: ['globex.com'], country: 'US', target: true, owner: 'rep-7' });
    });

    it('hands out copies: a caller cannot change the store', async () => {
      const store = await make(ROWS);
      const [account] = await store.findAccounts({ domain: 'globex.com' });
      account!.domains.push('evil.com');
      expect(await store.findAccounts({ domain: 'evil.com' })).toEqual([]);
      await store.addContact('g', { emailDigest: digest(1), roles: ['end_user'] });
      const [member] = await store.contacts('g');
      member!.roles!.push('decision_maker');
      expect((await store.contacts('g'))[0]!.roles).toEqual(['end_user']);
    });

    it('contacts: digests only, one entry per digest with roles joined, a title kept; an unknown account rejects', async () => {
      const store = await make(ROWS);
      const imported = await store.contacts('n');
      expect(imported).toHaveLength(2);
      expect(imported.map((contact) => contact.emailDigest ?? null).sort()).toEqual([contactDigest('klaus.schmidt@northwind-logistics.de'), null].sort());
      expect(JSON.stringify(imported)).not.toContain('@');

      await store.addContact('g', { emailDigest: digest(2), roles: ['end_user'], addedAt: '2026-11-23T12:00:00.000Z' });
      await store.addContact('g', { emailDigest: digest(2), roles: ['influencer', 'end_user'], title: 'Head of Marketing' });
      await store.addContact('g', { emailDigest: digest(2), title: 'Another title' });
      await store.addContact('g', { emailDigest: digest(3), roles: ['decision_maker'] });
      const members = await store.contacts('g');
      expect(members).toHaveLength(2);
      expect(members.find((member) => member.emailDigest === digest(2))).toEqual({
        emailDigest: digest(2), roles: ['end_user', 'influencer'], title: 'Head of Marketing', addedAt: '2026-11-23T12:00:00.000Z',
      });
      expect(await store.contacts('nobody')).toEqual([]);
      await expect(store.addContact('nobody', { emailDigest: digest(4) })).rejects.toThrow();
    });

  });
}

accountStoreContract('memoryAccountStore', async (rows, options) => memoryAccountStore(rows, options));

/** The name index of a store answers as memoryAccountStore's, threshold for threshold. */
function sameNameCandidates(name: string, make: MakeStore, runs: number) {
  describe(`${name}: name candidates`, () => {
    it('name candidates are exactly those memoryAccountStore returns for the same rows', async () => {
      // Names made by a few random edits of the query (as memoryAccountStore's own index
      // test), so near misses on both sides of each threshold are common.
      const [letter, edit, mutate] = [nameLetter, nameEdit, editName];
      let matched = 0;
      let missed = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: letter, minLength: 6, maxLength: 14 }),
          fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 20 }),
          fc.constantFrom(0.6, 0.75, 0.9),
          async (query, editLists, threshold) => {
            const names = [...new Set(editLists.map((edits) => mutate(query, edits)))].filter((text) => text.length >= 6);
            const rows = names.map((text, i) => ({ id: `id${i}`, name: `${text} GmbH`, domains: [`n${i}.example`] }));
            const store = await make(rows, { candidateSimilarity: threshold });
            const found = ids(await store.findAccounts({ companyName: query }));
            const expected = ids(await memoryAccountStore(rows, { candidateSimilarity: threshold }).findAccounts({ companyName: query }));
            // Both stores must also agree with a full scan, names sharing no letter pair included.
            const scanned = rows.filter((row) => companyNameSimilarity(row.name, query) >= threshold).map((row) => row.id).sort();
            expect(expected).toEqual(scanned);
            expect(found).toEqual(expected);
            matched += expected.length;
            missed += rows.length - expected.length;
          },
        ),
        { numRuns: runs },
      );
      // The property saw real matches and real misses.
      expect(matched).toBeGreaterThan(runs / 2);
      expect(missed).toBeGreaterThan(runs / 2);
    });
  });
}

describeWithRedis('redisAccountStore on a real Redis', () => {
  let redis: RedisProcess;
  let prefixCounter = 0;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const client of clients) await client.quit();
    await redis?.stop();
  });

  for (const [name, connect] of CLIENTS) {
    let client: TestClient | undefined;
    const make: MakeStore = async (rows, options) => {
      if (!client) clients.push((client = await connect(redis.port)));
      const store = redisAccountStore(client.client, { prefix: `acc${prefixCounter++}:`, ...options });
      await store.importAccounts(rows);
      return store;
    };
    accountStoreContract(`redisAccountStore (${name})`, make);
    sameNameCandidates(`redisAccountStore (${name})`, make, 100);
  }

  const connected = async () => {
    const client = await ioredisClient(redis.port);
    clients.push(client);
    return client;
  };

  it('importing again is an upsert: new name and domains replace the old index entries, the group stays', async () => {
    const { client } = await connected();
    const store = redisAccountStore(client, { prefix: `upsert${prefixCounter++}:` });
    expect(await store.importAccounts(ROWS)).toEqual({ accounts: 3, contacts: 2 });
    await store.addContact('g', { emailDigest: digest(9), roles: ['champion'] });
    // The same list again adds no contact twice (with or without a digest).
    expect(await store.importAccounts(ROWS)).toEqual({ accounts: 3, contacts: 2 });
    expect(await store.contacts('n')).toHaveLength(2);

    await store.importAccounts([{ id: 'g', name: 'Initech', domains: ['initech.com'], target: false }]);
    expect(await store.findAccounts({ domain: 'globex.com' })).toEqual([]);
    expect(await store.findAccounts({ companyName: 'Globex' })).toEqual([]);
    expect(await store.findAccounts({ domain: 'initech.com', companyName: 'Initech' })).toEqual([{ id: 'g', name: 'Initech', domains: ['initech.com'], target: false }]);
    expect(await store.contacts('g')).toEqual([{ emailDigest: digest(9), roles: ['champion'] }]);
    // Near miss: the other accounts were not touched.
    expect(ids(await store.findAccounts({ domain: 'acme.de' }))).toEqual(['a']);
  });

  it('a bad row throws a LeadGateError naming it, before anything is written; bad options name the option', async () => {
    const { client } = await connected();
    const prefix = `bad${prefixCounter++}:`;
    const store = redisAccountStore(client, { prefix });
    await expect(store.importAccounts([{ id: 'ok', name: 'Fine', domains: ['fine.com'] }, { id: 'x', name: 'Bad', country: 'Germany' }])).rejects.toSatisfy(
      (error) => isLeadGateError(error) && error.option === 'accounts[1].country',
    );
    expect(await store.findAccounts({ domain: 'fine.com' })).toEqual([]);
    const optionOf = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        return isLeadGateError(error) ? error.option : 'not a LeadGateError';
      }
      return undefined;
    };
    expect(optionOf(() => redisAccountStore(client, { candidateSimilarity: 0 }))).toBe('candidateSimilarity');
    expect(optionOf(() => redisAccountStore(client, { salt: 'short' }))).toBe('salt');
    expect(optionOf(() => redisAccountStore(client, { prefix: 'has space' }))).toBe('prefix');
    expect(optionOf(() => redisAccountStore({} as never))).toBe('client');
    expect(optionOf(() => redisAccountStore(client, { prefix: 'fine:', candidateSimilarity: 0.8, salt: 'a-long-salt' }))).toBeUndefined();
  });

  it('an aborted call sends nothing: a check that timed out records no contact', async () => {
    const { client } = await connected();
    const store = redisAccountStore(client, { prefix: `abort${prefixCounter++}:` });
    await store.importAccounts(ROWS);
    const controller = new AbortController();
    controller.abort();
    await expect(store.addContact('g', { emailDigest: digest(5) }, { signal: controller.signal })).rejects.toThrow();
    await expect(store.findAccounts({ domain: 'globex.com' }, { signal: controller.signal })).rejects.toThrow();
    expect(await store.contacts('g')).toEqual([]);
    // Near miss: a live signal works.
    await store.addContact('g', { emailDigest: digest(5) }, { signal: new AbortController().signal });
    expect(await store.contacts('g')).toHaveLength(1);
  });

  it('keeps no email address in Redis: contacts and keys hold digests only', async () => {
    const { client } = await connected();
    const prefix = `pii${prefixCounter++}:`;
    const store = redisAccountStore(client, { prefix });
    await store.importAccounts(ROWS);
    const command = redisCommand(client, 'test');
    const keys = (await command('KEYS', `${prefix}*`)) as string[];
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) {
      const type = await command('TYPE', key);
      const dump = await command(type === 'string' ? 'GET' : type === 'hash' ? 'HGETALL' : 'SMEMBERS', key);
      expect(`${key} ${JSON.stringify(dump)}`.toLowerCase()).not.toContain('klaus.schmidt');
    }
  });

  describe('two gates sharing one Redis build one account\'s buying group', () => {
    const ACCOUNTS: AccountInput[] = [{ id: '001-northwind', name: 'Northwind Logistics GmbH', domains: ['northwind-logistics.de'], country: 'DE', target: true }];
    const northwind = (local: string, title: string) => ({
      email: `${local}@northwind-logistics.de`, company: 'Northwind Logistics', website: 'https://www.northwind-logistics.de', country: 'DE', title,
    });
    const group = (verdict: Verdict) => verdict.results.find((result) => result.check === 'group') as unknown as {
      status: string;
      evidence: { match: { status: string; accountId: string }; coverage: { before: number; after: number; roles: Record<string, number> }; contactRecorded: boolean };
    };

    it('leads on either gate add to the same group; the same person on the other gate is GROUP_CONTACT_EXISTS', async () => {
      const prefix = `abm${prefixCounter++}:`;
      const [a, b] = [await connected(), await connected()];
      await redisAccountStore(a.client, { prefix }).importAccounts(ACCOUNTS);
      const gateA = createGate({ motion: 'abm', checks: [buyingGroup({ accounts: redisAccountStore(a.client, { prefix }) })] });
      const gateB = createGate({ motion: 'abm', checks: [buyingGroup({ accounts: redisAccountStore(b.client, { prefix }) })] });

      const first = group(await gateA.validate(northwind('maria.keller', 'Marketing Coordinator')));
      expect(first.evidence).toMatchObject({ match: { status: 'matched', accountId: '001-northwind' }, coverage: { before: 0, after: 0.1 }, contactRecorded: true });
      const second = group(await gateB.validate(northwind('klaus.schmidt', 'Geschäftsführer')));
      // Gate B sees gate A's contact: coverage goes on from 0.1, not from 0.
      expect(second.evidence).toMatchObject({ coverage: { before: 0.1, after: 0.4, roles: { end_user: 1, decision_maker: 1 } }, contactRecorded: true });
      expect(await gateA.accountSummary('northwind-logistics.de')).toMatchObject({ accountId: '001-northwind', contacts: 2, roles: { end_user: 1, decision_maker: 1 }, hasDecisionMaker: true });

      const again = await gateB.validate(northwind('Maria.Keller', 'Marketing Coordinator'));
      expect(again.reasons.map((reason) => reason.code)).toContain('GROUP_CONTACT_EXISTS');
      expect(group(again).evidence.contactRecorded).toBe(false);
      // Near miss: a new person on the same gate is no existing contact.
      const third = await gateB.validate(northwind('jonas.weber', 'Head of Marketing'));
      expect(third.reasons.map((reason) => reason.code)).not.toContain('GROUP_CONTACT_EXISTS');
      expect((await gateB.accountSummary('northwind-logistics.de'))?.contacts).toBe(3);
    });

    it('many leads at once through both gates: every person is recorded once', async () => {
      const prefix = `abmpar${prefixCounter++}:`;
      const [a, b] = [await connected(), await connected()];
      await redisAccountStore(a.client, { prefix }).importAccounts(ACCOUNTS);
      const gates = [a, b].map((client) => createGate({ motion: 'abm', checks: [buyingGroup({ accounts: redisAccountStore(client.client, { prefix }) })] }));
      // 12 people, each sent twice, once through each gate, all at the same time.
      await Promise.all(Array.from({ length: 24 }, (_, i) => gates[i % 2]!.validate(northwind(`person${i >> 1}`, 'Marketing Manager'))));
      const summary = await gates[0]!.accountSummary('northwind-logistics.de');
      expect(summary?.contacts).toBe(12);
    });

    it('Redis down: the group check degrades to SYSTEM_CHECK_FAILED → review; it answers again once Redis is back', async () => {
      const prefix = `abmdown${prefixCounter++}:`;
      const { client } = await connected();
      const accounts = redisAccountStore(client, { prefix });
      await accounts.importAccounts(ACCOUNTS);
      const gate = createGate({ motion: 'abm', checks: [buyingGroup({ accounts })], timeoutMs: 1000 });
      await redis.stop();
      const started = performance.now();
      const verdict = await gate.validate(northwind('maria.keller', 'Marketing Coordinator'));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(verdict.results.find((result) => result.check === 'group')?.status).toBe('error');
      expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'SYSTEM_CHECK_FAILED', check: 'group', action: 'review' }));
      expect(verdict.decision).not.toBe('accept');
      await redis.start();
      // The restarted Redis is empty (no persistence): import again, then it answers.
      await expect.poll(async () => accounts.importAccounts(ACCOUNTS).then(() => true, () => false), { timeout: 5000, interval: 100 }).toBe(true);
      expect(group(await gate.validate(northwind('maria.keller', 'Marketing Coordinator'))).evidence.match.status).toBe('matched');
    });
  });
});
