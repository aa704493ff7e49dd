import * as z from 'zod/mini';
import { OUTCOME_CODES, OUTCOME_STAGES, type OutcomeCode, type OutcomeStage } from './codes.js';

/** Longest lead id, owner and note kept; a CRM id is far shorter, a note is a sentence or two. */
export const MAX_OUTCOME_ID_LENGTH = 200;
export const MAX_OUTCOME_NOTE_LENGTH = 1000;

const isoDateTime = z.string({ error: 'must be an ISO 8601 date or date-time string' }).check(
  z.refine((text) => /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text) && Number.isFinite(Date.parse(text)), {
    message: 'must be an ISO 8601 date or date-time, e.g. 2026-11-03T14:20:00Z',
  }),
);

/**
 * One thing that happened to a lead on the sales side, as a CRM webhook, an export
 * row or a call to an outcome store gives it. `leadId` is the id the decision log
 * carries (the gate's `leadId`, or the CRM record id the lead was captured with).
 */
export const outcomeRecordSchema = z
  .object({
    leadId: z.string({ error: 'must be a string (the lead id the decision log carries)' }).check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(MAX_OUTCOME_ID_LENGTH, `must be at most ${MAX_OUTCOME_ID_LENGTH} characters`),
    ),
    stage: z.enum(OUTCOME_STAGES, { error: `must be one of ${OUTCOME_STAGES.join(', ')}` }),
    /** When the lead reached the stage. */
    at: isoDateTime,
    /** Why sales rejected, lost or recycled it: a code of `OUTCOME_CODES`. */
    reason: z.optional(z.enum(Object.keys(OUTCOME_CODES) as [OutcomeCode, ...OutcomeCode[]], { error: 'must be a sales reason code such as SALES_NO_BUDGET (see docs/codes.md)' })),
    note: z.optional(z.string({ error: 'must be a string' }).check(z.maxLength(MAX_OUTCOME_NOTE_LENGTH, `must be at most ${MAX_OUTCOME_NOTE_LENGTH} characters`))),
    /** The first sales touch (call, email, meeting): the response-time clock stops here. */
    firstTouchAt: z.optional(isoDateTime),
    owner: z.optional(z.string({ error: 'must be a string' }).check(z.maxLength(MAX_OUTCOME_ID_LENGTH, `must be at most ${MAX_OUTCOME_ID_LENGTH} characters`))),
    /** Deal or pipeline amount, in the CRM's currency. */
    amount: z.optional(z.number({ error: 'must be a number' }).check(z.nonnegative('must not be negative'))),
  }, { error: 'must be an object with leadId, stage and at' })
  .check(
    z.refine((record) => record.stage !== 'rejected' || record.reason !== undefined, {
      message: 'a rejected lead needs a reason code',
      path: ['reason'],
    }),
  );

/** One outcome, validated. */
export type OutcomeRecord = z.infer<typeof outcomeRecordSchema>;

/** What is wrong with a record that does not validate: a path and a message per problem. */
export interface OutcomeIssue {
  path: string;
  message: string;
}

/** The result of `parseOutcome`: the record, or what was wrong with it. Never throws. */
export type ParsedOutcome = { ok: true; outcome: OutcomeRecord } | { ok: false; issues: OutcomeIssue[] };

/**
 * Validates one outcome record. Bad input of any shape (null, a string, a wrong stage)
 * comes back as `{ ok: false, issues }`, never as an exception, so an import or a
 * webhook can count and report it.
 *
 * @example
 * parseOutcome({ leadId: 'L-1', stage: 'rejected', at: '2026-11-03', reason: 'SALES_NO_BUDGET' });
 * // { ok: true, outcome: { … } }
 */
export function parseOutcome(input: unknown): ParsedOutcome {
  const result = z.safeParse(outcomeRecordSchema, input);
  if (result.success) return { ok: true, outcome: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(record)', message: issue.message })),
  };
}

/**
 * Everything known about one lead's outcomes: per stage, the record with the latest
 * `at`. A CRM export repeats rows and webhooks are retried, so merging is idempotent.
 */
export interface LeadOutcomes {
  leadId: string;
  stages: Partial<Record<OutcomeStage, OutcomeRecord>>;
}

/**
 * Adds one record to a lead's outcomes, in place, and says whether anything changed:
 * for each stage the latest `at` wins; on a tie the record already held stays, so a
 * replayed record is a no-op.
 */
export function mergeOutcome(into: LeadOutcomes, record: OutcomeRecord): boolean {
  const held = into.stages[record.stage];
  if (held !== undefined && Date.parse(held.at) >= Date.parse(record.at)) return false;
  into.stages[record.stage] = record;
  return true;
}
