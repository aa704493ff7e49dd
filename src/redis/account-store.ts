import { LeadGateError } from '../core/errors.js';
import { canonicalJson } from '../core/hmac.js';
import { sha256Hex } from '../core/digest.js';
import { companyKey, companyKeySimilarity } from '../checks/company-name.js';
import { parseAccountRows, type AccountInput, type AccountRecord } from '../checks/group/account-rows.js';
import { normalisedHost, type Account, type AccountQuery, type AccountStore, type AccountStoreCallOptions, type BuyingGroupContact } from '../checks/group/account-store.js';
import { checkPrefix, redisCommand, type RedisClientLike } from './command.js';

/** Options for {@link redisAccountStore}. */
export interface RedisAccountStoreOptions {
  /** Key prefix, as for `redisStore`; every gate sharing the accounts uses the same one. Default `leadgate:`. */
  prefix?: string;
  /**
   * Names at least this similar (0–1) are returned as candidates: set it to the group
   * check's `nameSimilarity`. Default 0.75, as `memoryAccountStore`.
   */
  candidateSimilarity?: number;
  /** Salt for the digests of contacts imported with a raw `email`: the group check's `salt`. Default `DEFAULT_CONTACT_SALT`. */
  salt?: string;
}

/** What {@link RedisAccountStore.importAccounts} wrote. */
export interface AccountImport {
  /** Accounts written (rows of one id count once). */
  accounts: number;
  /** Contacts given with the rows (merged into the groups, never duplicated). */
  contacts: number;
}

/** An `AccountStore` on Redis, plus the way accounts get into it. */
export interface RedisAccountStore extends AccountStore {
  /**
   * Writes accounts (a target account list, a CRM export: the rows `memoryAccountStore`
   * takes, or CSV text) with their domain and name indexes. An upsert: an account
   * imported again gets its new name, domains and flags (its old index entries are
   * removed) and keeps the contacts its group already has. Rows are validated first,
   * as `parseAccountRows` does, so a bad row throws a `LeadGateError` before anything is written.
   */
  importAccounts(rows: string | readonly (AccountInput | AccountRecord)[]): Promise<AccountImport>;
}

// Reads the candidates sharing letter pairs with the query (KEYS[2..]: one set per pair)
// and keeps those that can still reach the threshold, in one round trip. The filter is
// the q-gram bound of memoryAccountStore's name index: within k edits at most 3k distinct
// pairs of either name are lost, so a name sharing fewer than max(pairs) − 3k pairs with
// the query cannot be similar enough. KEYS[1] holds "pairs|length|key" per account id.
// The bound can fall to zero (short or repetitive names, low thresholds), so when a name
// sharing no pair could still pass (ARGV[4], the longest name indexed, says whether),
// every name is tested against it, as the memory store does.
const NAME_CANDIDATES = `local counts = {}
local order = {}
for i = 2, #KEYS do
  for _, id in ipairs(redis.call('SMEMBERS', KEYS[i])) do
    if counts[id] == nil then
      counts[id] = 0
      table.insert(order, id)
    end
    counts[id] = counts[id] + 1
  end
end
local queryPairs = tonumber(ARGV[1])
local queryLength = tonumber(ARGV[2])
local threshold = tonumber(ARGV[3])
local out = {}
local function consider(id, entry, count)
  local pairCount, length, key = string.match(entry, '^(%d+)|(%d+)|(.*)$')
  local edits = math.floor((1 - threshold) * math.max(queryLength, tonumber(length)) + 1e-9)
  if count >= math.max(queryPairs, tonumber(pairCount)) - 3 * edits then
    table.insert(out, id)
    table.insert(out, key)
  end
end
local longest = tonumber(ARGV[4])
if queryPairs <= 3 * math.floor((1 - threshold) * math.max(queryLength, longest) + 1e-9) then
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do consider(all[i], all[i + 1], counts[all[i]] or 0) end
else
  for _, id in ipairs(order) do
    local entry = redis.call('HGET', KEYS[1], id)
    if entry then consider(id, entry, counts[id]) end
  end
end
return out`;

// One account's record and index entries, replaced together so no reader sees an
// account half-indexed. KEYS[1] the record, KEYS[2] the name hash, KEYS[3] the longest
// name's length (ARGV[5]; an upper bound, never lowered), then ARGV[4] index sets to
// leave (the old record's), then the sets to join.
const UPSERT_ACCOUNT = `local leave = tonumber(ARGV[4])
for i = 4, 3 + leave do redis.call('SREM', KEYS[i], ARGV[1]) end
for i = 4 + leave, #KEYS do redis.call('SADD', KEYS[i], ARGV[1]) end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
if tonumber(redis.call('GET', KEYS[3]) or '0') < tonumber(ARGV[5]) then redis.call('SET', KEYS[3], ARGV[5]) end
return 1`;

