import type { Command } from '../command.js';

/**
 * The subcommands, loaded on demand so `leadgate codes` does not load the audit's
 * parsers and workers.
 */
export const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  audit: { summary: 'Audit a CSV or JSONL file of leads and report decisions, codes, dimensions and sources', load: async () => (await import('./audit.js')).auditCommand },
  codes: { summary: 'Print the catalogue of rejection codes and their actions per motion', load: async () => (await import('./codes.js')).codesCommand },
  outcomes: { summary: 'Sales outcomes back into leadgate: import a CRM export, report, suggest, backtest', load: async () => (await import('./outcomes.js')).outcomesCommand },
  serve: { summary: 'Serve a landing page bound to leadgate, with the server handler, on loopback', load: async () => (await import('./serve.js')).serveCommand },
};
