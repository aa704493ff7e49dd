/**
 * The hidden inputs that carry the evidence in a native (non-fetch) submit, by the
 * names the server handler reads (the lead's contract in issue 8). `utm_*` keep their
 * own names; one the form already has is left to the form.
 */
export class NativeEvidenceFields {
  #inputs = new Map<string, HTMLInputElement>();

  constructor(private readonly form: HTMLFormElement) {}

  /** Sets each named value, adding the input the first time; `undefined` removes it. */
  write(values: Record<string, string | undefined>): void {
    for (const [name, value] of Object.entries(values)) {
      let input = this.#inputs.get(name);
      if (value === undefined) {
        input?.remove();
        this.#inputs.delete(name);
        continue;
      }
      if (!input) {
        if (this.form.elements.namedItem(name)) continue; // the form's own field wins
        input = this.form.ownerDocument.createElement('input');
        input.type = 'hidden';
        input.name = name;
        this.form.append(input);
        this.#inputs.set(name, input);
      }
      input.value = value;
    }
  }

  dispose(): void {
    for (const input of this.#inputs.values()) input.remove();
    this.#inputs.clear();
  }
}
