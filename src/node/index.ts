// Public API of `leadgate/node`: what needs Node's own modules (DNS, files).
export { createMxResolver, type DnsLike, type MxAnswer, type MxResolver, type MxResolverOptions } from './mx.js';
export { jsonlFileSink, type JsonlFileSink } from './jsonl-sink.js';
export { loadAccounts } from './accounts-file.js';
export { jsonlFileOutbox, type JsonlFileOutbox, type JsonlFileOutboxOptions } from './jsonl-outbox.js';
// Landing page preview: the page, the script-tag build and the handler on loopback (issue 8).
export { startLandingServer, type LandingDelivery, type LandingServer, type LandingServerOptions } from './landing-server.js';
export { pageConsentTexts, type PageConsentText } from './page-consent-texts.js';