// One entry per person: a contact already there gets the new roles joined and a title if
// it had none, as memoryAccountStore merges. In Lua, so two gates recording the same
// person at the same moment cannot overwrite each other's roles.
const ADD_CONTACT = `if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if not existing then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
  return 1
end
local old = cjson.decode(existing)
local new = cjson.decode(ARGV[2])
local changed = false
if type(new.roles) == 'table' and #new.roles > 0 then
  local roles = type(old.roles) == 'table' and old.roles or {}
  local held = {}
  for _, role in ipairs(roles) do held[role] = true end
  for _, role in ipairs(new.roles) do
    if not held[role] then
      table.insert(roles, role)
      held[role] = true
      changed = true
    end
  end
  old.roles = roles
end
if type(new.title) == 'string' and type(old.title) ~= 'string' then
  old.title = new.title
  changed = true
end
if changed then redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(old)) end
return 0`;

const IMPORT_BATCH = 100;

/**
 * The buying-group account store on Redis, so several server instances build one
 * account's buying group together (the `group` check's `AccountStore`). Works with
 * ioredis and node-redis, as `redisStore` does; configure the client to fail fast (see
 * `redisStore`), so a Redis outage is `SYSTEM_CHECK_FAILED` → review in milliseconds.
 *
 * `findAccounts` answers as `memoryAccountStore` does: every account with the lead's
 * email domain or website host (or a parent domain: `mail.acme.com` finds `acme.com`),
 * and every account whose company name is at least `candidateSimilarity` alike
 * (`companyKey`, then `companyKeySimilarity`), found through an index of letter pairs;
 * the check decides which candidate is the lead's account. Contacts hold digests, never
 * an email address. Keys (under `prefix`): `account:<id>` (the record, JSON),
 * `account-domain:<domain>` and `account-pair:<xy>` (sets of ids), `account-names`
 * (hash), `account-contacts:<id>` (hash: email digest → contact).
 *
 * A command already sent is not cancelled by `signal` (the client's `commandTimeout`
 * bounds it); an aborted call sends nothing, so a timed-out check never records a contact.
 *
 * @example
 * import { Redis } from 'ioredis';
 * import { redisAccountStore, redisStore } from 'leadgate/redis';
 * import { loadAccounts } from 'leadgate/node';
 *
 * const redis = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
 * const accounts = redisAccountStore(redis, { prefix: 'leadgate:' });
 * await accounts.importAccounts(await loadAccounts('target-accounts.csv')); // once, or on each list update
 * const gate = createGate({ motion: 'abm', store: redisStore(redis), checks: [buyingGroup({ accounts })] });
 */
export function redisAccountStore(client: RedisClientLike, options: RedisAccountStoreOptions = {}): RedisAccountStore {
  const command = redisCommand(client, 'redisAccountStore');
  const prefix = checkPrefix(options.prefix ?? 'leadgate:', 'redisAccountStore');
  const threshold = options.candidateSimilarity ?? 0.75;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
    throw new LeadGateError('redisAccountStore: option "candidateSimilarity" must be a number above 0 and at most 1, e.g. 0.75', { option: 'candidateSimilarity' });
  }
  if (options.salt !== undefined && (typeof options.salt !== 'string' || options.salt.length < 8)) {
    throw new LeadGateError('redisAccountStore: option "salt" must be a string of at least 8 characters (the group check\'s salt)', { option: 'salt' });
  }
  const keys = accountKeys(prefix);
  const eval_ = (script: string, keyList: string[], ...args: (string | number)[]) => command('EVAL', script, keyList.length, ...keyList, ...args);

  const byName = async (name: string): Promise<string[]> => {
    const key = companyKey(name);
    const compact = key.replace(/ /g, '');
    if (compact === '') return [];
    const pairs = letterPairs(compact);
    const longest = Number((await command('GET', keys.longestName)) ?? 0) || 0;
    const reply = await eval_(NAME_CANDIDATES, [keys.names, ...[...pairs].map(keys.pair)], pairs.size, compact.length, threshold, longest);
    const flat = Array.isArray(reply) ? reply.map(String) : [];
    const ids: string[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      if (companyKeySimilarity(key, flat[i + 1]!) >= threshold) ids.push(flat[i]!);
    }
    return ids.sort();
  };

  const byDomain = async (query: AccountQuery): Promise<string[]> => {
    const domains = new Set<string>();
    for (const host of [query.domain, query.website]) {
      const domain = host === undefined ? undefined : normalisedHost(host);
      // The host and each parent: `mail.eu.acme.com` finds the account of `acme.com`.
      for (let at = domain; at && at.includes('.'); at = at.slice(at.indexOf('.') + 1)) domains.add(at);
    }
    if (domains.size === 0) return [];
    const reply = await command('SUNION', ...[...domains].map(keys.domain));
    return (Array.isArray(reply) ? reply.map(String) : []).sort();
  };

  return {
    async findAccounts(query, call) {
      aborted(call);
      const [domainIds, nameIds] = await Promise.all([byDomain(query ?? {}), typeof query?.companyName === 'string' ? byName(query.companyName) : []]);
      const ids = [...new Set([...domainIds, ...nameIds])];
      if (ids.length === 0) return [];
      aborted(call);
      const records = await command('MGET', ...ids.map(keys.account));
      const accounts: Account[] = [];
      for (const text of Array.isArray(records) ? records : []) {
        // Gone between the index read and this one (a re-import): not a candidate any more.
        if (text !== null && text !== undefined) accounts.push(JSON.parse(String(text)) as Account);
      }
      return accounts;
    },

    async contacts(accountId, call) {
      aborted(call);
      const reply = await command('HVALS', keys.contacts(accountId));
      const members = (Array.isArray(reply) ? reply : []).map((text) => JSON.parse(String(text)) as BuyingGroupContact);
      // A hash has no order; the order of arrival is the useful one to read.
      return members.sort((a, b) => (a.addedAt ?? '').localeCompare(b.addedAt ?? ''));
    },

    async addContact(accountId, contact, call) {
      aborted(call);
      const reply = Number(await writeContact(eval_, keys, accountId, contact));
      if (reply === -1) throw new Error('redisAccountStore: unknown account');
    },

    async importAccounts(rows) {
      const records = mergeRows(parseAccountRows(rows, options.salt === undefined ? {} : { salt: options.salt }));
      let contacts = 0;
      for (let start = 0; start < records.length; start += IMPORT_BATCH) {
        const batch = records.slice(start, start + IMPORT_BATCH);
        const old = await command('MGET', ...batch.map(({ account }) => keys.account(account.id)));
        const previous = Array.isArray(old) ? old : [];
        // Concurrent commands: both clients pipeline them over one connection.
        await Promise.all(
          batch.map(({ account }, i) => {
            const before = previous[i] === null || previous[i] === undefined ? undefined : (JSON.parse(String(previous[i])) as Account);
            const leave = before ? indexSets(keys, before) : [];
            const join = indexSets(keys, account);
            return eval_(UPSERT_ACCOUNT, [keys.account(account.id), keys.names, keys.longestName, ...leave, ...join], account.id, JSON.stringify(account), nameEntry(account.name), leave.length, companyKey(account.name).replace(/ /g, '').length);
          }),
        );
        await Promise.all(batch.flatMap(({ account, members }) => members.map((member) => writeContact(eval_, keys, account.id, member))));
        contacts += batch.reduce((sum, { members }) => sum + members.length, 0);
      }
      return { accounts: records.length, contacts };
    },
  };
}

