import type { Decision } from '../core/types.js';
import type { Verdict } from '../core/verdict.js';
import type { ShownFinding } from './feedback.js';

/**
 * The detail of a `leadgate:verdict` event, dispatched on the form (it bubbles) for
 * every verdict: the browser gate's (on blur, after async checks, on submit) and the
 * server's (after a fetch submit). The browser's is advisory; the server's counts.
 *
 * @example
 * form.addEventListener('leadgate:verdict', (event) => {
 *   const { source, decision, leadId } = event.detail;
 *   if (source === 'server' && decision !== 'reject') location.assign('/thanks');
 * });
 */
export interface VerdictEventDetail {
  source: 'browser' | 'server';
  /** `field`: a field was left or changed; `submit`: the visitor submitted; `response`: the server answered. */
  phase: 'field' | 'submit' | 'response';
  decision: Decision;
  /** Browser: the reasons (strongest first). Server: the findings of a 422. */
  findings: ShownFinding[];
  /** The browser gate's full verdict (browser source only). */
  verdict?: Verdict;
  /** Submit phase: the binding stopped the submit because of `reject` findings. */
  blocked?: boolean;
  /** Server source: the HTTP status and the server's lead id. */
  status?: number;
  leadId?: string;
}

/** The detail of a `leadgate:error` event: the lead could not be delivered (network, 503, 400…). */
export interface ErrorEventDetail {
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** Whether the retry button was offered (network failures, 503, 429, 5xx). */
  retryable: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'leadgate:verdict': CustomEvent<VerdictEventDetail>;
    'leadgate:error': CustomEvent<ErrorEventDetail>;
  }
}

export function dispatch<K extends 'leadgate:verdict' | 'leadgate:error'>(form: HTMLFormElement, type: K, detail: HTMLElementEventMap[K]['detail']): void {
  const View = form.ownerDocument.defaultView?.CustomEvent ?? CustomEvent;
  form.dispatchEvent(new View(type, { detail, bubbles: true }));
}
