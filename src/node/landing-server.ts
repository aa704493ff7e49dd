import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { consentProvenance } from '../checks/consent/index.js';
import type { ConsentText } from '../checks/consent/options.js';
import { sourceVerification } from '../checks/source/index.js';
import { LeadGateError } from '../core/errors.js';
import type { Gate } from '../core/gate.js';
import type { Lead } from '../core/lead.js';
import { memoryStore } from '../core/store.js';
import { MOTION_NAMES, type Decision, type MotionName } from '../core/types.js';
import { createGate } from '../gate.js';
import { motions } from '../motions/index.js';
import type { DeliverFunction, HandlerEvent } from '../server/delivery.js';
import { createHandler, type LeadHandler } from '../server/handler.js';
import { toNodeListener } from '../server/node-listener.js';
import { pageConsentTexts } from './page-consent-texts.js';
import { findStaticFile } from './static-files.js';

/** Options for {@link startLandingServer}. */
export interface LandingServerOptions {
  /** The page's folder: `index.html` and its assets (styles, images). */
  root: string;
  /** The script-tag build served at `/leadgate.global.js`: a file path (`dist/leadgate.global.js`) or its code. */
  script: string | { code: string };
  /** Port to listen on; `0` picks a free one. Default 3000. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1` (loopback: this is a local preview, not a production server). */
  host?: string;
  /** The gate's motion. Default `inbound`. */
  motion?: MotionName;
  /**
   * Signs the form tokens (`POST /form-token`) and verifies them in the `source`
   * check: one secret for both. Default: 32 random bytes per start, so tokens of an
   * earlier run are refused.
   */
  secret?: string;
  /** The only form id tokens are issued and accepted for (e.g. `demo-request`). Default: any. */
  formId?: string;
  /** Faster than this from render to submit is `SOURCE_TOO_FAST`. Default: the source check's (3,000 ms). */
  minSubmitMs?: number;
  /**
   * The registry of approved consent texts. Default: the texts `index.html` shows, read
   * with `pageConsentTexts`, so the page and the registry cannot drift apart.
   */
  consentTexts?: readonly ConsentText[];
  /** Also send each delivered lead on (a CRM webhook). A throw makes the handler retry, as in production. */
  deliver?: DeliverFunction;
  /** Called after a lead was delivered (for a log line). */
  onDelivered?: (delivery: LandingDelivery) => void;
  /** How many delivered leads `deliveries` keeps, newest last. Default 100. */
  keepDeliveries?: number;
  /** The handler's operational events. Default: warnings to `console.warn`, as `createHandler` does. */
  onEvent?: (event: HandlerEvent) => void;
}

/** A lead the server delivered: accepted or sent for review. */
export interface LandingDelivery {
  leadId: string;
  decision: Decision;
  /** The codes of the verdict's reasons (flags and reviews). */
  codes: string[];
  lead: Lead;
  /** ISO 8601. */
  at: string;
}

/** A running landing server. */
export interface LandingServer {
  /** `http://127.0.0.1:3000/` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly gate: Gate;
  readonly handler: LeadHandler;
  /** The consent texts registered with the consent check. */
  readonly consentTexts: readonly ConsentText[];
  /** The leads delivered so far (in memory, newest last): what a CRM would have received. */
  readonly deliveries: readonly LandingDelivery[];
  /** Stops listening, ends open connections and stops the handler's retry timer. */
  close(): Promise<void>;
}

/** The paths of the lead handler (see `createHandler`); the DOM binding asks for the sibling `/form-token`. */
const HANDLER_PATHS: Readonly<Record<string, string>> = Object.freeze({
  '/leads': '/leads',
  '/form-token': '/form-token',
  '/codes': '/codes',
});

/** The page's own origin only; the script-tag build needs no inline script or style (it styles through the CSSOM). */
const CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves a landing page with leadgate end to end, on loopback: the page's files, the
 * script-tag build at `/leadgate.global.js`, and the real server handler at `/leads`
 * (`POST /leads`, `POST /form-token`, `GET /codes`). The gate runs the
 * motion's checks with a memory store, the `source` check verifying form tokens signed
 * with the handler's own secret, and the `consent` check with a registry of the consent
 * texts the page shows. Delivered leads are kept in memory (`deliveries`).
 *
 * `/?consent=prechecked` serves the page with its consent box ticked in advance, to
 * show what the server does with a pre-ticked box (`CONSENT_PRETICKED`).
 *
 * `npm run example:landing` and `leadgate serve` start it for `examples/landing-page/`.
 *
 * @example
 * import { startLandingServer } from 'leadgate/node';
 *
 * const server = await startLandingServer({ root: 'examples/landing-page', script: 'dist/leadgate.global.js', port: 0 });
 * console.log(server.url); // http://127.0.0.1:41234/
 * await server.close();
 */
