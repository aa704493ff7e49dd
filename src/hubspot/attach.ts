import { LeadGateError } from '../core/errors.js';
import { withoutQuery } from '../core/log.js';
import type { Gate } from '../core/gate.js';
import type { Verdict } from '../core/verdict.js';
import { ConsentControl } from '../dom/consent.js';
import type { FindingMessage } from '../dom/options.js';
import { PlatformErrors } from '../dom/platform-errors.js';
import { namedInput, PlatformFeedback } from '../dom/platform-feedback.js';
import { HUBSPOT_ERROR_STYLE } from './errors.js';
import { HUBSPOT_FIELDS, SUBSCRIPTION_CONSENT, type HubSpotLeadField } from './fields.js';

/** Options of {@link attachHubSpotForm} and {@link bindHubSpotForms}. */
export interface HubSpotGateOptions {
  /** Lead field → HubSpot property name, over {@link HUBSPOT_FIELDS} (e.g. `{ phone: 'mobilephone' }`). */
  fields?: Partial<Record<HubSpotLeadField, string>>;
  /**
   * Hidden properties the verdict is written to before HubSpot submits, so the CRM record
   * carries it. Add them to the form in HubSpot as hidden fields. Default
   * `{ codes: 'leadgate_codes', decision: 'leadgate_decision' }`; a property the form
   * lacks is skipped.
   */
  hiddenFields?: { codes?: string; decision?: string };
  /** Your wording per code: a template over the finding's data, or a function. */
  messages?: Record<string, FindingMessage>;
}

/** What {@link attachHubSpotForm} returns. */
export interface HubSpotBinding {
  /** The lead as the gate sees it now. */
  lead(): Record<string, unknown>;
  /** Validates now (synchronous checks) and shows the findings. */
  check(): Verdict;
  detach(): void;
}

const attached = new WeakMap<HTMLFormElement, HubSpotBinding>();
let bindings = 0;

/**
 * Puts the gate inside a HubSpot embedded form: call it from `onFormReady` (it takes
 * the native form or HubSpot's jQuery-wrapped one), or let {@link bindHubSpotForms}
 * do it for every form on the page. Findings show in HubSpot's error style beside the
 * field as the person leaves it; on submit a `reject` stops the submission before
 * HubSpot's own submit handler runs (a capturing listener on the document), and
 * `review` goes through with the codes in the hidden fields. Synchronous checks only:
 * the server checks the rest when HubSpot's webhook or workflow sends the lead on.
 *
 * @example
 * hbspt.forms.create({ portalId, formId, onFormReady: (form) => attachHubSpotForm(form, gate) });
 */
