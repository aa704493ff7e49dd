// RFC 9457 "Problem Details for HTTP APIs": every error the handler answers is
// `application/problem+json` with type, title, status and detail, plus extension
// members (`findings`) a form can show. https://www.rfc-editor.org/rfc/rfc9457
import { toResponse, type Reply } from './reply.js';

/** The media type of a problem document (RFC 9457 §3). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The kinds of problem the handler answers. Each becomes the `type` URI
 * `urn:leadgate:problem:<kind>` (RFC 9457 §3.1.1 allows a type URI that is not
 * dereferenceable; a URN says so plainly, and no host name is implied).
 */
export type ProblemKind =
  | 'lead-rejected'
  | 'invalid-json'
  | 'invalid-body'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'not-found'
  | 'method-not-allowed'
  | 'origin-not-allowed'
  | 'outbox-full'
  | 'not-configured'
  | 'internal-error'
  | 'signature-invalid'
  | 'webhook-replayed'
  | 'invalid-outcomes'
  | 'store-unavailable';

/** A finding as a form sees it: the stable code, the field to mark, the message to show. */
export interface ProblemFinding {
  code: string;
  field?: string;
  message: string;
}

/** An RFC 9457 problem document, as the handler answers it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The lead id, on a rejection, so support can find the decision in the log. */
  leadId?: string;
  findings?: ProblemFinding[];
  /** On `POST /outcomes`: each refused record, by position in the body, with what was wrong. */
  records?: { index: number; issues: { path: string; message: string }[] }[];
}

const TITLES: Record<ProblemKind, string> = {
  'lead-rejected': 'The lead was rejected',
  'invalid-json': 'The body is not valid JSON',
  'invalid-body': 'The body could not be read',
  'unsupported-media-type': 'Unsupported content type',
  'body-too-large': 'The body is too large',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'origin-not-allowed': 'Origin not allowed',
  'outbox-full': 'Temporarily unable to accept leads',
  'not-configured': 'Not configured',
  'internal-error': 'Internal error',
  'signature-invalid': 'The webhook signature is missing, wrong or out of date',
  'webhook-replayed': 'This webhook was already received',
  'invalid-outcomes': 'Some outcome records are invalid',
  'store-unavailable': 'Temporarily unable to store outcomes',
};

/** Builds the problem document for a kind; `detail` must never carry personal data. */
export function problem(kind: ProblemKind, status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:leadgate:problem:${kind}`, title: TITLES[kind], status, detail, ...extra };
}

/** A problem document as a {@link Reply}, with extra headers (CORS, `Allow`, `Retry-After`). */
export function problemReply(body: Problem, headers: Record<string, string> = {}): Reply {
  return { status: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

/** A `Response` carrying a problem document, with extra headers (CORS, `Allow`, `Retry-After`). */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return toResponse(problemReply(body, headers));
}
