import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT_IN_CHECKS } from '../checks/index.js';
import { memoryAccountStore } from '../checks/group/account-store.js';
import type { Check } from '../core/check.js';
import { LeadGateError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';
import type { GateOptions } from '../core/gate-options.js';
import type { LeadStore } from '../core/store.js';
import { MOTION_NAMES, type MotionName } from '../core/types.js';
import { createGate } from '../gate.js';
import { motions } from '../motions/index.js';
import { loadAccounts } from './accounts-file.js';
import { auditStore } from './audit-store.js';
import { jsonlFileSink } from './jsonl-sink.js';
import { createMxResolver } from './mx.js';
import type { MxAnswer, MxResolver } from '../checks/email/mx.js';

/**
 * How to build the audit's gate, as plain data: the main thread and every worker
 * build their own gate from it (a gate holds functions, which cannot be posted).
 */
export interface AuditGateSpec {
  /** A built-in motion; overrides the config file's `motion`. Default `inbound`. */
  motion?: string;
  /** Absolute path of a `leadgate.config.json` or `.js`. */
  configPath?: string;
  /** MX lookups for the email check. Default false: the audit stays offline and deterministic. */
  dns?: boolean;
  /** Most MX lookups in flight at once per thread. Default 16. */
  dnsConcurrency?: number;
  /**
   * Write every decision to this JSONL decision log (`jsonlFileSink`), with the row's
   * `@id` as the event's `leadId`. `salt` digests emails and phones (`logSalt`): the main
   * thread picks it once, so every worker's events digest alike. Workers append whole
   * lines, in batches that may interleave; each event carries its `leadId` and `at`.
   */
  log?: { path: string; salt: string };
}

/**
 * The config file (`--config leadgate.config.json|js`). A `.js` file default-exports
 * the object and may use functions where a check takes them (an enricher, a message).
 *
 * @example
 * // leadgate.config.json
 * { "motion": "abm", "overrides": { "EMAIL_FREE_PROVIDER": "reject" },
 *   "checks": { "role": { "functions": ["marketing", "sales"] } } }
 */
export interface AuditConfig {
  motion?: MotionName;
  overrides?: GateOptions['overrides'];
  messages?: GateOptions['messages'];
  /** Check id → options, merged over the motion's options for that check. */
  checks?: Record<string, Record<string, unknown>>;
  timeoutMs?: number;
}

const CONFIG_KEYS = ['motion', 'overrides', 'messages', 'checks', 'timeoutMs'];

/**
 * Turns a check's options as written in a config file into what its factory takes.
 * A check whose options name a file registers a loader here, keyed by check id; it
 * receives the options and the config file's directory (relative paths are relative to
 * the config file, not to the working directory) and returns the options with the
 * file's content in place. A file that cannot be read or parsed is a `LeadGateError`
 * naming the option, so the CLI exits 2 as for any other bad config.
 *
 * - `group`: `{ "accounts": "accounts.csv" }` (a `.csv` or `.json` account list, read by
 *   `loadAccounts`) becomes `buyingGroup({ accounts: memoryAccountStore(rows) })`, with
 *   the check's `salt` and `nameSimilarity` given to the store so both agree.
 * - `consent`: `{ "texts": "consent-texts.json" }` (a JSON array of `{ id, hash, validFrom?, validTo? }`)
 *   becomes the registry itself; an inline array is used as it is.
 */
export const CHECK_OPTION_LOADERS: Record<string, (options: Record<string, unknown>, configDir: string) => Promise<Record<string, unknown>>> = {
  async group(options, configDir) {
    const { accounts } = options;
    // An array of accounts written in the config itself is plain data the check takes as it is.
    if (accounts === undefined || Array.isArray(accounts)) return options;
    if (typeof accounts !== 'string' || accounts === '') {
      throw new LeadGateError('config: "checks.group.accounts" must name an account list (a .csv or .json file, relative to the config file) or be an array of accounts', { option: 'config.checks.group.accounts' });
    }
    const path = resolve(configDir, accounts);
    let rows;
    try {
      rows = await loadAccounts(path, typeof options.salt === 'string' ? { salt: options.salt } : {});
    } catch (error) {
      throw new LeadGateError(`config: "checks.group.accounts": ${describeLoadError(error, accounts)}`, { option: 'config.checks.group.accounts', cause: error });
    }
    const store = memoryAccountStore(rows, {
      ...(typeof options.salt === 'string' ? { salt: options.salt } : {}),
      ...(typeof options.nameSimilarity === 'number' ? { candidateSimilarity: options.nameSimilarity } : {}),
    });
    return { ...options, accounts: store };
  },
  async consent(options, configDir) {
    const { texts } = options;
    if (typeof texts !== 'string') return options;
    const path = resolve(configDir, texts);
    let registry: unknown;
    try {
      registry = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new LeadGateError(`config: "checks.consent.texts": ${describeLoadError(error, texts)}`, { option: 'config.checks.consent.texts', cause: error });
    }
    return { ...options, texts: registry };
  },
};

function describeLoadError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `cannot read ${file} (${code})`;
  if (error instanceof SyntaxError) return `${file} is not valid JSON: ${error.message}`;
  return (error as Error).message;
}

