import { OUTCOME_STAGES, type OutcomeCode, type OutcomeStage } from './codes.js';
import { parseOutcome, type OutcomeRecord } from './record.js';

/**
 * What the closed-loop report needs of one lead's outcomes, in a few numbers: the
 * stages reached (a bit each), the first sales touch, the latest rejection's reason and
 * the won amount. A million leads fit in a Map of these where the records would not.
 */
export interface CompactOutcome {
  stages: number;
  firstTouchAt?: number;
  rejectedAt?: number;
  rejectedReason?: OutcomeCode;
  wonAmount?: number;
  /** Set by the join when a decision for the lead was read. */
  joined: boolean;
}

const BIT = Object.fromEntries(OUTCOME_STAGES.map((stage, index) => [stage, 1 << index])) as Record<OutcomeStage, number>;
const any = (...stages: OutcomeStage[]) => stages.reduce((mask, stage) => mask | BIT[stage], 0);

// A lead at a later funnel stage passed the earlier ones, even when the CRM kept only the
// last (FUNNEL_STAGES). `rejected` is sales turning an MQL down, so it was an MQL; `lost`
// closes an opportunity, so it was an SQL. `recycled` alone is back in nurture: no MQL.
const REACHED = {
  mql: any('mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'rejected'),
  sal: any('sal', 'sql', 'opportunity', 'won', 'lost'),
  sql: any('sql', 'opportunity', 'won', 'lost'),
  won: any('won'),
  rejected: any('rejected'),
} as const;

/** A funnel step the report counts. */
export type FunnelStep = keyof typeof REACHED;

/** Whether a lead's outcomes reached a funnel step. */
export function reached(outcome: CompactOutcome | undefined, step: FunnelStep): boolean {
  return outcome !== undefined && (outcome.stages & REACHED[step]) !== 0;
}

/** Outcomes by lead id, compacted as they are read; merging follows `mergeOutcome` (the latest rejection's reason wins). */
export class OutcomeIndex {
  readonly leads = new Map<string, CompactOutcome>();
  /** Inputs read, and of those the ones `parseOutcome` refused. */
  records = 0;
  invalid = 0;

  /** Validates and adds one input (a parsed line of an outcomes file); false when refused. */
  addInput(value: unknown): boolean {
    this.records++;
    const parsed = parseOutcome(value);
    if (!parsed.ok) {
      this.invalid++;
      return false;
    }
    this.add(parsed.outcome);
    return true;
  }

  add(record: OutcomeRecord): void {
    let held = this.leads.get(record.leadId);
    if (!held) {
      held = { stages: 0, joined: false };
      this.leads.set(record.leadId, held);
    }
    held.stages |= BIT[record.stage];
    const touch = record.firstTouchAt === undefined ? undefined : Date.parse(record.firstTouchAt);
    if (touch !== undefined && (held.firstTouchAt === undefined || touch < held.firstTouchAt)) held.firstTouchAt = touch;
    if (record.stage === 'rejected') {
      const at = Date.parse(record.at);
      if (held.rejectedAt === undefined || at > held.rejectedAt) {
        held.rejectedAt = at;
        held.rejectedReason = record.reason;
      }
    }
    if (record.stage === 'won' && record.amount !== undefined) held.wonAmount = record.amount;
  }
}
