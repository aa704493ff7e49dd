import { hmacSign, randomNonce, textToBase64Url, type HmacSecret } from '../core/hmac.js';
import { LeadGateError } from '../core/errors.js';
import { FORM_TOKEN_CONTEXT } from '../checks/source/form-token.js';
import type { SourceVerificationOptions } from '../checks/source/options.js';

// A signed render token (research compliance_source.md §2.5.2, after the avastechnology
// HMAC-timestamp pattern). Issuing needs the secret, so it lives here on the server;
// verification moved to src/checks/source/form-token.ts, where the `source` check uses
// it, and is re-exported below so `leadgate/server` keeps offering both.

export { FORM_TOKEN_DEFAULTS, verifyFormToken } from '../checks/source/form-token.js';
export type { FormTokenClaims, FormTokenProblem, FormTokenResult, VerifyFormTokenOptions } from '../checks/source/form-token.js';

/** Options for {@link issueFormToken}. */
export interface IssueFormTokenOptions {
  /** The server's secret. Never send it to a browser. */
  secret: HmacSecret;
  /** Which form the token is for; verification can require the same id. */
  formId?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

/**
 * Issues a signed form render token: `base64url(claims).base64url(HMAC-SHA256)`. The
 * server hands it to the page when the form renders (`POST /form-token`), and the
 * page sends it back with the lead as `source.formToken`.
 *
 * @example
 * const token = await issueFormToken({ secret: process.env.LEADGATE_SECRET!, formId: 'demo-request' });
 */
export async function issueFormToken(options: IssueFormTokenOptions): Promise<string> {
  const claims = { f: options.formId ?? 'default', i: (options.now?.() ?? new Date()).getTime(), n: randomNonce() };
  const payload = textToBase64Url(JSON.stringify(claims));
  return `${payload}.${await hmacSign(options.secret, `${FORM_TOKEN_CONTEXT}${payload}`)}`;
}

/** What {@link formTokenOptions} needs: one secret, and optionally the forms and bounds. */
export interface FormTokenSetup {
  /** The one secret both sides use: the handler signs with it, the `source` check verifies with it. */
  secret: HmacSecret;
  /**
   * The form ids `POST /form-token` may issue for. With exactly one, the check also
   * requires tokens to be for that form. Default: any id (issued as asked, `default` when none).
   */
  formIds?: string[];
  /** The check's `minSubmitMs` (default 3,000 ms). */
  minSubmitMs?: number;
  /** The check's `formTokenMaxAgeMs` (default 2 h). */
  maxAgeMs?: number;
}

/** The two halves of the form-token wiring, from {@link formTokenOptions}. */
export interface FormTokenWiring {
  /** For `createHandler(gate, { formToken: wiring.handler })`: issuing at `POST /form-token`. */
  handler: { secret: HmacSecret; formIds?: string[] };
  /** To spread into `sourceVerification({ ...motions.inbound.checks.source, ...wiring.source })`: verifying. */
  source: Pick<SourceVerificationOptions, 'formTokenSecret' | 'formId' | 'minSubmitMs' | 'formTokenMaxAgeMs'>;
}

/**
 * Form tokens need the same secret in two places: the handler issues them
 * (`POST /form-token`) and the gate's `source` check verifies them (`formTokenSecret`).
 * The handler cannot configure the check (a gate is built before the handler and may
 * serve several), so this builds both option sets from one secret, and fails loudly
 * when the secret is missing: a `formTokenSecret` left `undefined` would silently turn
 * the token rule off. The check needs the gate's `store` for single use (without one a
 * token can be replayed), and it measures time with the handler's receive time, so the
 * handler's `now` drives both issuing and checking.
 *
 * @example
 * import { createGate, memoryStore, motions, sourceVerification } from 'leadgate';
 * import { createHandler, formTokenOptions } from 'leadgate/server';
 *
 * const tokens = formTokenOptions({ secret: process.env.LEADGATE_FORM_SECRET!, formIds: ['demo'] });
 * const gate = createGate({
 *   motion: 'inbound',
 *   store: memoryStore(),
 *   checks: [sourceVerification({ ...motions.inbound.checks.source, ...tokens.source })],
 * });
 * const handler = createHandler(gate, { formToken: tokens.handler });
 */
export function formTokenOptions(setup: FormTokenSetup): FormTokenWiring {
  const secret = setup?.secret;
  const present = typeof secret === 'string' ? secret !== '' : secret instanceof Uint8Array ? secret.length > 0 : typeof secret === 'object' && secret !== null;
  if (!present) {
    throw new LeadGateError('formTokenOptions: "secret" is missing (is the environment variable set?); without it the source check would not verify form tokens', { option: 'secret' });
  }
  const formIds = setup.formIds;
  if (formIds !== undefined && (!Array.isArray(formIds) || formIds.length === 0 || formIds.some((id) => typeof id !== 'string'))) {
    throw new LeadGateError('formTokenOptions: "formIds" must be a non-empty array of form ids such as ["demo"]', { option: 'formIds' });
  }
  return {
    handler: { secret, ...(formIds ? { formIds: [...formIds] } : {}) },
    source: {
      formTokenSecret: secret,
      ...(formIds?.length === 1 ? { formId: formIds[0]! } : {}),
      ...(setup.minSubmitMs === undefined ? {} : { minSubmitMs: setup.minSubmitMs }),
      ...(setup.maxAgeMs === undefined ? {} : { formTokenMaxAgeMs: setup.maxAgeMs }),
    },
  };
}
