import type { Gate } from '../core/gate.js';
import { LeadGateError } from '../core/errors.js';
import { normalizeLead } from '../core/lead.js';
import type { Verdict } from '../core/verdict.js';
import { corsHeaders, preflightReply } from './cors.js';
import { createDelivery, type Delivery, type HandlerEvent } from './delivery.js';
import { takeClientLeadId } from './client-lead-id.js';
import { defaultFieldMap, mapBody } from './field-map.js';
import { issueFormToken } from './form-token.js';
import { parseHandlerOptions, type HandlerOptions } from './handler-options.js';
import { fromWebRequest, SERVE_INCOMING, type IncomingRequest } from './incoming.js';
import { memoryOutbox, type Outbox } from './outbox.js';
import { outcomesRoute } from './outcomes-route.js';
import { problem, problemReply, type Problem, type ProblemFinding } from './problem.js';
import { jsonReply, reply, toResponse, type Reply, type RouteAnswer } from './reply.js';
import { DEFAULT_CONTEXT_HEADERS, incomingContext, type ConnectionInfo } from './request-context.js';
import { parseBody, type ParsedBody } from './request-body.js';

/**
 * A web-standard request handler: `(Request) => Promise<Response>`. Runs unchanged in
 * Node 20+ (through `toNodeListener`), Hono, Next.js route handlers, Workers, Deno, Bun.
 */
export interface LeadHandler {
  (request: Request, connection?: ConnectionInfo): Promise<Response>;
  /** The delivery worker: `retryDue()` for a pass now, `pending()` for the outbox size. */
  readonly delivery: Delivery;
  /** Stops the background retry timer (leads stay in their outbox). */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024;
const FORM_TOKEN_BODY_LIMIT = 4 * 1024;
const FORM_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * Serves a gate over HTTP. Routes (under `basePath`):
 * - `POST /leads` — JSON, urlencoded or multipart; answers `200` (accept) or `202`
 *   (review) with `{ decision, leadId }`, `422` problem+json with `findings` (reject),
 *   `400`/`413`/`415` problem+json for a body it cannot use, `503` + `Retry-After`
 *   when a lead could be neither delivered nor stored. HTML form posts get `303`
 *   redirects when `redirects` is set.
 * - `POST /form-token` — `{ token, formId }`, a signed single-use render token (needs `formToken`).
 * - `POST /outcomes` — sales outcomes from a CRM webhook, Standard Webhooks signed (needs `outcomes`).
 * - `GET /codes` — the gate's code catalogue, for client-side messages.
 * - `OPTIONS` on each — CORS preflight for `allowedOrigins`.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createGate } from 'leadgate';
 * import { createHandler, toNodeListener } from 'leadgate/server';
 *
 * const handler = createHandler(createGate({ motion: 'inbound' }), {
 *   deliver: async (lead, verdict, { leadId, signal }) => {
 *     const res = await fetch(process.env.CRM_WEBHOOK!, { method: 'POST', signal,
 *       headers: { 'content-type': 'application/json', 'idempotency-key': leadId },
 *       body: JSON.stringify({ lead, decision: verdict.decision }) });
 *     if (!res.ok) throw new Error(`CRM answered ${res.status}`);
 *   },
 *   allowedOrigins: ['https://www.example.com'],
 * });
 * createServer(toNodeListener(handler)).listen(3000);
 */