export async function startLandingServer(options: LandingServerOptions): Promise<LandingServer> {
  const motion = options.motion ?? 'inbound';
  if (!MOTION_NAMES.includes(motion)) throw new LeadGateError(`startLandingServer: option "motion" must be one of ${MOTION_NAMES.join(', ')}`, { option: 'motion' });
  if (typeof options.root !== 'string' || options.root === '') throw new LeadGateError('startLandingServer: option "root" must be the folder of the page', { option: 'root' });
  const script = await readScript(options.script);
  const consentTexts = options.consentTexts ?? pageConsentTexts(await readPage(options.root));
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const keep = options.keepDeliveries ?? 100;

  const preset = motions[motion];
  const gate = createGate({
    motion,
    store: memoryStore(),
    // Same ids as the motion's own checks, so these replace them with the server's configuration.
    checks: [
      sourceVerification({
        ...preset.checks.source,
        formTokenSecret: secret,
        ...(options.formId === undefined ? {} : { formId: options.formId }),
        ...(options.minSubmitMs === undefined ? {} : { minSubmitMs: options.minSubmitMs }),
      }),
      // Without a text on the page there is nothing to register: the text rule then does not run.
      consentProvenance({ ...preset.checks.consent, ...(consentTexts.length > 0 ? { texts: consentTexts.map(registryEntry) } : {}) }),
    ],
  });

  const deliveries: LandingDelivery[] = [];
  const handler = createHandler(gate, {
    deliver: async (lead, verdict, info) => {
      await options.deliver?.(lead, verdict, info);
      const delivery: LandingDelivery = { leadId: info.leadId, decision: verdict.decision, codes: verdict.reasons.map((reason) => reason.code), lead, at: new Date().toISOString() };
      deliveries.push(delivery);
      if (deliveries.length > keep) deliveries.splice(0, deliveries.length - keep);
      options.onDelivered?.(delivery);
    },
    formToken: { secret, ...(options.formId === undefined ? {} : { formIds: [options.formId] }) },
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const api = toNodeListener(handler);

  const server = createServer((req, res) => {
    const [path = '/', query] = splitUrl(req.url ?? '/');
    const handlerPath = HANDLER_PATHS[path.length > 1 ? path.replace(/\/+$/, '') : path];
    if (handlerPath !== undefined) {
      req.url = query === undefined ? handlerPath : `${handlerPath}?${query}`;
      api(req, res);
      return;
    }
    void serveFile(req, res, options.root, path, query, script);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/`,
    host: address.address,
    port: address.port,
    gate,
    handler,
    consentTexts,
    deliveries,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await handler.close();
    },
  };
}

async function readScript(script: LandingServerOptions['script']): Promise<string> {
  if (typeof script === 'object' && script !== null && typeof script.code === 'string') return script.code;
  if (typeof script !== 'string' || script === '') throw new LeadGateError('startLandingServer: option "script" must be the path of leadgate.global.js or { code }', { option: 'script' });
  try {
    return await readFile(script, 'utf8');
  } catch {
    throw new LeadGateError(`startLandingServer: option "script": cannot read ${script} (run \`npm run build\` first)`, { option: 'script' });
  }
}

async function readPage(root: string): Promise<string> {
  try {
    return await readFile(join(root, 'index.html'), 'utf8');
  } catch {
    throw new LeadGateError(`startLandingServer: option "root": no index.html in ${root}`, { option: 'root' });
  }
}

async function serveFile(req: IncomingMessage, res: ServerResponse, root: string, path: string, query: string | undefined, script: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const headers = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' };
  if (path === '/leadgate.global.js') {
    res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : script);
    return;
  }
  const file = await findStaticFile(root, path);
  if (!file) {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  let body: Buffer | string = file.body;
  const html = file.contentType.startsWith('text/html');
  if (html && new URLSearchParams(query ?? '').get('consent') === 'prechecked') body = precheckConsent(body.toString('utf8'));
  res.writeHead(200, { ...headers, 'content-type': file.contentType, ...(html ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The page with every consent box ticked in advance: the dark pattern the consent check refuses. */
export function precheckConsent(html: string): string {
  return html.replace(/<input\b(?=(?:[^>"']|"[^"]*"|'[^']*')*\sdata-leadgate-consent(?=[\s/>=]))/gi, '<input checked');
}

/** The registry entry of a text: only the fields the consent check's `texts` option takes. */
function registryEntry({ id, hash, validFrom, validTo }: ConsentText): ConsentText {
  return { id, hash, ...(validFrom === undefined ? {} : { validFrom }), ...(validTo === undefined ? {} : { validTo }) };
}

function splitUrl(url: string): [string, string | undefined] {
  const hash = url.indexOf('#');
  const clean = hash < 0 ? url : url.slice(0, hash);
  const mark = clean.indexOf('?');
  return mark < 0 ? [clean, undefined] : [clean.slice(0, mark), clean.slice(mark + 1)];
}
