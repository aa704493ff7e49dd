import type { ConsentText } from '../checks/consent/options.js';
import { sha256Hex } from '../core/digest.js';
import { normalizeConsentText } from '../dom/consent.js';

/** A consent text found in a page: its registry entry and the words it was hashed from. */
export interface PageConsentText extends ConsentText {
  /** The text as the DOM binding hashes it (`normalizeConsentText` of the label's text). */
  text: string;
}

const INPUT_TAG = /<input\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const LABEL_OPEN = /<label\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const LABEL_CLOSE = /<\/label\s*>/gi;

/**
 * The consent texts of a page, read from its HTML the way `leadgate/dom` reads them in
 * the browser: for each `<input data-leadgate-consent>`, the text of its labels (a
 * `<label for=…>` and a `<label>` that wraps it, in page order) or of the element its
 * `data-leadgate-consent-text` names, normalised with `normalizeConsentText` and hashed
 * with SHA-256. The id is `data-leadgate-consent-text-id` (else the input's `id`).
 *
 * This lets a server register exactly the wording the page it serves shows, so a demo
 * or a static site cannot drift from its registry. A production registry is data that
 * somebody approved (`consentProvenance({ texts })`); use this to compute its hashes.
 * It reads plain HTML, not a DOM: markup that scripts change after load is not seen.
 *
 * @example
 * const texts = pageConsentTexts(await readFile('public/index.html', 'utf8'));
 * // [{ id: 'newsletter-v3', hash: '9f2c…', text: 'Send me product news by email. …' }]
 */
export function pageConsentTexts(html: string): PageConsentText[] {
  // Comments are no text in the DOM, and a commented-out box is no box.
  const page = html.replace(/<!--[\s\S]*?-->/g, '');
  const found: PageConsentText[] = [];
  for (const match of page.matchAll(INPUT_TAG)) {
    const attributes = readAttributes(match[0].slice('<input'.length, -1));
    if (!attributes.has('data-leadgate-consent')) continue;
    const inputId = attributes.get('id');
    const textRef = attributes.get('data-leadgate-consent-text');
    const pieces = textRef ? [elementText(page, textRef)].filter((text): text is string => text !== undefined) : labelTexts(page, match.index, inputId);
    const text = normalizeConsentText(pieces.join(' '));
    if (text === '') continue;
    const id = attributes.get('data-leadgate-consent-text-id') || inputId || `consent-${found.length + 1}`;
    found.push({ id, hash: sha256Hex(text), text });
  }
  return found;
}

/** Texts of the labels of the input at `at`: `for` its id, or wrapping it without a `for`, in page order. */
function labelTexts(page: string, at: number, inputId: string | undefined): string[] {
  const texts: string[] = [];
  for (const open of page.matchAll(LABEL_OPEN)) {
    const start = open.index + open[0].length;
    LABEL_CLOSE.lastIndex = start;
    const close = LABEL_CLOSE.exec(page);
    const end = close ? close.index : page.length;
    const target = readAttributes(open[1] ?? '').get('for');
    const labels = target === undefined ? at > open.index && at < end : inputId !== undefined && target === inputId;
    if (labels) texts.push(textContent(page.slice(start, end)));
  }
  return texts;
}

/** Text of the element with this id; nested elements of the same tag are counted to find its end. */
function elementText(page: string, id: string): string | undefined {
  const open = new RegExp(`<([a-zA-Z][a-zA-Z0-9-]*)\\b(?:[^>"']|"[^"]*"|'[^']*')*\\bid\\s*=\\s*(?:"${escape(id)}"|'${escape(id)}'|${escape(id)}(?=[\\s>]))(?:[^>"']|"[^"]*"|'[^']*')*>`, 'i').exec(page);
  if (!open) return undefined;
  const tag = open[1]!.toLowerCase();
  const start = open.index + open[0].length;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 1;
  for (let next = tags.exec(page); next; next = tags.exec(page)) {
    depth += next[1] ? -1 : 1;
    if (depth === 0) return textContent(page.slice(start, next.index));
  }
  return textContent(page.slice(start));
}

/** `textContent` of an HTML fragment: tags dropped without a space (as the DOM joins text nodes), entities decoded. */
function textContent(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ''));
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    // The first of a repeated attribute wins, as in the HTML parser.
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

// The named references a consent sentence plausibly uses; others stay as written (and
// then hash differently from the browser, which the e2e test would catch).
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', euro: '€', copy: '©', reg: '®', trade: '™', middot: '·',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? entity;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
