/** One message as a form platform's adapter shows it; `fix` makes it a button (the typo's correction). */
export interface PlatformMessage {
  code: string;
  text: string;
  fix?: () => void;
}

/**
 * How a form platform marks up its own validation errors, so leadgate's look like them
 * and the form's theme styles them: the element holding one input's messages, the
 * element of one message (`[outermost, the one that holds the text]`), the classes the
 * platform puts on an invalid input, and where the list goes.
 */
export interface ErrorStyle {
  list: { tag: string; className: string };
  message(document: Document): [HTMLElement, HTMLElement];
  invalidClasses: readonly string[];
  container(input: HTMLElement): Element;
}

/**
 * Findings shown beside the inputs of a platform's form (HubSpot, Marketo), in the
 * platform's error style. The list is `role="alert"` and the input points at it with
 * `aria-describedby` and `aria-invalid`; text goes in with `textContent` only, since a
 * message can hold what the visitor typed. Everything added is taken away by `clear`.
 */
export class PlatformErrors {
  readonly #lists = new Map<Element, { list: HTMLElement; describedby: string | null; signature: string }>();
  #next = 0;

  constructor(
    private readonly prefix: string,
    private readonly style: ErrorStyle,
  ) {}

  /** Replaces the messages of one input; an empty list clears them. */
  show(input: HTMLElement, messages: readonly PlatformMessage[]): void {
    // The same messages stay as they are: re-rendering would move the page under the
    // pointer (a "Did you mean" button pressed as focus leaves another field).
    const signature = messages.map((message) => `${message.code}\u0000${message.text}`).join('\u0001');
    if (this.#lists.get(input)?.signature === signature) return;
    this.clear(input);
    if (messages.length === 0) return;
    const document = input.ownerDocument;
    const list = document.createElement(this.style.list.tag);
    list.className = `${this.style.list.className} leadgate-errors`;
    list.id = `${this.prefix}-err-${++this.#next}`;
    list.setAttribute('role', 'alert');
    for (const message of messages) {
      const [outer, holder] = this.style.message(document);
      holder.setAttribute('data-leadgate-code', message.code);
      if (message.fix) {
        // The typo's fix as a button: one press corrects the field.
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'leadgate-suggestion';
        button.textContent = message.text;
        button.addEventListener('click', message.fix);
        holder.append(button);
      } else holder.textContent = message.text;
      list.append(outer);
    }
    this.style.container(input).append(list);
    const describedby = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', [describedby, list.id].filter(Boolean).join(' '));
    input.setAttribute('aria-invalid', 'true');
    input.classList.add(...this.style.invalidClasses);
    this.#lists.set(input, { list, describedby, signature });
  }

  clear(input: HTMLElement): void {
    const held = this.#lists.get(input);
    if (!held) return;
    held.list.remove();
    if (held.describedby === null) input.removeAttribute('aria-describedby');
    else input.setAttribute('aria-describedby', held.describedby);
    input.removeAttribute('aria-invalid');
    input.classList.remove(...this.style.invalidClasses);
    this.#lists.delete(input);
  }

  clearAll(): void {
    for (const input of [...this.#lists.keys()]) this.clear(input as HTMLElement);
  }
}
