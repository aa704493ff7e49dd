#!/usr/bin/env node
// The `leadgate` bin: dispatches to a subcommand module and turns its outcome into an
// exit code (0 done, 1 failure to read the input, 2 usage error, 3 over --fail-over).
import { isLeadGateError } from '../core/errors.js';
import { EXIT, UsageError, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';

const HELP = `Usage: leadgate <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(8)} ${summary}`).join('\n')}

Run "leadgate <command> --help" for a command's options.
`;

/** Runs the CLI with `argv` (without `node` and the script) and resolves with the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr.write(`leadgate: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isLeadGateError(error) || isParseArgsError(error)) {
      io.stderr.write(`leadgate ${name}: ${(error as Error).message}\nRun "leadgate ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr.write(`leadgate ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`leadgate: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = EXIT.failure;
  },
);
