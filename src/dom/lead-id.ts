/** A fresh id for one lead of a form session (the gate's context `leadId`): a UUID where the runtime has one. */
export function randomLeadId(): string {
  const crypto = globalThis.crypto as { randomUUID?: () => string } | undefined;
  return crypto?.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
