import { describe, expect, it } from 'vitest';
import { DUPLICATE_KEY_PREFIX } from '../../src/checks/source/duplicates.js';
import { memoryStore, type LeadStore } from '../../src/core/store.js';
import { MarkQuestions, OrderedMarks, type MarkAnswer, type MarkMessage } from '../../src/node/ordered-marks.js';

const DAY = 24 * 60 * 60 * 1000;
const key = (name: string) => `${DUPLICATE_KEY_PREFIX}email:${name}`;
const turn = () => new Promise((resolve) => setImmediate(resolve));
/** A few turns of the event loop: a worker's batch starts a microtask after it is queued and sends on the turn after. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await turn();
};

/** A reply that records what it was sent, by question id. */
function recorder() {
  const answers = new Map<number, boolean | null>();
  return { answers, reply: (sent: MarkAnswer[]) => sent.forEach(([id, seen]) => answers.set(id, seen)) };
}

describe('OrderedMarks (the main thread)', () => {
  it('answers a later batch only once every earlier batch is closed, so marks are made in input order', async () => {
    const marks = new OrderedMarks(memoryStore());
    const { answers, reply } = recorder();
    marks.open(0);
    marks.open(1);
    // Batch 1's worker is quicker: it asks for the key first, but row order says batch 0 marks it.
    marks.ask(1, [[10, key('a'), DAY]], reply);
    await settle();
    expect(answers.has(10)).toBe(false);
    marks.ask(0, [[20, key('a'), DAY], [21, key('b'), DAY], [22, key('b'), DAY]], reply);
    await settle();
    expect([answers.get(20), answers.get(21), answers.get(22)]).toEqual([false, false, true]);
    expect(answers.has(10)).toBe(false);
    marks.close(0);
    await settle();
    expect(answers.get(10)).toBe(true);
  });

  it('skips a later batch that closed without asking, and answers the next one when the head closes', async () => {
    const marks = new OrderedMarks(memoryStore());
    const { answers, reply } = recorder();
    for (const batch of [0, 1, 2]) marks.open(batch);
    marks.ask(2, [[1, key('c'), DAY]], reply);
    marks.close(1);
    await settle();
    expect(answers.has(1)).toBe(false);
    marks.close(0);
    await settle();
    expect(answers.get(1)).toBe(false);
  });

  it('takes a worker\'s message as all of one batch\'s questions: the next batch is answered right after it', async () => {
    const marks = new OrderedMarks(memoryStore());
    const { answers, reply } = recorder();
    marks.open(0);
    marks.open(1);
    marks.receive({ batch: 1, questions: [[1, key('g'), DAY]] }, reply);
    marks.receive({ batch: 0, questions: [[2, key('g'), DAY]] }, reply);
    await settle();
    expect([answers.get(2), answers.get(1)]).toEqual([false, true]);
  });

  it('answers null when its store fails, so the asking check fails as it would on one thread', async () => {
    const failing: LeadStore = { ...memoryStore(), seen: async () => { throw new Error('disk full'); } };
    const marks = new OrderedMarks(failing);
    const { answers, reply } = recorder();
    marks.open(0);
    marks.ask(0, [[5, key('d'), DAY]], reply);
    await settle();
    expect(answers.get(5)).toBeNull();
  });
});

describe('MarkQuestions (a worker)', () => {
  it('sends every duplicate question a batch asks while its leads start in one message, and resolves them with the answers', async () => {
    const sent: MarkMessage[] = [];
    const questions = new MarkQuestions((message) => sent.push(message));
    const inner = memoryStore();
    const store = questions.store(inner);
    // Each lead reaches the rule after settled promises, as the source check does with no token to verify.
    const lead = async (name: string) => {
      await Promise.resolve();
      return Promise.all([store.seen(key(name), DAY), store.seen(`${DUPLICATE_KEY_PREFIX}phone:${name}`, DAY)]);
    };
    const pending = questions.batch(7, () => Promise.all([lead('a'), lead('b')]));
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.batch).toBe(7);
    expect(sent[0]!.questions.map(([, asked]) => asked)).toEqual([
      key('a'), `${DUPLICATE_KEY_PREFIX}phone:a`, key('b'), `${DUPLICATE_KEY_PREFIX}phone:b`,
    ]);
    questions.answer(sent[0]!.questions.map(([id], index): MarkAnswer => [id, index === 2]));
    expect(await pending).toEqual([[false, false], [true, false]]);
    // The worker's own store never held the marks.
    expect(await inner.get(key('a'))).toBeUndefined();
  });

  it('starts the next batch only once the one before has sent its questions', async () => {
    const sent: MarkMessage[] = [];
    const questions = new MarkQuestions((message) => sent.push(message));
    const store = questions.store(memoryStore());
    const first = questions.batch(1, () => store.seen(key('c'), DAY));
    const second = questions.batch(2, () => store.seen(key('c'), DAY));
    await settle();
    expect(sent.map((message) => [message.batch, message.questions.length])).toEqual([[1, 1], [2, 1]]);
    questions.answer([[sent[0]!.questions[0]![0], false], [sent[1]!.questions[0]![0], true]]);
    expect([await first, await second]).toEqual([false, true]);
  });

  it('keeps every other key in its own store, and refuses a duplicate question asked after its batch sent its questions', async () => {
    const sent: MarkMessage[] = [];
    const questions = new MarkQuestions((message) => sent.push(message));
    const store = questions.store(memoryStore());
    expect(await store.seen('form-token:n1', DAY)).toBe(false);
    expect(await store.seen('form-token:n1', DAY)).toBe(true);
    // A lead that awaited I/O before the rule would ask too late to be answered in order.
    const late = questions.batch(3, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return store.seen(key('e'), DAY);
    });
    await expect(late).rejects.toThrow(/asked after its batch had sent its questions/);
    expect(sent).toEqual([{ batch: 3, questions: [] }]);
  });

  it('rejects the mark when the main thread could not read its marks', async () => {
    const sent: MarkMessage[] = [];
    const questions = new MarkQuestions((message) => sent.push(message));
    const store = questions.store(memoryStore());
    const pending = questions.batch(0, () => store.seen(key('f'), DAY));
    await settle();
    questions.answer([[sent[0]!.questions[0]![0], null]]);
    await expect(pending).rejects.toThrow(/duplicate marks could not be read/);
  });
});
