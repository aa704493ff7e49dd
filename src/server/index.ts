// Public API of `leadgate/server`: what runs on a server with secrets. Web standards
// only (Request/Response, Web Crypto), so it runs in Node 20+, Workers, Deno and Bun.
export { issueFormToken, verifyFormToken, FORM_TOKEN_DEFAULTS } from './form-token.js';
export type { FormTokenClaims, FormTokenProblem, FormTokenResult, IssueFormTokenOptions, VerifyFormTokenOptions } from './form-token.js';
// One secret for both ends of the form token: the handler's formToken and the source check's formTokenSecret.
export { formTokenOptions, type FormTokenSetup, type FormTokenWiring } from './form-token.js';
export { canonicalJson, type HmacSecret } from '../core/hmac.js';
export { signPartnerToken, verifyPartnerToken, parsePartnerToken, partnerSigningPayload, PARTNER_TOKEN_TOLERANCE_MS } from './partner-token.js';
export type { PartnerDirectory, PartnerEntry, PartnerTokenProblem, PartnerTokenResult, SignPartnerTokenOptions, VerifyPartnerTokenOptions } from './partner-token.js';
export { signReceipt, verifyReceipt, receiptMismatches, RECEIPT_FIELDS } from './receipt.js';
export type { ReceiptClaims, ReceiptField, ReceiptInput, ReceiptProblem, ReceiptVerification, SignReceiptOptions } from './receipt.js';
// Request handler, Node adapter, delivery with an outbox (issue 6).
export { createHandler, type LeadHandler } from './handler.js';
export type { HandlerOptions } from './handler-options.js';
export { toNodeListener, type WebHandler } from './node-listener.js';
export { defaultFieldMap, mapBody, type FieldMapper } from './field-map.js';
export { clientAddress, requestContext, DEFAULT_CONTEXT_HEADERS, type ConnectionInfo, type ContextOptions, type TrustProxy } from './request-context.js';
export { corsHeaders, type AllowedOrigins } from './cors.js';
export { memoryOutbox, OutboxFullError, type MemoryOutboxOptions, type Outbox, type OutboxEntry } from './outbox.js';
export { backoffDelay, createDelivery, type DeliverFunction, type Delivery, type DeliveryInfo, type HandlerEvent, type RetryOptions, type SubmitResult } from './delivery.js';
export { problem, problemResponse, PROBLEM_CONTENT_TYPE, type Problem, type ProblemFinding, type ProblemKind } from './problem.js';
// CRM webhooks with sales outcomes: `createHandler(gate, { outcomes })` (issue 13).
export { signOutcomeWebhook, OUTCOME_WEBHOOK_TOLERANCE_MS, type OutcomesRouteOptions, type SignOutcomeWebhookOptions } from './outcomes-route.js';
