import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads an append-only JSONL file for replay (outbox, outcome store): its non-empty
 * lines, and whether the last one was torn (a crash mid-append left it without its
 * newline, so the next append must start with one or it would be glued to it). A file
 * that does not exist yet is empty; its directory is created for the first append.
 */
export async function readAppendLog(path: string): Promise<{ lines: string[]; tornLastLine: boolean }> {
  await mkdir(dirname(path), { recursive: true });
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { lines: text.split('\n').filter((line) => line !== ''), tornLastLine: text !== '' && !text.endsWith('\n') };
}