/**
 * Options the audit gives a check over the motion's own, before the config file's.
 *
 * `source.velocity: false` — velocity (research SV-11) counts submissions per key in time
 * windows at the moment they arrive. A file has no arrival times: every row reaches the
 * gate within seconds of the audit starting, so each window count becomes a count over
 * the whole file: the 6th row with one email (already `SOURCE_DUPLICATE`) or the 51st
 * contact at one company (`SOURCE_VELOCITY_SHARED`, which sends the whole account to
 * review for being big, not for being a bot). Duplicates stay on: the same person twice
 * in a list is a real finding. A config turns velocity back on with
 * `{ "checks": { "source": { "velocity": {} } } }`.
 */
export const AUDIT_CHECK_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = Object.freeze({
  source: Object.freeze({ velocity: false }),
});

/** Reads and validates a config file; a problem is a `LeadGateError` naming the key (exit code 2). */
export async function loadAuditConfig(path: string): Promise<AuditConfig> {
  const absolute = resolve(path);
  let config: unknown;
  if (/\.(c|m)?js$/.test(absolute)) {
    let module: { default?: unknown };
    try {
      module = await import(pathToFileURL(absolute).href);
    } catch (error) {
      throw new LeadGateError(`config: cannot load ${path}: ${(error as Error).message}`, { option: 'config', cause: error });
    }
    config = module.default ?? module;
  } else {
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      throw new LeadGateError(`config: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { option: 'config', cause: error });
    }
    try {
      config = JSON.parse(text);
    } catch (error) {
      throw new LeadGateError(`config: ${path} is not valid JSON: ${(error as Error).message}`, { option: 'config', cause: error });
    }
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new LeadGateError(`config: ${path} must hold an object such as { "motion": "inbound" }`, { option: 'config' });
  }
  const record = config as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!CONFIG_KEYS.includes(key)) throw new LeadGateError(`config: unknown key "${key}" in ${path}; known keys are ${CONFIG_KEYS.join(', ')}`, { option: `config.${key}` });
  }
  if (record.motion !== undefined && !(MOTION_NAMES as readonly unknown[]).includes(record.motion)) {
    throw new LeadGateError(`config: "motion" must be one of ${MOTION_NAMES.join(', ')}, got ${JSON.stringify(record.motion)}`, { option: 'config.motion' });
  }
  if (record.checks !== undefined) {
    if (typeof record.checks !== 'object' || record.checks === null || Array.isArray(record.checks)) {
      throw new LeadGateError('config: "checks" must be an object of check id → options', { option: 'config.checks' });
    }
    for (const [id, options] of Object.entries(record.checks)) {
      if (!Object.hasOwn(BUILT_IN_CHECKS, id)) {
        throw new LeadGateError(`config: unknown check "${id}" in "checks"; built-in checks are ${Object.keys(BUILT_IN_CHECKS).join(', ')}`, { option: `config.checks.${id}` });
      }
      if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        throw new LeadGateError(`config: "checks.${id}" must be an options object`, { option: `config.checks.${id}` });
      }
    }
  }
  return record as AuditConfig;
}

/** The gate an audit runs, and facts about it the audit needs. */
export interface AuditGate {
  gate: Gate;
  /**
   * True when a check keeps state across leads (declared `runsIn: 'server'`: duplicates,
   * velocity, buying groups). Such a gate runs on one thread: split over workers, each
   * would see only part of the file and the results would differ from a single run.
   */
  stateful: boolean;
  /** The ids of those checks, for the report and the CLI's note (e.g. `['source']`). */
  statefulChecks: string[];
  /**
   * True when the only state across leads is the source check's duplicate marks (no
   * velocity, no form or partner tokens, no other server check) and the audit does no
   * DNS lookups. Such a gate can run on workers that ask their marks of the main thread
   * (ordered-marks.ts).
   */
  duplicatesOnly: boolean;
}

/**
 * Builds the audit's gate from its spec. Every check a config file names is built from
 * `BUILT_IN_CHECKS[id]`, with its options merged over the motion's own options for that
 * check (so `{ "role": { "functions": ["sales"] } }` keeps the motion's seniority floor).
 * The gate gets an {@link auditStore}, so checks that look for duplicates see the whole
 * file; a worker gives its own `store` (one that asks the main thread for the duplicate marks).
 */
export async function buildAuditGate(spec: AuditGateSpec, parts: { store?: LeadStore } = {}): Promise<AuditGate> {
  const config = spec.configPath ? await loadAuditConfig(spec.configPath) : {};
  const motionName = spec.motion ?? config.motion ?? 'inbound';
  if (!(MOTION_NAMES as readonly string[]).includes(motionName)) {
    throw new LeadGateError(`unknown motion "${motionName}"; motions are ${MOTION_NAMES.join(', ')}`, { option: 'motion' });
  }
  const preset = motions[motionName as MotionName];
  const configDir = spec.configPath ? dirname(resolve(spec.configPath)) : process.cwd();
  const checkOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, options] of Object.entries(AUDIT_CHECK_DEFAULTS)) {
    if (preset.checks[id] !== undefined) checkOptions[id] = { ...preset.checks[id], ...options };
  }
  for (const [id, options] of Object.entries(config.checks ?? {})) {
    const loader = CHECK_OPTION_LOADERS[id];
    checkOptions[id] = { ...preset.checks[id], ...AUDIT_CHECK_DEFAULTS[id], ...(loader ? await loader(options, configDir) : options) };
  }
  if (spec.dns) {
    checkOptions.email = { ...preset.checks.email, ...checkOptions.email, resolveMx: limitConcurrency(createMxResolver(), spec.dnsConcurrency ?? 16) };
  }
  const checks: Check[] = Object.entries(checkOptions).map(([id, options]) => {
    try {
      return BUILT_IN_CHECKS[id]!(options);
    } catch (error) {
      if (error instanceof LeadGateError) throw new LeadGateError(`config: check "${id}": ${error.message}`, { option: `config.checks.${id}${error.option ? `.${error.option}` : ''}`, cause: error });
      throw error;
    }
  });
  const options: GateOptions = { motion: motionName as MotionName, checks, store: parts.store ?? auditStore() };
  if (spec.log) {
    options.log = jsonlFileSink(spec.log.path);
    options.logSalt = spec.log.salt;
  }
  if (config.overrides) options.overrides = config.overrides;
  if (config.messages) options.messages = config.messages;
  if (config.timeoutMs !== undefined) options.timeoutMs = config.timeoutMs;
  let gate: Gate;
  try {
    gate = createGate(options);
  } catch (error) {
    if (error instanceof LeadGateError) throw new LeadGateError(`config: ${error.message}`, { option: `config.${error.option ?? ''}`, cause: error });
    throw error;
  }
  const statefulChecks = gate.checks.filter((check) => check.runsIn === 'server').map((check) => check.id);
  const source = checkOptions.source ?? preset.checks.source ?? {};
  // The source check keeps state through its duplicate marks alone when it counts no
  // velocity and remembers no single-use form or partner token (then it is a server check
  // only because its duplicates are on). Without DNS, too: with
  // it, a thread starts at most `dnsConcurrency` leads at once, so later leads of a batch
  // reach the duplicate rule after a lookup, and a worker could not tell when a batch
  // has asked all of its marks (ordered-marks.ts).
  const duplicatesOnly = statefulChecks.length === 1 && statefulChecks[0] === 'source' && spec.dns !== true
    && source.velocity === false && source.formTokenSecret === undefined && source.partners === undefined;
  return { gate, stateful: statefulChecks.length > 0, statefulChecks, duplicatesOnly };
}

/** At most `limit` lookups in flight; the rest wait their turn (a list of 1M leads must not open 1M sockets). */
function limitConcurrency(resolveMx: MxResolver, limit: number): MxResolver {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (domain: string, signal: AbortSignal): Promise<MxAnswer> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await resolveMx(domain, signal);
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
