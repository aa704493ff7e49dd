/**
 * An answer before it is a `Response`: status, headers (lower-case names, each the
 * reply's own object, so CORS can add to it) and a text body or none. The web handler
 * turns it into a `Response`; `toNodeListener` writes it to the socket as it is.
 */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** What a route answers: a {@link Reply}, or a `Response` from code that builds its own (the outcomes route). */
export type RouteAnswer = Reply | Response;

export function reply(status: number, headers: Record<string, string>, body: string | null = null): Reply {
  return { status, headers, body };
}

/** A JSON body that no cache keeps. */
export function jsonReply(value: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(value) };
}

export function toResponse(answer: RouteAnswer): Response {
  return answer instanceof Response ? answer : new Response(answer.body, { status: answer.status, headers: answer.headers });
}
