import type { Action } from '../core/types.js';
import type { BindingTexts } from './options.js';

/** A finding as the binding shows it: `server` when it came from the server's 422. */
export interface ShownFinding {
  code: string;
  field?: string;
  message: string;
  data?: Record<string, unknown>;
  action: Action | 'server';
}

interface FieldState {
  container: HTMLElement;
  signature: string;
  ariaInvalid: string | null;
  ariaDescribedby: string | null;
}

const blocking = (finding: ShownFinding) => finding.action === 'reject' || finding.action === 'server';

/**
 * Everything the binding adds to the page to show findings, and how to take it away.
 * Text goes in with `textContent` only: a message can hold what the visitor typed
 * (`Did you mean jane@gmail.com?`) or come from a server, and must never be parsed as
 * HTML. Accessibility after the WAI-ARIA Authoring Practices and the GOV.UK error
 * summary: `aria-invalid` and an `aria-describedby` message per field, a summary with
 * `role="alert"` on submit, and `role="status"` for the success message.
 */
export class FeedbackView {
  readonly region: HTMLElement;
  readonly summary: HTMLElement;
  readonly status: HTMLElement;
  #fields = new Map<Element, FieldState>();
  #counter = 0;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly texts: BindingTexts,
    private readonly idPrefix: string,
    private readonly onSuggestion: (control: Element, suggestion: string) => void,
    private readonly onRetry: () => void,
  ) {
    const document = form.ownerDocument;
    // Live regions exist, empty, from the start: screen readers announce content
    // inserted into a region they already know, not a region inserted with content.
    this.region = document.createElement('div');
    this.region.className = 'leadgate-feedback';
    this.summary = document.createElement('div');
    this.summary.className = 'leadgate-summary';
    this.summary.setAttribute('role', 'alert');
    this.summary.tabIndex = -1;
    this.status = document.createElement('div');
    this.status.className = 'leadgate-status';
    this.status.setAttribute('role', 'status');
    this.region.append(this.summary, this.status);
    form.prepend(this.region);
  }

  /** Shows the findings of one control beside it (none: removes its messages and restores its attributes). */
  showField(control: Element, findings: readonly ShownFinding[]): void {
    const state = this.#fields.get(control);
    if (findings.length === 0) {
      if (state) this.#clear(control, state);
      return;
    }
    const signature = findings.map((finding) => `${finding.action}:${finding.code}:${finding.message}`).join('\n');
    const current = state ?? this.#create(control);
    if (current.signature !== signature) {
      current.signature = signature;
      current.container.replaceChildren(...findings.map((finding) => this.#message(control, finding)));
    }
    const invalid = findings.some(blocking);
    if (invalid) control.setAttribute('aria-invalid', 'true');
    else restore(control, 'aria-invalid', current.ariaInvalid);
    current.container.classList.toggle('leadgate-messages--error', invalid);
  }

  /** Removes the messages of every control not in `keep`. */
  clearFieldsExcept(keep: ReadonlySet<Element>): void {
    for (const [control, state] of this.#fields) if (!keep.has(control)) this.#clear(control, state);
  }

  /** Fills the summary (`role="alert"`) with the findings, each linked to its control when it has an id. */
  showSummary(items: ReadonlyArray<{ finding: ShownFinding; control: Element | undefined }>): void {
    const document = this.form.ownerDocument;
    const title = document.createElement('p');
    title.className = 'leadgate-summary-title';
    title.textContent = this.texts.summary;
    const list = document.createElement('ul');
    for (const { finding, control } of items) {
      const item = document.createElement('li');
      item.setAttribute('data-leadgate-code', finding.code);
      if (control?.id) {
        const link = document.createElement('a');
        link.href = `#${control.id}`;
        link.textContent = finding.message;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          (control as HTMLElement).focus();
        });
        item.append(link);
      } else {
        item.textContent = finding.message;
      }
      list.append(item);
    }
    this.status.replaceChildren();
    this.summary.replaceChildren(title, list);
  }

  /** A failure that is not about a field (network, 503, 400), with a retry button when retrying can help. */
  showProblem(text: string, retry: boolean): void {
    const document = this.form.ownerDocument;
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    const children: HTMLElement[] = [paragraph];
    if (retry) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'leadgate-retry';
      button.textContent = this.texts.retry;
      button.addEventListener('click', () => this.onRetry());
      children.push(button);
    }
    this.status.replaceChildren();
    this.summary.replaceChildren(...children);
  }

  showStatus(text: string): void {
    this.summary.replaceChildren();
    const paragraph = this.form.ownerDocument.createElement('p');
    paragraph.textContent = text;
    this.status.replaceChildren(paragraph);
  }

  clearSummary(): void {
    this.summary.replaceChildren();
    this.status.replaceChildren();
  }

  /** Removes every element the view added and restores every attribute it changed. */
  dispose(): void {
    for (const [control, state] of this.#fields) this.#clear(control, state);
    this.region.remove();
  }

  #create(control: Element): FieldState {
    const container = this.form.ownerDocument.createElement('div');
    container.id = `${this.idPrefix}-msg-${++this.#counter}`;
    container.className = 'leadgate-messages';
    container.setAttribute('aria-live', 'polite');
    // After the control, or after its label when the label wraps it (a checkbox).
    const anchor = control.parentElement?.tagName === 'LABEL' ? control.parentElement : control;
    anchor.after(container);
    const state: FieldState = {
      container,
      signature: '',
      ariaInvalid: control.getAttribute('aria-invalid'),
      ariaDescribedby: control.getAttribute('aria-describedby'),
    };
    control.setAttribute('aria-describedby', [state.ariaDescribedby, container.id].filter(Boolean).join(' '));
    this.#fields.set(control, state);
    return state;
  }

  #clear(control: Element, state: FieldState): void {
    state.container.remove();
    restore(control, 'aria-invalid', state.ariaInvalid);
    restore(control, 'aria-describedby', state.ariaDescribedby);
    this.#fields.delete(control);
  }

  #message(control: Element, finding: ShownFinding): HTMLElement {
    const document = this.form.ownerDocument;
    const paragraph = document.createElement('p');
    paragraph.className = `leadgate-message leadgate-message--${blocking(finding) ? 'error' : 'hint'}`;
    paragraph.setAttribute('data-leadgate-code', finding.code);
    const suggestion = finding.data?.suggestion;
    if (finding.code === 'EMAIL_TYPO' && typeof suggestion === 'string') {
      // The fix as a button: one press corrects the field (issue 8, "Did you mean …?").
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'leadgate-suggestion';
      button.textContent = finding.message;
      button.addEventListener('click', () => this.onSuggestion(control, suggestion));
      paragraph.append(button);
    } else {
      paragraph.textContent = finding.message;
    }
    return paragraph;
  }
}

function restore(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
