import { LeadGateError } from '../core/errors.js';
import { withoutQuery } from '../core/log.js';
import type { ConsentEvidence } from '../core/lead.js';
import type { Gate } from '../core/gate.js';
import type { Verdict } from '../core/verdict.js';
import { ConsentControl } from '../dom/consent.js';
import { findingText } from '../dom/finding-text.js';
import type { FindingMessage } from '../dom/options.js';
import { PlatformErrors } from '../dom/platform-errors.js';
import { namedInput, PlatformFeedback } from '../dom/platform-feedback.js';
import { escapeHtml, MARKETO_ERROR_STYLE } from './errors.js';
import { MARKETO_FIELDS, MARKETO_UNSUBSCRIBED, ticked, type MarketoLeadField } from './fields.js';

/**
 * The part of a Marketo Forms 2.0 form object leadgate uses, as Marketo documents it
 * (https://developers.marketo.com/javascript-api/forms/api-reference/). `getFormElem()`
 * is Marketo's jQuery-wrapped `<form>`.
 */
export interface MarketoForm {
  getId(): number | string;
  getFormElem(): { 0?: unknown; find?(selector: string): unknown };
  vals(): Record<string, unknown>;
  vals(values: Record<string, string>): unknown;
  onValidate(callback: (nativeValid: boolean) => void): unknown;
  submittable(canSubmit: boolean): unknown;
  onSubmit(callback: (form: MarketoForm) => void): unknown;
  addHiddenFields(values: Record<string, string>): unknown;
  showErrorMessage(message: string, element?: unknown): unknown;
}

/** Options of {@link attachMarketoForm} and {@link bindMarketoForms}. */
export interface MarketoGateOptions {
  /** Lead field → Marketo field name, over {@link MARKETO_FIELDS} (e.g. `{ phone: 'MobilePhone' }`). */
  fields?: Partial<Record<MarketoLeadField, string>>;
  /**
   * The marketing opt-in checkbox field (a custom field: Marketo has no standard one,
   * e.g. `'Marketing_Opt_In__c'`). Its state, whether it was ticked at render, whether the
   * person changed it and its label's text (hashed) become `lead.consent`.
   */
  optInField?: string;
  /** Id of the element holding the consent text when it is not the opt-in field's label (a rich-text block). */
  consentTextId?: string;
  /** Marketo's opt-out checkbox. Ticked, the lead carries `consent.given: false`. Default `'Unsubscribed'`. */
  unsubscribedField?: string;
  /**
   * Fields the verdict is added to as hidden fields (`form.addHiddenFields`) before
   * Marketo submits, so the person record carries it. Create them in Marketo (their API
   * names). Default `{ codes: 'leadgate_codes', decision: 'leadgate_decision' }`.
   */
  hiddenFields?: { codes?: string; decision?: string };
  /** Your wording per code: a template over the finding's data, or a function. */
  messages?: Record<string, FindingMessage>;
}

/** What {@link attachMarketoForm} returns. */
export interface MarketoBinding {
  /** The lead as the gate sees it now. */
  lead(): Record<string, unknown>;
  /** Validates now (synchronous checks) and shows the findings. */
  check(): Verdict;
  /** Stops the gate (Marketo has no way to remove its callbacks: they become no-ops). */
  detach(): void;
}

const attached = new WeakMap<HTMLFormElement, MarketoBinding>();
let bindings = 0;

/**
 * Puts the gate inside a Marketo Forms 2.0 form: call it from `MktoForms2.whenReady`
 * or `loadForm`'s callback, or let {@link bindMarketoForms} do it for every form.
 * Findings show beside the field as the person leaves it. When Marketo validates for a
 * submit (`onValidate`), a `reject` makes the form unsubmittable (`submittable(false)`)
 * and points Marketo's own error tooltip at the field; `review` goes through, and
 * `onSubmit` adds the codes and decision as hidden fields. Synchronous checks only: the
 * server checks the rest when a Marketo webhook sends the lead on.
 *
 * @example
 * MktoForms2.loadForm('//app-ab01.marketo.com', '123-ABC-456', 1001, (form) => attachMarketoForm(form, gate));
 */
