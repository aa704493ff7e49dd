// What both example servers share: the gate, the delivery target, the outbox and the
// handler options, configured from environment variables (see README.md).
import { createWriteStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createGate, memoryStore, motions, sourceVerification } from 'leadgate';
import { jsonlFileOutbox } from 'leadgate/node';
import { createHandler, formTokenOptions, issueFormToken, memoryOutbox } from 'leadgate/server';

// Outside the repository: these files hold the leads themselves.
const dataDir = join(tmpdir(), 'leadgate-example');

/**
 * Delivery target: POST to CRM_WEBHOOK_URL when set; otherwise append each lead to a
 * JSONL file (a stand-in CRM you can read, and what the load bench counts).
 */
function deliveryTarget(env) {
  if (env.CRM_WEBHOOK_URL) {
    return {
      async deliver(lead, verdict, { leadId, signal }) {
        const response = await fetch(env.CRM_WEBHOOK_URL, {
          method: 'POST',
          signal,
          // The receiver de-duplicates on the idempotency key: delivery is at-least-once.
          headers: { 'content-type': 'application/json', 'idempotency-key': leadId },
          body: JSON.stringify({ leadId, decision: verdict.decision, codes: verdict.reasons.map((r) => r.code), lead }),
        });
        if (!response.ok) throw new Error(`CRM answered ${response.status}`);
      },
      flush: async () => undefined,
    };
  }
  const path = env.DELIVERIES_FILE ?? join(dataDir, 'deliveries.jsonl');
  mkdirSync(dirname(path), { recursive: true });
  // One append stream for the server's life: lines that arrive while a write is in
  // flight go out together in the next one (WriteStream's writev).
  let file;
  const output = () => {
    if (!file || file.destroyed) {
      file = createWriteStream(path, { flags: 'a' });
      // A failed write rejects its deliveries, which then go to the outbox and are
      // retried; the next lead opens the file afresh.
      file.on('error', () => undefined);
    }
    return file;
  };
  return {
    path,
    deliver(lead, verdict, { leadId }) {
      const line = `${JSON.stringify({ leadId, decision: verdict.decision, email: lead.email })}\n`;
      return new Promise((resolve, reject) => output().write(line, (error) => (error ? reject(error) : resolve())));
    },
    flush: () => new Promise((resolve) => (file && !file.destroyed ? file.end(resolve) : resolve())),
  };
}

/** Builds the handler and what the server needs to shut down cleanly. */
export async function exampleHandler(env = process.env) {
  let store = memoryStore();
  let outbox = [memoryOutbox()];
  let redis;
  if (env.REDIS_URL) {
    // Optional peer dependency: only loaded when REDIS_URL is set.
    const { Redis } = await import('ioredis');
    const { redisOutbox, redisStore } = await import('leadgate/redis');
    // Fail fast while Redis is down (checks → SYSTEM_CHECK_FAILED → review) instead of
    // queueing commands until it returns; ioredis reconnects in the background.
    redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
    redis.on('error', () => undefined);
    await new Promise((resolve) => redis.once('ready', resolve));
    store = redisStore(redis, { prefix: 'leadgate-example:' });
    // When Redis is down, the local file keeps the leads that could not be delivered.
    outbox = [redisOutbox(redis, { prefix: 'leadgate-example:' }), jsonlFileOutbox(env.OUTBOX_FILE ?? join(dataDir, 'outbox.jsonl'))];
  } else if (env.OUTBOX_FILE) {
    outbox = [jsonlFileOutbox(env.OUTBOX_FILE)];
  }
  const secret = env.LEADGATE_SECRET ?? 'example-only-secret-change-me-0123456789';
  if (!env.LEADGATE_SECRET) console.warn('LEADGATE_SECRET is not set: using the example secret (never in production).');

  // One secret for both ends of the form token: the handler issues (POST /api/form-token),
  // the source check verifies. With REQUIRE_FORM_TOKEN=1 every lead must carry a token
  // (a person's form does: the page below has one); without it, the handler issues tokens
  // and nothing checks them, so curl and scripts can post leads as they are.
  const tokens = formTokenOptions({ secret });
  const requireToken = env.REQUIRE_FORM_TOKEN === '1';
  const motion = env.MOTION ?? 'inbound';
  const gate = createGate({
    motion,
    store,
    ...(requireToken ? { checks: [sourceVerification({ ...motions[motion].checks.source, ...tokens.source })] } : {}),
  });
  const target = deliveryTarget(env);
  const handler = createHandler(gate, {
    basePath: '/api',
    deliver: target.deliver,
    outbox,
    formToken: tokens.handler,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
    redirects: { success: '/thanks.html', failure: '/' },
    trustProxy: env.TRUST_PROXY ? Number(env.TRUST_PROXY) : false,
  });
  return {
    handler,
    /** The gate the handler runs (bench/bare-server.mjs serves it without the handler, as a baseline). */
    gate,
    deliveriesFile: target.path,
    requireToken,
    /** The form page; with tokens required, rendered with a fresh token (it works with JavaScript off). */
    formPage: async () => formPage(requireToken ? await issueFormToken({ secret }) : undefined),
    async close() {
      await handler.close();
      await target.flush();
      redis?.disconnect();
    },
  };
}

/** The progressive-enhancement form: a plain HTML form that works with JavaScript off. */
const formPage = (token) => `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>leadgate example</title>
<h1>Request a demo</h1>
<form method="post" action="/api/leads">
  <label>Work email <input name="email" type="email" required></label><br>
  <label>First name <input name="first_name"></label>
  <label>Last name <input name="last_name"></label><br>
  <label>Job title <input name="job_title"></label>
  <label>Company <input name="company"></label><br>
  <label>Country (ISO code) <input name="country" maxlength="2"></label><br>
  <label><input type="checkbox" name="lg_consent_given" value="true"> Send me product news by email</label><br>
  <input name="lg_hp" tabindex="-1" autocomplete="off" style="position:absolute;left:-9999px" aria-hidden="true">${token ? `
  <input type="hidden" name="lg_form_token" value="${token}">` : ''}
  <button>Send</button>
</form>
<p id="error"></p>
<script>
  // With JavaScript on, show the codes the server put in the failure URL.
  const codes = new URLSearchParams(location.search).get('codes');
  if (codes) document.getElementById('error').textContent = 'Please check: ' + codes;
</script>
</html>`;

export const THANKS_PAGE = '<!doctype html><meta charset="utf-8"><title>Thanks</title><h1>Thank you, we will be in touch.</h1>';
