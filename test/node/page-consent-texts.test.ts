// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/digest.js';
import { ConsentControl } from '../../src/dom/consent.js';
import { precheckConsent } from '../../src/node/landing-server.js';
import { pageConsentTexts } from '../../src/node/page-consent-texts.js';

// pageConsentTexts reads HTML as text; the DOM binding reads the parsed page. The
// registry is only useful if both arrive at the same hash, so every case here is
// checked against ConsentControl in a DOM (happy-dom; the e2e test does it in Chromium).

const landingPage = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../examples/landing-page/index.html'), 'utf8');

/** What the DOM binding hashes for each consent box of a page. */
async function domHashes(html: string): Promise<Array<{ text: string; hash: string | undefined }>> {
  document.body.innerHTML = html.replace(/^[\s\S]*<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
  return Promise.all(
    Array.from(document.querySelectorAll<HTMLInputElement>('input[data-leadgate-consent]'), async (input) => {
      const control = new ConsentControl(input);
      return { text: control.text(), hash: await control.hash() };
    }),
  );
}

describe('pageConsentTexts', () => {
  it('finds the landing page\'s consent text with the id and the hash the browser sends', async () => {
    const texts = pageConsentTexts(landingPage);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ id: 'tallyline-marketing-v1', text: 'Send me Tallyline product news and event invitations by email. I can unsubscribe at any time.' });
    expect(texts[0]!.hash).toBe(sha256Hex(texts[0]!.text));
    expect(await domHashes(landingPage)).toEqual([{ text: texts[0]!.text, hash: texts[0]!.hash }]);
  });

  const variants: Record<string, string> = {
    'a wrapping label with markup, entities and line breaks': `
      <form><label class="c">
        <input type="checkbox" name="c" data-leadgate-consent data-leadgate-consent-text-id='news-v2'>
        Send me <strong>news</strong> &amp; offers&nbsp;by e&#8209;mail &mdash; see our <a href="/p">privacy&#x20;notice</a>&rsquo;s terms.
      </label></form>`,
    'a label for the box and one for another field (only the first counts)': `
      <form><label for="other">Not this</label><input id="other" name="x">
      <input type="checkbox" id="box" data-leadgate-consent data-leadgate-consent-text-id="v1"><label for="box">Yes, email me <em>monthly</em>.</label>
      <label for="box-x">Nor this</label></form>`,
    'two labels for one box, in page order': `
      <form><label for="b2">First part.</label><input type="checkbox" id="b2" data-leadgate-consent data-leadgate-consent-text-id="two"><label for="b2">Second part.</label></form>`,
    'the text in another element, with nested elements of the same tag': `
      <form><input type="checkbox" id="b3" data-leadgate-consent data-leadgate-consent-text="ct" data-leadgate-consent-text-id="ref-v1">
      <label for="b3">I agree</label>
      <div id="ct">We will send <div class="inner">product news</div> by email<!-- not this -->.</div><div>Not part of it.</div></form>`,
    'no text id: the input id names the entry': `
      <form><input type="checkbox" id="marketing" data-leadgate-consent><label for="marketing">Café news, NFC: caf\u0065\u0301.</label></form>`,
  };

  for (const [name, html] of Object.entries(variants)) {
    it(`hashes as the browser does: ${name}`, async () => {
      const texts = pageConsentTexts(html);
      const dom = await domHashes(html);
      expect(texts.map(({ text, hash }) => ({ text, hash }))).toEqual(dom);
      expect(texts.length).toBe(1);
    });
  }

  it('names each entry by its text id, else the input id', () => {
    expect(pageConsentTexts(variants['a wrapping label with markup, entities and line breaks']!)[0]!.id).toBe('news-v2');
    expect(pageConsentTexts(variants['no text id: the input id names the entry']!)[0]!.id).toBe('marketing');
  });

  it('finds nothing in a page without a consent box, or whose box has no text', () => {
    expect(pageConsentTexts('<form><input name="email"><input type="checkbox" id="c" data-leadgate-consent-text-id="x"><label for="c">Hi</label></form>')).toEqual([]);
    expect(pageConsentTexts('<form><input type="checkbox" data-leadgate-consent></form>')).toEqual([]);
    expect(pageConsentTexts('<!-- <input type="checkbox" id="c" data-leadgate-consent><label for="c">Old</label> -->')).toEqual([]);
  });
});

describe('precheckConsent', () => {
  it('ticks the consent box of the landing page, and only that box', () => {
    const checked = precheckConsent(landingPage);
    document.body.innerHTML = checked.replace(/^[\s\S]*<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
    expect(document.querySelector<HTMLInputElement>('[data-leadgate-consent]')!.checked).toBe(true);
    expect(document.querySelectorAll('input[checked]')).toHaveLength(1);
  });

  it('leaves alone an input that only has other data-leadgate-consent-* attributes', () => {
    const html = '<input type="checkbox" data-leadgate-consent-text-id="x"><input data-leadgate-consent-channels="email" type="checkbox">';
    expect(precheckConsent(html)).toBe(html);
  });
});
