import { hmacSign, randomNonce, textToBase64Url, type HmacSecret } from '../core/hmac.js';
import { FORM_TOKEN_CONTEXT } from '../checks/source/form-token.js';

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
