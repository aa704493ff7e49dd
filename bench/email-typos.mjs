// (e) Typo suggestions (issue 17): leadgate's analyzeEmail against the two common npm
// spell-checkers, mailcheck and @zootools/email-spell-checker, with their default domain
// lists, on the same labelled set (test/fixtures/email-typos.labelled.json, built by
// scripts/generate-email-typos.mjs). Counts, per side:
// - fixed: typos whose suggestion is the domain meant;
// - wrong: typos given another domain;
// - false fixes: real domains given any suggestion (the cost of a spell-checker: the
//   person is told their correct address is wrong).
// Accuracy, not speed: run with `npm run build && node bench/email-typos.mjs`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { analyzeEmail } from '../dist/index.js';
import { machineInfo } from './machine.mjs';

const require = createRequire(import.meta.url);
const mailcheck = require('mailcheck');
const zootools = require('@zootools/email-spell-checker').default;

export const title = 'typo suggestions: leadgate vs mailcheck and @zootools/email-spell-checker';
export const goal = { text: 'fix at least 90% of provider typos with 0 false fixes on real domains' };

const set = JSON.parse(readFileSync(fileURLToPath(new URL('../test/fixtures/email-typos.labelled.json', import.meta.url)), 'utf8'));

const sides = {
  leadgate: (address) => analyzeEmail(address).suggestion,
  mailcheck: (address) => mailcheck.run({ email: address, suggested: (s) => s.full, empty: () => undefined }),
  '@zootools/email-spell-checker': (address) => zootools.run({ email: address })?.full,
};

const domainOf = (address) => (typeof address === 'string' ? address.slice(address.lastIndexOf('@') + 1) : undefined);

const results = {};
for (const [name, suggest] of Object.entries(sides)) {
  let fixed = 0;
  let wrong = 0;
  const missed = [];
  const wrongly = [];
  for (const { typo, meant } of set.typos) {
    const suggested = domainOf(suggest(`jane.doe@${typo}`));
    if (suggested === meant) fixed++;
    else if (suggested === undefined) missed.push(typo);
    else {
      wrong++;
      wrongly.push(`${typo} → ${suggested}`);
    }
  }
  const falseFixes = [];
  for (const domain of set.real) {
    const suggested = domainOf(suggest(`jane.doe@${domain}`));
    if (suggested !== undefined && suggested !== domain) falseFixes.push(`${domain} → ${suggested}`);
  }
  results[name] = {
    typos: set.typos.length,
    fixed,
    recall: Math.round((fixed / set.typos.length) * 1000) / 10,
    wrong,
    missed: missed.length,
    realDomains: set.real.length,
    falseFixes: falseFixes.length,
    examples: { missed: missed.slice(0, 25), wrong: wrongly.slice(0, 15), falseFixes: falseFixes.slice(0, 25) },
  };
}

const leadgate = results.leadgate;
const report = {
  title,
  date: new Date().toISOString(),
  machine: machineInfo(),
  set: { file: 'test/fixtures/email-typos.labelled.json', typos: set.typos.length, real: set.real.length },
  goal,
  met: leadgate.recall >= 90 && leadgate.falseFixes === 0,
  results,
};

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : fileURLToPath(new URL('./results', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/email-typos.json`, `${JSON.stringify(report, null, 2)}\n`);
for (const [name, row] of Object.entries(results)) {
  console.log(`${name.padEnd(30)} fixed ${String(row.fixed).padStart(4)}/${row.typos} (${row.recall}%)  wrong ${String(row.wrong).padStart(3)}  false fixes ${String(row.falseFixes).padStart(4)}/${row.realDomains}`);
}
console.log(`goal (${goal.text}): ${report.met ? 'met' : 'missed'}`);
