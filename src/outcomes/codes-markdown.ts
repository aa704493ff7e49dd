import { FUNNEL_STAGES, OUTCOME_CODES, OUTCOME_STAGES, type OutcomeDimension, type OutcomeStage } from './codes.js';

const DIMENSION_NAMES: Record<OutcomeDimension, string> = {
  compliance: 'compliance',
  truth: 'truth',
  value: 'value',
  other: 'other (free text in the note)',
};

/** What each stage records, for the docs; keyed by stage so a new stage without a line fails to compile. */
const STAGE_MEANINGS: Record<OutcomeStage, string> = {
  mql: 'marketing qualified the lead and passed it to sales',
  sal: 'sales accepted the lead (agreed it meets the bar and will work it)',
  sql: 'sales qualified the lead: a real buying conversation',
  opportunity: 'a deal was opened (the `amount` is its pipeline value)',
  won: 'the deal closed won',
  lost: 'the deal closed lost (`reason` says why)',
  rejected: 'sales turned the lead down; `reason` is required',
  recycled: 'sent back to nurture (`reason` says why, e.g. `SALES_BAD_TIMING`)',
};

/**
 * The sales half of `docs/codes.md`: the stages, then one section per `SALES_*` reason
 * with its dimension, label, meaning and fix. Generated from `OUTCOME_CODES` like the
 * capture codes from the checks, so the docs cannot drift from the catalogue.
 */
export function outcomeCodesMarkdown(): string {
  const lines: string[] = [
    '## Sales outcomes',
    '',
    'What happened to a lead after capture, as a CRM webhook (`POST /outcomes`), an export (`leadgate outcomes import`) or an outcome store records it. Like the capture codes, stages and reason codes are public API and never renamed.',
    '',
    `Stages (the main path is ${FUNNEL_STAGES.map((stage) => `\`${stage}\``).join(' → ')}):`,
    '',
    ...OUTCOME_STAGES.map((stage) => `- \`${stage}\`: ${STAGE_MEANINGS[stage]}`),
    '',
    'Reasons (for `rejected`, `lost` and `recycled`), each mapped to the Q = C·T·V dimension it says the lead failed:',
    '',
    '| code | dimension | label |',
    '|---|---|---|',
    ...Object.entries(OUTCOME_CODES).map(([code, spec]) => `| [\`${code}\`](#${code.toLowerCase()}) | ${spec.dimension} | ${spec.label} |`),
  ];
  for (const [code, spec] of Object.entries(OUTCOME_CODES)) {
    lines.push('', `### ${code}`, '', `Sales reason · dimension ${DIMENSION_NAMES[spec.dimension]} · CRM label: "${spec.label}"`, '', `**Means:** ${spec.meaning}`, '', `**Fix:** ${spec.fix}`);
  }
  return lines.join('\n');
}
