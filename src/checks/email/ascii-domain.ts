// Only non-ASCII input takes the URL path; plain host names are returned as they are.
const ASCII = /^[\x00-\x7f]*$/;
// Characters that would make the URL parser read part of the input as something other
// than the host (path, query, credentials, port, IPv6 literal).
const NOT_HOST = /[/?#@:\\[\]\s%]/;

/**
 * The ASCII (A-label, "punycode") form of a domain: `bücher.de` → `xn--bcher-kva.de`.
 * Lists, DNS and the website comparison all work on this form, so a lead typing the
 * Unicode spelling and a list storing the ASCII one still meet. Returns `undefined`
 * when the name cannot be converted (IDNA refuses it).
 *
 * Uses the WHATWG URL parser's host parsing (UTS #46 processing), which browsers,
 * Node, Deno and workers all ship, instead of `node:url`'s `domainToASCII`, so the
 * check stays browser-safe.
 */
export function toAsciiDomain(domain: string): string | undefined {
  const lower = domain.toLowerCase();
  if (ASCII.test(lower)) return lower;
  if (NOT_HOST.test(lower)) return undefined;
  try {
    const host = new URL(`http://${lower}/`).hostname;
    // The parser also accepts things that are not domains (`[::1]`, percent escapes);
    // a conversion must leave only letters, digits, hyphens and dots.
    return /^[a-z0-9.-]+$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}
