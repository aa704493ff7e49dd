// Public API of `leadgate`: re-exports only. Nothing here may import `node:` modules
// or touch DOM globals at import time; this entry runs in browsers as well.

export { createGate } from './gate.js';
export type { Gate } from './core/gate.js';
export type { GateOptions, MessageOverride } from './core/gate-options.js';

export { defineCheck, formatMessage } from './core/check.js';
export type { Check, CheckContext, CheckDefinition, CheckOutcome, CodeSpec, Finding, FindingDetail, LeadContext } from './core/check.js';

export { leadSchema, normalizeLead, LEAD_FIELDS, MAX_STRING_LENGTH } from './core/lead.js';
export type { ConsentEvidence, InputIssue, Lead, LeadField, NormalizedLead, SourceEvidence } from './core/lead.js';

export type { CheckResult, CheckScores, Reason, Scores, Verdict } from './core/verdict.js';
export type { Action, Decision, Dimension, MotionName, RunsIn } from './core/types.js';
export { ACTIONS, MOTION_NAMES } from './core/types.js';

export { motions } from './motions/index.js';
export type { MotionPreset } from './core/policy.js';

export { codes, codesMarkdown } from './catalogue.js';
export { SYSTEM_CODES, type CodeInfo, type SystemCode } from './core/codes.js';

export { callbackSink, consoleSink, memorySink } from './core/log.js';
export type { DecisionEvent, LogSink, LogSinkInput, MemorySink } from './core/log.js';
export { personalDataDigest } from './core/digest.js';

export { memoryStore, type LeadStore, type MemoryStoreOptions } from './core/store.js';
export { LeadGateError, isLeadGateError } from './core/errors.js';

export { analyzeEmail, emailValidity, EMAIL_CODES } from './checks/email/index.js';
export type { EmailAnalysis, EmailCode, EmailValidityOptions, MxAnswer, MxResolver } from './checks/email/index.js';
export { phoneValidity, PHONE_CODES, PHONE_NUMBER_TYPES } from './checks/phone/index.js';
export type { PhoneCode, PhoneValidityOptions } from './checks/phone/index.js';
export { parseTitle, roleCurrency, staticEnricher, ROLE_CODES, SENIORITIES, JOB_FUNCTIONS, AUTHORITIES, NON_WORKFORCE, TITLE_LANGUAGES, seniorityRank } from './checks/role/index.js';
export type { Authority, JobFunction, NonWorkforce, ParsedTitle, ParseTitleOptions, RoleCode, RoleCurrencyOptions, RoleEnricher, RoleEnrichment, Seniority, TitleLanguage } from './checks/role/index.js';
export { sourceVerification, dedupeEmail, SOURCE_CODES, VELOCITY_DEFAULTS, DEFAULT_DUPLICATE_LOOKBACK_DAYS } from './checks/source/index.js';
export type { PartnerDirectory, PartnerEntry, RuleStatus, SourceCode, SourceRule, SourceVerificationOptions, VelocityKey, VelocityLimit, VelocityOptions, VelocityRule } from './checks/source/index.js';
export { consentProvenance, CONSENT_CODES, CONSENT_REGIMES, CONTACT_CHANNELS, JURISDICTIONS_VERSION, STRICT_REGIME, regimeFor, suppress, suppressionDigest, SUPPRESSION_LIST } from './checks/consent/index.js';
export type { ChannelModel, ChannelRule, ConsentCode, ConsentProvenanceOptions, ConsentRegime, ConsentText, ContactChannel, SuppressionKind, SuppressResult } from './checks/consent/index.js';
export { icpFit, ICP_CODES, DEFAULT_SIGNAL_POINTS as ICP_DEFAULT_SIGNALS, DEFAULT_WEIGHTS as ICP_DEFAULT_WEIGHTS, FIT_ATTRIBUTES } from './checks/icp/index.js';
export type { Audience, BehaviourSignal, FitAttribute, FitFactor, FitResult, FitTier, IcpCode, IcpProfile, IcpRange, IntentResult } from './checks/icp/index.js';
export {
  buyingGroup, memoryAccountStore, parseAccountRows, contactDigest, defaultPersonas, GROUP_CODES, BUYING_ROLES, DEFAULT_REQUIRED_ROLES, DEFAULT_CONTACT_SALT,
} from './checks/group/index.js';
export type {
  Account, AccountInput, AccountQuery, AccountRecord, AccountStore, AccountStoreCallOptions, BuyingGroupContact, BuyingGroupOptions, BuyingGroupSummary,
  BuyingRole, ContactInput, GroupCode, MatchSignal, MatchStrength, MemoryAccountStoreOptions, ParseAccountRowsOptions, Persona, RoleRequirement,
} from './checks/group/index.js';
export { companyKey, companyNameSimilarity } from './checks/company-name.js';
export type { AccountSummary, CheckOperations } from './core/check.js';
// The closed loop (issue 13): sales outcome codes, the outcome record and the outcome store.
export { OUTCOME_CODES, OUTCOME_STAGES, FUNNEL_STAGES, isOutcomeCode, isOutcomeStage } from './outcomes/codes.js';
export type { OutcomeCode, OutcomeCodeSpec, OutcomeDimension, OutcomeStage } from './outcomes/codes.js';
export { parseOutcome, mergeOutcome, outcomeRecordSchema, MAX_OUTCOME_ID_LENGTH, MAX_OUTCOME_NOTE_LENGTH } from './outcomes/record.js';
export type { LeadOutcomes, OutcomeIssue, OutcomeRecord, ParsedOutcome } from './outcomes/record.js';
export { memoryOutcomeStore } from './outcomes/store.js';
export type { OutcomeStore, OutcomeStoreCount, RecordAllSummary, RecordOutcomeResult } from './outcomes/store.js';
