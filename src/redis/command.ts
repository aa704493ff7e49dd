import { LeadGateError } from '../core/errors.js';

/**
 * The one thing leadgate needs from a Redis client: send a command, get the reply.
 * Both mainstream clients have it, so `leadgate/redis` depends on neither and works
 * with the version you already run:
 * - ioredis: `client.call(command, ...args)`
 * - node-redis (`redis` v4+): `client.sendCommand([command, ...args])`
 */
export type RedisClientLike =
  | { call(command: string, ...args: (string | number)[]): Promise<unknown> }
  | { sendCommand(args: string[]): Promise<unknown> };

/** Sends one command; replies are returned as the client decodes them (strings, numbers, arrays, null). */
export type RedisCommand = (command: string, ...args: (string | number)[]) => Promise<unknown>;

/** Wraps a client in a command function; throws `LeadGateError` when it is neither ioredis nor node-redis. */
export function redisCommand(client: RedisClientLike, owner: string): RedisCommand {
  const candidate = client as { call?: unknown; sendCommand?: unknown } | null | undefined;
  // ioredis has a `sendCommand` too (taking a Command object), so `call` is tested first.
  if (typeof candidate?.call === 'function') {
    const call = (candidate.call as (...args: unknown[]) => Promise<unknown>).bind(client);
    return (command, ...args) => call(command, ...args);
  }
  if (typeof candidate?.sendCommand === 'function') {
    const send = (candidate.sendCommand as (args: string[]) => Promise<unknown>).bind(client);
    return (command, ...args) => send([command, ...args.map(String)]);
  }
  throw new LeadGateError(`${owner}: the first argument must be an ioredis client (with call()) or a node-redis client (with sendCommand())`, { option: 'client' });
}

/** Validates a key prefix: printable, no spaces, so keys stay readable in `redis-cli`. */
export function checkPrefix(prefix: unknown, owner: string): string {
  if (typeof prefix !== 'string' || !/^[\x21-\x7e]{0,100}$/.test(prefix)) {
    throw new LeadGateError(`${owner}: option "prefix" must be a string of printable characters without spaces, e.g. "leadgate:"`, { option: 'prefix' });
  }
  return prefix;
}
