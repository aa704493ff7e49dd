// Public API of `leadgate/server`: what runs on a server with secrets. Web standards
// only (Request/Response, Web Crypto), so it runs in Node 20+, Workers, Deno and Bun.
export { issueFormToken, verifyFormToken, FORM_TOKEN_DEFAULTS } from './form-token.js';
export type { FormTokenClaims, FormTokenProblem, FormTokenResult, IssueFormTokenOptions, VerifyFormTokenOptions } from './form-token.js';
export { canonicalJson, type HmacSecret } from '../core/hmac.js';
export { signPartnerToken, verifyPartnerToken, parsePartnerToken, partnerSigningPayload, PARTNER_TOKEN_TOLERANCE_MS } from './partner-token.js';
export type { PartnerDirectory, PartnerEntry, PartnerTokenProblem, PartnerTokenResult, SignPartnerTokenOptions, VerifyPartnerTokenOptions } from './partner-token.js';
export { signReceipt, verifyReceipt, receiptMismatches, RECEIPT_FIELDS } from './receipt.js';
export type { ReceiptClaims, ReceiptField, ReceiptInput, ReceiptProblem, ReceiptVerification, SignReceiptOptions } from './receipt.js';
