import type { Lead } from '../core/lead.js';
import type { Verdict } from '../core/verdict.js';
import type { Outbox, OutboxEntry } from './outbox.js';

/** What `deliver` receives besides the lead and its verdict. */
export interface DeliveryInfo {
  /**
   * The idempotency key: the same for every attempt at one lead. Delivery is
   * at-least-once (an attempt that timed out may still have arrived), so the receiver
   * de-duplicates on it, e.g. as the CRM's external id or a webhook's `Idempotency-Key`.
   */
  leadId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the attempt times out; pass it to `fetch`. */
  signal: AbortSignal;
}

/** Sends an accepted or review lead onward (CRM webhook, queue). Throw or reject to have it retried. */
export type DeliverFunction = (lead: Lead, verdict: Verdict, info: DeliveryInfo) => void | Promise<void>;

/** Operational events of the handler; carry lead ids and codes, never personal data. */
export type HandlerEvent =
  | { type: 'delivered'; level: 'info'; leadId: string; attempt: number }
  | { type: 'delivery_failed'; level: 'warn'; leadId: string; attempt: number; error: unknown; nextAttemptAt?: number }
  | { type: 'queued'; level: 'info'; leadId: string; outbox: string }
  | { type: 'outbox_failed'; level: 'error'; outbox: string; operation: 'put' | 'claim' | 'reschedule' | 'ack'; error: unknown }
  | { type: 'lead_refused'; level: 'error'; leadId: string; reason: 'outbox_full' | 'outbox_unavailable' }
  | { type: 'rejected'; level: 'info'; leadId: string; codes: string[] }
  | { type: 'honeypot'; level: 'info'; leadId: string }
  /** The body's `leadIdField` held no usable id (see CLIENT_LEAD_ID); the gate made one. */
  | { type: 'lead_id_ignored'; level: 'warn'; leadId: string; field: string }
  | { type: 'quarantine_failed'; level: 'error'; leadId: string; error: unknown }
  | { type: 'handler_failed'; level: 'error'; error: unknown }
  /** `POST /outcomes` could not reach its outcome store or replay store (answered 503). */
  | { type: 'outcomes_failed'; level: 'error'; error: unknown };

/** How retries are paced. */
export interface RetryOptions {
  /** How often the background worker looks for due leads, ms. Default 1,000. */
  intervalMs?: number;
  /** Delay before the first retry, ms; doubles each attempt. Default 1,000. */
  baseDelayMs?: number;
  /** Ceiling of the delay, ms. Default 300,000 (5 minutes). Leads are retried until delivered: none is dropped. */
  maxDelayMs?: number;
  /** Leads claimed per worker pass. Default 50. */
  batchSize?: number;
}

/** Resolved delivery settings (see `createHandler` options). */
export interface DeliverySettings {
  deliver: DeliverFunction;
  outboxes: readonly Outbox[];
  timeoutMs: number;
  retry: Required<RetryOptions> | false;
  emit: (event: HandlerEvent) => void;
  now: () => number;
  random: () => number;
}

/** The result of handing a lead to delivery. */
export type SubmitResult = 'delivered' | 'queued' | 'refused';