type Keys = ReturnType<typeof accountKeys>;

function accountKeys(prefix: string) {
  return {
    account: (id: string) => `${prefix}account:${id}`,
    domain: (domain: string) => `${prefix}account-domain:${domain}`,
    pair: (pair: string) => `${prefix}account-pair:${pair}`,
    names: `${prefix}account-names`,
    longestName: `${prefix}account-names:longest`,
    contacts: (id: string) => `${prefix}account-contacts:${id}`,
  };
}

function writeContact(eval_: (script: string, keys: string[], ...args: (string | number)[]) => Promise<unknown>, keys: Keys, accountId: string, contact: BuyingGroupContact) {
  const record: BuyingGroupContact = { ...contact };
  if (record.roles !== undefined && record.roles.length === 0) delete record.roles;
  // A contact without a digest (a role from a CRM row with no email) is keyed by its
  // content, so importing the same list twice does not add the same row twice.
  const field = record.emailDigest ?? `anonymous:${sha256Hex(canonicalJson(record))}`;
  return eval_(ADD_CONTACT, [keys.account(accountId), keys.contacts(accountId)], field, JSON.stringify(record));
}

/** The sets an account is listed in: one per domain, one per letter pair of its name. */
function indexSets(keys: Keys, account: Account): string[] {
  const compact = companyKey(account.name).replace(/ /g, '');
  return [...account.domains.map(keys.domain), ...[...letterPairs(compact)].map(keys.pair)];
}

function nameEntry(name: string): string {
  const key = companyKey(name);
  const compact = key.replace(/ /g, '');
  return `${letterPairs(compact).size}|${compact.length}|${key}`;
}

/** Rows of one id are one account (their domains and contacts together), as in memoryAccountStore. */
function mergeRows(records: ReturnType<typeof parseAccountRows>): Array<{ account: Account; members: BuyingGroupContact[] }> {
  const byId = new Map<string, { account: Account; members: BuyingGroupContact[] }>();
  for (const { contacts, ...account } of records) {
    const known = byId.get(account.id);
    if (!known) {
      byId.set(account.id, { account: { ...account, domains: [...account.domains] }, members: [...contacts] });
      continue;
    }
    for (const domain of account.domains) if (!known.account.domains.includes(domain)) known.account.domains.push(domain);
    known.members.push(...contacts);
  }
  return [...byId.values()];
}

/**
 * The distinct pairs of adjacent characters: "acme" → ac, cm, me. The same pairs as
 * memoryAccountStore's name index (a name of one character is its own pair), so both
 * stores return the same candidates.
 */
function letterPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  if (text.length === 1) pairs.add(text);
  return pairs;
}

function aborted(call: AccountStoreCallOptions | undefined): void {
  call?.signal?.throwIfAborted();
}

