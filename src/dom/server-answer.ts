import type { Decision } from '../core/types.js';

/** A finding as the server's 422 problem+json lists it. */
export interface ServerFinding {
  code: string;
  field?: string;
  message?: string;
}

/** What the server said about a submitted lead, read defensively from its response. */
export type ServerAnswer =
  | { kind: 'accepted'; status: number; decision: Decision; leadId?: string }
  | { kind: 'rejected'; status: number; findings: ServerFinding[]; title?: string; detail?: string }
  | { kind: 'unavailable'; status: number; retryAfter?: string }
  | { kind: 'refused'; status: number; title?: string; detail?: string };

const MAX_FINDINGS = 50;
const MAX_TEXT = 500;

/**
 * Reads the server handler's answer (issue 8 contract): 200/202 `{ decision, leadId }`;
 * 422 problem+json (RFC 9457) with `findings`; 503 with `Retry-After` (and 429 and any
 * other 5xx, which a retry can also cure); anything else is a refusal a retry will not
 * change (400, 413, 415). A body that is not the expected JSON never throws: it is
 * read as the status alone.
 */
export async function readServerAnswer(response: Response): Promise<ServerAnswer> {
  const status = response.status;
  const body = await response.json().then((value: unknown) => value, () => undefined);
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined);
  if (status >= 200 && status < 300) {
    const decision = record.decision === 'review' || record.decision === 'reject' ? record.decision : 'accept';
    const leadId = text(record.leadId);
    return { kind: 'accepted', status, decision, ...(leadId ? { leadId } : {}) };
  }
  if (status === 422) {
    const findings: ServerFinding[] = [];
    for (const item of Array.isArray(record.findings) ? record.findings.slice(0, MAX_FINDINGS) : []) {
      const code = text((item as Record<string, unknown> | null)?.code);
      if (!code) continue;
      const field = text((item as Record<string, unknown>).field);
      const message = text((item as Record<string, unknown>).message);
      findings.push({ code, ...(field ? { field } : {}), ...(message ? { message } : {}) });
    }
    return { kind: 'rejected', status, findings, ...optionalText('title', text(record.title)), ...optionalText('detail', text(record.detail)) };
  }
  if (status === 503 || status === 429 || status >= 500) {
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    return { kind: 'unavailable', status, ...(retryAfter ? { retryAfter } : {}) };
  }
  return { kind: 'refused', status, ...optionalText('title', text(record.title)), ...optionalText('detail', text(record.detail)) };
}

function optionalText<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
}
