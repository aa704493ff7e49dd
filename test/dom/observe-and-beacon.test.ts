// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGate } from '../../src/gate.js';
import { attachGate, beaconSink, bindingOf, observeForms } from '../../src/dom/index.js';
import { fill, settle, until } from './harness.js';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('observeForms', () => {
  it('attaches to a form a third-party embed renders later, and detaches it when removed', async () => {
    const gate = createGate({ motion: 'inbound' });
    document.body.innerHTML = '<div id="embed"></div>';
    const observer = observeForms(document, 'form.lead', (form) => attachGate(form, gate, { formToken: false }));
    // The embed script renders its form after the page has loaded, in two steps.
    const form = document.createElement('form');
    form.className = 'lead';
    document.getElementById('embed')!.append(form);
    await until(() => bindingOf(form) !== undefined);
    form.insertAdjacentHTML('afterbegin', '<input id="email" name="email">');
    fill({ email: 'jane@mailinator.com' });
    expect(form.querySelector('[data-leadgate-code="EMAIL_DISPOSABLE"]')).not.toBeNull();
    form.remove();
    await until(() => bindingOf(form) === undefined);
    expect(form.querySelector('input[name="lg_hp"]')).toBeNull();
    observer.disconnect();
  });

  it('binds a form when it gains the selector\'s attribute, and keeps going when one form fails', async () => {
    const gate = createGate({ motion: 'inbound' });
    document.body.innerHTML = '<form id="a"></form><form id="b"></form>';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const observer = observeForms(document, 'form[data-bind]', (form) => {
      if (form.id === 'a') throw new Error('broken');
      return attachGate(form, gate, { formToken: false });
    });
    document.getElementById('a')!.setAttribute('data-bind', '');
    document.getElementById('b')!.setAttribute('data-bind', '');
    const b = document.getElementById('b') as HTMLFormElement;
    await until(() => bindingOf(b) !== undefined);
    expect(errors).toHaveBeenCalledTimes(1);
    observer.disconnect();
    expect(bindingOf(b)).toBeUndefined();
  });
});

describe('beaconSink', () => {
  it('keeps the latest event per form session and sends them with sendBeacon when the page hides', async () => {
    const sent: Array<{ url: string; body: unknown; type: string }> = [];
    vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, data) => {
      sent.push({ url: String(url), body: data, type: (data as Blob).type });
      return true;
    });
    const sink = beaconSink('/leads/events');
    const gate = createGate({ motion: 'inbound', log: sink });
    gate.validateSync({ email: 'jane@mailinator.com' }, { leadId: 'session-1' });
    gate.validateSync({ email: 'jane@acme-industries.com' }, { leadId: 'session-1' });
    gate.validateSync({ email: 'max@gmail.com' }, { leadId: 'session-2' });
    expect(sent).toEqual([]);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: '/leads/events', type: 'text/plain;charset=utf-8' });
    const events = JSON.parse(await (sent[0]!.body as Blob).text());
    expect(events.map((event: { leadId: string; decision: string }) => [event.leadId, event.decision])).toEqual([
      ['session-1', 'accept'],
      ['session-2', 'review'],
    ]);
    // Digests only: the address typed never leaves in clear.
    expect(JSON.stringify(events)).not.toContain('jane@');
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toHaveLength(1); // nothing new to send
    sink.dispose();
  });

  it('sends early when the buffer is full, and falls back to a keepalive fetch when sendBeacon refuses', async () => {
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false);
    const fetches: RequestInit[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => (fetches.push(init!), new Response(null, { status: 204 })));
    const sink = beaconSink('/events', { maxBuffered: 2 });
    const gate = createGate({ motion: 'inbound', log: sink });
    gate.validateSync({ email: 'a@acme-industries.com' }, { leadId: 'one' });
    gate.validateSync({ email: 'b@acme-industries.com' }, { leadId: 'two' });
    await settle();
    expect(fetches).toHaveLength(1);
    expect(fetches[0]).toMatchObject({ method: 'POST', keepalive: true });
    sink.dispose();
  });
});
