import * as z from 'zod/mini';
import type { Check, Finding } from './check.js';
import { parseOptions, type OptionsOwner } from './options.js';
import type { LogSinkInput } from './log.js';
import type { MotionPreset } from './policy.js';
import { LEAD_STORE_METHODS, type LeadStore } from './store.js';
import { ACTIONS, MOTION_NAMES, type Action, type MotionName } from './types.js';

/** A per-code message: a template over the finding's data, or a function of the finding. */
export type MessageOverride = string | ((finding: Finding) => string);

/** Options for `createGate`. Only `motion` is required. */
export interface GateOptions {
  /** A built-in motion name, or a preset object of your own. */
  motion: MotionName | MotionPreset;
  /**
   * Checks to run in addition to the motion's: a check with the same id replaces the
   * motion's one (Sentry-style integrations). A function receives the motion's checks
   * and returns the final list.
   */
  checks?: Check[] | ((defaults: readonly Check[]) => Check[]);
  /** Code → action, over the motion's table: `{ EMAIL_FREE_PROVIDER: 'reject' }`. */
  overrides?: Record<string, Action>;
  /** Where decision events go. Default: nowhere (the verdict is still returned). */
  log?: LogSinkInput | LogSinkInput[];
  /** Log emails and phone numbers in clear. Default false: they appear as salted digests. */
  logPersonalData?: boolean;
  /** Salt for the digests. Default: random per gate, so digests only link leads within one process. */
  logSalt?: string;
  /** Called when a sink throws; default writes the sink name and error message to console.error. */
  onLogError?: (error: unknown, sinkName: string) => void;
  /** Code → message, for wording and localisation. */
  messages?: Record<string, MessageOverride>;
  /** Per-check timeout for async checks, in ms. Default 3,000. */
  timeoutMs?: number;
  /** Shared state for checks that need it (duplicates, velocity, suppression). */
  store?: LeadStore;
  /** Clock, for tests and replays. */
  now?: () => Date;
}

const fn = z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function');
const sink = z.union([fn, z.custom((value) => typeof value === 'object' && value !== null && typeof (value as { write?: unknown }).write === 'function')]);
const check = z.custom<Check>(
  (value) => typeof value === 'object' && value !== null && typeof (value as Check).id === 'string' && typeof (value as Check).run === 'function' && typeof (value as Check).codes === 'object',
);
const preset = z.object({
  name: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  description: z.string(),
  checks: z.record(z.string(), z.record(z.string(), z.unknown())),
  actions: z.record(z.string(), z.enum(ACTIONS)),
  defaultAction: z.optional(z.enum(ACTIONS)),
  onError: z.optional(z.enum(ACTIONS)),
});
const storeShape = z.custom<LeadStore>(
  (value) => typeof value === 'object' && value !== null && LEAD_STORE_METHODS.every((m) => typeof (value as unknown as Record<string, unknown>)[m] === 'function'),
);

const gateOptionsSchema = z.strictObject({
  motion: z.union([z.enum(MOTION_NAMES), preset]),
  checks: z.optional(z.union([z.array(check), fn])),
  overrides: z.optional(z.record(z.string(), z.enum(ACTIONS))),
  log: z.optional(z.union([sink, z.array(sink)])),
  logPersonalData: z.optional(z.boolean()),
  logSalt: z.optional(z.string().check(z.minLength(8))),
  onLogError: z.optional(fn),
  messages: z.optional(z.record(z.string(), z.union([z.string(), fn]))),
  timeoutMs: z.optional(z.number().check(z.positive(), z.maximum(600_000))),
  store: z.optional(storeShape),
  now: z.optional(fn),
});

// What each option should have been, in words a person configuring the gate can act on.
const EXPECTED: Record<string, string> = {
  motion: `one of ${MOTION_NAMES.join(', ')}, or a preset object { name, version, description, checks, actions }`,
  checks: 'an array of checks made with defineCheck, or a function (defaults) => checks',
  overrides: `an object of code → action, where an action is one of ${ACTIONS.join(', ')}`,
  log: 'a log sink ({ write(event) }), a function, or an array of them',
  logPersonalData: 'true or false',
  logSalt: 'a string of at least 8 characters',
  onLogError: 'a function (error, sinkName) => void',
  messages: 'an object of code → message string or function',
  timeoutMs: 'a positive number of milliseconds, at most 600000',
  store: `a store with ${LEAD_STORE_METHODS.join(', ')} (e.g. memoryStore())`,
  now: 'a function returning a Date',
};

const OWNER: OptionsOwner = { name: 'createGate', example: "{ motion: 'inbound' }", expected: EXPECTED };

/** Validates `createGate` options; throws a `LeadGateError` that names the bad option. */
export function parseGateOptions(input: unknown): GateOptions {
  if (input === undefined) return parseOptions(OWNER, gateOptionsSchema, null) as never;
  parseOptions(OWNER, gateOptionsSchema, input);
  // The schema checks shapes only; hand back the caller's own objects (checks, sinks, store).
  return input as GateOptions;
}
