/**
 * Findings shown the way HubSpot shows its own validation errors, so the form's theme
 * styles them: inside the field's `.hs-form-field`, a `ul.hs-error-msgs.inputs-list`
 * with one `li > label.hs-error-msg` per message, and `.invalid.error` on the input.
 * The list is `role="alert"` and the input points at it with `aria-describedby`.
 */
export class HubSpotErrors {
  readonly #lists = new Map<Element, { list: HTMLElement; describedby: string | null; signature: string }>();
  #next = 0;

  constructor(private readonly prefix: string) {}

  /** Replaces the messages of one input; an empty list clears them. */
  show(input: HTMLElement, messages: ReadonlyArray<{ code: string; text: string; fix?: () => void }>): void {
    // The same messages stay as they are: re-rendering would move the page under the
    // pointer (a "Did you mean" button pressed as focus leaves another field).
    const signature = messages.map((message) => `${message.code}\u0000${message.text}`).join('\u0001');
    if (this.#lists.get(input)?.signature === signature) return;
    this.clear(input);
    if (messages.length === 0) return;
    const document = input.ownerDocument;
    const list = document.createElement('ul');
    list.className = 'no-list hs-error-msgs inputs-list leadgate-errors';
    list.id = `${this.prefix}-err-${++this.#next}`;
    list.setAttribute('role', 'alert');
    for (const message of messages) {
      const item = document.createElement('li');
      const label = document.createElement('label');
      label.className = 'hs-error-msg hs-main-font-element';
      label.setAttribute('data-leadgate-code', message.code);
      if (message.fix) {
        // The typo's fix as a button: one press corrects the field.
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'leadgate-suggestion';
        button.textContent = message.text;
        button.addEventListener('click', message.fix);
        label.append(button);
      } else label.textContent = message.text;
      item.append(label);
      list.append(item);
    }
    const container = input.closest('.hs-form-field') ?? input.parentElement ?? input;
    container.append(list);
    const describedby = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', [describedby, list.id].filter(Boolean).join(' '));
    input.setAttribute('aria-invalid', 'true');
    input.classList.add('invalid', 'error');
    this.#lists.set(input, { list, describedby, signature });
  }

  clear(input: HTMLElement): void {
    const held = this.#lists.get(input);
    if (!held) return;
    held.list.remove();
    if (held.describedby === null) input.removeAttribute('aria-describedby');
    else input.setAttribute('aria-describedby', held.describedby);
    input.removeAttribute('aria-invalid');
    input.classList.remove('invalid', 'error');
    this.#lists.delete(input);
  }

  clearAll(): void {
    for (const input of [...this.#lists.keys()]) this.clear(input as HTMLElement);
  }
}
