import { mkdtempSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlFileOutbox } from '../../src/node/index.js';
import { entry, outboxContract } from '../server/outbox-contract.js';

const dir = () => mkdtempSync(join(tmpdir(), 'leadgate-outbox-'));

describe('jsonlFileOutbox', () => {
  outboxContract(async ({ maxEntries }) => jsonlFileOutbox(join(dir(), 'outbox.jsonl'), maxEntries ? { maxEntries } : {}));

  it('survives a restart: a second outbox on the same file sees the waiting leads, not the acked ones', async () => {
    const path = join(dir(), 'nested', 'outbox.jsonl');
    const first = jsonlFileOutbox(path);
    await first.put(entry('kept', 0));
    await first.put(entry('delivered', 0));
    await first.put(entry('retried', 0));
    await first.ack('delivered');
    await first.reschedule({ ...entry('retried', 0), attempts: 4, dueAt: 123 });
    await first.close();

    const second = jsonlFileOutbox(path);
    expect(await second.size()).toBe(2);
    const claimed = await second.claim(1_000, 10, 1_000);
    expect(claimed.map((e) => e.id).sort()).toEqual(['kept', 'retried']);
    expect(claimed.find((e) => e.id === 'retried')).toMatchObject({ attempts: 4, dueAt: 123 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('skips a line torn by a crash mid-append and keeps the rest', async () => {
    const path = join(dir(), 'outbox.jsonl');
    const first = jsonlFileOutbox(path);
    await first.put(entry('a', 0));
    await first.close();
    appendFileSync(path, '{"op":"put","entry":{"id":"tor');
    const second = jsonlFileOutbox(path);
    expect(await second.size()).toBe(1);
    await second.put(entry('b', 0));
    await second.close();
    // The torn line stays a dead line; both real entries survive another restart.
    expect(await jsonlFileOutbox(path).size()).toBe(2);
  });

  it('compacts after enough acks: the file keeps only the live entries and still replays', async () => {
    const path = join(dir(), 'outbox.jsonl');
    const outbox = jsonlFileOutbox(path, { compactAfterLines: 20, fsync: false });
    for (let i = 0; i < 15; i++) await outbox.put(entry(`lead-${i}`, 0));
    for (let i = 0; i < 12; i++) await outbox.ack(`lead-${i}`);
    // 27 lines without compaction; it ran once the acked lines outnumbered the live ones.
    expect(readFileSync(path, 'utf8').trim().split('\n').length).toBeLessThan(27);
    await outbox.compact();
    await outbox.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3);
    expect((await jsonlFileOutbox(path).claim(1, 100, 1)).map((e) => e.id).sort()).toEqual(['lead-12', 'lead-13', 'lead-14']);
  });

  it('puts made together are written together, and each resolves once on disk', async () => {
    const path = join(dir(), 'outbox.jsonl');
    const outbox = jsonlFileOutbox(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => outbox.put(entry(`burst-${i}`, 0))));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(50);
  });

  it('a put whose write fails rejects and is not kept', async () => {
    const blocker = join(dir(), 'file');
    writeFileSync(blocker, 'not a directory');
    const outbox = jsonlFileOutbox(join(blocker, 'outbox.jsonl'));
    await expect(outbox.put(entry('a', 0))).rejects.toBeTruthy();
  });

  it('a bad path or bound is a LeadGateError naming the option', () => {
    expect(() => jsonlFileOutbox('')).toThrow(expect.objectContaining({ option: 'path' }));
    expect(() => jsonlFileOutbox('x.jsonl', { maxEntries: -1 })).toThrow(expect.objectContaining({ option: 'maxEntries' }));
  });
});
