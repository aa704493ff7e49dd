import { createReadStream } from 'node:fs';
import { LoopJoin, type LoopReport, type LoopReportOptions } from '../outcomes/loop-report.js';
import { OutcomeIndex } from '../outcomes/outcome-index.js';
import { JsonlParser } from './jsonl-parser.js';

/** The two files of the closed loop. */
export interface LoopFiles {
  /** The decision log: JSONL of `DecisionEvent`s, as `jsonlFileSink` or `leadgate audit --log` writes it. */
  log: string;
  /** The outcomes: JSONL of `OutcomeRecord`s, as `jsonlOutcomeStore` or `leadgate outcomes import` writes it. */
  outcomes: string;
}

/**
 * The closed-loop report from the two files. The outcomes are read first into a compact
 * index (a few numbers per lead); the decision log then streams through the join, so
 * neither file is held in memory. Lines that are not JSON objects are counted, never fatal.
 *
 * @example
 * const report = await closedLoopReport({ log: 'data/decisions.jsonl', outcomes: 'data/outcomes.jsonl' }, { slaHours: 4 });
 * report.funnel.rates.mqlToSql; // { successes, n, rate, low, high }
 */
export async function closedLoopReport(files: LoopFiles, options: LoopReportOptions = {}): Promise<LoopReport> {
  const index = new OutcomeIndex();
  await readJsonl(files.outcomes, (value) => index.addInput(value), () => index.addMalformed());
  const join = new LoopJoin(index, options);
  await readJsonl(files.log, (value) => join.addDecision(value), () => join.addInvalid());
  return join.result();
}

/** Streams a JSONL file through `record`; malformed lines go to `malformed`. */
export async function readJsonl(path: string, record: (value: Record<string, unknown>) => unknown, malformed: () => void): Promise<void> {
  const parser = new JsonlParser({ record: (value) => void record(value), malformed: () => malformed() });
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) parser.push(chunk as string);
  parser.end();
}
