import type { LeadContext } from '../core/check.js';
import type { Gate } from '../core/gate.js';
import type { Decision } from '../core/types.js';
import type { CheckResult, Verdict } from '../core/verdict.js';
import { ConsentControl } from '../dom/consent.js';
import type { VerdictEventDetail } from '../dom/events.js';
import { formEvidence } from '../dom/evidence.js';
import type { ShownFinding } from '../dom/feedback.js';
import type { FieldControl } from '../dom/field-map.js';
import { findingText } from '../dom/finding-text.js';
import { randomLeadId } from '../dom/lead-id.js';
import { EVIDENCE_WAIT_MS, postLead, requestFormToken, siblingTokenUrl } from '../dom/lead-requests.js';
import { readServerAnswer, type ServerAnswer } from '../dom/server-answer.js';
import type { UseLeadGateOptions } from './options.js';

/** Where the form is: `invalid` after a submit the browser stopped, `rejected` after the server's 422. */
export type FormState = 'idle' | 'invalid' | 'submitting' | 'accepted' | 'rejected' | 'error';

/** What the last send came back with. `status` 0: no answer (network, or `onValid` threw). */
export interface SubmitResult {
  status: number;
  /** The server's decision on a 2xx: `accept` or `review`. */
  decision?: Decision;
  leadId?: string;
  /** Whether sending again can help (network failure, 503, 429, 5xx). */
  retryable: boolean;
}

/** Called with the lead once the browser lets the submit through; return the server's `Response` to have it read. */
export type OnValid = (lead: Record<string, unknown>, verdict: Verdict) => void | Response | Promise<void | Response>;

/** One form's state as React renders it; a new object whenever anything in it changed. */
export interface LeadFormSnapshot {
  /** The effects ran: the honeypot may render (never on the server, never in the hydration pass). */
  readonly mounted: boolean;
  /** Field → the findings shown beside it, strongest first (messages not yet localised). */
  readonly fields: Readonly<Record<string, readonly ShownFinding[]>>;
  /** The findings of the last stopped or refused submit, in registration order. */
  readonly summary: readonly ShownFinding[];
  /** Fields whose async checks are running. */
  readonly pending: readonly string[];
  readonly verdict: Verdict | undefined;
  readonly state: FormState;
  readonly result: SubmitResult | undefined;
}

type Placed = { finding: ShownFinding; field: string | undefined };
type Cleanup = () => void;

const INITIAL: LeadFormSnapshot = Object.freeze({
  mounted: false, fields: Object.freeze({}), summary: Object.freeze([]), pending: Object.freeze([]),
  verdict: undefined, state: 'idle', result: undefined,
});

