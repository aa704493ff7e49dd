import { OUTCOME_CODES, OUTCOME_STAGES, type OutcomeCode, type OutcomeStage } from './codes.js';
import { parseOutcome, type OutcomeRecord } from './record.js';

/**
 * What the closed-loop report needs of one lead's outcomes, in a few numbers: the
 * stages reached (a bit each), the first sales touch, the latest rejection's reason and
 * the won amount. A view: the index keeps these in typed arrays, not objects.
 */
export interface CompactOutcome {
  stages: number;
  firstTouchAt?: number;
  rejectedReason?: OutcomeCode;
  wonAmount?: number;
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

const REASONS = Object.keys(OUTCOME_CODES) as OutcomeCode[];
const REASON_INDEX = new Map(REASONS.map((code, index) => [code, index + 1]));
const HAS_OUTCOME = 1;
const SEEN = 2;

/**
 * Outcomes by lead id, compacted as they are read (one slot per lead in typed arrays,
 * so a million leads cost a Map of ids and a few bytes each, not a million objects).
 * Merging follows `mergeOutcome`: stages accumulate, the earliest first touch and the
 * latest rejection's reason win. The join marks the leads it sees (`see`), so decisions
 * for leads without outcomes are deduplicated by the same Map.
 */
export class OutcomeIndex {
  /** Inputs read, and of those the ones `parseOutcome` refused. */
  records = 0;
  invalid = 0;
  private readonly slots = new Map<string, number>();
  private capacity = 1024;
  private count = 0;
  private outcomeLeads = 0;
  private flags = new Uint8Array(this.capacity);
  private stages = new Uint16Array(this.capacity);
  private reasons = new Uint8Array(this.capacity);
  private firstTouch = new Float64Array(this.capacity).fill(Number.NaN);
  private rejectedAt = new Float64Array(this.capacity).fill(Number.NaN);
  private wonAmount = new Float64Array(this.capacity).fill(Number.NaN);

  /** Distinct leads with at least one valid outcome. */
  get size(): number {
    return this.outcomeLeads;
  }

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

  /** Counts a line of an outcomes file that was not JSON: read, and refused. */
  addMalformed(): void {
    this.records++;
    this.invalid++;
  }

  add(record: OutcomeRecord): void {
    const slot = this.slotOf(record.leadId);
    if ((this.flags[slot]! & HAS_OUTCOME) === 0) {
      this.flags[slot]! |= HAS_OUTCOME;
      this.outcomeLeads++;
    }
    this.stages[slot]! |= BIT[record.stage];
    const touch = record.firstTouchAt === undefined ? Number.NaN : Date.parse(record.firstTouchAt);
    if (!Number.isNaN(touch) && !(this.firstTouch[slot]! <= touch)) this.firstTouch[slot] = touch;
    if (record.stage === 'rejected') {
      const at = Date.parse(record.at);
      if (!(this.rejectedAt[slot]! >= at)) {
        this.rejectedAt[slot] = at;
        this.reasons[slot] = record.reason === undefined ? 0 : (REASON_INDEX.get(record.reason) ?? 0);
      }
    }
    if (record.stage === 'won' && record.amount !== undefined) this.wonAmount[slot] = record.amount;
  }

  /** A lead's outcomes, or `undefined` when it has none. */
  get(leadId: string): CompactOutcome | undefined {
    const slot = this.slots.get(leadId);
    return slot === undefined ? undefined : this.view(slot);
  }

  /**
   * Marks a lead seen by the join. `first` is false for a lead seen before (a repeated
   * decision); `outcome` is its outcomes, if any.
   */
  see(leadId: string): { first: boolean; outcome: CompactOutcome | undefined } {
    const slot = this.slotOf(leadId);
    const first = (this.flags[slot]! & SEEN) === 0;
    this.flags[slot]! |= SEEN;
    return { first, outcome: this.view(slot) };
  }

  /** Leads with outcomes the join never saw. */
  unseen(): number {
    let unseen = 0;
    for (let slot = 0; slot < this.count; slot++) if (this.flags[slot] === HAS_OUTCOME) unseen++;
    return unseen;
  }

  private view(slot: number): CompactOutcome | undefined {
    if ((this.flags[slot]! & HAS_OUTCOME) === 0) return undefined;
    const outcome: CompactOutcome = { stages: this.stages[slot]! };
    const touch = this.firstTouch[slot]!;
    if (!Number.isNaN(touch)) outcome.firstTouchAt = touch;
    const reason = this.reasons[slot]!;
    if (reason > 0) outcome.rejectedReason = REASONS[reason - 1];
    const amount = this.wonAmount[slot]!;
    if (!Number.isNaN(amount)) outcome.wonAmount = amount;
    return outcome;
  }

  private slotOf(leadId: string): number {
    let slot = this.slots.get(leadId);
    if (slot !== undefined) return slot;
    if (this.count === this.capacity) this.grow();
    slot = this.count++;
    this.slots.set(leadId, slot);
    return slot;
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <T extends Uint8Array | Uint16Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const to = make(this.capacity);
      to.set(from);
      return to;
    };
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    this.stages = widen(this.stages, (n) => new Uint16Array(n));
    this.reasons = widen(this.reasons, (n) => new Uint8Array(n));
    const nan = (n: number) => new Float64Array(n).fill(Number.NaN);
    this.firstTouch = widen(this.firstTouch, nan);
    this.rejectedAt = widen(this.rejectedAt, nan);
    this.wonAmount = widen(this.wonAmount, nan);
  }
}
