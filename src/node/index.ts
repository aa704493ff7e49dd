// Public API of `leadgate/node`: what needs Node's own modules (DNS, files).
export { createMxResolver, type DnsLike, type MxAnswer, type MxResolver, type MxResolverOptions } from './mx.js';
export { jsonlFileSink, type JsonlFileSink } from './jsonl-sink.js';
export { loadAccounts } from './accounts-file.js';
export { jsonlFileOutbox, type JsonlFileOutbox, type JsonlFileOutboxOptions } from './jsonl-outbox.js';
export { audit, AuditInputError, AUTO_WORKERS_MIN_BYTES, type AuditedRow, type AuditOptions, type AuditProgress } from './audit.js';
export { auditStore } from './audit-store.js';
export { AUDIT_CHECK_DEFAULTS, buildAuditGate, loadAuditConfig, CHECK_OPTION_LOADERS, type AuditConfig, type AuditGate, type AuditGateSpec } from './audit-gate.js';
export { AuditTally, toRowOutcome, type AuditReport, type CodeExample, type RowOutcome, type Share } from './audit-report.js';
export { CsvParser, type CsvParserHandlers, type CsvParserOptions, type MalformedReason, type MalformedRow } from './csv-parser.js';
export { JsonlParser, type JsonlParserHandlers } from './jsonl-parser.js';
export { DEFAULT_COLUMN_ALIASES, mapColumns, mapRecord, mapRow, normalizeHeader, type ColumnMapping, type MappedRow, type MappingTarget } from './column-mapping.js';
// CRM export headers and country names (issue 18).
export { CRM_LEAD_COLUMNS, LEAD_COLUMN_PRESETS, type CrmLeadColumnTable, type LeadColumnPreset } from './crm-lead-columns.js';
export { COUNTRY_NAME_LANGUAGES, countryCodeOf } from './country-names.js';
export { maskEmail, maskPersonalData, maskPhone } from './personal-data-mask.js';
export { renderHtmlReport } from './report-html.js';
export { renderTerminalReport, type TerminalReportOptions } from './report-terminal.js';
export { createVerdictsWriter, type VerdictsWriter } from './verdicts-writer.js';
// Landing page preview: the page, the script-tag build and the handler on loopback (issue 8).
export { startLandingServer, type LandingDelivery, type LandingServer, type LandingServerOptions } from './landing-server.js';
export { pageConsentTexts, type PageConsentText } from './page-consent-texts.js';
// Sales outcomes in a JSONL file, the format `leadgate outcomes import` writes (issue 13).
export { jsonlOutcomeStore, type JsonlOutcomeStore, type JsonlOutcomeStoreOptions } from './jsonl-outcome-store.js';
export { closedLoopReport, type LoopFiles } from './loop-files.js';
export { renderLoopHtml } from './loop-report-html.js';
export { renderLoopTerminal } from './loop-report-terminal.js';
export { LoopJoin, type CodeConversion, type Funnel, type LoopReport, type LoopReportOptions } from '../outcomes/loop-report.js';
export { OutcomeIndex } from '../outcomes/outcome-index.js';
export { rate, wilsonInterval, type Rate } from '../outcomes/wilson.js';
export { backtest, type BacktestOptions, type BacktestReport, type BacktestSide, type ChangedLeads } from './backtest.js';
export { suggestPolicy, type PolicySuggestion, type Suggestion } from '../outcomes/suggest.js';
export type { ScoreBand } from '../outcomes/loop-report.js';
