#!/usr/bin/env node
// Synthetic sales outcomes for the closed-loop demo (`npm run demo:loop`): given the
// verdicts (`leadgate audit --out verdicts.jsonl`) and the decision log (`--log`) of an
// audit, writes what sales did with each lead, as outcome records (JSONL). Our own
// synthetic data: the rates are invented, set to plausible B2B values (MQL → SQL in the
// usual 13–27% range, about a quarter of SQLs won, first touch within a day for most), and
// depend on the capture codes and the fit score so the report has a story to tell.
// Deterministic: the same inputs and seed give the same bytes.
//
//   node examples/loop/generate-outcomes.mjs --verdicts v.jsonl --log d.jsonl --out outcomes.jsonl [--seed 11]
import { createWriteStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { prng } from '../audit/generate.mjs';

const HOUR = 3_600_000;

// How a capture code moves the chance that an MQL becomes an SQL, and the reason sales
// gives when it does not. Codes that only cost pipeline (consent basis, duplicates) barely
// move it; codes about reachability and role predict a rejection of their own dimension.
const CODE_EFFECTS = {
  EMAIL_FREE_PROVIDER: { sql: 0.5, reason: 'SALES_NO_AUTHORITY' },
  EMAIL_ROLE_ACCOUNT: { sql: 0.35, reason: 'SALES_UNREACHABLE' },
  EMAIL_DOMAIN_MISMATCH: { sql: 0.8, reason: 'SALES_WRONG_TITLE' },
  PHONE_INVALID: { sql: 0.55, reason: 'SALES_UNREACHABLE' },
  PHONE_TYPE_SUSPECT: { sql: 0.6, reason: 'SALES_UNREACHABLE' },
  PHONE_COUNTRY_MISMATCH: { sql: 0.95 },
  ROLE_SENIORITY_LOW: { sql: 0.3, reason: 'SALES_NO_AUTHORITY' },
  ROLE_NOT_WORKFORCE: { sql: 0.1, reason: 'SALES_WRONG_TITLE' },
  ROLE_UNRECOGNISED: { sql: 0.8, reason: 'SALES_WRONG_TITLE' },
  ICP_COMPANY_MISSING: { sql: 0.4, reason: 'SALES_TOO_SMALL' },
  CONSENT_RECORD_INCOMPLETE: { sql: 0.95, reason: 'SALES_NO_CONSENT' },
  CONSENT_MISSING: { sql: 1 },
  CONSENT_BASIS_MISSING: { sql: 1 },
  CONSENT_SUBSCRIBER_INFERRED: { sql: 1 },
  SOURCE_DUPLICATE: { sql: 0.6, reason: 'SALES_DUPLICATE' },
};
const VALUE_REASONS = ['SALES_NO_BUDGET', 'SALES_NO_NEED', 'SALES_NO_NEED', 'SALES_WRONG_INDUSTRY', 'SALES_COMPETITOR', 'SALES_EXISTING_CUSTOMER'];
const LOST_REASONS = ['SALES_LOST_TO_COMPETITOR', 'SALES_NO_DECISION', 'SALES_NO_BUDGET'];
const OWNERS = ['Sam', 'Kim', 'Ana', 'Joe'];


const pick = (random, list) => list[Math.floor(random() * list.length)];
const iso = (ms) => new Date(ms).toISOString();

/** The outcome records of one audited lead; `capturedAt` is its decision time (ms). */
export function outcomesFor(verdict, capturedAt, random) {
  if (verdict.decision === 'reject') return [];
  const codes = verdict.reasons.map((reason) => reason.code);
  const leadId = verdict.id;
  const owner = pick(random, OWNERS);
  // Marketing passes most accepted leads to sales, fewer of the reviewed ones.
  if (random() > (verdict.decision === 'accept' ? 0.75 : 0.55)) return [];
  const mqlAt = capturedAt + random() * 2 * HOUR;
  const records = [{ leadId, stage: 'mql', at: iso(mqlAt), owner }];
  // First touch: most within hours, a tail past a day, some never.
  const untouched = random() < 0.07;
  const delayHours = random() < 0.8 ? random() * 12 : 12 + random() * 96;
  const touchAt = mqlAt + delayHours * HOUR;
  if (!untouched) records[0].firstTouchAt = iso(touchAt);

  let sqlChance = 0.3 * Math.max(0.2, (verdict.scores?.fit ?? 80) / 85);
  let reason;
  for (const code of codes) {
    const effect = CODE_EFFECTS[code];
    if (!effect) continue;
    sqlChance *= effect.sql;
    if (effect.reason && !reason && random() < 0.7) reason = effect.reason;
  }
  // A lead called after a day is far less likely to talk (the 24-hour rule the SLA encodes).
  if (untouched) sqlChance = 0;
  else if (delayHours > 24) sqlChance *= 0.45;

  const decideAt = (untouched ? mqlAt : touchAt) + (1 + random() * 72) * HOUR;
  if (random() < sqlChance) {
    records.push({ leadId, stage: 'sal', at: iso(decideAt), owner }, { leadId, stage: 'sql', at: iso(decideAt + 24 * HOUR), owner });
    const closeAt = decideAt + (20 + random() * 60) * 24 * HOUR;
    if (random() < 0.28) records.push({ leadId, stage: 'won', at: iso(closeAt), owner, amount: Math.round(8 + random() * 60) * 1000 });
    else if (random() < 0.6) records.push({ leadId, stage: 'lost', at: iso(closeAt), owner, reason: pick(random, LOST_REASONS) });
    return records;
  }
  if (untouched) return records;
  const roll = random();
  if (roll < 0.55) records.push({ leadId, stage: 'rejected', at: iso(decideAt), owner, reason: reason ?? pick(random, VALUE_REASONS) });
  else if (roll < 0.8) records.push({ leadId, stage: 'recycled', at: iso(decideAt), owner, reason: 'SALES_BAD_TIMING' });
  return records;
}

/** Writes the outcomes of every verdict that has a decision in the log. Returns the number of records. */
export async function generateOutcomes({ verdicts, log, out, seed = 11 }) {
  const decidedAt = new Map();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (!line) continue;
    const event = JSON.parse(line);
    if (!decidedAt.has(event.leadId)) decidedAt.set(event.leadId, Date.parse(event.at));
  }
  const random = prng(seed);
  const stream = createWriteStream(out);
  let written = 0;
  for (const line of readFileSync(verdicts, 'utf8').split('\n')) {
    if (!line) continue;
    const verdict = JSON.parse(line);
    const at = decidedAt.get(verdict.id);
    if (at === undefined) continue;
    for (const record of outcomesFor(verdict, at, random)) {
      stream.write(`${JSON.stringify(record)}\n`);
      written++;
    }
  }
  await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { verdicts: { type: 'string' }, log: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '11' } } });
  if (!values.verdicts || !values.log || !values.out) {
    console.error('usage: generate-outcomes.mjs --verdicts <verdicts.jsonl> --log <decisions.jsonl> --out <outcomes.jsonl> [--seed n]');
    process.exit(2);
  }
  const count = await generateOutcomes({ ...values, seed: Number(values.seed) });
  console.error(`${count} outcome records → ${values.out}`);
}
