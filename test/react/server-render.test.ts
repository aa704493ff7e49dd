import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createGate } from '../../src/gate.js';

// Node, no DOM: what a Next.js server render or renderToString does with the hook.

describe('useLeadGate on the server', () => {
  it('imports and renders without any DOM global', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const { useLeadGate } = await import('../../src/react/index.js');
    expect(typeof useLeadGate).toBe('function');
    const { UncontrolledForm } = await import('./forms.js');
    const html = renderToString(createElement(UncontrolledForm, { gate: createGate({ motion: 'inbound' }), options: { endpoint: '/api/leads' } }));
    expect(html).toContain('name="email"');
    expect(html).toContain('data-leadgate-consent=""');
    expect(html).toContain('data-leadgate-consent-text-id="newsletter-v3"');
    // No honeypot (it renders after mount, styled through the CSSOM) and no findings yet.
    expect(html).not.toContain('lg_hp');
    expect(html).not.toContain('style=');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('data-code');
  });
});