const rootOf = (field: string | undefined) => field?.split(/[.[]/)[0] || undefined;
const strongFirst = (a: ShownFinding, b: ShownFinding) => Number(blocking(b)) - Number(blocking(a));
const blocking = (finding: ShownFinding) => finding.action === 'reject' || finding.action === 'server';

/**
 * The state of one form behind `useLeadGate`: what the visitor touched, the check
 * results, which findings are shown where, the async runs, the form token, the consent
 * box, the honeypot and the send. It follows the rules of `attachGate` (a field's
 * findings appear once it was left or the form submitted; while the visitor types,
 * only findings already shown may stay; a submit stops only for `reject` findings of
 * synchronous checks on a field the visitor can fix) so both bindings behave alike.
 *
 * React-free on purpose: the hook reads it with `useSyncExternalStore`, so a change
 * after unmount reaches no component, and `connect()` (an effect) owns every timer and
 * request, so StrictMode's second effect pass starts them again cleanly. Constructing
 * it has no side effects: StrictMode may build one and throw it away.
 */
export class LeadForm {
  #gate: Gate;
  #options: UseLeadGateOptions;
  #snapshot: LeadFormSnapshot = INITIAL;
  readonly #listeners = new Set<() => void>();

  /** Field → its elements (several for a radio group), in registration order. */
  readonly #elements = new Map<string, Set<FieldControl>>();
  readonly #refs = new Map<string, (element: FieldControl | null) => Cleanup | undefined>();
  #consent: ConsentControl | undefined;
  readonly #consentSeen = new WeakMap<HTMLInputElement, ConsentControl>();
  #honeypot: HTMLInputElement | undefined;

  readonly #touched = new Set<string>();
  #submitted = false;
  readonly #results = new Map<string, CheckResult>();
  #serverFindings: ShownFinding[] = [];
  #lastShown = new Map<string, Set<string>>();
  #fields: Record<string, readonly ShownFinding[]> = {};
  #summary: readonly ShownFinding[] = [];
  #verdict: Verdict | undefined;
  #state: FormState = 'idle';
  #result: SubmitResult | undefined;

  readonly #runs = new Map<string, AbortController>();
  readonly #pending = new Set<string>();
  /** A suggestion being applied: our own input event is not the visitor typing. */
  #applying = false;

  #connected = false;
  #startedAt: number | undefined;
  #leadId = randomLeadId();
  #token: string | undefined;
  #tokenPromise: Promise<void> = Promise.resolve();
  #tokenGeneration = 0;
  #tokenAbort: AbortController | undefined;
  #busy = false;
  #accepted = false;

  constructor(gate: Gate, options: UseLeadGateOptions) {
    this.#gate = gate;
    this.#options = options;
  }

  /** The latest gate and options, for the next event (the hook calls it after every render). */
  update(gate: Gate, options: UseLeadGateOptions): void {
    this.#gate = gate;
    this.#options = options;
  }

  /** For `useSyncExternalStore`: `listener` runs after every change; the returned function unsubscribes. */
  readonly subscribe = (listener: () => void): Cleanup => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  /** The current state; the same object until something changes. */
  readonly getSnapshot = (): LeadFormSnapshot => this.#snapshot;
  /** The state a server render (and the hydration pass) sees: nothing touched, nothing mounted. */
  readonly getServerSnapshot = (): LeadFormSnapshot => INITIAL;

  /** Starts the form's side effects (time on form, form token, consent hash); the cleanup stops every one of them. */
  connect(): Cleanup {
    this.#connected = true;
    // Kept across StrictMode's second pass and <Activity> hiding: the visitor's clock started at the first mount.
    this.#startedAt ??= this.#now();
    this.#tokenAbort = new AbortController();
    this.#loadToken();
    void this.#consent?.hash().catch(() => undefined);
    this.#publish();
    return () => {
      this.#connected = false;
      this.#tokenAbort?.abort();
      for (const field of [...this.#runs.keys()]) this.#cancelRun(field);
    };
  }

  /** The ref callback of a field's element: one per field, so React keeps it from render to render. */
  refFor(field: string): (element: FieldControl | null) => Cleanup | undefined {
    let ref = this.#refs.get(field);
    if (!ref) {
      ref = (element) => {
        if (!element) return undefined;
        const elements = this.#elements.get(field) ?? new Set();
        elements.add(element);
        this.#elements.set(field, elements);
        // Native listeners, not React props: the caller keeps its own onChange and onBlur,
        // and a controlled input reports the visitor's typing all the same.
        const changed = () => this.#changed(field);
        const left = () => this.#left(field);
        element.addEventListener('input', changed);
        element.addEventListener('change', changed);
        element.addEventListener('blur', left);
        return () => {
          element.removeEventListener('input', changed);
          element.removeEventListener('change', changed);
          element.removeEventListener('blur', left);
          elements.delete(element);
        };
      };
      this.#refs.set(field, ref);
    }
    return ref;
  }

  /** The consent checkbox's ref callback. */
  readonly consentRef = (input: HTMLInputElement | null): Cleanup | undefined => {
    if (!input) return undefined;
    // What the box showed when it first rendered is read once per element (ConsentControl).
    const consent = this.#consentSeen.get(input) ?? new ConsentControl(input);
    this.#consentSeen.set(input, consent);
    this.#consent = consent;
    void consent.hash().catch(() => undefined);
    const changed = () => this.#changed('consent');
    input.addEventListener('change', changed);
    return () => {
      input.removeEventListener('change', changed);
      if (this.#consent === consent) this.#consent = undefined;
    };
  };

  /** The honeypot input's ref callback. */
  readonly honeypotRef = (input: HTMLInputElement | null): Cleanup | undefined => {
    if (!input) return undefined;
    this.#honeypot = input;
    return () => {
      if (this.#honeypot === input) this.#honeypot = undefined;
    };
  };

  /** Writes a suggestion into the field as if the visitor typed it, and checks the field again. */
  acceptSuggestion(field: string, suggestion: string): void {
    const element = this.#first(field);
    if (!element || !this.#connected) return;
    this.#applying = true;
    try {
      writeValue(element, suggestion);
    } finally {
      this.#applying = false;
    }
    this.#accepted = false;
    this.#forget(field);
    this.#touched.add(field);
    this.#emit(this.#runSync(), 'field');
    this.#place();
    this.#scheduleAsync(field);
    this.#publish();
    element.focus();
  }

  /** Runs the synchronous checks over every field and shows every finding, as a submit would. */
  validate(): Verdict {
    this.#submitted = true;
    const verdict = this.#runSync();
    this.#place();
    this.#publish();
    return verdict;
  }

  /** The lead as it would be sent now, once the form token and consent hash are in (or 3 s passed). */
  async collect(): Promise<Record<string, unknown>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.all([this.#tokenPromise, this.#consent?.hash().catch(() => undefined)]),
        new Promise((resolve) => (timer = setTimeout(resolve, EVIDENCE_WAIT_MS))),
      ]);
    } finally {
      clearTimeout(timer);
    }
    const textHash = this.#consent ? await this.#consent.hash().catch(() => undefined) : undefined;
    return this.#readLead(textHash);
  }

  /**
   * A submit: stops for the synchronous checks' `reject` findings on registered fields,
   * lets everything else through (`review` included: the server decides), then hands
   * the lead to `onValid` or posts it to the `endpoint`. Rejects only when `onValid` throws.
   */
  async submit(onValid: OnValid | undefined): Promise<void> {
    if (this.#busy || (this.#accepted && !onValid)) return;
    this.#submitted = true;
    const verdict = this.#runSync();
    const items = this.#place();
    // Only the synchronous checks' verdict blocks: an async finding may be about a value
    // the visitor has since changed, and the server runs those checks again anyway.
    const rejects = new Set(verdict.reasons.filter((reason) => reason.action === 'reject').map((reason) => `${reason.code} ${reason.field}`));
    const blockers = items.filter((item) => item.field !== undefined && rejects.has(`${item.finding.code} ${item.finding.field}`));
    this.#emit(verdict, 'submit', blockers.length > 0);
    if (blockers.length > 0) {
      this.#summary = blockers.map((item) => item.finding);
      this.#state = 'invalid';
      this.#publish();
      this.#focusFirst(blockers);
      return;
    }
    this.#summary = [];
    this.#state = 'submitting';
    this.#busy = true;
    this.#publish();
    try {
      const lead = await this.collect();
      if (!this.#connected) return;
      if (onValid) await this.#handOver(onValid, lead, verdict);
      else await this.#post(lead);
    } finally {
      this.#busy = false;
      if (this.#connected) this.#publish();
    }
  }

  async #handOver(onValid: OnValid, lead: Record<string, unknown>, verdict: Verdict): Promise<void> {
    let answer: void | Response;
    try {
      answer = await onValid(lead, verdict);
    } catch (error) {
      if (this.#connected) this.#fail(0, true);
      throw error;
    }
    if (!this.#connected) return;
    // The lead carried the token (single use) wherever onValid sent it: the next try needs a fresh one.
    this.#loadToken();
    if (typeof Response !== 'undefined' && answer instanceof Response) {
      const result = await readServerAnswer(answer);
      if (this.#connected) this.#answer(result);
    } else {
      this.#state = 'idle';
      this.#result = undefined;
    }
  }

  async #post(lead: Record<string, unknown>): Promise<void> {
    let response: Response;
    try {
      response = await postLead(this.#fetch(), this.#options.endpoint!, lead);
    } catch {
      // Nothing reached the server, or nothing came back: the input stays, a retry may help.
      if (this.#connected) this.#fail(0, true);
      return;
    }
    const result = await readServerAnswer(response);
    if (!this.#connected) return;
    this.#loadToken();
    this.#answer(result);
  }

  #answer(result: ServerAnswer): void {
    if (result.kind === 'accepted') {
      this.#accepted = true;
      this.#serverFindings = [];
      this.#place();
      this.#state = 'accepted';
      this.#result = { status: result.status, decision: result.decision, ...(result.leadId ? { leadId: result.leadId } : {}), retryable: false };
      this.#options.onVerdict?.({
        source: 'server', phase: 'response', decision: result.decision, findings: [], status: result.status,
        ...(result.leadId ? { leadId: result.leadId } : {}),
      });
      // The next lead from this page is a new one, with its own id and its own clock.
      this.#leadId = randomLeadId();
      this.#startedAt = this.#now();
      return;
    }
    if (result.kind === 'rejected') {
      this.#serverFindings = result.findings.map((finding) => ({ ...finding, message: finding.message ?? '', action: 'server' as const }));
      const items = this.#place().filter((item) => blocking(item.finding));
      this.#summary = items.map((item) => item.finding);
      this.#state = 'rejected';
      this.#result = { status: result.status, decision: 'reject', retryable: false };
      this.#options.onVerdict?.({ source: 'server', phase: 'response', decision: 'reject', findings: this.#localised(this.#serverFindings), status: result.status });
      this.#focusFirst(items);
      return;
    }
    this.#fail(result.status, result.kind === 'unavailable');
  }

  #fail(status: number, retryable: boolean): void {
    this.#state = 'error';
    this.#result = { status, retryable };
  }

  #changed(field: string): void {
    if (this.#applying) return;
    this.#accepted = false;
    const forgotten = this.#forget(field);
    if (field === 'consent' && this.#consent) {
      this.#consent.userInteracted = true;
      this.#touched.add('consent');
    }
    if (!this.#touched.has(field) && !this.#submitted) {
      if (forgotten) this.#publish();
      return;
    }
    this.#runSync();
    this.#place(field === 'consent' ? undefined : field);
    this.#scheduleAsync(field);
    this.#publish();
  }

  #left(field: string): void {
    this.#touched.add(field);
    const verdict = this.#runSync();
    this.#place();
    this.#emit(verdict, 'field');
    this.#scheduleAsync(field);
    this.#publish();
  }

  #runSync(): Verdict {
    const verdict = this.#gate.validateSync(this.#readLead(this.#consent?.knownHash()), this.#context());
    const asyncIds = this.#asyncCheckIds();
    for (const key of [...this.#results.keys()]) if (!asyncIds.has(key)) this.#results.delete(key);
    for (const result of verdict.results) this.#results.set(result.check, result);
    this.#verdict = verdict;
    return verdict;
  }

  /** Decides which findings show beside which field (`quiet`: the field being typed in); returns them in order for a summary. */
  #place(quiet?: string): Placed[] {
    const show = new Set<string>(this.#options.show ?? ['reject', 'review']);
    const byField = new Map<string, ShownFinding[]>();
    const unplaced: ShownFinding[] = [];
    const put = (finding: ShownFinding) => {
      const field = rootOf(finding.field);
      if (field === undefined || !this.#registered(field)) {
        if (!unplaced.some((other) => other.code === finding.code)) unplaced.push(finding);
        return;
      }
      // While the visitor types, only findings already shown may stay: no new scolding mid-word.
      if (field === quiet && !this.#lastShown.get(field)?.has(finding.code)) return;
      const list = byField.get(field) ?? [];
      if (!list.some((other) => other.code === finding.code)) list.push(finding);
      byField.set(field, list);
    };
    for (const result of this.#results.values()) {
      for (const finding of result.findings) {
        const action = this.#gate.actionFor(finding.code);
        const field = rootOf(finding.field);
        if (!show.has(action) || !(this.#submitted || (field !== undefined && this.#touched.has(field)))) continue;
        put({ code: finding.code, ...(finding.field === undefined ? {} : { field: finding.field }), message: finding.message, ...(finding.data === undefined ? {} : { data: finding.data }), action });
      }
    }
    for (const finding of this.#serverFindings) put(finding);
    const order = [...this.#elements.keys(), 'consent'];
    const fields: Record<string, readonly ShownFinding[]> = {};
    this.#lastShown = new Map();
    const placed: Placed[] = [];
    for (const field of order) {
      const list = byField.get(field)?.sort(strongFirst);
      if (!list) continue;
      fields[field] = Object.freeze(list);
      this.#lastShown.set(field, new Set(list.map((finding) => finding.code)));
      placed.push(...list.map((finding) => ({ finding, field })));
    }
    this.#fields = fields;
    return [...placed, ...unplaced.filter((finding) => this.#submitted || finding.action === 'server').map((finding) => ({ finding, field: undefined }))];
  }

  #scheduleAsync(field: string): void {
    const gate = this.#gate;
    if (!this.#connected || !gate.checks.some((check) => check.async && (check.fields as readonly string[]).includes(field))) return;
    this.#cancelRun(field);
    const run = new AbortController();
    this.#runs.set(field, run);
    const timer = setTimeout(() => {
      this.#pending.add(field);
      this.#publish();
      const answer = gate.validate(this.#readLead(this.#consent?.knownHash()), this.#context());
      void untilAborted(answer, run.signal).then((verdict) => {
        // Aborted: the field changed again (the answer is about old input) or the form unmounted.
        if (!verdict) return;
        this.#runs.delete(field);
        this.#pending.delete(field);
        const asyncIds = this.#asyncCheckIds();
        for (const result of verdict.results) if (asyncIds.has(result.check)) this.#results.set(result.check, result);
        this.#verdict = verdict;
        this.#place();
        this.#emit(verdict, 'field');
        this.#publish();
      });
    }, this.#options.debounceMs ?? 400);
    run.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }

  #cancelRun(field: string): boolean {
    const run = this.#runs.get(field);
    run?.abort();
    this.#runs.delete(field);
    return this.#pending.delete(field);
  }

  /** The field changed: answers about its old value (async runs, server findings) no longer apply. */
  #forget(field: string): boolean {
    let changed = this.#cancelRun(field);
    for (const check of this.#gate.checks) {
      if (check.async && (check.fields as readonly string[]).includes(field)) changed = this.#results.delete(check.id) || changed;
    }
    const before = this.#serverFindings.length;
    this.#serverFindings = this.#serverFindings.filter((finding) => rootOf(finding.field) !== field);
    return changed || before !== this.#serverFindings.length;
  }

  #loadToken(): void {
    const { endpoint, formToken } = this.#options;
    const url = formToken === false ? undefined : formToken ?? (endpoint ? siblingTokenUrl(endpoint) : undefined);
    if (!url || !this.#tokenAbort || this.#tokenAbort.signal.aborted) return;
    this.#token = undefined;
    const generation = ++this.#tokenGeneration;
    const signal = this.#tokenAbort.signal;
    this.#tokenPromise = requestFormToken(this.#fetch(), url, this.#options.formId ?? 'default', signal).then((token) => {
      // Only the latest request's token counts: an older one may already be spent.
      if (token !== undefined && generation === this.#tokenGeneration && !signal.aborted) this.#token = token;
    });
  }

  #readLead(textHash: string | undefined): Record<string, unknown> {
    const lead: Record<string, unknown> = {};
    // Fields that are not lead fields go as they are: the gate keeps them under `custom`.
    for (const field of this.#elements.keys()) {
      const value = this.#valueOf(field);
      if (value.trim() !== '') lead[field] = value;
    }
    const location = globalThis.location as Location | undefined;
    const now = this.#now();
    return {
      ...lead,
      ...formEvidence(this.#consent, textHash, now, {
        pageUrl: location?.href ?? '',
        referrer: (globalThis.document as Document | undefined)?.referrer ?? '',
        formId: this.#options.formId ?? 'default',
        formToken: this.#token,
        honeypot: this.#honeypot?.value,
        timeOnFormMs: now - (this.#startedAt ?? now),
      }),
    };
  }

  #valueOf(field: string): string {
    const elements = [...(this.#elements.get(field) ?? [])];
    const radios = elements.filter((element) => element.tagName === 'INPUT' && (element as HTMLInputElement).type === 'radio');
    if (radios.length > 0) return radios.find((radio) => (radio as HTMLInputElement).checked)?.value ?? '';
    return elements[0]?.value ?? '';
  }

  #context(): LeadContext {
    const gpc = (globalThis.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl === true;
    return { ...this.#options.context, leadId: this.#leadId, ...(gpc ? { gpc: true } : {}) };
  }

  #emit(verdict: Verdict, phase: 'field' | 'submit', blocked?: boolean): void {
    this.#options.onVerdict?.({
      source: 'browser', phase, decision: verdict.decision,
      findings: this.#localised(verdict.reasons.map((reason) => ({ ...reason }))),
      verdict,
      ...(blocked === undefined ? {} : { blocked }),
    } satisfies VerdictEventDetail);
  }

  #localised(findings: readonly ShownFinding[]): ShownFinding[] {
    return findings.map((finding) => ({ ...finding, message: findingText(this.#options.messages, finding) }));
  }

  #focusFirst(items: readonly Placed[]): void {
    const field = items.find((item) => item.field !== undefined)?.field;
    const element = field === 'consent' ? this.#consent?.input : field === undefined ? undefined : this.#first(field);
    element?.focus();
  }

  #registered(field: string): boolean {
    return field === 'consent' ? this.#consent !== undefined : (this.#elements.get(field)?.size ?? 0) > 0;
  }

  #first(field: string): FieldControl | undefined {
    return this.#elements.get(field)?.values().next().value;
  }

  #asyncCheckIds(): Set<string> {
    return new Set(this.#gate.checks.filter((check) => check.async).map((check) => check.id));
  }

  #fetch(): typeof fetch {
    return this.#options.fetch ?? globalThis.fetch;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #publish(): void {
    this.#snapshot = Object.freeze({
      mounted: this.#connected || this.#snapshot.mounted,
      fields: Object.freeze(this.#fields),
      summary: Object.freeze(this.#summary),
      pending: Object.freeze([...this.#pending]),
      verdict: this.#verdict,
      state: this.#state,
      result: this.#result,
    });
    for (const listener of this.#listeners) listener();
  }
}

/**
 * Sets a field's value the way a person's typing does, so React's `onChange` fires for a
 * controlled input too: through the prototype's `value` setter, which React's value
 * tracker does not watch (assigning `element.value` updates the tracker, and React then
 * sees no change), followed by the `input` and `change` events React listens for.
 * After facebook/react#10135 and #11488, where React's maintainers describe the tracker.
 */
function writeValue(element: FieldControl, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  const View = element.ownerDocument.defaultView?.Event ?? Event;
  element.dispatchEvent(new View('input', { bubbles: true }));
  element.dispatchEvent(new View('change', { bubbles: true }));
}

/** The promise's value, or `undefined` as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(undefined), { once: true });
    promise.then((value) => resolve(signal.aborted ? undefined : value), () => resolve(undefined));
  });
}
