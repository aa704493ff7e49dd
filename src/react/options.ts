import * as z from 'zod/mini';
import type { LeadContext } from '../core/check.js';
import { LeadGateError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';
import { parseOptions, type OptionsOwner } from '../core/options.js';
import { ACTIONS, type Action } from '../core/types.js';
import type { VerdictEventDetail } from '../dom/events.js';
import type { FindingMessage } from '../dom/options.js';

/** Options for `useLeadGate`. All are optional; read on every render, so they may change. */
export interface UseLeadGateOptions {
  /**
   * The server handler's URL, e.g. `/api/leads`. `handleSubmit()` without a callback posts
   * the lead there as JSON; the form token comes from the handler's sibling route
   * (`/api/leads` → `/api/form-token`).
   */
  endpoint?: string;
  /** Id of the form in the evidence and the token request. Default `default`. */
  formId?: string;
  /** URL of the form-token endpoint, or `false` for none. Default: the endpoint's sibling `form-token`. */
  formToken?: string | false;
  /** Render the honeypot (`form.honeypot`). Default `true`. */
  honeypot?: boolean;
  /** The honeypot's label, read only by assistive technology that ignores `aria-hidden`. */
  honeypotLabel?: string;
  /** Quiet time before async checks run after a change, in ms. Default 400. */
  debounceMs?: number;
  /** Which actions are shown beside fields. Default `['reject', 'review']`. */
  show?: Action[];
  /** Code → message, for browser and server findings alike. Default: the finding's own message. */
  messages?: Record<string, FindingMessage>;
  /** Extra facts for the gate's context (`gpc` and `leadId` are filled in). */
  context?: LeadContext;
  /** Every verdict: the browser's (field left, async answer, submit) and the server's; what `leadgate:verdict` carries in `leadgate/dom`. */
  onVerdict?: (detail: VerdictEventDetail) => void;
  /** The `fetch` to use. Default: the global one, looked up when a request is made. */
  fetch?: typeof fetch;
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number;
}

const fn = z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function');
const nonEmpty = z.string().check(z.minLength(1));

const schema = z.strictObject({
  endpoint: z.optional(nonEmpty),
  formId: z.optional(nonEmpty),
  formToken: z.optional(z.union([nonEmpty, z.literal(false)])),
  honeypot: z.optional(z.boolean()),
  honeypotLabel: z.optional(z.string()),
  debounceMs: z.optional(z.number().check(z.nonnegative(), z.maximum(10_000))),
  show: z.optional(z.array(z.enum(ACTIONS))),
  messages: z.optional(z.record(z.string(), z.union([z.string(), fn]))),
  context: z.optional(z.record(z.string(), z.unknown())),
  onVerdict: z.optional(fn),
  fetch: z.optional(fn),
  now: z.optional(fn),
});

const OWNER: OptionsOwner = {
  name: 'useLeadGate',
  example: "{ endpoint: '/api/leads' }",
  expected: {
    endpoint: 'a URL such as "/api/leads"',
    formId: 'a non-empty string',
    formToken: 'a URL or false',
    honeypot: 'true or false',
    honeypotLabel: 'a string',
    debounceMs: 'a number of milliseconds from 0 to 10000',
    show: `an array of actions (${ACTIONS.join(', ')})`,
    messages: 'an object of code → message string or function',
    context: 'an object',
    onVerdict: 'a function',
    fetch: 'a fetch function',
    now: 'a function returning milliseconds',
  },
};

/** Validates the gate and the options; throws a `LeadGateError` naming the bad one. */
export function parseHookArguments(gate: unknown, options: unknown): { gate: Gate; options: UseLeadGateOptions } {
  const candidate = gate as Partial<Gate> | null | undefined;
  if (typeof candidate?.validateSync !== 'function' || typeof candidate.actionFor !== 'function' || !Array.isArray(candidate.checks)) {
    throw new LeadGateError('useLeadGate: "gate" must be a gate made with createGate', { option: 'gate' });
  }
  parseOptions(OWNER, schema, options);
  return { gate: gate as Gate, options: (options ?? {}) as UseLeadGateOptions };
}
