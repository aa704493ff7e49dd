import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MOTION_NAMES } from '../../../core/types.js';
import { backtest, type BacktestReport, type BacktestSide } from '../../../node/backtest.js';
import { EXIT, motionOption, reportMissingFile, UsageError, type Command } from '../../command.js';
import { parseMaps } from '../audit.js';

const HELP = `Usage: leadgate outcomes backtest <leads.csv|jsonl> --outcomes <outcomes.jsonl> --config <candidate.json> [options]

Replays a candidate config over the historical leads (the file you audited, whose id
column the outcomes use) next to the current one, and reports how many past SQLs and won
deals each would have stopped at capture, and how many sales rejections each would have
prevented. Offline: no DNS lookups.

Options:
  --outcomes <file>        the outcomes (JSONL)
  --config <file>          the candidate config (e.g. from "leadgate outcomes suggest --out")
  --current-config <file>  the config in use today (default: the motion's preset alone)
  --motion <name>          ${MOTION_NAMES.join(' | ')} (default: the configs', else inbound)
  --map <field=Column>     as for "leadgate audit"; repeatable
  --format <f>             terminal (default) or json
  -h, --help               this help
`;

/** `leadgate outcomes backtest`: a candidate config against the current one, on past leads and outcomes. */
export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'Replay a candidate config over past leads: SQLs and won deals stopped, sales rejections prevented',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        outcomes: { type: 'string' },
        config: { type: 'string' },
        'current-config': { type: 'string' },
        motion: { type: 'string' },
        map: { type: 'string', multiple: true },
        format: { type: 'string', default: 'terminal' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('give one lead file: leadgate outcomes backtest <leads.csv> --outcomes <outcomes.jsonl> --config <candidate.json>');
    if (!values.outcomes || !values.config) throw new UsageError('--outcomes <outcomes.jsonl> and --config <candidate.json> are required');
    if (values.motion !== undefined) motionOption(values.motion);
    if (values.format !== 'terminal' && values.format !== 'json') throw new UsageError(`--format must be terminal or json, got "${values.format}"`);
    const input = positionals[0]!;
    if (reportMissingFile(io, 'outcomes backtest', [['input', input], ['--outcomes', values.outcomes], ['--config', values.config], ['--current-config', values['current-config']]])) return EXIT.failure;
    const motion = values.motion ? { motion: values.motion } : {};
    const report = await backtest({
      input,
      outcomes: values.outcomes,
      map: parseMaps(values.map ?? []),
      current: { ...motion, ...(values['current-config'] ? { configPath: resolve(values['current-config']) } : {}) },
      candidate: { ...motion, configPath: resolve(values.config) },
    });
    io.stdout.write(values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderBacktest(report));
    return EXIT.ok;
  },
};

function renderBacktest(report: BacktestReport): string {
  const row = (label: string, pick: (side: BacktestSide) => string | number) => `  ${label.padEnd(34)} ${String(pick(report.current)).padStart(10)} ${String(pick(report.candidate)).padStart(10)}`;
  const { newlyStopped, newlyPassed, toAccept, toReview } = report.changed;
  const moved = (label: string, changed: typeof newlyStopped) => `  ${label.padEnd(32)} ${changed.leads} leads (${changed.sql} past SQLs, ${changed.won} won, ${changed.salesRejected} rejected by sales)`;
  return `${[
    `leadgate outcomes backtest · ${report.input.rows} leads, ${report.input.withOutcomes} with outcomes${report.input.withoutId ? ` · ${report.input.withoutId} without an id (not joined)` : ''}`,
    '',
    `  ${''.padEnd(34)} ${'current'.padStart(10)} ${'candidate'.padStart(10)}`,
    row('accept', (side) => side.accept),
    row('review', (side) => side.review),
    row('reject', (side) => side.reject),
    row('past SQLs stopped at capture', (side) => side.stoppedSql),
    row('won deals stopped', (side) => side.stoppedWon),
    row('won amount stopped', (side) => side.stoppedWonAmount),
    row('sales rejections prevented', (side) => side.preventedSalesRejections.total),
    row('  of them truth or compliance', (side) => (side.preventedSalesRejections.byDimension.truth ?? 0) + (side.preventedSalesRejections.byDimension.compliance ?? 0)),
    '',
    moved('newly stopped by the candidate', newlyStopped),
    moved('newly passed by the candidate', newlyPassed),
    moved('review → accept', toAccept),
    moved('accept → review', toReview),
  ].join('\n')}\n`;
}
