import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { closedLoopReport } from '../../../node/loop-files.js';
import { renderLoopHtml } from '../../../node/loop-report-html.js';
import { renderLoopTerminal } from '../../../node/loop-report-terminal.js';
import { EXIT, reportMissingFile, UsageError, wholeNumberOption, type Command } from '../../command.js';

const HELP = `Usage: leadgate outcomes report --log <decisions.jsonl> --outcomes <outcomes.jsonl> [options]

Joins the decision log (leadgate audit --log, or jsonlFileSink on the server) with the
sales outcomes (leadgate outcomes import, POST /outcomes) by lead id, and reports the
funnel MQL → SAL → SQL → won per capture decision, motion, policy version and source,
with 95% intervals; the response time against the SLA; sales rejection reasons by
dimension and source beside the leads stopped at the form; the conversion of leads with
each capture code against those without; and when the policy changed.

Options:
  --log <file>         the decision log (JSONL)
  --outcomes <file>    the outcomes (JSONL)
  --sla-hours <n>      the agreed time to the first sales touch (default 24)
  --min-count <n>      fewest leads a rate is shown for (default 30)
  --format <f>         terminal (default), json or html
  --out <file>         also write the report: .html or .json, by extension; repeatable
  -h, --help           this help

Reports key on lead ids only: no email or phone is read from either file.
`;

/** `leadgate outcomes report`: the closed-loop report. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Join the decision log with the outcomes: funnel, response time, rejection reasons, codes',
  help: HELP,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        log: { type: 'string' },
        outcomes: { type: 'string' },
        'sla-hours': { type: 'string', default: '24' },
        'min-count': { type: 'string', default: '30' },
        format: { type: 'string', default: 'terminal' },
        out: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (!values.log || !values.outcomes) throw new UsageError('--log <decisions.jsonl> and --outcomes <outcomes.jsonl> are required');
    const format = values.format;
    if (format !== 'terminal' && format !== 'json' && format !== 'html') throw new UsageError(`--format must be terminal, json or html, got "${format}"`);
    const outs = (values.out ?? []).map((path) => {
      const extension = extname(path).toLowerCase();
      if (extension === '.html' || extension === '.htm') return { path, kind: 'html' as const };
      if (extension === '.json') return { path, kind: 'json' as const };
      throw new UsageError(`--out ${path}: the extension says what to write: .html or .json`);
    });
    const slaHours = wholeNumberOption('--sla-hours', values['sla-hours'], { min: 1, max: 24 * 365 });
    const minCount = wholeNumberOption('--min-count', values['min-count'], { min: 1 });
    if (reportMissingFile(io, 'outcomes report', [['--log', values.log], ['--outcomes', values.outcomes]])) return EXIT.failure;

    const report = await closedLoopReport({ log: values.log, outcomes: values.outcomes }, { slaHours, minCount });
    for (const out of outs) await writeFile(out.path, out.kind === 'html' ? renderLoopHtml(report) : `${JSON.stringify(report, null, 2)}\n`);
    if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'html') io.stdout.write(renderLoopHtml(report));
    else io.stdout.write(renderLoopTerminal(report));
    return EXIT.ok;
  },
};
