import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupeEmail } from '../../src/index.js';
import { networkKey } from '../../src/checks/source/network-key.js';
import { requestOrigin, serialiseOrigin } from '../../src/checks/source/origin.js';

describe('dedupeEmail (research §2.4: provider rules, for dedupe only)', () => {
  it('gmail.com and googlemail.com: lower case, dots and +tag removed, one domain', () => {
    expect(dedupeEmail('Jane.Doe+news@GoogleMail.com')).toBe('janedoe@gmail.com');
    expect(dedupeEmail('j.a.n.e.doe@gmail.com')).toBe('janedoe@gmail.com');
    expect(dedupeEmail('JANEDOE@GMAIL.COM')).toBe('janedoe@gmail.com');
  });

  it('other providers: lower case and +tag removed, dots kept', () => {
    expect(dedupeEmail('Jane.Doe+crm@Acme-Robotics.com')).toBe('jane.doe@acme-robotics.com');
    expect(dedupeEmail('jane.doe@outlook.com')).not.toBe(dedupeEmail('janedoe@outlook.com'));
    // A local part that starts with "+" has no tag, only a name.
    expect(dedupeEmail('+jane@acme.com')).toBe('+jane@acme.com');
  });

  it('invalid addresses give nothing to dedupe on', () => {
    for (const email of ['', 'jane', 'jane@@acme.com', 'jane@acme']) expect(dedupeEmail(email), email).toBeUndefined();
  });

  it('property: a Gmail address keeps its key whatever dots and +tag are added', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/), fc.array(fc.nat(), { maxLength: 3 }), fc.stringMatching(/^[a-z0-9]{0,8}$/), (name, dots, tag) => {
        let dotted = name;
        for (const position of dots) {
          const at = 1 + (position % (dotted.length - 1));
          if (dotted[at - 1] !== '.' && dotted[at] !== '.') dotted = `${dotted.slice(0, at)}.${dotted.slice(at)}`;
        }
        const variant = `${dotted}${tag ? `+${tag}` : ''}@gmail.com`;
        return dedupeEmail(variant) === `${name}@gmail.com`;
      }),
    );
  });
});

describe('networkKey (IPv4 /32, IPv6 /64)', () => {
  it('keys IPv4 addresses as they are, and refuses what is not one', () => {
    expect(networkKey('192.0.2.7')).toBe('v4:192.0.2.7');
    expect(networkKey(' 192.0.2.7 ')).toBe('v4:192.0.2.7');
    for (const bad of ['192.0.2', '192.0.2.256', '192.0.2.07', '1.2.3.4.5', 'localhost', '', 42, undefined]) expect(networkKey(bad), String(bad)).toBeUndefined();
  });

  it('keys IPv6 by its /64, whatever the spelling', () => {
    const key = 'v6:2001:0db8:0001:0002';
    for (const ip of ['2001:db8:1:2::1', '2001:DB8:1:2:ffff:ffff:ffff:ffff', '[2001:db8:1:2::]', '2001:0db8:0001:0002:0000:0000:0000:0001', 'fe80::1%eth0'.replace('fe80::1', '2001:db8:1:2::9')]) {
      expect(networkKey(ip), ip).toBe(key);
    }
    expect(networkKey('2001:db8:1:3::1')).not.toBe(key);
    expect(networkKey('::1')).toBe('v6:0000:0000:0000:0000');
    expect(networkKey('::ffff:192.0.2.7')).toBe('v4:192.0.2.7');
    expect(networkKey('64:ff9b::192.0.2.7')).toBe('v6:0064:ff9b:0000:0000');
    for (const bad of ['2001:db8::1::2', '2001:db8:1:2:3:4:5:6:7', '2001:db8:1:2:3:4:5', 'g::1', ':::']) expect(networkKey(bad), bad).toBeUndefined();
  });
});

describe('origins', () => {
  it('serialises origins the way browsers send them', () => {
    expect(serialiseOrigin('HTTPS://WWW.Example.COM:443')).toBe('https://www.example.com');
    expect(serialiseOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(serialiseOrigin('https://bücher.example')).toBe('https://xn--bcher-kva.example');
    expect(serialiseOrigin('javascript:alert(1)')).toBeUndefined();
  });

  it('reads Origin first, the Referer\'s origin only without one, nothing without both', () => {
    expect(requestOrigin('https://a.example', 'https://b.example/x')).toEqual({ origin: 'https://a.example', via: 'origin' });
    expect(requestOrigin(undefined, 'https://b.example/x?y=1')).toEqual({ origin: 'https://b.example', via: 'referer' });
    expect(requestOrigin('', '')).toBeUndefined();
    expect(requestOrigin(undefined, undefined)).toBeUndefined();
  });
});
