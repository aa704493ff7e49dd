import { allBuiltInChecks } from './checks/index.js';
import { buildCatalogue, type CodeInfo } from './core/codes.js';
import type { MotionPreset } from './core/policy.js';
import { motions as builtInMotions } from './motions/index.js';
import { outcomeCodesMarkdown } from './outcomes/codes-markdown.js';

/**
 * Every code leadgate's built-in checks can produce, plus the system codes, with its
 * check, dimension, default message, what it means, how a lead can fix it, and the
 * action under each motion. Stable order (dimension, check, code).
 *
 * A gate's own catalogue (its checks, its overrides) is `gate.codes()`.
 *
 * @example
 * codes().filter((row) => row.actions.abm === 'reject').map((row) => row.code);
 */
export function codes(options: { motions?: readonly MotionPreset[] } = {}): CodeInfo[] {
  return buildCatalogue(allBuiltInChecks(), options.motions ?? Object.values(builtInMotions));
}

const DIMENSION_TITLES: Record<CodeInfo['dimension'], string> = {
  compliance: 'Compliance',
  truth: 'Truth',
  value: 'Value',
  system: 'System (the gate itself)',
};

/**
 * Renders a catalogue as the Markdown of `docs/codes.md`: a table of actions per motion,
 * then one section per code, then the sales outcome stages and reason codes (the other
 * half of the shared definition, issue 13). Deterministic, so a test can tell a stale file.
 */
export function codesMarkdown(rows: readonly CodeInfo[]): string {
  const motionNames = [...new Set(rows.flatMap((row) => Object.keys(row.actions)))];
  const lines: string[] = [
    '# Rejection codes',
    '',
    '<!-- Generated from the catalogue by `npm run docs` (scripts/generate-docs.mjs). Do not edit by hand: change the check\'s codes table. -->',
    '',
    'Every finding leadgate reports carries one of these codes. Codes are public API: they are never renamed, so CRMs, dashboards and forms can key on them.',
    'The action is what each built-in motion does with the finding: `reject` blocks the lead, `review` accepts it and routes it to a person, `flag` accepts it with a note, `ignore` drops the finding. A gate\'s `overrides` option changes an action per code.',
    '',
    `| code | check | ${motionNames.join(' | ')} |`,
    `|---|---|${motionNames.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| [\`${row.code}\`](#${row.code.toLowerCase()}) | ${row.check} | ${motionNames.map((name) => row.actions[name] ?? '').join(' | ')} |`),
  ];
  let dimension: CodeInfo['dimension'] | undefined;
  for (const row of rows) {
    if (row.dimension !== dimension) {
      dimension = row.dimension;
      lines.push('', `## ${DIMENSION_TITLES[dimension]}`);
    }
    lines.push(
      '',
      `### ${row.code}`,
      '',
      `Check \`${row.check}\` · default message: "${row.message}"`,
      '',
      `**Means:** ${row.meaning}`,
      '',
      `**Fix:** ${row.fix}`,
    );
  }
  lines.push('', outcomeCodesMarkdown());
  return `${lines.join('\n')}\n`;
}
