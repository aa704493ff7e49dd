import type { Gate } from '../core/gate.js';
import type { Verdict } from '../core/verdict.js';
import { findingText } from './finding-text.js';
import type { FindingMessage } from './options.js';
import type { PlatformErrors, PlatformMessage } from './platform-errors.js';

type FieldInput = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The input a platform's form gives a field (named after it), or null. */
export function namedInput(form: HTMLFormElement, name: string): FieldInput | null {
  const element = form.querySelector(`[name="${CSS.escape(name)}"]`);
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement ? element : null;
}

/** What a form platform's adapter tells {@link PlatformFeedback} about its form. */
export interface PlatformForm {
  /** Lead field → the platform's name for it (the input's `name`). */
  fields: Readonly<Record<string, string>>;
  /** The lead as the gate sees it now. */
  lead(): Record<string, unknown>;
  /** The input of a platform field, or null when the form lacks it. */
  input(name: string): FieldInput | null;
  /** Sets a field the way the platform's own state sees it (the typo's fix). */
  setValue(input: FieldInput, name: string, value: string): void;
  /** The marketing-consent checkbox, whose rejections show beside it. */
  consentInput?: HTMLElement;
}

/**
 * The part of the HubSpot and Marketo adapters that does not depend on the platform:
 * findings beside the fields the person has left (all of them on submit), the typo's
 * one-click fix, and the consent box's rejections. Synchronous checks only.
 */
export class PlatformFeedback {
  readonly #touched = new Set<string>();

  constructor(
    private readonly gate: Gate,
    private readonly platform: PlatformForm,
    private readonly errors: PlatformErrors,
    private readonly messages: Readonly<Record<string, FindingMessage>> | undefined,
  ) {}

  /** Validates now and shows the findings of the fields the person has left. */
  check(): Verdict {
    const verdict = this.gate.validateSync(this.platform.lead());
    this.show(verdict, this.#touched);
    return verdict;
  }

  /** Validates for a submit: every field counts as left. */
  checkAll(): Verdict {
    for (const field of Object.keys(this.platform.fields)) this.#touched.add(field);
    const verdict = this.gate.validateSync(this.platform.lead());
    this.show(verdict);
    return verdict;
  }

  /** A `focusout` in the form: the field it left now shows its findings. */
  left(target: EventTarget | null): void {
    if (!(target instanceof Element)) return;
    const name = target.getAttribute('name');
    const field = Object.entries(this.platform.fields).find(([, property]) => property === name)?.[0];
    if (!field) return;
    this.#touched.add(field);
    this.check();
  }

  clearAll(): void {
    this.errors.clearAll();
  }

  show(verdict: Verdict, only?: ReadonlySet<string>): void {
    for (const [field, name] of Object.entries(this.platform.fields)) {
      const input = this.platform.input(name);
      if (!input || (only && !only.has(field))) continue;
      this.errors.show(input, this.#messagesFor(verdict, field, (suggestion) => this.#fix(input, name, suggestion)));
    }
    const consent = this.platform.consentInput;
    if (consent) this.errors.show(consent, this.#messagesFor(verdict, 'consent'));
  }

  // Rejections and reviews beside a field (rejections only beside the consent box, whose
  // reviews are the server's business); an EMAIL_TYPO with a suggestion becomes its fix.
  #messagesFor(verdict: Verdict, field: string, fix?: (suggestion: string) => void): PlatformMessage[] {
    const shown = field === 'consent' ? ['reject'] : ['reject', 'review'];
    return verdict.reasons
      .filter((reason) => reason.field === field && shown.includes(reason.action))
      .map((finding) => {
        const suggestion = finding.data?.suggestion;
        const text = findingText(this.messages, finding);
        return fix && finding.code === 'EMAIL_TYPO' && typeof suggestion === 'string' ? { code: finding.code, text, fix: () => fix(suggestion) } : { code: finding.code, text };
      });
  }

  #fix(input: FieldInput, name: string, value: string): void {
    this.platform.setValue(input, name, value);
    this.check();
    input.focus();
  }
}
