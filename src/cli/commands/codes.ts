import { parseArgs } from 'node:util';
import { codes, codesMarkdown } from '../../catalogue.js';
import { MOTION_NAMES } from '../../core/types.js';
import { motions } from '../../motions/index.js';
import { EXIT, motionOption, UsageError, type Command } from '../command.js';

const HELP = `Usage: leadgate codes [--motion <name>] [--format md|json]

Prints every rejection code leadgate's built-in checks can produce, with its check,
dimension, meaning, fix and the action each motion gives it.

Options:
  --motion <name>   only this motion's actions (${MOTION_NAMES.join(', ')})
  --format <f>      md (default; the text of docs/codes.md) or json
  -h, --help        this help
`;

/** `leadgate codes`: the code catalogue, from `codes()` / `codesMarkdown()`. */
export const codesCommand: Command = {
  name: 'codes',
  summary: 'Print the catalogue of rejection codes',
  help: HELP,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { motion: { type: 'string' }, format: { type: 'string', default: 'md' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (values.format !== 'md' && values.format !== 'json') throw new UsageError(`--format must be md or json, got "${values.format}"`);
    let presets = Object.values(motions);
    if (values.motion !== undefined) {
      presets = [motions[motionOption(values.motion)]];
    }
    const rows = codes({ motions: presets });
    io.stdout.write(values.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : codesMarkdown(rows));
    return EXIT.ok;
  },
};
