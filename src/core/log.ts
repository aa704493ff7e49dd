import type { Lead } from './lead.js';
import { personalDataDigest } from './digest.js';
import type { Verdict } from './verdict.js';
import type { Action, Decision } from './types.js';

/**
 * One decision, as written to every log sink: enough to explain the verdict later
 * (codes, actions, policy version, timings, where the lead came from) and nothing
 * that identifies the person unless the gate was built with `logPersonalData: true`.
 */
export interface DecisionEvent {
  type: 'leadgate.decision';
  leadId: string;
  at: string;
  decision: Decision;
  motion: string;
  policy: { name: string; version: string };
  codes: { code: string; check: string; action: Action; field?: string }[];
  timings: { totalMs: number; checks: Record<string, number> };
  /** UTM parameters, partner, form id, page (without its query string). */
  source: Record<string, string>;
  /** The ICP fit and intent scores (0–100) when a scoring check ran: the closed loop bands conversion by them. */
  scores?: { fit?: number; intent?: number };
  /** Salted SHA-256 digests, so one person's leads can be linked without storing who they are. */
  identity: { emailDigest?: string; phoneDigest?: string; emailDomain?: string };
  /** Present only with `logPersonalData: true`. */
  personal?: { email?: string; phone?: string };
}

/** Receives decision events. A sink that throws or rejects never changes a verdict. */
export interface LogSink {
  /** Shown when the sink fails, so the operator knows which one. */
  readonly name?: string;
  write(event: DecisionEvent): void | Promise<void>;
}

/** A sink given as a plain function is wrapped into a `LogSink`. */
export type LogSinkInput = LogSink | ((event: DecisionEvent) => void | Promise<void>);

/** A sink that keeps events in an array, bounded, oldest dropped first. */
export interface MemorySink extends LogSink {
  readonly events: DecisionEvent[];
  clear(): void;
}

/**
 * Keeps the last `limit` events in memory: for tests, the demo, and dashboards.
 *
 * @example
 * const sink = memorySink();
 * const gate = createGate({ motion: 'inbound', log: sink });
 * await gate.validate(lead);
 * sink.events[0].decision; // 'accept'
 */
export function memorySink(options: { limit?: number } = {}): MemorySink {
  const limit = options.limit ?? 10_000;
  const events: DecisionEvent[] = [];
  return {
    name: 'memory',
    events,
    clear: () => void events.splice(0),
    write(event) {
      events.push(event);
      // shift() drops the oldest in O(1) amortised; splice would move the whole array per write.
      if (events.length > limit) events.shift();
    },
  };
}

/** Writes each event as one JSON line to `console.log` (or a given function). */
export function consoleSink(options: { print?: (line: string) => void } = {}): LogSink {
  const print = options.print ?? ((line: string) => console.log(line));
  return { name: 'console', write: (event) => print(JSON.stringify(event)) };
}

/**
 * Calls a function with each event, e.g. to forward it to an analytics pipeline.
 *
 * @example
 * createGate({ motion: 'abm', log: callbackSink((event) => queue.push(event)) });
 */
export function callbackSink(callback: (event: DecisionEvent) => void | Promise<void>, name = 'callback'): LogSink {
  return { name, write: callback };
}

export function toSink(input: LogSinkInput): LogSink {
  return typeof input === 'function' ? callbackSink(input) : input;
}

const SOURCE_KEYS = [
  'channel', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content',
  'partner', 'partnerId', 'formId', 'campaign', 'list', 'vendor',
];

/** Builds the event for a verdict. Pure: the gate decides where it goes. */
export function decisionEvent(
  verdict: Verdict,
  lead: Lead,
  privacy: { salt: string; logPersonalData: boolean; e164?: string },
): DecisionEvent {
  const checks: Record<string, number> = {};
  const codes: DecisionEvent['codes'] = [];
  for (const result of verdict.results) {
    checks[result.check] = result.ms;
  }
  for (const reason of verdict.reasons) {
    const code: DecisionEvent['codes'][number] = { code: reason.code, check: reason.check, action: reason.action };
    if (reason.field) code.field = reason.field;
    codes.push(code);
  }
  const identity: DecisionEvent['identity'] = {};
  // Digest the phone in E.164 when a check produced it, so formatting differences
  // ("+49 151…" vs "0151…") do not split one person into two.
  const phone = privacy.e164 ?? lead.phone;
  if (lead.email) {
    identity.emailDigest = personalDataDigest(lead.email.toLowerCase(), privacy.salt);
    const at = lead.email.lastIndexOf('@');
    if (at > 0) identity.emailDomain = lead.email.slice(at + 1);
  }
  if (phone) identity.phoneDigest = personalDataDigest(phone, privacy.salt);
  const event: DecisionEvent = {
    type: 'leadgate.decision',
    leadId: verdict.leadId,
    at: verdict.at,
    decision: verdict.decision,
    motion: verdict.motion,
    policy: verdict.policy,
    codes,
    timings: { totalMs: verdict.ms, checks },
    source: attribution(lead.source),
    identity,
  };
  const { fit, intent } = verdict.scores;
  // Optional keys by assignment, not conditional spreads: this runs once per lead.
  if (fit !== undefined || intent !== undefined) {
    const scores: NonNullable<DecisionEvent['scores']> = (event.scores = {});
    if (fit !== undefined) scores.fit = fit;
    if (intent !== undefined) scores.intent = intent;
  }
  if (privacy.logPersonalData) {
    const personal: NonNullable<DecisionEvent['personal']> = (event.personal = {});
    if (lead.email) personal.email = lead.email;
    if (phone) personal.phone = phone;
  }
  return event;
}

function attribution(source: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!source) return out;
  for (const key of SOURCE_KEYS) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  }
  if (typeof source.pageUrl === 'string') out.page = withoutQuery(source.pageUrl);
  return out;
}

/** The URL up to its query or fragment (a page URL's query can carry the visitor's email). */
export function withoutQuery(url: string): string {
  const query = url.indexOf('?');
  const fragment = url.indexOf('#');
  const end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
  return end < 0 ? url : url.slice(0, end);
}

/**
 * Sends an event to every sink. Each sink is isolated: a throw or a rejected promise
 * is reported to `onError` and the other sinks still get the event.
 */
export function dispatch(
  event: DecisionEvent,
  sinks: readonly LogSink[],
  onError: (error: unknown, sink: LogSink) => void,
): Promise<void> | undefined {
  let pending: Promise<void>[] | undefined;
  for (const sink of sinks) {
    try {
      const written = sink.write(event);
      if (written && typeof (written as Promise<void>).then === 'function') {
        (pending ??= []).push(Promise.resolve(written).catch((error) => safely(onError, error, sink)));
      }
    } catch (error) {
      safely(onError, error, sink);
    }
  }
  return pending ? Promise.all(pending).then(() => undefined) : undefined;
}

function safely(onError: (error: unknown, sink: LogSink) => void, error: unknown, sink: LogSink) {
  try {
    onError(error, sink);
  } catch {
    // The error handler itself failed; there is nowhere left to report it.
  }
}
