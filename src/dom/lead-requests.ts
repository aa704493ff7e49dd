/** How long a submit waits for the form token and the consent hash before it goes without them. */
export const EVIDENCE_WAIT_MS = 3000;

/**
 * Asks the handler's `/form-token` route for a signed, single-use render token for
 * `formId`. Resolves `undefined` (never rejects) when there is none to be had: the lead
 * then goes without one and the server decides what that is worth.
 */
export async function requestFormToken(fetchImpl: typeof fetch, url: string, formId: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ formId }),
      credentials: 'same-origin',
      signal,
    });
    const body = response.ok ? ((await response.json()) as { token?: unknown }) : undefined;
    return typeof body?.token === 'string' ? body.token.slice(0, 4096) : undefined;
  } catch {
    return undefined;
  }
}

/** Posts a lead to the server handler as JSON (read the answer with `readServerAnswer`). Rejects when nothing came back. */
export function postLead(fetchImpl: typeof fetch, endpoint: string, lead: Record<string, unknown>): Promise<Response> {
  return fetchImpl(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
    body: JSON.stringify(lead),
    credentials: 'same-origin',
  });
}

/** The handler's routes are siblings (`POST /leads`, `POST /form-token`: see createHandler): `/api/leads` → `/api/form-token`. */
export function siblingTokenUrl(endpoint: string): string {
  return endpoint.replace(/[^/]*$/, 'form-token');
}
