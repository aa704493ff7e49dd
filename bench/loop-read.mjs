// The floor of bench/loop.mjs: stream JSONL files and parse every line, keeping nothing.
import { createReadStream } from 'node:fs';
import { JsonlParser } from '../dist/node.js';

export async function readJsonlFloor(paths) {
  let lines = 0;
  for (const path of paths) {
    const parser = new JsonlParser({ record: () => void lines++, malformed: () => {} });
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) parser.push(chunk);
    parser.end();
  }
  if (lines === 0) throw new Error('nothing read');
  return lines;
}
