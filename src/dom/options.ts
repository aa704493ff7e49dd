import * as z from 'zod/mini';
import type { Finding, LeadContext } from '../core/check.js';
import { parseOptions, type OptionsOwner } from '../core/options.js';
import { ACTIONS, type Action } from '../core/types.js';
import { HONEYPOT_LABEL } from './honeypot.js';

/** The binding's own words (not findings): summary heading, retry, success, failures. Localise them with `texts`. */
export interface BindingTexts {
  /** Heads the summary shown when a submit is stopped or refused. */
  summary: string;
  /** Shown when the server accepted the lead. */
  accepted: string;
  /** Shown when the request did not reach the server (offline, DNS, CORS). */
  networkError: string;
  /** Shown for 503, 429 and 5xx: the server cannot take the lead now. */
  unavailable: string;
  /** Shown for 400, 413, 415: the server could not read what was sent. */
  notSent: string;
  /** The retry button after a network failure or 503. */
  retry: string;
  /** The honeypot's label, read only by assistive technology that ignores `aria-hidden`. */
  honeypotLabel: string;
}

export const DEFAULT_TEXTS: Readonly<BindingTexts> = Object.freeze({
  summary: 'Please check the following:',
  accepted: 'Thank you. We have received your details.',
  networkError: 'We could not send the form. Your answers are still here; please try again.',
  unavailable: 'We cannot take the form right now. Your answers are still here; please try again in a moment.',
  notSent: 'The form could not be sent. Please check your answers and try again.',
  retry: 'Try again',
  honeypotLabel: HONEYPOT_LABEL,
});

/** A message for a code: a template over the finding's data (`'Meinten Sie {suggestion}?'`) or a function of it. */
export type FindingMessage = string | ((finding: Finding) => string);

/** Options for `attachGate`. All are optional; a plain form with `name`d inputs needs none. */
export interface AttachGateOptions {
  /**
   * The server handler's base URL, e.g. `/leads`. The lead is posted there, the form
   * token from the handler's sibling route `/form-token`. Without it the form submits as it would
   * without leadgate (to its own `action`), with the evidence in hidden inputs.
   */
  endpoint?: string;
  /** `fetch` (the default with an `endpoint`): post JSON and show the answer in the page. `native`: let the browser submit the form. */
  submit?: 'fetch' | 'native';
  /** Lead field → its control: a `name`, a CSS selector, or the element. Beats `data-leadgate-field` and the name/autocomplete guess. */
  fields?: Record<string, string | Element>;
  /** Id of the form in the evidence and the token request. Default: `data-leadgate-form-id`, the form's `id`, `name`, or `default`. */
  formId?: string;
  /**
   * URL of the form-token endpoint, or `false` for none. Default: the handler's sibling route,
   * the endpoint with its last path segment replaced (`/leads` → `/form-token`, `/api/leads` → `/api/form-token`).
   */
  formToken?: string | false;
  /** The consent checkbox: a selector, the element, or `false`. Default: `[data-leadgate-consent]` in the form. */
  consent?: string | Element | false;
  /** Add the honeypot field. Default `true`. */
  honeypot?: boolean;
  /** Quiet time before async checks run after a change, in ms. Default 400. */
  debounceMs?: number;
  /** Which actions are shown next to fields. Default `['reject', 'review']`: `flag` and `ignore` are for the log, not the visitor. */
  show?: Action[];
  /** Code → message shown by the binding, for browser and server findings alike. Default: the finding's own message. */
  messages?: Record<string, FindingMessage>;
  /** The binding's own texts. */
  texts?: Partial<BindingTexts>;
  /** Extra facts for the browser gate's context (`gpc` and `leadId` are filled in). */
  context?: LeadContext;
  /** The `fetch` to use. Default: the global one, looked up when a request is made. */
  fetch?: typeof fetch;
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number;
}

const fn = z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function');
const elementLike = z.custom<Element>((value) => typeof value === 'object' && value !== null && (value as Element).nodeType === 1);
const nonEmpty = z.string().check(z.minLength(1));

const schema = z.strictObject({
  endpoint: z.optional(nonEmpty),
  submit: z.optional(z.enum(['fetch', 'native'])),
  fields: z.optional(z.record(z.string(), z.union([nonEmpty, elementLike]))),
  formId: z.optional(nonEmpty),
  formToken: z.optional(z.union([nonEmpty, z.literal(false)])),
  consent: z.optional(z.union([nonEmpty, elementLike, z.literal(false)])),
  honeypot: z.optional(z.boolean()),
  debounceMs: z.optional(z.number().check(z.nonnegative(), z.maximum(10_000))),
  show: z.optional(z.array(z.enum(ACTIONS))),
  messages: z.optional(z.record(z.string(), z.union([z.string(), fn]))),
  texts: z.optional(z.partial(z.strictObject(Object.fromEntries(Object.keys(DEFAULT_TEXTS).map((key) => [key, z.string()])) as Record<keyof BindingTexts, z.ZodMiniString>))),
  context: z.optional(z.record(z.string(), z.unknown())),
  fetch: z.optional(fn),
  now: z.optional(fn),
});

const OWNER: OptionsOwner = {
  name: 'attachGate',
  example: "{ endpoint: '/leads' }",
  expected: {
    endpoint: 'a URL such as "/leads"',
    submit: '"fetch" or "native"',
    fields: 'an object of lead field → input name, CSS selector or element',
    formId: 'a non-empty string',
    formToken: 'a URL or false',
    consent: 'a CSS selector, an element, or false',
    honeypot: 'true or false',
    debounceMs: 'a number of milliseconds from 0 to 10000',
    show: `an array of actions (${ACTIONS.join(', ')})`,
    messages: 'an object of code → message string or function',
    texts: `an object with some of ${Object.keys(DEFAULT_TEXTS).join(', ')} as strings`,
    context: 'an object',
    fetch: 'a fetch function',
    now: 'a function returning milliseconds',
  },
};

/** Validates `attachGate` options; throws a `LeadGateError` naming the bad option. */
export function parseAttachOptions(input: unknown): AttachGateOptions {
  parseOptions(OWNER, schema, input);
  return (input ?? {}) as AttachGateOptions;
}
