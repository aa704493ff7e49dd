// app/api/[...leadgate]/route.ts: the leadgate server handler as a Next.js route handler.
// One catch-all route serves the handler's three routes under /api: POST /api/leads,
// POST /api/form-token (the page asks for it when the form renders) and GET /api/codes.
// createHandler takes a web Request and returns a Response, which is what Next passes
// and expects; nothing to adapt.
import { createHash } from 'node:crypto';
import { consentProvenance, createGate, memoryStore, motions, sourceVerification } from 'leadgate';
import { normalizeConsentText } from 'leadgate/dom';
import { createHandler, formTokenOptions } from 'leadgate/server';
import { CONSENT_TEXT, CONSENT_TEXT_ID } from '../../demo/consent-text';

// Node's crypto, the Redis client you may add, and one long-lived handler (its outbox and retry timer).
export const runtime = 'nodejs';

// One secret signs the form tokens (handler) and verifies them (source check). Set
// LEADGATE_SECRET (at least 16 characters) in .env.local; formTokenOptions throws without it.
const tokens = formTokenOptions({ secret: process.env.LEADGATE_SECRET ?? '', formIds: ['demo-request'] });

const gate = createGate({
  motion: 'inbound',
  // In memory: one server process. With several instances use redisStore from leadgate/redis.
  store: memoryStore(),
  checks: [
    sourceVerification({ ...motions.inbound.checks.source, ...tokens.source }),
    // The registry of approved consent texts, hashed as the browser hashes the label.
    consentProvenance({
      ...motions.inbound.checks.consent,
      texts: [{ id: CONSENT_TEXT_ID, hash: createHash('sha256').update(normalizeConsentText(CONSENT_TEXT)).digest('hex') }],
    }),
  ],
});

const handler = createHandler(gate, {
  basePath: '/api',
  formToken: tokens.handler,
  deliver: async (lead, verdict, { leadId, signal }) => {
    // Your CRM. The receiver de-duplicates on leadId: delivery is at-least-once.
    const response = await fetch(process.env.CRM_WEBHOOK_URL!, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', 'idempotency-key': leadId },
      body: JSON.stringify({ leadId, decision: verdict.decision, codes: verdict.reasons.map((reason) => reason.code), lead }),
    });
    if (!response.ok) throw new Error(`CRM answered ${response.status}`);
  },
});

export const POST = (request: Request) => handler(request);
export const GET = (request: Request) => handler(request);
export const OPTIONS = (request: Request) => handler(request);
