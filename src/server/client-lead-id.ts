/**
 * The caller's own id for a lead (`leadIdField`, issue 18): a CRM record id or a form
 * submission id that the closed loop joins sales outcomes on. It becomes the verdict's
 * `leadId`, and so the decision log's, the delivery's idempotency key and the answer's.
 * Ids are letters, digits and `_ . : -`, at most 200 characters (what CRM record ids,
 * UUIDs and ULIDs use); anything else is not used, so no raw text reaches the log.
 */
export const CLIENT_LEAD_ID = /^[\w.:-]{1,200}$/;

/** What {@link takeClientLeadId} found: the id when usable, and the body without its field. */
export interface ClientLeadId {
  leadId?: string;
  /** The field was sent but held no usable id. */
  invalid: boolean;
  body: unknown;
}

/** Takes the id field out of a JSON body or form fields; the body is copied, never changed. */
export function takeClientLeadId(body: unknown, field: string): ClientLeadId {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, field)) return { invalid: false, body };
  const { [field]: raw, ...rest } = body as Record<string, unknown>;
  const value = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (value !== undefined && CLIENT_LEAD_ID.test(value)) return { leadId: value, invalid: false, body: rest };
  return { invalid: raw !== undefined && raw !== null && raw !== '', body: rest };
}
