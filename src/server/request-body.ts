import type { HeaderReader, IncomingRequest } from './incoming.js';

/** What a POST body turned into: a JSON value, or form fields (string values, repeated names as arrays). */
export type ParsedBody =
  | { ok: true; kind: 'json'; value: unknown }
  | { ok: true; kind: 'form'; fields: Record<string, string | string[]> }
  | { ok: false; reason: 'unsupported-media-type' | 'body-too-large' | 'invalid-json' | 'invalid-body' };

/** The content types a lead may arrive in. */
export type BodyKind = 'json' | 'urlencoded' | 'multipart';

/**
 * The body's kind from its `Content-Type`, or `undefined` for anything else.
 * `application/*+json` counts as JSON (RFC 6839 structured syntax suffix).
 */
export function bodyKind(contentType: string | null): BodyKind | undefined {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'urlencoded';
  if (type === 'multipart/form-data') return 'multipart';
  return undefined;
}

/**
 * Reads the request body up to `limit` bytes. The limit is enforced while the body
 * streams in, so an oversized upload is cut off after `limit` bytes instead of being
 * buffered whole first; a `Content-Length` above the limit is refused before reading.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array | 'too-large' | 'unreadable'> {
  if (declaresMoreThan(request.headers, limit)) return 'too-large';
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Stop the upload: the rest is never read into memory.
        reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'unreadable';
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Whether the request's `Content-Length` is over `limit`: refused before a byte is read. */
export function declaresMoreThan(headers: HeaderReader, limit: number): boolean {
  const declared = Number(headers.get('content-length'));
  return Number.isFinite(declared) && declared > limit;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and parses a lead body: JSON, urlencoded or multipart form data. Never throws;
 * anything a client can send ends in one of the `ok: false` reasons. Uploaded files
 * in a multipart body are dropped: a lead has no file fields.
 */
export async function parseBody(request: IncomingRequest, limit: number): Promise<ParsedBody> {
  const kind = bodyKind(request.headers.get('content-type'));
  if (!kind) return { ok: false, reason: 'unsupported-media-type' };
  const bytes = await request.readBody(limit);
  if (bytes === 'too-large') return { ok: false, reason: 'body-too-large' };
  if (bytes === 'unreadable') return { ok: false, reason: 'invalid-body' };
  let text: string;
  try {
    text = kind === 'multipart' ? '' : decoder.decode(bytes);
  } catch {
    return { ok: false, reason: kind === 'json' ? 'invalid-json' : 'invalid-body' };
  }
  if (kind === 'json') {
    try {
      return { ok: true, kind: 'json', value: JSON.parse(text) };
    } catch {
      return { ok: false, reason: 'invalid-json' };
    }
  }
  if (kind === 'urlencoded') return { ok: true, kind: 'form', fields: collect(new URLSearchParams(text)) };
  try {
    // The bytes are already bounded; the platform's multipart parser does the rest.
    const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
    return { ok: true, kind: 'form', fields: collect(form) };
  } catch {
    return { ok: false, reason: 'invalid-body' };
  }
}

function collect(entries: { forEach(callback: (value: FormDataEntryValue | string, name: string) => void): void }): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  entries.forEach((value, name) => {
    if (typeof value !== 'string') return; // a File
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[name] = [existing, value];
  });
  return fields;
}
