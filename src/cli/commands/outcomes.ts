import type { Command } from '../command.js';
import { EXIT } from '../command.js';

/**
 * `leadgate outcomes <subcommand>`: the closed loop, sales outcomes read back against
 * the decision log. Each subcommand is a `Command` in `src/cli/commands/outcomes/`,
 * loaded on demand like the top-level commands; adding one is one module and one line.
 */
const SUBCOMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  import: { summary: 'Import a HubSpot or Salesforce export (CSV) into an outcomes JSONL file', load: async () => (await import('./outcomes/import.js')).importCommand },
  suggest: { summary: 'Propose action changes and score cut-offs from the outcomes, as a config file with evidence', load: async () => (await import('./outcomes/suggest.js')).suggestCommand },
  backtest: { summary: 'Replay a candidate config over past leads: SQLs and won deals stopped, rejections prevented', load: async () => (await import('./outcomes/backtest.js')).backtestCommand },
  report: { summary: 'Join the decision log with the outcomes: funnel, response time, rejection reasons, codes', load: async () => (await import('./outcomes/report.js')).reportCommand },
};

const help = (): string => `Usage: leadgate outcomes <subcommand> [options]

Sales outcomes (MQL, SAL, SQL, won, lost, rejected with a reason) joined with the
decision log, so marketing and sales measure one definition of a quality lead.

Subcommands:
${Object.entries(SUBCOMMANDS).map(([name, { summary }]) => `  ${name.padEnd(9)} ${summary}`).join('\n')}

Run "leadgate outcomes <subcommand> --help" for its options.
`;

/** `leadgate outcomes`: dispatches to its subcommands. */
export const outcomesCommand: Command = {
  name: 'outcomes',
  summary: 'Sales outcomes back into leadgate: import a CRM export, report, suggest, backtest',
  get help() {
    return help();
  },
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout.write(help());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    const entry = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!entry) {
      io.stderr.write(`leadgate outcomes: unknown subcommand "${name}"\n\n${help()}`);
      return EXIT.usage;
    }
    return (await entry.load()).run(rest, io);
  },
};
