import type { Finding, LeadContext } from '../core/check.js';
import { LeadGateError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';
import type { ConsentEvidence, SourceEvidence } from '../core/lead.js';
import type { CheckResult, Verdict } from '../core/verdict.js';
import { ConsentControl } from './consent.js';
import { dispatch } from './events.js';
import { UTM_KEYS, formEvidence } from './evidence.js';
import { FeedbackView, type ShownFinding } from './feedback.js';
import { controlValue, mapFields, type FieldControl } from './field-map.js';
import { findingText } from './finding-text.js';
import { createHoneypot } from './honeypot.js';
import { randomLeadId } from './lead-id.js';
import { EVIDENCE_WAIT_MS, postLead, requestFormToken, siblingTokenUrl } from './lead-requests.js';
import { NativeEvidenceFields } from './native-fields.js';
import { DEFAULT_TEXTS, parseAttachOptions, type AttachGateOptions } from './options.js';
import { readServerAnswer, type ServerAnswer } from './server-answer.js';

/** A form with a gate attached. */
export interface GateBinding {
  readonly form: HTMLFormElement;
  /** Runs the synchronous checks over every field and shows every finding, as a submit would. */
  validate(): Verdict;
  /** The lead as it would be sent now: fields, `consent` and `source` evidence, other fields in `custom`. */
  collect(): Promise<Record<string, unknown>>;
  /** Removes every listener, element and attribute the binding added; the form is as it was. */
  detach(): void;
}

const DOCUMENT_POSITION_FOLLOWING = 4;

const attached = new WeakMap<HTMLFormElement, GateBinding>();
let bindings = 0;

/**
 * Binds a gate to a form: checks fields as the visitor leaves them, shows the findings
 * beside the fields, collects the evidence the server needs (consent state and text
 * hash, form token, time on form, honeypot, UTM parameters, referrer) and submits,
 * natively or with `fetch`. The browser verdict is advisory: the binding stops a submit
 * only for `reject` findings of synchronous checks that point at a field the visitor
 * can fix; the server decides.
 *
 * Throws `LeadGateError` for a bad option, a `form` that is no form, or a form that
 * already has a gate.
 *
 * @example
 * import { createGate } from 'leadgate';
 * import { attachGate } from 'leadgate/dom';
 *
 * const binding = attachGate(document.querySelector('form')!, createGate({ motion: 'inbound' }), { endpoint: '/leads' });
 * // later: binding.detach();
 */
export function attachGate(form: HTMLFormElement, gate: Gate, options: AttachGateOptions = {}): GateBinding {
  if ((form as Element | null)?.tagName !== 'FORM') throw new LeadGateError('attachGate: "form" must be a <form> element', { option: 'form' });
  if (typeof gate?.validateSync !== 'function' || typeof gate.actionFor !== 'function') {
    throw new LeadGateError('attachGate: "gate" must be a gate made with createGate', { option: 'gate' });
  }
  if (attached.has(form)) throw new LeadGateError('attachGate: this form already has a gate; call detach() on it first', { option: 'form' });
  const config = parseAttachOptions(options);
  const endpoint = config.endpoint?.replace(/\/+$/, '');
  const mode = config.submit ?? (endpoint ? 'fetch' : 'native');
  if (mode === 'fetch' && !endpoint) throw new LeadGateError('attachGate: option "submit" is "fetch", which needs an "endpoint"', { option: 'submit' });

  const document = form.ownerDocument;
  const window = document.defaultView;
  const texts = { ...DEFAULT_TEXTS, ...config.texts };
  const now = config.now ?? Date.now;
  const show = new Set(config.show ?? ['reject', 'review']);
  const debounceMs = config.debounceMs ?? 400;
  const id = `leadgate-${++bindings}`;
  const formId = config.formId ?? (form.getAttribute('data-leadgate-form-id') || form.id || form.getAttribute('name') || 'default');
  const tokenUrl = config.formToken === false ? undefined : config.formToken ?? (endpoint ? siblingTokenUrl(endpoint) : undefined);
  const fetchImpl = (): typeof fetch => config.fetch ?? globalThis.fetch;

  const consentInput = config.consent === false ? null : typeof config.consent === 'string' ? form.querySelector(config.consent) : config.consent ?? form.querySelector('[data-leadgate-consent]');
  const consent = consentInput?.tagName === 'INPUT' ? new ConsentControl(consentInput as HTMLInputElement) : undefined;
  const honeypot = config.honeypot === false ? undefined : createHoneypot(form, texts.honeypotLabel, `${id}-hp`);
  const skip = new Set<Element>([...(consent ? [consent.input] : []), ...(honeypot ? [honeypot.input] : [])]);

  // A native submit with an endpoint but no action of its own goes to the endpoint.
  const originalAttributes = ['action', 'method', 'aria-busy', 'data-leadgate-state'].map((name) => [name, form.getAttribute(name)] as const);
  if (mode === 'native' && endpoint && !form.hasAttribute('action')) {
    form.setAttribute('action', endpoint);
    form.setAttribute('method', 'post');
  }

  let detached = false;
  let submitted = false;
  let busy = false;
  let accepted = false;
  let heldSubmit = false;
  let attachedAt = now();
  let leadId = randomLeadId();
  let token: string | undefined;
  let tokenPromise: Promise<void> = Promise.resolve();
  let tokenGeneration = 0;
  const tokenAbort = new AbortController();
  const touched = new Set<string>();
  const results = new Map<string, CheckResult>();
  let serverFindings: ShownFinding[] = [];
  const lastShown = new Map<Element, Set<string>>();
  const asyncRuns = new Map<string, { timer: ReturnType<typeof setTimeout> | undefined; run: number }>();
  const asyncCheckIds = new Set(gate.checks.filter((check) => check.async).map((check) => check.id));

  const retry = () => {
    if (busy || detached) return;
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else void send();
  };
  const view = new FeedbackView(form, texts, id, (control, suggestion) => applySuggestion(control, suggestion), retry);
  const nativeFields = new NativeEvidenceFields(form);

  const loadToken = () => {
    if (!tokenUrl) return;
    token = undefined;
    const generation = ++tokenGeneration;
    tokenPromise = (async () => {
      const fresh = await requestFormToken(fetchImpl(), tokenUrl, formId, tokenAbort.signal);
      // Only the latest request's token counts: an older one may already be spent.
      if (fresh !== undefined && generation === tokenGeneration) token = fresh;
    })();
  };

  const context = (): LeadContext => {
    const gpc = (window?.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl === true;
    return { ...config.context, leadId, ...(gpc ? { gpc: true } : {}) };
  };
  const pageUrl = () => window?.location.href ?? '';

  const evidence = (textHash: string | undefined): { consent?: ConsentEvidence; source: SourceEvidence } =>
    formEvidence(consent, textHash, now(), {
      pageUrl: pageUrl(),
      referrer: document.referrer,
      formId,
      formToken: token,
      honeypot: honeypot?.input.value,
      timeOnFormMs: now() - attachedAt,
    });

  const readLead = (map: Map<string, FieldControl>, textHash: string | undefined): Record<string, unknown> => {
    const lead: Record<string, unknown> = {};
    for (const [field, control] of map) {
      const value = controlValue(form, control);
      if (value.trim() !== '') lead[field] = value;
    }
    const custom = readCustom(map);
    return { ...lead, ...(custom ? { custom } : {}), ...evidence(textHash) };
  };

  const readCustom = (map: Map<string, FieldControl>): Record<string, unknown> | undefined => {
    const taken = new Set<string>([...map.values()].map((control) => control.name));
    if (consent) taken.add(consent.input.name);
    const custom: Record<string, unknown> = {};
    new FormData(form).forEach((value, name) => {
      if (!name || taken.has(name) || name.startsWith('lg_') || typeof value !== 'string') return;
      const previous = custom[name];
      custom[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    });
    return Object.keys(custom).length > 0 ? custom : undefined;
  };

  const controls = () => mapFields(form, config.fields ?? {}, skip);

  const controlFor = (field: string | undefined, map: Map<string, FieldControl>): Element | undefined => {
    const root = field?.split(/[.[]/)[0];
    if (!root) return undefined;
    if (root === 'consent') return consent?.input;
    return map.get(root);
  };

  const fieldOf = (target: EventTarget | null, map: Map<string, FieldControl>): string | undefined => {
    if (consent && target === consent.input) return 'consent';
    for (const [field, control] of map) {
      if (control === target) return field;
      const radio = target as HTMLInputElement | null;
      if (radio?.type === 'radio' && control.tagName === 'INPUT' && (control as HTMLInputElement).type === 'radio' && radio.name === control.name) return field;
    }
    return undefined;
  };

  const messageOf = (finding: Pick<Finding, 'code' | 'field' | 'message' | 'data'> & { check?: string }): string => findingText(config.messages, finding);

  const shown = (finding: Finding, action: ShownFinding['action']): ShownFinding => ({
    code: finding.code,
    ...(finding.field === undefined ? {} : { field: finding.field }),
    message: messageOf(finding),
    ...(finding.data === undefined ? {} : { data: finding.data }),
    action,
  });

  const runSync = (map: Map<string, FieldControl>): Verdict => {
    const verdict = gate.validateSync(readLead(map, consent?.knownHash()), context());
    for (const key of [...results.keys()]) if (!asyncCheckIds.has(key)) results.delete(key);
    for (const result of verdict.results) results.set(result.check, result);
    return verdict;
  };

  /** Puts every visible finding beside its control; returns them in page order for the summary. */
  const render = (map: Map<string, FieldControl>, quiet?: Element): Array<{ finding: ShownFinding; control: Element | undefined }> => {
    const byControl = new Map<Element, ShownFinding[]>();
    const unplaced: ShownFinding[] = [];
    const place = (finding: ShownFinding) => {
      const control = controlFor(finding.field, map);
      if (!control) {
        if (!unplaced.some((other) => other.code === finding.code)) unplaced.push(finding);
        return;
      }
      const list = byControl.get(control) ?? [];
      // While the visitor types, only findings already shown may stay: no new scolding mid-word.
      if (control === quiet && !lastShown.get(control)?.has(finding.code)) return;
      if (!list.some((other) => other.code === finding.code)) list.push(finding);
      byControl.set(control, list);
    };
    for (const result of results.values()) {
      for (const finding of result.findings) {
        const action = gate.actionFor(finding.code);
        const root = finding.field?.split(/[.[]/)[0];
        if (!show.has(action) || !(submitted || (root !== undefined && touched.has(root)))) continue;
        place(shown(finding, action));
      }
    }
    for (const finding of serverFindings) place(finding);
    lastShown.clear();
    for (const [control, list] of byControl) {
      list.sort((a, b) => Number(b.action === 'reject' || b.action === 'server') - Number(a.action === 'reject' || a.action === 'server'));
      view.showField(control, list);
      lastShown.set(control, new Set(list.map((finding) => finding.code)));
    }
    view.clearFieldsExcept(new Set(byControl.keys()));
    const ordered = [...byControl.keys()].sort((a, b) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return [
      ...ordered.flatMap((control) => byControl.get(control)!.map((finding) => ({ finding, control }))),
      ...unplaced.filter((finding) => submitted || finding.action === 'server').map((finding) => ({ finding, control: undefined })),
    ];
  };

  const browserVerdict = (verdict: Verdict, phase: 'field' | 'submit', blocked?: boolean) =>
    dispatch(form, 'leadgate:verdict', {
      source: 'browser',
      phase,
      decision: verdict.decision,
      findings: verdict.reasons.map((reason) => shown(reason, reason.action)),
      verdict,
      ...(blocked === undefined ? {} : { blocked }),
    });

  const scheduleAsync = (field: string) => {
    if (!gate.checks.some((check) => check.async && (check.fields as readonly string[]).includes(field))) return;
    const entry = asyncRuns.get(field) ?? { timer: undefined, run: 0 };
    clearTimeout(entry.timer);
    const run = ++entry.run;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void gate.validate(readLead(controls(), consent?.knownHash()), context()).then((verdict) => {
        // A newer change to the field superseded this run: its answer is about old input.
        if (detached || run !== entry.run) return;
        for (const result of verdict.results) if (asyncCheckIds.has(result.check)) results.set(result.check, result);
        render(controls());
        browserVerdict(verdict, 'field');
      });
    }, debounceMs);
    asyncRuns.set(field, entry);
  };

  /** The field changed: answers about its old value (async runs, server findings) no longer apply. */
  const forget = (field: string) => {
    const entry = asyncRuns.get(field);
    if (entry) {
      clearTimeout(entry.timer);
      entry.run++;
    }
    for (const check of gate.checks) if (check.async && (check.fields as readonly string[]).includes(field)) results.delete(check.id);
    serverFindings = serverFindings.filter((finding) => finding.field?.split(/[.[]/)[0] !== field);
  };

  const applySuggestion = (control: Element, suggestion: string) => {
    const input = control as FieldControl;
    input.value = suggestion;
    // Frameworks that own the input (React, Vue) listen for these, not for `.value`.
    const View = window?.Event ?? Event;
    input.dispatchEvent(new View('input', { bubbles: true }));
    input.dispatchEvent(new View('change', { bubbles: true }));
    const map = controls();
    const field = fieldOf(input, map);
    if (field) {
      touched.add(field);
      browserVerdict(runSync(map), 'field');
      render(map);
      scheduleAsync(field);
    }
    input.focus();
  };

  const onFocusOut = (event: Event) => {
    const map = controls();
    const field = fieldOf(event.target, map);
    if (!field || field === 'consent') return;
    touched.add(field);
    const verdict = runSync(map);
    render(map);
    browserVerdict(verdict, 'field');
    scheduleAsync(field);
  };

  const onChange = (event: Event) => {
    const map = controls();
    const field = fieldOf(event.target, map);
    if (!field) return;
    accepted = false;
    forget(field);
    if (field === 'consent' && consent) {
      consent.userInteracted = true;
      touched.add('consent');
    }
    if (!touched.has(field) && !submitted) return;
    runSync(map);
    render(map, field === 'consent' ? undefined : controlFor(field, map));
    scheduleAsync(field);
  };

  const waitForEvidence = () =>
    Promise.race([
      Promise.all([tokenPromise, consent?.hash().catch(() => undefined)]),
      new Promise((resolve) => setTimeout(resolve, EVIDENCE_WAIT_MS)),
    ]);

  const collect = async () => {
    await waitForEvidence();
    const textHash = consent ? await consent.hash().catch(() => undefined) : undefined;
    return readLead(controls(), textHash);
  };

  const writeNativeEvidence = () => {
    const pageUrlNow = pageUrl();
    const { source, consent: consentEvidence } = evidence(consent?.knownHash());
    const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));
    nativeFields.write({
      lg_form_token: token,
      lg_consent_given: flag(consentEvidence?.given),
      lg_consent_text_id: consentEvidence?.textId,
      lg_consent_text_hash: consentEvidence?.textHash,
      lg_consent_rendered_checked: flag(consentEvidence?.renderedChecked),
      lg_consent_user_interacted: flag(consentEvidence?.userInteracted),
      lg_consent_required: flag(consentEvidence?.requiredToSubmit),
      lg_consent_captured_at: consentEvidence?.capturedAt,
      lg_page_url: pageUrlNow,
      lg_time_on_form_ms: String(source.timeOnFormMs ?? 0),
      lg_form_id: formId,
      ...Object.fromEntries(UTM_KEYS.map((key) => [key, source[key]])),
    });
  };

  const setState = (state: string) => form.setAttribute('data-leadgate-state', state);

  const failure = (status: number, text: string, retryable: boolean) => {
    view.showProblem(text, retryable);
    setState('error');
    dispatch(form, 'leadgate:error', { status, retryable });
  };

  const answer = (result: ServerAnswer) => {
    if (result.kind === 'accepted') {
      accepted = true;
      serverFindings = [];
      render(controls());
      view.showStatus(texts.accepted);
      setState('accepted');
      dispatch(form, 'leadgate:verdict', {
        source: 'server', phase: 'response', decision: result.decision, findings: [], status: result.status,
        ...(result.leadId ? { leadId: result.leadId } : {}),
      });
      // The next lead from this page is a new one, with its own id and its own clock.
      leadId = randomLeadId();
      attachedAt = now();
      return;
    }
    if (result.kind === 'rejected') {
      serverFindings = result.findings.map((finding) => shown({ check: 'server', message: '', ...finding }, 'server'));
      const items = render(controls()).filter((item) => item.finding.action === 'server' || item.finding.action === 'reject');
      if (items.length > 0) view.showSummary(items);
      else view.showProblem(result.detail ?? result.title ?? texts.notSent, false);
      setState('rejected');
      focusFirst(items.map((item) => item.control));
      dispatch(form, 'leadgate:verdict', { source: 'server', phase: 'response', decision: 'reject', findings: serverFindings, status: result.status });
      return;
    }
    if (result.kind === 'unavailable') failure(result.status, texts.unavailable, true);
    else failure(result.status, texts.notSent, false);
  };

  const send = async () => {
    busy = true;
    form.setAttribute('aria-busy', 'true');
    setState('submitting');
    view.clearSummary();
    try {
      const lead = await collect();
      if (detached) return;
      let response: Response;
      try {
        response = await postLead(fetchImpl(), endpoint!, lead);
      } catch {
        // Nothing reached the server, or nothing came back: the input stays, a retry is offered.
        if (!detached) failure(0, texts.networkError, true);
        return;
      }
      const result = await readServerAnswer(response);
      if (detached) return;
      // The server has seen the token (single use): the next try needs a fresh one.
      loadToken();
      answer(result);
    } finally {
      busy = false;
      if (!detached) form.removeAttribute('aria-busy');
    }
  };

  const focusFirst = (candidates: ReadonlyArray<Element | undefined>) => {
    const first = candidates.find((control): control is Element => control !== undefined);
    if (first) (first as HTMLElement).focus();
    else view.summary.focus();
  };

  const onSubmit = (event: SubmitEvent) => {
    if (heldSubmit) {
      // The second pass of a submit that waited for the token: evidence is ready now.
      heldSubmit = false;
      writeNativeEvidence();
      return;
    }
    if (busy || (accepted && mode === 'fetch')) {
      event.preventDefault();
      return;
    }
    submitted = true;
    const map = controls();
    const verdict = runSync(map);
    const items = render(map);
    // Only the synchronous checks' verdict blocks: an async finding may be about a value
    // the visitor has since changed, and the server runs those checks again anyway.
    const syncRejects = new Set(verdict.reasons.filter((reason) => reason.action === 'reject').map((reason) => `${reason.code} ${reason.field}`));
    const blockers = items.filter((item) => item.control !== undefined && syncRejects.has(`${item.finding.code} ${item.finding.field}`));
    browserVerdict(verdict, 'submit', blockers.length > 0);
    if (blockers.length > 0) {
      event.preventDefault();
      view.showSummary(blockers);
      setState('invalid');
      focusFirst(blockers.map((item) => item.control));
      return;
    }
    view.clearSummary();
    if (mode === 'fetch') {
      event.preventDefault();
      void send();
      return;
    }
    if ((tokenUrl && token === undefined) || (consent && consent.knownHash() === undefined)) {
      event.preventDefault();
      busy = true;
      const submitter = event.submitter;
      void waitForEvidence().then(() => {
        busy = false;
        if (detached) return;
        heldSubmit = true;
        if (typeof form.requestSubmit === 'function') form.requestSubmit(submitter && form.contains(submitter) ? (submitter as HTMLElement) : undefined);
        else {
          heldSubmit = false;
          writeNativeEvidence();
          form.submit();
        }
      });
      return;
    }
    writeNativeEvidence();
  };

  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  form.addEventListener('submit', onSubmit);
  loadToken();
  consent?.hash().catch(() => undefined);

  const binding: GateBinding = {
    form,
    validate() {
      submitted = true;
      const map = controls();
      const verdict = runSync(map);
      render(map);
      return verdict;
    },
    collect,
    detach() {
      if (detached) return;
      detached = true;
      form.removeEventListener('focusout', onFocusOut);
      form.removeEventListener('input', onChange);
      form.removeEventListener('change', onChange);
      form.removeEventListener('submit', onSubmit);
      for (const entry of asyncRuns.values()) clearTimeout(entry.timer);
      tokenAbort.abort();
      honeypot?.wrapper.remove();
      view.dispose();
      nativeFields.dispose();
      for (const [name, value] of originalAttributes) {
        if (value === null) form.removeAttribute(name);
        else form.setAttribute(name, value);
      }
      attached.delete(form);
    },
  };
  attached.set(form, binding);
  return binding;
}

/** The binding attached to a form, if any. */
export function bindingOf(form: HTMLFormElement): GateBinding | undefined {
  return attached.get(form);
}