export function attachHubSpotForm(formLike: unknown, gate: Gate, options: HubSpotGateOptions = {}): HubSpotBinding {
  const form = nativeForm(formLike);
  if (!form) throw new LeadGateError('attachHubSpotForm: "form" must be the HubSpot <form> (or the jQuery object onFormReady passes)', { option: 'form' });
  if (typeof gate?.validateSync !== 'function') throw new LeadGateError('attachHubSpotForm: "gate" must be a gate made with createGate', { option: 'gate' });
  const existing = attached.get(form);
  if (existing) return existing;

  const fields = { ...HUBSPOT_FIELDS, ...options.fields };
  const hidden = { codes: 'leadgate_codes', decision: 'leadgate_decision', ...options.hiddenFields };
  const document = form.ownerDocument;
  const started = Date.now();
  const consentInput = form.querySelector(SUBSCRIPTION_CONSENT);
  const consent = consentInput instanceof HTMLInputElement ? new ConsentControl(consentInput) : undefined;

  const lead = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [field, property] of Object.entries(fields)) {
      const value = namedInput(form, property)?.value.trim();
      if (value) out[field] = value;
    }
    const page = withoutQuery(document.defaultView?.location.href ?? '');
    out.source = { formId: form.getAttribute('data-form-id') ?? form.id ?? 'hubspot', pageUrl: page, timeOnFormMs: Date.now() - started };
    if (consent) {
      // requiredToSubmit is the subscription box's own `required`: HubSpot's processing
      // checkbox is a separate control and says nothing about whether marketing is optional.
      out.consent = { ...consent.evidence(new Date().toISOString(), page, consent.knownHash()), purposes: ['marketing'] };
    }
    return out;
  };

  const feedback = new PlatformFeedback(
    gate,
    {
      fields,
      lead,
      input: (property) => namedInput(form, property),
      setValue(input, _property, value) {
        input.value = value;
        // HubSpot's forms keep their own state from input events (its React renderer).
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      ...(consent ? { consentInput: consent.input } : {}),
    },
    new PlatformErrors(`leadgate-hs-${++bindings}`, HUBSPOT_ERROR_STYLE),
    options.messages,
  );

  const onLeave = (event: Event): void => feedback.left(event.target);
  const onConsent = (event: Event): void => {
    if (consent && event.target === consent.input) consent.userInteracted = true;
  };
  // Capturing on the document runs before any listener HubSpot put on the form itself.
  const onSubmit = (event: Event): void => {
    if (event.target !== form) return;
    const verdict = feedback.checkAll();
    if (verdict.reasons.some((reason) => reason.action === 'reject')) {
      event.preventDefault();
      event.stopImmediatePropagation();
      form.setAttribute('data-leadgate-state', 'rejected');
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    form.setAttribute('data-leadgate-state', verdict.decision);
    writeHidden(form, hidden.codes, verdict.reasons.map((reason) => reason.code).join(' '));
    writeHidden(form, hidden.decision, verdict.decision);
  };

  form.addEventListener('focusout', onLeave);
  form.addEventListener('change', onConsent);
  document.addEventListener('submit', onSubmit, true);
  if (consent) void consent.hash();

  const binding: HubSpotBinding = {
    lead,
    check: () => feedback.check(),
    detach() {
      form.removeEventListener('focusout', onLeave);
      form.removeEventListener('change', onConsent);
      document.removeEventListener('submit', onSubmit, true);
      feedback.clearAll();
      attached.delete(form);
    },
  };
  attached.set(form, binding);
  return binding;
}

/**
 * Attaches the gate to every HubSpot form on the page as HubSpot reports it ready: the
 * global `message` event `{ type: 'hsFormCallback', eventName: 'onFormReady', id }` that
 * embedded forms post (https://legacydocs.hubspot.com/global-form-events), including forms
 * rendered after this call. `formIds` limits it to some forms (HubSpot form GUIDs).
 */
export function bindHubSpotForms(gate: Gate, options: HubSpotGateOptions & { formIds?: readonly string[]; window?: Window } = {}): { detach(): void } {
  const win = options.window ?? globalThis.window;
  if (!win) throw new LeadGateError('bindHubSpotForms: no window (call it in the browser)', { option: 'window' });
  const bound: HubSpotBinding[] = [];
  const attach = (id: string | undefined): void => {
    if (options.formIds && (!id || !options.formIds.includes(id))) return;
    const selector = id ? `form[data-form-id="${CSS.escape(id)}"]` : 'form.hs-form';
    for (const form of Array.from(win.document.querySelectorAll<HTMLFormElement>(selector))) bound.push(attachHubSpotForm(form, gate, options));
  };
  const onMessage = (event: MessageEvent): void => {
    const data = event.data as { type?: unknown; eventName?: unknown; id?: unknown } | null;
    if (data?.type !== 'hsFormCallback' || data.eventName !== 'onFormReady') return;
    attach(typeof data.id === 'string' ? data.id : undefined);
  };
  win.addEventListener('message', onMessage);
  // Forms HubSpot rendered before this call.
  for (const form of Array.from(win.document.querySelectorAll<HTMLFormElement>('form.hs-form'))) {
    const id = form.getAttribute('data-form-id') ?? undefined;
    if (!options.formIds || (id && options.formIds.includes(id))) bound.push(attachHubSpotForm(form, gate, options));
  }
  return {
    detach() {
      win.removeEventListener('message', onMessage);
      for (const binding of bound.splice(0)) binding.detach();
    },
  };
}

function nativeForm(value: unknown): HTMLFormElement | undefined {
  if (value instanceof HTMLFormElement) return value;
  // jQuery: onFormReady($form) in HubSpot's older embed code.
  const first = (value as { 0?: unknown } | null)?.[0];
  return first instanceof HTMLFormElement ? first : undefined;
}

function writeHidden(form: HTMLFormElement, property: string | undefined, value: string): void {
  if (!property) return;
  const input = form.querySelector(`input[name="${CSS.escape(property)}"]`);
  if (input instanceof HTMLInputElement) input.value = value;
}
