import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { MOTION_NAMES } from '../../../core/types.js';
import { closedLoopReport } from '../../../node/loop-files.js';
import { suggestPolicy, type PolicySuggestion } from '../../../outcomes/suggest.js';
import { formatRate } from '../../../node/loop-report-terminal.js';
import type { Rate } from '../../../outcomes/wilson.js';
import { EXIT, motionOption, reportMissingFile, UsageError, wholeNumberOption, type Command } from '../../command.js';

const HELP = `Usage: leadgate outcomes suggest --log <decisions.jsonl> --outcomes <outcomes.jsonl> [options]

Proposes changes to the definition from what sales did, with the evidence for each,
and never applies them: a review code whose leads convert like accepted ones → flag; a
flagged code whose leads sales rejects for the same dimension → review; an ICP fit
cut-off and an MQL intent threshold from conversion by score band. Writes a config file
that "leadgate audit --config" and "leadgate outcomes backtest --config" read.

Options:
  --log <file>         the decision log (JSONL)
  --outcomes <file>    the outcomes (JSONL)
  --motion <name>      the motion the config is for: ${MOTION_NAMES.join(', ')}
  --min-count <n>      fewest leads a rate is judged on (default 30)
  --out <file>         write the proposed config (JSON) here
  --format <f>         terminal (default) or json (config, suggestions, notes)
  -h, --help           this help
`;

/** `leadgate outcomes suggest`: proposed overrides and cut-offs, with their evidence. */
export const suggestCommand: Command = {
  name: 'suggest',
  summary: 'Propose action changes and score cut-offs from the outcomes, as a config file with evidence',
  help: HELP,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        log: { type: 'string' },
        outcomes: { type: 'string' },
        motion: { type: 'string' },
        'min-count': { type: 'string', default: '30' },
        out: { type: 'string' },
        format: { type: 'string', default: 'terminal' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (!values.log || !values.outcomes) throw new UsageError('--log <decisions.jsonl> and --outcomes <outcomes.jsonl> are required');
    if (values.motion !== undefined) motionOption(values.motion);
    if (values.format !== 'terminal' && values.format !== 'json') throw new UsageError(`--format must be terminal or json, got "${values.format}"`);
    const minCount = wholeNumberOption('--min-count', values['min-count'], { min: 1 });
    if (reportMissingFile(io, 'outcomes suggest', [['--log', values.log], ['--outcomes', values.outcomes]])) return EXIT.failure;
    const report = await closedLoopReport({ log: values.log, outcomes: values.outcomes }, { minCount });
    const suggestion = suggestPolicy(report, values.motion ? { motion: values.motion } : {});
    if (values.out) await writeFile(values.out, `${JSON.stringify(suggestion.config, null, 2)}\n`);
    io.stdout.write(values.format === 'json' ? `${JSON.stringify(suggestion, null, 2)}\n` : renderSuggestion(suggestion, values.out));
    return EXIT.ok;
  },
};

function renderSuggestion(suggestion: PolicySuggestion, out: string | undefined): string {
  const lines = [`leadgate outcomes suggest · ${suggestion.suggestions.length} proposed change${suggestion.suggestions.length === 1 ? '' : 's'} (none applied)`, ''];
  for (const item of suggestion.suggestions) {
    lines.push(`  ${item.target}: ${item.from ?? '(preset)'} → ${item.to}`, `    because ${item.rule}`);
    for (const [key, value] of Object.entries(item.evidence)) {
      if (key === 'bands') continue;
      lines.push(`    ${key}: ${typeof value === 'object' && value !== null && 'n' in value ? formatRate(value as Rate) : JSON.stringify(value)}`);
    }
  }
  for (const note of suggestion.notes) lines.push(`  note: ${note}`);
  lines.push('', out ? `Config written to ${out}: try it with "leadgate outcomes backtest <leads.csv> --outcomes … --config ${out}".` : 'Give --out <file> to write the config.');
  return `${lines.join('\n')}\n`;
}
