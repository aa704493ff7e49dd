import type { DecisionEvent, LogSink } from '../core/log.js';

/** A log sink that sends decision events from the page with `navigator.sendBeacon`. */
export interface BeaconSink extends LogSink {
  /** Sends what is buffered now; returns false when the browser refused to queue it. */
  flush(): boolean;
  /** Sends what is buffered and stops listening to the page. */
  dispose(): void;
}

export interface BeaconSinkOptions {
  /** Send once this many form sessions are buffered, without waiting for the page to hide. Default 20. */
  maxBuffered?: number;
}

/**
 * Logs the browser gate's verdicts to your server, for analytics of what visitors
 * typed wrong and where they gave up. A form produces a verdict on every blur, so the
 * sink keeps only the latest event of each lead id (the DOM binding uses one id per
 * form session) and sends the batch when the page is hidden or closed (`visibilitychange`
 * to hidden, and `pagehide`: the moments MDN's sendBeacon guide names, since `unload`
 * does not fire reliably on mobile). Abandoned forms are logged too, with the reason
 * the visitor last saw.
 *
 * The body is a JSON array of `DecisionEvent`s sent as `text/plain`, a CORS-safelisted
 * type, so a collector on another origin needs no preflight (sendBeacon cannot do one).
 * Events carry digests, never the email or phone in clear (unless the gate was built
 * with `logPersonalData: true`). Nothing is touched until the first event arrives.
 *
 * @example
 * const gate = createGate({ motion: 'inbound', log: beaconSink('/leads/events') });
 */
export function beaconSink(url: string, options: BeaconSinkOptions = {}): BeaconSink {
  const maxBuffered = options.maxBuffered ?? 20;
  const buffered = new Map<string, DecisionEvent>();
  let listening = false;

  const flush = (): boolean => {
    if (buffered.size === 0) return true;
    const body = JSON.stringify([...buffered.values()]);
    buffered.clear();
    const navigator = globalThis.navigator as Navigator | undefined;
    if (typeof navigator?.sendBeacon === 'function' && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain;charset=UTF-8' }))) return true;
    // No sendBeacon, or its queue is full: a keepalive fetch also outlives the page.
    if (typeof globalThis.fetch !== 'function') return false;
    globalThis.fetch(url, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(() => undefined);
    return true;
  };
  const onVisibility = () => {
    if (globalThis.document?.visibilityState === 'hidden') flush();
  };
  const listen = () => {
    if (listening || typeof globalThis.addEventListener !== 'function') return;
    listening = true;
    globalThis.document?.addEventListener('visibilitychange', onVisibility);
    globalThis.addEventListener('pagehide', flush);
  };

  return {
    name: 'beacon',
    write(event) {
      listen();
      buffered.delete(event.leadId); // re-insert: the map's order is then oldest session first
      buffered.set(event.leadId, event);
      if (buffered.size >= maxBuffered) flush();
    },
    flush,
    dispose() {
      flush();
      if (!listening) return;
      listening = false;
      globalThis.document?.removeEventListener('visibilitychange', onVisibility);
      globalThis.removeEventListener('pagehide', flush);
    },
  };
}