export function createHandler(gate: Gate, rawOptions: HandlerOptions = {}): LeadHandler {
  if (typeof gate?.validate !== 'function' || typeof gate.codes !== 'function') {
    throw new LeadGateError('createHandler: the first argument must be a gate from createGate()', { option: 'gate' });
  }
  const options = parseHandlerOptions(rawOptions);
  const basePath = options.basePath ?? '';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const mapper = options.mapFields ?? defaultFieldMap;
  const now = options.now ?? (() => new Date());
  const emit = safeEmitter(options.onEvent ?? defaultEventLogger);
  const contextOptions = { trustProxy: options.trustProxy ?? false, headers: options.contextHeaders ?? DEFAULT_CONTEXT_HEADERS, now };
  const outboxes: Outbox[] = options.outbox === undefined ? [memoryOutbox()] : Array.isArray(options.outbox) ? options.outbox : [options.outbox];
  const retry = options.retry === false ? false : { intervalMs: 1000, baseDelayMs: 1000, maxDelayMs: 300_000, batchSize: 50, ...options.retry };
  const delivery = createDelivery({
    deliver: options.deliver ?? (() => undefined),
    outboxes,
    timeoutMs: options.deliverTimeoutMs ?? 5000,
    retry: options.deliver ? retry : false,
    emit,
    now: () => now().getTime(),
    random: Math.random,
  });
  let catalogue: string | undefined;
  // Built now, so a bad secret or store throws at createHandler time, not on the first webhook.
  const postOutcomes = options.outcomes ? outcomesRoute(options.outcomes, (error) => emit({ type: 'outcomes_failed', level: 'error', error })) : undefined;

  const routes: Record<string, { methods: string; run: (request: IncomingRequest, connection: ConnectionInfo) => Promise<RouteAnswer> }> = {
    '/leads': { methods: 'POST, OPTIONS', run: (request, connection) => postLead(request, connection) },
    '/form-token': { methods: 'POST, OPTIONS', run: (request) => postFormToken(request) },
    '/outcomes': {
      methods: 'POST, OPTIONS',
      run: async (request) => postOutcomes?.(request, now()) ?? problemReply(problem('not-configured', 404, 'Outcome webhooks are not enabled on this server.')),
    },
    '/codes': { methods: 'GET, HEAD, OPTIONS', run: async () => reply(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }, (catalogue ??= JSON.stringify(gate.codes()))) },
  };

  const postLead = async (request: IncomingRequest, connection: ConnectionInfo): Promise<Reply> => {
    const html = wantsHtml(request);
    const body = await parseBody(request, maxBody);
    if (!body.ok) return badBody(body, html);
    const client = options.leadIdField === undefined ? undefined : takeClientLeadId(body.kind === 'json' ? body.value : body.fields, options.leadIdField);
    const input = mapBody(mapper, client ? client.body : body.kind === 'json' ? body.value : body.fields, body.kind);
    const context = incomingContext(request, connection, contextOptions);
    if (client?.leadId !== undefined) context.leadId = client.leadId;
    const verdict = await gate.validate(input, context);
    const leadId = verdict.leadId;
    if (client?.invalid) emit({ type: 'lead_id_ignored', level: 'warn', leadId, field: options.leadIdField! });

    if (hitHoneypot(input)) {
      // Answer like a success: a bot that learns which field gave it away just renames it.
      emit({ type: 'honeypot', level: 'info', leadId });
      await keepRejected(input, verdict);
      return html ? redirect(options.redirects?.success, { leadId }) ?? success('accept', leadId) : success('accept', leadId);
    }
    if (verdict.decision === 'reject') {
      const codes = [...new Set(verdict.reasons.filter((reason) => reason.action === 'reject').map((reason) => reason.code))];
      emit({ type: 'rejected', level: 'info', leadId, codes });
      await keepRejected(input, verdict);
      if (html) {
        const moved = redirect(options.redirects?.failure, { codes: codes.join(',') });
        if (moved) return moved;
      }
      return problemReply(
        problem('lead-rejected', 422, 'The lead did not pass the checks; see findings.', { leadId, findings: rejectFindings(verdict) }),
      );
    }
    if (options.deliver) {
      const result = await delivery.submit(normalizeLead(input).lead, verdict);
      if (result === 'refused') {
        const retryAfter = String(options.retryAfterSeconds ?? 30);
        if (html) {
          const moved = redirect(options.redirects?.failure, { error: 'unavailable' });
          if (moved) return moved;
        }
        return problemReply(problem('outbox-full', 503, 'The lead could not be delivered or stored; send it again later.'), { 'retry-after': retryAfter });
      }
    }
    if (html) {
      const moved = redirect(options.redirects?.success, { leadId });
      if (moved) return moved;
    }
    return success(verdict.decision, leadId, options.exposeReasons ? verdict : undefined);
  };

  const keepRejected = async (input: unknown, verdict: Verdict) => {
    const { quarantine } = options;
    if (!quarantine) return;
    const lead = normalizeLead(input).lead;
    try {
      if (typeof quarantine === 'function') await quarantine(lead, verdict);
      else {
        const at = now().getTime();
        // Never due: the retry worker only drains the delivery outboxes.
        await quarantine.put({ id: verdict.leadId, lead, verdict, attempts: 0, dueAt: Number.MAX_SAFE_INTEGER, enqueuedAt: at });
      }
    } catch (error) {
      emit({ type: 'quarantine_failed', level: 'error', leadId: verdict.leadId, error });
    }
  };

  const postFormToken = async (request: IncomingRequest): Promise<Reply> => {
    if (!options.formToken) return problemReply(problem('not-configured', 404, 'Form tokens are not enabled on this server.'));
    let formId = new URL(request.url).searchParams.get('formId') ?? undefined;
    if (formId === undefined && request.headers.get('content-type')) {
      const body = await parseBody(request, FORM_TOKEN_BODY_LIMIT);
      if (!body.ok) return badBody(body, false);
      const posted = body.kind === 'json' ? (body.value as { formId?: unknown } | null)?.formId : body.fields.formId;
      if (posted !== undefined && typeof posted !== 'string') return problemReply(problem('invalid-body', 400, 'formId must be a string.'));
      formId = posted;
    } else {
      await request.readBody(FORM_TOKEN_BODY_LIMIT);
    }
    formId ??= 'default';
    const allowed = options.formToken.formIds;
    if (!FORM_ID.test(formId) || (allowed && !allowed.includes(formId))) {
      return problemReply(problem('invalid-body', 400, 'Unknown formId.'));
    }
    const token = await issueFormToken({ secret: options.formToken.secret, formId, now });
    return jsonReply({ token, formId });
  };

  const redirect = (target: string | undefined, params: Record<string, string>): Reply | undefined => {
    if (!target) return undefined;
    return reply(303, { location: withQuery(target, params), 'cache-control': 'no-store' });
  };

  const badBody = (body: Extract<ParsedBody, { ok: false }>, html: boolean): Reply => {
    if (html) {
      const moved = redirect(options.redirects?.failure, { error: body.reason });
      if (moved) return moved;
    }
    switch (body.reason) {
      case 'unsupported-media-type':
        return problemReply(
          problem('unsupported-media-type', 415, 'Send application/json, application/x-www-form-urlencoded or multipart/form-data.'),
          { 'accept-post': 'application/json, application/x-www-form-urlencoded, multipart/form-data' },
        );
      case 'body-too-large':
        return problemReply(problem('body-too-large', 413, `The body is larger than ${maxBody} bytes.`), { connection: 'close' });
      case 'invalid-json':
        return problemReply(problem('invalid-json', 400, 'The body could not be parsed as JSON.'));
      default:
        return problemReply(problem('invalid-body', 400, 'The body could not be read as form data.'));
    }
  };

  const success = (decision: Verdict['decision'], leadId: string, verdict?: Verdict): Reply => {
    const body: Record<string, unknown> = { decision, leadId };
    if (verdict) body.reasons = verdict.reasons.map((reason) => ({ code: reason.code, ...(reason.field ? { field: reason.field } : {}), action: reason.action }));
    return jsonReply(body, decision === 'accept' ? 200 : 202);
  };

  const serveIncoming = async (request: IncomingRequest, connection: ConnectionInfo = {}): Promise<RouteAnswer> => {
    let answer: RouteAnswer;
    const origin = request.headers.get('origin');
    try {
      const path = routePath(request.url, basePath);
      const route = path === undefined ? undefined : routes[path];
      if (!route) {
        answer = problemReply(problem('not-found', 404, 'No such route.'));
      } else if (request.method === 'OPTIONS') {
        answer = origin ? preflightReply(origin, options.allowedOrigins, route.methods) : reply(204, { allow: route.methods });
      } else if (!route.methods.split(', ').includes(request.method)) {
        answer = problemReply(problem('method-not-allowed', 405, `Use ${route.methods}.`), { allow: route.methods });
      } else {
        answer = await route.run(request, connection);
        if (request.method === 'HEAD') answer = answer instanceof Response ? new Response(null, answer) : reply(answer.status, answer.headers);
      }
    } catch (error) {
      // Reached only by a bug or a failing user function (mapFields), never by what a client sends.
      emit({ type: 'handler_failed', level: 'error', error });
      answer = problemReply(problem('internal-error', 500, 'The server failed to handle the request.'));
    }
    const cors = corsHeaders(origin, options.allowedOrigins);
    for (const name in cors) {
      if (answer instanceof Response) answer.headers.set(name, cors[name]!);
      else answer.headers[name] = cors[name]!;
    }
    return answer;
  };

  const handler = async (request: Request, connection: ConnectionInfo = {}): Promise<Response> => toResponse(await serveIncoming(fromWebRequest(request), connection));

  // toNodeListener finds this and skips building a Request and a Response (incoming.ts).
  Object.defineProperty(handler, SERVE_INCOMING, { value: serveIncoming });
  return Object.assign(handler, { delivery, close: () => delivery.close() });
}

