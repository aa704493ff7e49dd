/** The honeypot input's name; the server reads it as `lg_hp` in a native submit and as `lead.source.honeypot` in JSON. */
export const HONEYPOT_NAME = 'lg_hp';

/** The honeypot's default label (`texts.honeypotLabel`), for the screen readers that ignore `aria-hidden`. */
export const HONEYPOT_LABEL = 'Leave this field empty';

/** How the honeypot's wrapper is kept off-screen (not `display: none`, which bots skip). */
export const HONEYPOT_STYLE: Readonly<Record<'position' | 'left' | 'top' | 'width' | 'height' | 'overflow', string>> = Object.freeze({
  position: 'absolute', left: '-10000px', top: 'auto', width: '1px', height: '1px', overflow: 'hidden',
});

/**
 * Adds the honeypot: a text field people never see or reach and bots fill in
 * (research compliance_source.md §2.5.1, after https://kiwee.eu/stop-form-spam-robots-honeypot/).
 * It is a real `type="text"` field, because bots skip `type="hidden"`; moved off-screen
 * rather than `display: none`, which bots also skip; out of the tab order
 * (`tabindex="-1"`); closed to autofill (`autocomplete="off"`, so a browser never fills
 * it for a person); and hidden from assistive technology (`aria-hidden` on its wrapper),
 * with a "leave empty" label for the screen readers that ignore `aria-hidden`.
 * Styles are set through the CSSOM, which a Content-Security-Policy without
 * `'unsafe-inline'` still allows.
 */
export function createHoneypot(form: HTMLFormElement, label: string, id: string): { wrapper: HTMLElement; input: HTMLInputElement } {
  const document = form.ownerDocument;
  const wrapper = document.createElement('div');
  wrapper.setAttribute('aria-hidden', 'true');
  wrapper.className = 'leadgate-hp';
  Object.assign(wrapper.style, HONEYPOT_STYLE);
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.name = HONEYPOT_NAME;
  input.autocomplete = 'off';
  input.tabIndex = -1;
  input.value = '';
  wrapper.append(labelElement, input);
  form.append(wrapper);
  return { wrapper, input };
}