export function attachMarketoForm(mktoForm: MarketoForm, gate: Gate, options: MarketoGateOptions = {}): MarketoBinding {
  const wrapped = typeof mktoForm?.getFormElem === 'function' ? mktoForm.getFormElem() : undefined;
  const form = wrapped?.[0];
  if (!(form instanceof HTMLFormElement) || typeof mktoForm.onValidate !== 'function' || typeof mktoForm.vals !== 'function') {
    throw new LeadGateError('attachMarketoForm: "form" must be the Marketo form object MktoForms2.whenReady passes', { option: 'form' });
  }
  if (typeof gate?.validateSync !== 'function') throw new LeadGateError('attachMarketoForm: "gate" must be a gate made with createGate', { option: 'gate' });
  const existing = attached.get(form);
  if (existing) return existing;

  const fields = { ...MARKETO_FIELDS, ...options.fields };
  const hidden = { codes: 'leadgate_codes', decision: 'leadgate_decision', ...options.hiddenFields };
  const unsubscribed = options.unsubscribedField ?? MARKETO_UNSUBSCRIBED;
  const document = form.ownerDocument;
  const started = Date.now();
  const optIn = options.optInField ? form.querySelector(`input[type="checkbox"][name="${CSS.escape(options.optInField)}"]`) : null;
  const consent = optIn instanceof HTMLInputElement ? new ConsentControl(withConsentText(optIn, options.consentTextId)) : undefined;
  let active = true;
  let blocked = false;
  let lastVerdict: Verdict | undefined;

  const lead = (): Record<string, unknown> => {
    const values = mktoForm.vals();
    const out: Record<string, unknown> = {};
    for (const [field, name] of Object.entries(fields)) {
      const value = values[name];
      if (typeof value === 'string' && value.trim() !== '') out[field] = value.trim();
    }
    const page = withoutQuery(document.defaultView?.location.href ?? '');
    out.source = { formId: String(mktoForm.getId()), pageUrl: page, timeOnFormMs: Date.now() - started };
    const optedOut = ticked(values[unsubscribed]);
    if (consent) out.consent = { ...optInEvidence(consent, page), ...(optedOut ? { given: false } : {}) };
    // An opt-out with no opt-in box: the person said no, which the record must not lose.
    else if (optedOut) out.consent = { given: false, userInteracted: true, capturedAt: new Date().toISOString(), pageUrl: page } satisfies ConsentEvidence;
    return out;
  };

  const feedback = new PlatformFeedback(
    gate,
    {
      fields,
      lead,
      input: (name) => namedInput(form, name),
      // Through Marketo's setter, so its own state and validation see the new value.
      setValue: (_input, name, value) => void mktoForm.vals({ [name]: value }),
      ...(consent ? { consentInput: consent.input } : {}),
    },
    new PlatformErrors(`leadgate-mkto-${++bindings}`, MARKETO_ERROR_STYLE),
    options.messages,
  );

  // The selector of the element Marketo's tooltip points at for a rejection.
  const targetOf = (field: string | undefined): string => {
    const name = field === 'consent' ? options.optInField : field ? (fields as Record<string, string>)[field] : undefined;
    return name && form.querySelector(`[name="${CSS.escape(name)}"]`) ? `[name="${CSS.escape(name)}"]` : 'button[type="submit"]';
  };

  mktoForm.onValidate(() => {
    if (!active) return;
    const verdict = feedback.checkAll();
    lastVerdict = verdict;
    const rejection = verdict.reasons.find((reason) => reason.action === 'reject');
    if (rejection) {
      mktoForm.submittable(false);
      blocked = true;
      form.setAttribute('data-leadgate-state', 'rejected');
      const target = targetOf(rejection.field);
      // Focus first: the tooltip belongs to the field the person is taken to.
      form.querySelector<HTMLElement>(target)?.focus();
      mktoForm.showErrorMessage(escapeHtml(findingText(options.messages, rejection)), wrapped?.find?.(target));
    } else if (blocked) {
      // Only undo our own block: another script's submittable(false) is not ours to lift.
      mktoForm.submittable(true);
      blocked = false;
    }
  });

  mktoForm.onSubmit(() => {
    if (!active) return;
    const verdict = lastVerdict ?? feedback.checkAll();
    form.setAttribute('data-leadgate-state', verdict.decision);
    mktoForm.addHiddenFields({ [hidden.codes]: verdict.reasons.map((reason) => reason.code).join(' '), [hidden.decision]: verdict.decision });
  });

  const onLeave = (event: Event): void => {
    if (active) feedback.left(event.target);
  };
  const onConsent = (event: Event): void => {
    if (consent && event.target === consent.input) consent.userInteracted = true;
  };
  form.addEventListener('focusout', onLeave);
  form.addEventListener('change', onConsent);
  if (consent) void consent.hash();

  const binding: MarketoBinding = {
    lead,
    check: () => feedback.check(),
    detach() {
      active = false;
      if (blocked) mktoForm.submittable(true);
      blocked = false;
      form.removeEventListener('focusout', onLeave);
      form.removeEventListener('change', onConsent);
      feedback.clearAll();
      attached.delete(form);
    },
  };
  attached.set(form, binding);
  return binding;
}

