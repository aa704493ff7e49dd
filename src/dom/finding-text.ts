import { formatMessage, type Finding } from '../core/check.js';
import type { FindingMessage } from './options.js';

/**
 * The text a binding shows for a finding: the caller's message for its code (a template
 * over the finding's `data`, or a function of the finding), else the gate's own message,
 * else the code. A message function that throws or returns no string falls back to the
 * gate's message: a broken translation must not hide the finding.
 *
 * @example
 * findingText({ EMAIL_TYPO: 'Meinten Sie {suggestion}?' }, finding) // 'Meinten Sie jane@gmail.com?'
 */
export function findingText(
  messages: Readonly<Record<string, FindingMessage>> | undefined,
  finding: Pick<Finding, 'code' | 'field' | 'message' | 'data'> & { check?: string },
): string {
  const override = messages?.[finding.code];
  if (typeof override === 'function') {
    try {
      const text = override({ check: '', ...finding } as Finding);
      if (typeof text === 'string') return text;
    } catch {
      // A broken message function falls back to the finding's own message.
    }
  } else if (typeof override === 'string') {
    return formatMessage(override, finding.data);
  }
  return finding.message || finding.code;
}
