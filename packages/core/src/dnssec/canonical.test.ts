import { describe, expect, it } from 'vitest';
import { canonicalRdata, canonicalRdataSet, signatureInput, signedOwner } from './canonical.js';
import {
  canonicalName,
  childToward,
  commonAncestor,
  compareNames,
  isSubdomain,
  labelCount,
  lastLabels,
  nameFromLabels,
  nameToWire,
  parentName,
  parseName,
} from './names.js';
import { typeBitmapOf } from '../dns/wire/type-bitmap.js';
import { encodeRdata, toHex } from './rdata.js';
import { rr } from './test-support/zones.js';

/** A name's wire form with its letters' case kept, as a server may send it. */
function mixedCaseWire(name: string): number[] {
  return [...name.split('.').flatMap((label) => [label.length, ...Buffer.from(label, 'ascii')]), 0];
}

describe('names', () => {
  it('sorts names in canonical order (RFC 4034 §6.1 example)', () => {
    const ordered = [
      'example',
      'a.example',
      'yljkjljk.a.example',
      'Z.a.example',
      'zABC.a.EXAMPLE',
      'z.example',
      '\\001.z.example',
      '*.z.example',
      '\\200.z.example',
    ];
    const shuffled = [...ordered].reverse();
    shuffled.sort(compareNames);
    expect(shuffled).toEqual(ordered);
  });

  it('normalises case, escapes and the trailing dot into one key', () => {
    expect(canonicalName('WWW.Example.COM.')).toBe('www.example.com');
    expect(canonicalName('\\087ww.example.com')).toBe('www.example.com');
    expect(canonicalName('a\\.b.example')).toBe('a\\.b.example');
    expect(canonicalName('\\000.example')).toBe('\\000.example');
    expect(canonicalName('.')).toBe('');
    expect(canonicalName('')).toBe('');
    expect(labelCount('a\\.b.example')).toBe(2);
  });

  it('rejects invalid names', () => {
    expect(canonicalName('a..b')).toBeUndefined();
    expect(canonicalName(`${'a'.repeat(64)}.example`)).toBeUndefined();
    expect(canonicalName(Array.from({ length: 130 }, () => 'ab').join('.'))).toBeUndefined();
    expect(canonicalName('bad\\2')).toBeUndefined();
    expect(canonicalName('bad\\999.x')).toBeUndefined();
  });

  it('encodes names in lowercase wire form', () => {
    expect(toHex(nameToWire('Www.Example'))).toBe('03777777076578616d706c6500');
    expect(toHex(nameToWire(''))).toBe('00');
    expect(parseName('x.y')?.length).toBe(2);
  });

  it('walks the tree', () => {
    expect(parentName('a.b.example')).toBe('b.example');
    expect(parentName('example')).toBe('');
    expect(parentName('')).toBe('');
    expect(isSubdomain('a.b.example', 'b.example')).toBe(true);
    expect(isSubdomain('ab.example', 'b.example')).toBe(false);
    expect(isSubdomain('anything', '')).toBe(true);
    expect(commonAncestor('a.b.example', 'c.b.example')).toBe('b.example');
    expect(childToward('example', 'x.y.z.example')).toBe('z.example');
    expect(childToward('', 'x.test')).toBe('test');
    expect(lastLabels('a.b.c', 2)).toBe('b.c');
  });
});

describe('names of letters, digits, hyphens and underscores (the text shortcuts)', () => {
  const names = [
    '',
    'example',
    'a.example',
    'ab.example',
    'b.example',
    'x.ab.example',
    'z.example',
    'z-.example',
    'zz.example',
    '0.example',
    '_443._tcp.www.example',
    '\\001.z.example',
    'a\\.b.example',
    '*.z.example',
    `${'m'.repeat(63)}.example`,
  ];
  /** The rightmost-first label comparison, done on octets as RFC 4034 §6.1 says. */
  const labelOrder = (a: string, b: string): number => {
    const la = parseName(a) ?? [];
    const lb = parseName(b) ?? [];
    for (let i = 1; i <= Math.min(la.length, lb.length); i++) {
      const x = la[la.length - i] as Uint8Array;
      const y = lb[lb.length - i] as Uint8Array;
      for (let j = 0; j < Math.min(x.length, y.length); j++) if (x[j] !== y[j]) return (x[j] as number) - (y[j] as number);
      if (x.length !== y.length) return x.length - y.length;
    }
    return la.length - lb.length;
  };
  const labelSuffix = (name: string, ancestor: string): boolean => {
    const n = (parseName(name) ?? []).map((label) => label.join(','));
    const a = (parseName(ancestor) ?? []).map((label) => label.join(','));
    return a.length <= n.length && a.every((label, i) => n[n.length - a.length + i] === label);
  };

  it('order, nest and count names as their labels do', () => {
    for (const a of names) {
      const labels = parseName(a) ?? [];
      expect(labelCount(a)).toBe(labels.length);
      expect(parentName(a)).toBe(nameFromLabels(labels.slice(1)));
      for (const b of names) {
        expect(Math.sign(compareNames(a, b))).toBe(Math.sign(labelOrder(a, b)));
        expect(isSubdomain(a, b)).toBe(labelSuffix(a, b));
      }
    }
    expect(lastLabels('_443._tcp.www.example', 2)).toBe('www.example');
    expect(lastLabels('_443._tcp.www.example', 0)).toBe('');
    expect(lastLabels('a.example', 5)).toBe('a.example');
  });

  it('keep the limits of the label parser: 63 octets a label, 255 a name', () => {
    const longest = [63, 63, 63, 61].map((n) => 'q'.repeat(n)).join('.');
    expect(longest).toHaveLength(253);
    expect(canonicalName(longest)).toBe(longest);
    expect(canonicalName(`${longest.toUpperCase()}.`)).toBe(longest);
    expect(canonicalName(`${longest}q`)).toBeUndefined();
    expect(canonicalName(`${'q'.repeat(64)}.example`)).toBeUndefined();
    expect(canonicalName('a..example')).toBeUndefined();
    expect(canonicalName('.example')).toBeUndefined();
    expect(canonicalName('Mixed-Case_1.EXAMPLE.')).toBe('mixed-case_1.example');
  });
});

