import { DUPLICATE_KEY_PREFIX } from '../checks/source/duplicates.js';
import type { LeadStore } from '../core/store.js';

// Duplicate detection on worker threads (issue 15 §2). The source check's duplicate rule
// is the audit's one state across leads once velocity is off: for each genuine lead it
// asks the store whether the lead's email and phone were marked before (`store.seen`,
// which also marks them). Split over workers, each would see only its own batches. So a
// worker's store sends those questions to the main thread, which holds the one set of
// marks and answers them in input order: the questions of a batch are answered once
// every earlier batch has asked all of its own. Each worker runs the whole gate once per
// lead, and its verdicts, report lines and decision log are those of a single thread.
//
// When a batch has asked all of its questions: a worker starts a batch's leads in input
// order, and with no form or partner token to verify (`AuditGate.duplicatesOnly`) each
// lead reaches the duplicate rule through promises that are already settled, and asks
// for its email and phone together (one synchronous `keys.map` in duplicates.ts). So
// every question of a batch is asked before the event loop's next turn, in the order a
// single thread asks them. The worker starts its batches one after another, each once
// the one before has sent its questions on that turn. A question asked outside that window
// (which only a check awaiting I/O before the rule could cause) is refused, so the check
// fails visibly instead of being answered out of order.
//
// So no question needs tagging with its lead: AsyncLocalStorage, which would do that,
// doubled the collector's work with its promise hooks (bench/README.md, "Audit"). Two
// earlier designs decided repeated people again on the main thread, or ran the source
// check in a pass of its own; both were slower than one thread.

/** One `seen` question from a worker: its id, the store key and the TTL (its batch is the message's). */
export type MarkQuestion = [question: number, key: string, ttlMs: number];
/** The answer: whether the key was marked before; `null` when the main thread's store failed. */
export type MarkAnswer = [question: number, seen: boolean | null];
/** What a worker sends for one batch: all of its questions (the batch asks nothing more after them). */
export interface MarkMessage {
  batch: number;
  questions: MarkQuestion[];
}

/** The worker side: a store whose duplicate marks are asked of the main thread. */
export class MarkQuestions {
  readonly #waiting = new Map<number, (seen: boolean | null) => void>();
  /** The batch whose leads are being started, until the event loop's next turn. */
  #open: MarkMessage | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #nextQuestion = 0;

  /** `send` posts to the main thread; its answers come back through {@link answer}. */
  constructor(private readonly send: (message: MarkMessage) => void) {}

  /** `inner` with its duplicate marks asked of the main thread; every other key and call goes to `inner`. */
  store(inner: LeadStore): LeadStore {
    return {
      ...inner,
      seen: (key, ttlMs) => {
        if (!key.startsWith(DUPLICATE_KEY_PREFIX)) return inner.seen(key, ttlMs);
        const open = this.#open;
        if (open === undefined) return Promise.reject(new Error('a duplicate mark was asked after its batch had sent its questions'));
        return new Promise<boolean>((resolve, reject) => {
          const question = this.#nextQuestion++;
          this.#waiting.set(question, (seen) => (seen === null ? reject(new Error('the audit\'s duplicate marks could not be read')) : resolve(seen)));
          open.questions.push([question, key, ttlMs]);
        });
      },
    };
  }

  /**
   * Validates batch `batch` after the batches before it on this worker: `validate` starts
   * its leads; their questions go out on the event loop's next turn.
   */
  batch<T>(batch: number, validate: () => Promise<T>): Promise<T> {
    let windowClosed!: () => void;
    const started = this.#queue.then(() => {
      const open: MarkMessage = (this.#open = { batch, questions: [] });
      const validated = validate();
      setImmediate(() => {
        this.#open = undefined;
        this.send(open);
        windowClosed();
      });
      return validated;
    });
    // The next batch starts once this one has sent its questions, while it waits for the answers.
    this.#queue = new Promise<void>((resolve) => (windowClosed = resolve));
    return started;
  }

  /** The main thread's answers. */
  answer(answers: readonly MarkAnswer[]): void {
    for (const [question, seen] of answers) {
      const settle = this.#waiting.get(question);
      this.#waiting.delete(question);
      settle?.(seen);
    }
  }
}

type Reply = (answers: MarkAnswer[]) => void;

/**
 * The main-thread side: the one set of marks, asked in input order. The worker pool
 * opens each batch as it hands it out (in input order), passes on what its workers
 * send, and closes a batch when its outcomes are back (a worker has said so by then).
 */
export class OrderedMarks {
  /** Open batches in input order; the first is the one whose questions are answered now. */
  readonly #batches: Array<{ id: number; closed: boolean; queued: Array<[MarkQuestion, Reply]> }> = [];
  /** Store calls one after another, so the marks are made in exactly the order asked. */
  #chain: Promise<void> = Promise.resolve();

  constructor(private readonly store: LeadStore) {}

  open(batch: number): void {
    this.#batches.push({ id: batch, closed: false, queued: [] });
  }

  /** A worker's message: all of one batch's questions. */
  receive(message: MarkMessage, reply: Reply): void {
    this.ask(message.batch, message.questions, reply);
    this.close(message.batch);
  }

  /** Answers batch `batch`'s questions now if it is the earliest open batch; else once every batch before it is closed. */
  ask(batch: number, questions: readonly MarkQuestion[], reply: Reply): void {
    if (questions.length === 0) return;
    const asked = questions.map((question): [MarkQuestion, Reply] => [question, reply]);
    const open = this.#batches.find((candidate) => candidate.id === batch);
    if (open === undefined || open === this.#batches[0]) this.#answer(asked);
    else open.queued.push(...asked);
  }

  /** A batch will ask nothing more: its worker said so, or its outcomes are back. */
  close(batch: number): void {
    const closing = this.#batches.find((open) => open.id === batch);
    if (closing) closing.closed = true;
    while (this.#batches[0]?.closed) {
      this.#batches.shift();
      const head = this.#batches[0];
      if (head && head.queued.length > 0) {
        const queued = head.queued;
        head.queued = [];
        this.#answer(queued);
      }
    }
  }

  #answer(questions: Array<[MarkQuestion, Reply]>): void {
    this.#chain = this.#chain.then(async () => {
      const byReply = new Map<Reply, MarkAnswer[]>();
      for (const [[id, key, ttlMs], reply] of questions) {
        let seen: boolean | null;
        try {
          seen = await this.store.seen(key, ttlMs);
        } catch {
          seen = null; // the worker's source check then fails as it would on one thread: SYSTEM_CHECK_FAILED
        }
        let answers = byReply.get(reply);
        if (!answers) byReply.set(reply, (answers = []));
        answers.push([id, seen]);
      }
      for (const [reply, answers] of byReply) reply(answers);
    });
  }
}
