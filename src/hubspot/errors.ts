import type { ErrorStyle } from '../dom/platform-errors.js';

/**
 * HubSpot's own validation-error markup: inside the field's `.hs-form-field`, a
 * `ul.hs-error-msgs.inputs-list` with one `li > label.hs-error-msg` per message, and
 * `.invalid.error` on the input.
 */
export const HUBSPOT_ERROR_STYLE: ErrorStyle = {
  list: { tag: 'ul', className: 'no-list hs-error-msgs inputs-list' },
  message(document) {
    const item = document.createElement('li');
    const label = document.createElement('label');
    label.className = 'hs-error-msg hs-main-font-element';
    item.append(label);
    return [item, label];
  },
  invalidClasses: ['invalid', 'error'],
  container: (input) => input.closest('.hs-form-field') ?? input.parentElement ?? input,
};
