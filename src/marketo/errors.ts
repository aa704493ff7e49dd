import type { ErrorStyle } from '../dom/platform-errors.js';

/**
 * Marketo's validation-error look (forms2.css styles `.mktoErrorMsg`; Marketo marks the
 * input `.mktoInvalid`), kept in the flow of the field's `.mktoFieldWrap` instead of
 * Marketo's floating tooltip, so several messages and the typo's button stay readable.
 * The submit-time block also uses Marketo's own tooltip (`form.showErrorMessage`).
 */
export const MARKETO_ERROR_STYLE: ErrorStyle = {
  list: { tag: 'div', className: 'mktoErrorMsg' },
  message(document) {
    const line = document.createElement('div');
    line.className = 'leadgate-error-msg';
    return [line, line];
  },
  invalidClasses: ['mktoInvalid'],
  container: (input) => input.closest('.mktoFieldWrap') ?? input.parentElement ?? input,
};

/** Marketo inserts a `showErrorMessage` text as HTML; what the visitor typed must not be. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