/** The route part of a request URL, or `undefined` when it is outside `basePath`. */
function routePath(url: string, basePath: string): string | undefined {
  // Parse only the path: `new URL` on every request costs more than the lookup it serves.
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return undefined;
  let end = url.indexOf('?', start);
  if (end < 0) end = url.length;
  const hash = url.indexOf('#', start);
  if (hash >= 0 && hash < end) end = hash;
  let path = url.slice(start, end);
  if (basePath) {
    if (!path.startsWith(basePath)) return undefined;
    path = path.slice(basePath.length);
  }
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** A browser navigating with a plain HTML form (JavaScript off) asks for HTML; `fetch` does not. */
function wantsHtml(request: IncomingRequest): boolean {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return false;
  return /\btext\/html\b/i.test(request.headers.get('accept') ?? '');
}

function hitHoneypot(input: unknown): boolean {
  const source = (input as { source?: { honeypot?: unknown } } | null)?.source;
  return typeof source?.honeypot === 'string' && source.honeypot.trim() !== '';
}

function rejectFindings(verdict: Verdict): ProblemFinding[] {
  return verdict.reasons
    .filter((reason) => reason.action === 'reject')
    .map((reason) => ({ code: reason.code, ...(reason.field ? { field: reason.field } : {}), message: reason.message }));
}

/** Adds query parameters to an absolute or relative URL, keeping its own query and fragment. */
function withQuery(target: string, params: Record<string, string>): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(target);
  const url = new URL(target, 'http://relative.invalid');
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
  return absolute ? url.href : `${url.pathname}${url.search}${url.hash}`;
}

function safeEmitter(onEvent: (event: HandlerEvent) => void): (event: HandlerEvent) => void {
  return (event) => {
    try {
      onEvent(event);
    } catch {
      // An event listener must not break a request or the retry loop.
    }
  };
}

function defaultEventLogger(event: HandlerEvent): void {
  if (event.level === 'info') return;
  const { error, ...rest } = event as HandlerEvent & { error?: unknown };
  // The error's name only: a CRM's message can quote the lead back.
  const name = error === undefined ? undefined : error instanceof Error || error instanceof DOMException ? error.name : typeof error;
  console.warn(`leadgate: ${JSON.stringify(name === undefined ? rest : { ...rest, error: name })}`);
}

export type { Problem };
