import { existsSync } from 'node:fs';
import { MOTION_NAMES, type MotionName } from '../core/types.js';
/** What a command writes to and reads from; the bin passes the process's, tests could pass others. */
export interface CliIo {
  stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * One `leadgate <name>` subcommand, in its own module under `src/cli/commands/`. Adding a
 * command is one module and one line in `src/cli/commands/index.ts`.
 */
export interface Command {
  name: string;
  /** One line for `leadgate --help`. */
  summary: string;
  /** The full `leadgate <name> --help` text. */
  help: string;
  /** Runs the command and resolves with the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit codes, documented in the README ("Auditing a file (CLI)"). */
export const EXIT = {
  ok: 0,
  /** The input could not be read, or the audit failed. */
  failure: 1,
  /** A bad option, flag, config file or mapping. */
  usage: 2,
  /** `--fail-over`: the rejection rate was over the limit. */
  overLimit: 3,
} as const;

/** A usage error: the message is printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Whether to colour output: never with `NO_COLOR` (https://no-color.org), only on a terminal. */
export function useColor(io: CliIo, stream: 'stdout' | 'stderr'): boolean {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io[stream].isTTY === true;
}

/**
 * Reads a flag's whole-number value, or throws a `UsageError` that names the flag and
 * the range (`--port must be a whole number from 0 to 65535, got "eighty"`).
 */
export function wholeNumberOption(flag: string, text: string, range: { min?: number; max?: number; or?: string } = {}): number {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    const bounds = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be a whole number ${bounds}${range.or ? ` (or ${range.or})` : ''}, got "${text}"`);
  }
  return value;
}

/** Reads `--motion`, or throws a `UsageError` that lists the motions (`--motion must be one of inbound, …, got "x"`). */
export function motionOption(value: string): MotionName {
  if (!(MOTION_NAMES as readonly string[]).includes(value)) throw new UsageError(`--motion must be one of ${MOTION_NAMES.join(', ')}, got "${value}"`);
  return value as MotionName;
}

/**
 * Says on stderr which of the named input files does not exist (`leadgate outcomes
 * report: --log d.jsonl: no such file`) and returns true, so the command exits with
 * `EXIT.failure` before reading anything. `undefined` paths (options not given) are skipped.
 */
export function reportMissingFile(io: CliIo, command: string, files: ReadonlyArray<readonly [string, string | undefined]>): boolean {
  for (const [flag, path] of files) {
    if (path !== undefined && !existsSync(path)) {
      io.stderr.write(`leadgate ${command}: ${flag} ${path}: no such file\n`);
      return true;
    }
  }
  return false;
}
