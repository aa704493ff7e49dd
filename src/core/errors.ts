/**
 * Thrown for misconfiguration only: a bad option to `createGate`, an unknown code in
 * `overrides`, a check defined twice with one id. Bad lead input never throws; it
 * produces a verdict with codes.
 *
 * @example
 * try { createGate({ motion: 'inbound', timeoutMs: -1 }) }
 * catch (error) { if (isLeadGateError(error)) console.error(error.option, error.message) }
 */
export class LeadGateError extends Error {
  override readonly name = 'LeadGateError';
  /** The option path that was wrong, e.g. `timeoutMs` or `overrides.EMAIL_FRE_PROVIDER`. */
  readonly option: string | undefined;

  constructor(message: string, details: { option?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.option = details.option;
  }
}

/** Type guard that also works across bundle copies (checks the name, not the prototype). */
export function isLeadGateError(value: unknown): value is LeadGateError {
  return value instanceof Error && value.name === 'LeadGateError';
}