/** Delivery with an outbox: first attempt inline, retries in the background. */
export interface Delivery {
  /** Tries once (bounded by the timeout); on failure stores the lead in the first outbox that takes it. */
  submit(lead: Lead, verdict: Verdict): Promise<SubmitResult>;
  /** One worker pass over every outbox; the timer calls it, tests and cron jobs may too. */
  retryDue(): Promise<{ delivered: number; failed: number }>;
  /** Leads waiting, summed over the outboxes that answer. */
  pending(): Promise<number>;
  /** Stops the background timer and waits for a pass in progress. */
  close(): Promise<void>;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so
 * many failed leads do not retry in lock-step against a CRM that just came back
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015,
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
export function backoffDelay(attempts: number, retry: Pick<Required<RetryOptions>, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Starts delivery; with `retry` set, a background timer (unref'd, so it never keeps a process alive) retries due leads. */
export function createDelivery(settings: DeliverySettings): Delivery {
  const { deliver, outboxes, emit, now } = settings;
  let pass: Promise<{ delivered: number; failed: number }> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const attempt = async (lead: Lead, verdict: Verdict, attemptNo: number): Promise<unknown> => {
    // The AbortController is made only if `deliver` reads `signal`, and the timer only if
    // it returns a promise: a synchronous hand-off (an in-process queue) costs neither.
    let controller: AbortController | undefined;
    const info: DeliveryInfo = {
      leadId: verdict.leadId,
      attempt: attemptNo,
      get signal() {
        return (controller ??= new AbortController()).signal;
      },
    };
    let timeout: ReturnType<typeof setTimeout> | undefined;
    try {
      const pending = deliver(lead, verdict, info);
      if (pending && typeof (pending as Promise<void>).then === 'function') {
        await Promise.race([
          pending,
          new Promise((_, reject) => {
            timeout = setTimeout(() => {
              const error = new DOMException(`deliver timed out after ${settings.timeoutMs} ms`, 'TimeoutError');
              controller?.abort(error);
              reject(error);
            }, settings.timeoutMs);
          }),
        ]);
      }
      emit({ type: 'delivered', level: 'info', leadId: verdict.leadId, attempt: attemptNo });
      return undefined;
    } catch (error) {
      return error ?? new Error('deliver rejected');
    } finally {
      clearTimeout(timeout);
    }
  };

  const nextDue = (attempts: number) => now() + (settings.retry ? backoffDelay(attempts, settings.retry, settings.random) : 0);

  const submit = async (lead: Lead, verdict: Verdict): Promise<SubmitResult> => {
    const error = await attempt(lead, verdict, 1);
    if (error === undefined) return 'delivered';
    const entry: OutboxEntry = { id: verdict.leadId, lead, verdict, attempts: 1, dueAt: nextDue(1), enqueuedAt: now(), lastError: errorName(error) };
    emit({ type: 'delivery_failed', level: 'warn', leadId: verdict.leadId, attempt: 1, error, nextAttemptAt: entry.dueAt });
    let full = false;
    for (const outbox of outboxes) {
      try {
        await outbox.put(entry);
        emit({ type: 'queued', level: 'info', leadId: verdict.leadId, outbox: outbox.name });
        return 'queued';
      } catch (putError) {
        // By name, not instanceof: the CJS builds of two entries may each carry their own copy of the class.
        full ||= (putError as { name?: unknown } | null)?.name === 'OutboxFullError';
        emit({ type: 'outbox_failed', level: 'error', outbox: outbox.name, operation: 'put', error: putError });
      }
    }
    emit({ type: 'lead_refused', level: 'error', leadId: verdict.leadId, reason: full ? 'outbox_full' : 'outbox_unavailable' });
    return 'refused';
  };

  const retryOutbox = async (outbox: Outbox, totals: { delivered: number; failed: number }) => {
    const retry = settings.retry || { batchSize: 50, intervalMs: 1000 };
    let claimed: OutboxEntry[];
    try {
      // The lease outlives one attempt, so no other worker takes the lead meanwhile.
      claimed = await outbox.claim(now(), retry.batchSize, settings.timeoutMs * 2 + retry.intervalMs);
    } catch (error) {
      emit({ type: 'outbox_failed', level: 'error', outbox: outbox.name, operation: 'claim', error });
      return;
    }
    await Promise.all(
      claimed.map(async (entry) => {
        const attemptNo = entry.attempts + 1;
        const error = await attempt(entry.lead, entry.verdict, attemptNo);
        if (error === undefined) {
          totals.delivered++;
          // If the ack is lost the lead is delivered again after the lease: at-least-once, de-duplicated on leadId.
          await outbox.ack(entry.id).catch((ackError: unknown) => emit({ type: 'outbox_failed', level: 'error', outbox: outbox.name, operation: 'ack', error: ackError }));
          return;
        }
        totals.failed++;
        const next: OutboxEntry = { ...entry, attempts: attemptNo, dueAt: nextDue(attemptNo), lastError: errorName(error) };
        emit({ type: 'delivery_failed', level: 'warn', leadId: entry.id, attempt: attemptNo, error, nextAttemptAt: next.dueAt });
        await outbox.reschedule(next).catch((rescheduleError: unknown) => emit({ type: 'outbox_failed', level: 'error', outbox: outbox.name, operation: 'reschedule', error: rescheduleError }));
      }),
    );
  };

  const retryDue = () => {
    // One pass at a time: a slow CRM must not pile up overlapping passes.
    if (!pass) {
      const totals = { delivered: 0, failed: 0 };
      pass = (async () => {
        for (const outbox of outboxes) await retryOutbox(outbox, totals);
        return totals;
      })().finally(() => {
        pass = undefined;
      });
    }
    return pass;
  };

  if (settings.retry) {
    timer = setInterval(() => void retryDue(), settings.retry.intervalMs);
    (timer as { unref?: () => void }).unref?.();
  }

  return {
    submit,
    retryDue,
    async pending() {
      let total = 0;
      for (const outbox of outboxes) total += await outbox.size().catch(() => 0);
      return total;
    },
    async close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await pass;
    },
  };
}

function errorName(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return error.name;
  return typeof error;
}
