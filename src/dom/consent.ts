import type { ConsentEvidence } from '../core/lead.js';

/**
 * The consent checkbox and what the binding saw of it: whether it was already ticked
 * when the form rendered and whether the visitor changed it. A box that was ticked for
 * the visitor and never touched is not consent (GDPR Recital 32; CJEU C-673/17
 * Planet49; CRTC 2012-549 refuses pre-checked boxes): the consent check needs both
 * facts to tell the two apart, and only the page can observe them.
 *
 * Markup: `<input type="checkbox" data-leadgate-consent data-leadgate-consent-text-id="newsletter-v3">`
 * with a `<label>`; the label's text is the consent text. `data-leadgate-consent-text="id"`
 * points at another element when the text is not the label (a paragraph beside the box).
 * `data-leadgate-consent-channels="email phone"` names the channels it covers.
 */
export class ConsentControl {
  readonly renderedChecked: boolean;
  userInteracted = false;
  #hash: string | undefined;
  #hashedText: string | undefined;

  constructor(readonly input: HTMLInputElement) {
    this.renderedChecked = input.checked;
  }

  /** The consent text as shown: the label's (or referenced element's) text, normalised. */
  text(): string {
    const id = this.input.getAttribute('data-leadgate-consent-text');
    const source = id ? this.input.ownerDocument.getElementById(id) : undefined;
    const labels = source ? [source] : Array.from(this.input.labels ?? []);
    return normalizeConsentText(labels.map((label) => label.textContent ?? '').join(' '));
  }

  /** SHA-256 (hex) of {@link text}, via Web Crypto; recomputed only when the text changed. */
  async hash(): Promise<string | undefined> {
    const text = this.text();
    if (text === this.#hashedText && this.#hash) return this.#hash;
    const subtle = globalThis.crypto?.subtle;
    if (!subtle || text === '') return undefined;
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    this.#hashedText = text;
    this.#hash = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    return this.#hash;
  }

  /** The hash if it is already known for the current text (for synchronous paths). */
  knownHash(): string | undefined {
    return this.#hashedText === this.text() ? this.#hash : undefined;
  }

  /** The evidence as `lead.consent` carries it. */
  evidence(capturedAt: string, pageUrl: string, textHash: string | undefined): ConsentEvidence {
    const textId = this.input.getAttribute('data-leadgate-consent-text-id') ?? undefined;
    const channels = (this.input.getAttribute('data-leadgate-consent-channels') ?? '')
      .split(/\s+/)
      .filter((channel): channel is 'email' | 'phone' | 'sms' => channel === 'email' || channel === 'phone' || channel === 'sms');
    return {
      given: this.input.checked,
      renderedChecked: this.renderedChecked,
      userInteracted: this.userInteracted,
      requiredToSubmit: this.input.required,
      ...(textId ? { textId } : {}),
      ...(textHash ? { textHash } : {}),
      capturedAt,
      pageUrl,
      ...(channels.length > 0 ? { channels } : {}),
    };
  }
}

/**
 * How the consent text is normalised before hashing: whitespace runs (the indentation
 * and line breaks of the page's HTML) become one space, the ends are trimmed, and the
 * result is Unicode NFC, so the same words give the same hash whatever the markup's
 * formatting or the editor's normalisation. The server's registry of consent texts
 * must hash the same way: `sha256Hex(normalizeConsentText(text))`.
 *
 * @example
 * normalizeConsentText('  Send me\n   product news. ') // 'Send me product news.'
 */
export function normalizeConsentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}