describe('canonical RDATA', () => {
  it('lowercases names inside the RDATA of listed types (MX, SOA, RRSIG signer)', () => {
    const mx = encodeRdata({ type: 'MX', preference: 10, exchange: 'Mail.Example.COM' });
    expect(toHex(canonicalRdata(15, mx))).toBe(toHex(encodeRdata({ type: 'MX', preference: 10, exchange: 'mail.example.com' })));
    const soa = encodeRdata({ type: 'SOA', mname: 'NS.X', rname: 'Host.X', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 });
    expect(toHex(canonicalRdata(6, soa))).toBe(
      toHex(encodeRdata({ type: 'SOA', mname: 'ns.x', rname: 'host.x', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 })),
    );
  });

  it('keeps NSEC next names and TXT as they are (RFC 6840 §5.1)', () => {
    const nsec = encodeRdata({ type: 'NSEC', nextDomain: 'B.Example', typeBitmap: typeBitmapOf(['A', 'RRSIG', 'NSEC']) });
    expect(toHex(canonicalRdata(47, nsec))).toBe(toHex(nsec));
    const txt = encodeRdata({ type: 'TXT', strings: ['Hello'] });
    expect(toHex(canonicalRdata(16, txt))).toBe(toHex(txt));
  });

  it('lowercases the name of NAPTR after its three strings', () => {
    const rdata = Uint8Array.from([0, 1, 0, 2, 1, 0x55, 0, 1, 0x41, ...mixedCaseWire('Host.Example')]);
    const out = canonicalRdata(35, rdata);
    expect(out.subarray(0, 9)).toEqual(rdata.subarray(0, 9));
    expect(toHex(out.subarray(9))).toBe(toHex(nameToWire('host.example')));
  });

  it('sorts an RRset by RDATA octets and drops duplicates (RFC 4034 §6.3)', () => {
    const set = canonicalRdataSet([
      rr('x.example', { type: 'A', address: '192.0.2.10' }),
      rr('x.example', { type: 'A', address: '192.0.2.2' }),
      rr('x.example', { type: 'A', address: '192.0.2.10' }),
    ]);
    expect(set.map(toHex)).toEqual(['c0000202', 'c000020a']);
    const txt = canonicalRdataSet([rr('x', { type: 'TXT', strings: ['ab'] }), rr('x', { type: 'TXT', strings: ['a'] })]);
    expect(txt.map(toHex)).toEqual(['0161', '026162']);
  });

  it('rebuilds the wildcard owner from the Labels field (RFC 4035 §5.3.2)', () => {
    expect(signedOwner('a.b.example', 1)).toBe('*.example');
    expect(signedOwner('a.b.example', 3)).toBe('a.b.example');
    expect(signedOwner('*.example', 1)).toBe('*.example');
    const a = rr('host.deep.example', { type: 'A', address: '192.0.2.1' });
    const sig = rr('host.deep.example', {
      type: 'RRSIG',
      typeCovered: 'A',
      algorithm: 13,
      labels: 1,
      originalTtl: 60,
      expiration: 2,
      inception: 1,
      keyTag: 7,
      signerName: 'Example',
      signature: '',
    });
    const input = signatureInput([a], sig);
    // The RRSIG prefix (18 octets + lowercased signer), then the owner `*.example`.
    expect(toHex(input?.subarray(18, 18 + 9) ?? new Uint8Array())).toBe(toHex(nameToWire('example')));
    expect(toHex(input?.subarray(27, 27 + 11) ?? new Uint8Array())).toBe(toHex(nameToWire('*.example')));
    // The original TTL replaces the record's TTL.
    expect(toHex(input?.subarray(38 + 4, 38 + 8) ?? new Uint8Array())).toBe('0000003c');
  });
});
