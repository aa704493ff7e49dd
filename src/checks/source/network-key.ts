// The network a submission came from, as a velocity key: an IPv4 address (/32), or the
// /64 of an IPv6 address, since one IPv6 host is handed a whole /64 and can rotate
// through it freely (research compliance_source.md §2.4, SV-11: "IPv4 /32 and /24; IPv6 /64").

/**
 * The velocity key of an IP address: `v4:a.b.c.d` or `v6:hhhh:hhhh:hhhh:hhhh` (the
 * /64, each group expanded to four hex digits, so equal networks give equal keys
 * whatever the textual form). IPv4-mapped IPv6 (`::ffff:192.0.2.1`) counts as the IPv4
 * address. `undefined` for anything that is not an IP address.
 *
 * @example
 * networkKey('2001:db8::1')            // 'v6:2001:0db8:0000:0000'
 * networkKey('[2001:DB8:0:0:ffff::2]') // 'v6:2001:0db8:0000:0000'
 * networkKey('192.0.2.7')              // 'v4:192.0.2.7'
 */
export function networkKey(address: unknown): string | undefined {
  if (typeof address !== 'string') return undefined;
  let text = address.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  // A zone id (fe80::1%eth0) names the interface, not the network.
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (text.length === 0 || text.length > 45) return undefined;
  const v4 = ipv4(text);
  if (v4) return `v4:${v4}`;
  const groups = ipv6Groups(text);
  if (!groups) return undefined;
  // IPv4-mapped: ::ffff:a.b.c.d (RFC 4291 §2.5.5.2) is an IPv4 client behind a dual-stack socket.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `v4:${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  return `v6:${groups.slice(0, 4).map((group) => group.toString(16).padStart(4, '0')).join(':')}`;
}

function ipv4(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    octets.push(octet);
  }
  return octets.join('.');
}

/** The eight 16-bit groups of an IPv6 address (RFC 4291 §2.2 text forms), or `undefined`. */
function ipv6Groups(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4(piece);
        if (!v4) return undefined;
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        out.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}