/** The part of Marketo's `MktoForms2` global {@link bindMarketoForms} uses. */
export interface MktoForms2Like {
  whenReady(callback: (form: MarketoForm) => void): unknown;
}

/**
 * Attaches the gate to every Marketo form on the page through `MktoForms2.whenReady`,
 * which Marketo calls for each form already ready and for each one that becomes ready
 * later. `formIds` limits it to some forms (Marketo form ids). Load it after Marketo's
 * forms2.min.js, or pass `MktoForms2`.
 */
export function bindMarketoForms(gate: Gate, options: MarketoGateOptions & { formIds?: ReadonlyArray<number | string>; MktoForms2?: MktoForms2Like } = {}): { detach(): void } {
  const mkto = options.MktoForms2 ?? (globalThis as { MktoForms2?: MktoForms2Like }).MktoForms2;
  if (typeof mkto?.whenReady !== 'function') {
    throw new LeadGateError("bindMarketoForms: MktoForms2 is not on the page (load Marketo's forms2.min.js first, or pass it as \"MktoForms2\")", { option: 'MktoForms2' });
  }
  const ids = options.formIds?.map(String);
  const bound: MarketoBinding[] = [];
  let active = true;
  mkto.whenReady((form) => {
    if (!active || (ids && !ids.includes(String(form.getId())))) return;
    bound.push(attachMarketoForm(form, gate, options));
  });
  return {
    detach() {
      active = false;
      for (const binding of bound.splice(0)) binding.detach();
    },
  };
}

// The opt-in box's text is its Marketo label (`label#Lbl<Field>`), which is not
// associated with the checkbox itself (Marketo gives the box an empty label of its own).
function withConsentText(input: HTMLInputElement, textId: string | undefined): HTMLInputElement {
  if (input.hasAttribute('data-leadgate-consent-text')) return input;
  const label = textId ?? input.closest('.mktoFieldWrap')?.querySelector('label.mktoLabel[id]')?.id;
  if (label) input.setAttribute('data-leadgate-consent-text', label);
  return input;
}

function optInEvidence(consent: ConsentControl, page: string): ConsentEvidence {
  const input = consent.input;
  // Marketo enforces "required" itself (novalidate forms): the box is marked, not `required`.
  const required = input.required || input.classList.contains('mktoRequired') || input.getAttribute('aria-required') === 'true';
  return { ...consent.evidence(new Date().toISOString(), page, consent.knownHash()), requiredToSubmit: required, purposes: ['marketing'] };
}
