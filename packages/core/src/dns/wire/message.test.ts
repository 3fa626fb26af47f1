import { describe, expect, it } from 'vitest';
import type { DnsMessage, DnsRecord, RecordData } from '../types.js';
import { checkResponse, couldAnswer, decodeMessage, encodeMessage, encodeQuery, type EncodedQuery } from './message.js';
import { resolveSerialTime, toBase32Hex } from './records.js';
import { typeBitmapOf, typesInBitmap } from './type-bitmap.js';
import { toHex } from '../../util/bytes.js';

/** Bytes from hex with optional spaces, so the test vectors below stay readable. */
const hex = (...parts: string[]): Uint8Array => {
  const clean = parts.join('').replace(/\s+/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
};
const ascii = (s: string): string => toHex(new TextEncoder().encode(s));
const u16 = (n: number): string => n.toString(16).padStart(4, '0');
const u32 = (n: number): string => n.toString(16).padStart(8, '0');

// Header: ID 0xbeef, QR RD RA, rcode in the last nibble; question "example" (offset 12) IN A.
const QUESTION = `07${ascii('example')}00 0001 0001`;
const header = (counts: [number, number, number, number], flags = 0x8180): string => `beef ${u16(flags)} ${counts.map(u16).join(' ')}`;

/** A response with one answer record for the question name (a pointer to offset 12). */
function oneRecord(type: number, rdata: string, ttl = 3600): Uint8Array {
  const rd = rdata.replace(/\s+/g, '');
  return hex(header([1, 1, 0, 0]), QUESTION, `c00c ${u16(type)} 0001 ${u32(ttl)} ${u16(rd.length / 2)} ${rd}`);
}

function decodeOne(type: number, rdata: string, now?: number): DnsRecord {
  const result = decodeMessage(oneRecord(type, rdata), now === undefined ? {} : { now });
  if (!result.ok) throw new Error(`unexpected ${result.error.code}: ${result.error.message}`);
  const record = result.message.answers[0];
  if (record === undefined) throw new Error('no answer');
  return record;
}

const EXAMPLE_WIRE = `07${ascii('example')}00`;
const DIGEST = 'a'.repeat(64);

describe('decodeMessage: every record type', () => {
  it('A and AAAA', () => {
    expect(decodeOne(1, 'c0000201').data).toEqual({ type: 'A', address: '192.0.2.1' });
    expect(decodeOne(28, '20010db8000000000000000000000001').data).toEqual({ type: 'AAAA', address: '2001:db8::1' });
    expect(decodeOne(28, '00000000000000000000ffffc0000201').data).toEqual({ type: 'AAAA', address: '::ffff:192.0.2.1' });
    expect(decodeOne(28, '20010db8000000010000000000000000').data).toEqual({ type: 'AAAA', address: '2001:db8:0:1::' });
  });

  it.each([
    [2, 'NS'],
    [5, 'CNAME'],
    [12, 'PTR'],
    [39, 'DNAME'],
  ] as const)('type %i (%s): compressed target expanded in wire, case kept in wire only', (type, name) => {
    const record = decodeOne(type, `03${ascii('WWW')} c00c`);
    expect(record.type).toBe(name);
    expect(record.data).toEqual({ type: name, target: 'www.example' });
    expect(record.wire).toBe(`03${ascii('WWW')}${EXAMPLE_WIRE}`);
  });

  it('MX', () => {
    const record = decodeOne(15, `000a 04${ascii('mail')} c00c`);
    expect(record.data).toEqual({ type: 'MX', preference: 10, exchange: 'mail.example' });
    expect(record.wire).toBe(`000a04${ascii('mail')}${EXAMPLE_WIRE}`);
  });

  it('TXT keeps character-strings apart, including empty and invalid UTF-8 ones', () => {
    const record = decodeOne(16, `0b${ascii('v=spf1 -all')} 00 02ff41 05${ascii('ümla').slice(0, 10)}`);
    expect(record.data.type).toBe('TXT');
    if (record.data.type !== 'TXT') return;
    expect(record.data.strings.slice(0, 3)).toEqual(['v=spf1 -all', '', '\ufffdA']);
    expect(record.data.strings).toHaveLength(4);
  });

  it('SOA', () => {
    const record = decodeOne(
      6,
      `03${ascii('ns1')}c00c 0a${ascii('hostmaster')}c00c ${u32(2024010101)} ${u32(7200)} ${u32(900)} ${u32(1209600)} ${u32(300)}`,
    );
    expect(record.data).toEqual({
      type: 'SOA',
      mname: 'ns1.example',
      rname: 'hostmaster.example',
      serial: 2024010101,
      refresh: 7200,
      retry: 900,
      expire: 1209600,
      minimum: 300,
    });
    expect(record.wire).toBe(
      `03${ascii('ns1')}${EXAMPLE_WIRE}0a${ascii('hostmaster')}${EXAMPLE_WIRE}${u32(2024010101)}${u32(7200)}${u32(900)}${u32(1209600)}${u32(300)}`,
    );
  });

  it('SRV (a compressed target is tolerated and expanded)', () => {
    const record = decodeOne(33, `0001 0002 0019 04${ascii('smtp')}c00c`);
    expect(record.data).toEqual({ type: 'SRV', priority: 1, weight: 2, port: 25, target: 'smtp.example' });
    expect(record.wire).toBe(`000100020019 04${ascii('smtp')}${EXAMPLE_WIRE}`.replace(/ /g, ''));
  });

  it('CAA', () => {
    expect(decodeOne(257, `80 05${ascii('issue')}${ascii('letsencrypt.org')}`).data).toEqual({
      type: 'CAA',
      flags: 128,
      tag: 'issue',
      value: 'letsencrypt.org',
    });
  });

  it('DS and CDS', () => {
    expect(decodeOne(43, `3039 0d 02 ${DIGEST}`).data).toEqual({ type: 'DS', keyTag: 12345, algorithm: 13, digestType: 2, digest: DIGEST });
    expect(decodeOne(59, `3039 0d 02 ${DIGEST}`).data).toEqual({
      type: 'CDS',
      keyTag: 12345,
      algorithm: 13,
      digestType: 2,
      digest: DIGEST,
    });
  });

  it('DNSKEY and CDNSKEY', () => {
    expect(decodeOne(48, '0101 03 0d 01020304').data).toEqual({
      type: 'DNSKEY',
      flags: 257,
      protocol: 3,
      algorithm: 13,
      publicKey: 'AQIDBA==',
    });
    expect(decodeOne(60, '0100 03 08 ff').data).toEqual({ type: 'CDNSKEY', flags: 256, protocol: 3, algorithm: 8, publicKey: '/w==' });
  });

  it('RRSIG with timestamps read by serial arithmetic', () => {
    const now = Date.UTC(2025, 0, 1) / 1000;
    const record = decodeOne(46, `0001 0d 01 ${u32(3600)} ${u32(now + 86400)} ${u32(now - 86400)} 3039 ${EXAMPLE_WIRE} 0a0b0c`, now * 1000);
    expect(record.data).toEqual({
      type: 'RRSIG',
      typeCovered: 'A',
      algorithm: 13,
      labels: 1,
      originalTtl: 3600,
      expiration: now + 86400,
      inception: now - 86400,
      keyTag: 12345,
      signerName: 'example',
      signature: 'CgsM',
    });
    expect(record.wire).toBe(`00010d01${u32(3600)}${u32(now + 86400)}${u32(now - 86400)}3039${EXAMPLE_WIRE}0a0b0c`);
  });

  it('RRSIG timestamps after the 2106 wrap', () => {
    const wrap = 2 ** 32;
    expect(resolveSerialTime(100, wrap - 50)).toBe(wrap + 100);
    expect(resolveSerialTime(2 ** 32 - 100, wrap + 10)).toBe(wrap - 100);
    expect(resolveSerialTime(1_700_000_000, 1_700_000_500)).toBe(1_700_000_000);
  });

  it('NSEC with a two-window type bitmap', () => {
    // Window 0: A(1) MX(15) RRSIG(46) NSEC(47); window 1: CAA(257).
    const record = decodeOne(47, `04${ascii('host')}${EXAMPLE_WIRE} 00 06 400100000003 01 01 40`);
    expect(record.data).toEqual({ type: 'NSEC', nextDomain: 'host.example', typeBitmap: '0006400100000003010140' });
    if (record.data.type !== 'NSEC') throw new Error('not NSEC');
    expect(typesInBitmap(record.data.typeBitmap)).toEqual(['A', 'MX', 'RRSIG', 'NSEC', 'CAA']);
  });

  it('NSEC3 and NSEC3PARAM', () => {
    const hash = `${'00'.repeat(19)}ff`;
    const record = decodeOne(50, `01 01 000a 04aabbccdd 14${hash} 00 01 40`);
    expect(record.data).toEqual({
      type: 'NSEC3',
      hashAlgorithm: 1,
      flags: 1,
      iterations: 10,
      salt: 'aabbccdd',
      nextHashedOwner: toBase32Hex(hex(hash)),
      typeBitmap: '000140',
    });
    expect(toBase32Hex(hex(hash))).toBe(`${'0'.repeat(30)}7v`);
    // RFC 4648 §10 test vectors, lowercase and unpadded.
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => toBase32Hex(new TextEncoder().encode(s)))).toEqual([
      '',
      'co',
      'cpng',
      'cpnmu',
      'cpnmuog',
      'cpnmuoj1',
      'cpnmuoj1e8',
    ]);
    expect(decodeOne(51, '01 00 0000 00').data).toEqual({ type: 'NSEC3PARAM', hashAlgorithm: 1, flags: 0, iterations: 0, salt: '' });
  });

  it('TLSA', () => {
    expect(decodeOne(52, `03 01 01 ${DIGEST}`).data).toEqual({
      type: 'TLSA',
      usage: 3,
      selector: 1,
      matchingType: 1,
      certificateData: DIGEST,
    });
  });

  it('SVCB, HTTPS and unnamed types as RFC 3597 hex', () => {
    const https = decodeOne(65, `0001 00 0001 0003 026832`);
    expect(https.type).toBe('HTTPS');
    expect(https.data).toEqual({ type: 'unknown', rdata: '000100000100030268' + '32' });
    const private_ = decodeOne(65280, 'deadbeef');
    expect(private_.type).toBe('TYPE65280');
    expect(private_.data).toEqual({ type: 'unknown', rdata: 'deadbeef' });
    expect(private_.wire).toBe('deadbeef');
  });

  it('reads TTLs with the top bit set as zero (RFC 2181 §8)', () => {
    const result = decodeMessage(oneRecord(1, 'c0000201', 0x80000001));
    expect(result.ok && result.message.answers[0]?.ttl).toBe(0);
  });
});

describe('decodeMessage: header, EDNS and EDE', () => {
  it('reads flags, sections and the question', () => {
    const result = decodeMessage(oneRecord(1, 'c0000201'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message.id).toBe(0xbeef);
    expect(result.message.rcode).toBe('NOERROR');
    expect(result.message.flags).toEqual({ aa: false, tc: false, rd: true, ra: true, ad: false, cd: false });
    expect(result.message.question).toEqual([{ name: 'example', type: 'A', class: 'IN' }]);
    expect(result.message.edns).toBeUndefined();
  });

  it('reads AD, CD, AA, TC', () => {
    const result = decodeMessage(hex(header([1, 0, 0, 0], 0x8000 | 0x0400 | 0x0200 | 0x0020 | 0x0010 | 3), QUESTION));
    expect(result.ok && result.message.flags).toEqual({ aa: true, tc: true, rd: false, ra: false, ad: true, cd: true });
    expect(result.ok && result.message.rcode).toBe('NXDOMAIN');
  });

  it('reads OPT: payload size, DO, extended rcode, EDE with and without text', () => {
    const ede1 = `000f ${u16(2 + 12)} 0006 ${ascii('DNSSEC Bogus')}`;
    const ede2 = '000f 0002 0007';
    const shortEde = '000f 0001 00';
    const padding = '000c 0003 000000';
    const options = `${ede1}${ede2}${shortEde}${padding}`.replace(/ /g, '');
    const opt = `00 0029 04d0 01 00 8000 ${u16(options.length / 2)} ${options}`;
    const result = decodeMessage(hex(header([1, 0, 0, 1], 0x8182), QUESTION, opt));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Extended rcode 1 << 4 | header rcode 2 = 18.
    expect(result.message.rcode).toBe('RCODE18');
    expect(result.message.edns).toEqual({
      udpPayloadSize: 1232,
      dnssecOk: true,
      extendedErrors: [{ code: 6, text: 'DNSSEC Bogus' }, { code: 7 }],
    });
    expect(result.message.additional).toEqual([]);
  });

  it('maps extended rcode 16 to BADVERS', () => {
    const result = decodeMessage(hex(header([1, 0, 0, 1], 0x8180), QUESTION, '00 0029 0200 01 00 0000 0000'));
    expect(result.ok && result.message.rcode).toBe('BADVERS');
  });

  it('strips a NUL terminator from EDE text', () => {
    const option = `000f 0006 0012 ${ascii('ab')}0000`.replace(/ /g, '');
    const result = decodeMessage(hex(header([1, 0, 0, 1]), QUESTION, `00 0029 04d0 00 00 0000 ${u16(option.length / 2)} ${option}`));
    expect(result.ok && result.message.edns?.extendedErrors).toEqual([{ code: 18, text: 'ab' }]);
  });
});

describe('decodeMessage: hostile input gives typed errors', () => {
  const malformed = (bytes: Uint8Array): string => {
    const result = decodeMessage(bytes);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error.code;
  };

  it('truncated header', () => {
    expect(malformed(hex('beef 8180 0000 00'))).toBe('malformed');
    expect(malformed(new Uint8Array(0))).toBe('malformed');
  });

  it('count overflow', () => {
    expect(malformed(hex(header([1, 0xffff, 0, 0]), QUESTION))).toBe('malformed');
    expect(malformed(hex(header([0xffff, 0, 0, 0]), QUESTION))).toBe('malformed');
  });

  it('truncated RDATA', () => {
    const bytes = oneRecord(1, 'c0000201');
    expect(malformed(bytes.subarray(0, bytes.length - 1))).toBe('malformed');
    // RDLENGTH claims more than the message holds.
    expect(malformed(hex(header([1, 1, 0, 0]), QUESTION, 'c00c 0001 0001 00000e10 0010 c0000201'))).toBe('malformed');
  });

  it('RDATA of the wrong size for its type', () => {
    expect(malformed(oneRecord(1, 'c000020101'))).toBe('malformed');
    expect(malformed(oneRecord(28, 'c0000201'))).toBe('malformed');
    expect(malformed(oneRecord(15, `000a 04${ascii('mail')}c00c ff`))).toBe('malformed');
    expect(malformed(oneRecord(6, `00 00 ${u32(1)}`))).toBe('malformed');
  });

  it('a name in RDATA that runs past RDLENGTH', () => {
    expect(malformed(hex(header([1, 1, 0, 0]), QUESTION, `c00c 0005 0001 00000e10 0002 03${ascii('www')}c00c`))).toBe('malformed');
  });

  it('bad type bitmaps', () => {
    expect(malformed(oneRecord(47, `00 00 00`))).toBe('malformed');
    expect(malformed(oneRecord(47, `00 0021 ${'00'.repeat(33)}`))).toBe('malformed');
    expect(malformed(oneRecord(47, `00 01 01 01 01 40 00 01 40`))).toBe('malformed');
    expect(malformed(oneRecord(47, `00 02 40`))).toBe('malformed');
  });

  it('a CAA with an empty tag, an NSEC3 without a hash', () => {
    expect(malformed(oneRecord(257, `00 00 ${ascii('x')}`))).toBe('malformed');
    expect(malformed(oneRecord(50, '01 00 0000 00 00'))).toBe('malformed');
  });

  it('trailing garbage after the last record', () => {
    const bytes = oneRecord(1, 'c0000201');
    expect(malformed(Uint8Array.from([...bytes, 0]))).toBe('malformed');
  });

  it('a query where a response was expected, unless allowed', () => {
    const query = hex(header([1, 0, 0, 0], 0x0100), QUESTION);
    expect(malformed(query)).toBe('malformed');
    expect(decodeMessage(query, { allowQuery: true }).ok).toBe(true);
  });

  it('two OPT records, an OPT in the answer section, an OPT not owned by the root', () => {
    const opt = '00 0029 04d0 00 00 0000 0000';
    expect(malformed(hex(header([1, 0, 0, 2]), QUESTION, opt, opt))).toBe('malformed');
    expect(malformed(hex(header([1, 1, 0, 0]), QUESTION, opt))).toBe('malformed');
    expect(malformed(hex(header([1, 0, 0, 1]), QUESTION, 'c00c 0029 04d0 00 00 0000 0000'))).toBe('malformed');
  });

  it('an EDNS option running past the OPT RDATA', () => {
    expect(malformed(hex(header([1, 0, 0, 1]), QUESTION, '00 0029 04d0 00 00 0000 0006 000f 0010 0006'))).toBe('malformed');
  });

  it('a compression pointer loop in the answer owner', () => {
    // The answer owner at offset 25 points to itself.
    expect(malformed(hex(header([1, 1, 0, 0]), QUESTION, 'c019 0001 0001 00000e10 0004 c0000201'))).toBe('malformed');
  });

  it('a forward pointer in the question', () => {
    expect(malformed(hex(header([1, 0, 0, 0]), 'c00e 0001 0001'))).toBe('malformed');
  });

  it('a message over 65535 octets is too-large', () => {
    const result = decodeMessage(new Uint8Array(70_000));
    expect(!result.ok && result.error.code).toBe('too-large');
  });

  it('a value that is not bytes', () => {
    expect(malformed('nope' as unknown as Uint8Array)).toBe('malformed');
  });
});

describe('encodeQuery', () => {
  it('sets RD, CD, EDNS with DO and a 1232 payload size, and a random ID', () => {
    const result = encodeQuery({ name: 'Example.', type: 'DNSKEY', checkingDisabled: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { bytes, id } = result.query;
    expect(result.query.name).toBe('example');
    expect(toHex(bytes)).toBe(`${u16(id)}0110000100000000000107${ascii('example')}000030000100002904d000008000${'0000'}`);
    const ids = new Set(Array.from({ length: 50 }, () => (encodeQuery({ name: 'a', type: 'A' }) as { query: EncodedQuery }).query.id));
    expect(ids.size).toBeGreaterThan(40);
  });

  it('clears DO and RD on request and takes TYPE<n> for a known type', () => {
    const result = encodeQuery({ name: 'a.example', type: 'TYPE1', dnssecOk: false, recursionDesired: false }, { id: 7 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.query.type).toBe('A');
    expect(toHex(result.query.bytes).slice(0, 8)).toBe('00070000');
    expect(toHex(result.query.bytes).slice(-12, -4)).toBe('00000000');
  });

  it('pads to a multiple of the block size', () => {
    for (const name of ['a', 'a.example', 'very.long.name.example.org']) {
      const result = encodeQuery({ name, type: 'A' }, { paddingBlockSize: 128 });
      expect(result.ok && result.query.bytes.length % 128).toBe(0);
      if (result.ok) expect(decodeMessage(result.query.bytes, { allowQuery: true }).ok).toBe(true);
    }
  });

  it('returns invalid-name and unsupported instead of throwing', () => {
    const bad = encodeQuery({ name: 'a..b', type: 'A' });
    expect(!bad.ok && bad.error.code).toBe('invalid-name');
    const idn = encodeQuery({ name: 'bücher.example', type: 'A' });
    expect(idn.ok && idn.query.name).toBe('xn--bcher-kva.example');
    const type = encodeQuery({ name: 'a', type: 'BOGUS' as 'A' });
    expect(!type.ok && type.error.code).toBe('unsupported');
    const opt = encodeQuery({ name: 'a', type: 'OPT' });
    expect(!opt.ok && opt.error.code).toBe('unsupported');
  });
});

describe('checkResponse and couldAnswer', () => {
  const query = (encodeQuery({ name: 'example', type: 'A' }, { id: 0xbeef }) as { query: EncodedQuery }).query;
  const decoded = (bytes: Uint8Array): DnsMessage => {
    const result = decodeMessage(bytes);
    if (!result.ok) throw new Error(result.error.message);
    return result.message;
  };

  it('accepts the matching answer', () => {
    const bytes = oneRecord(1, 'c0000201');
    expect(checkResponse(query, decoded(bytes))).toBeUndefined();
    expect(couldAnswer(query, bytes)).toBe(true);
  });

  it('refuses another ID or question as id-mismatch', () => {
    const otherId = hex('beee 8180 0001 0000 0000 0000', QUESTION);
    expect(checkResponse(query, decoded(otherId))?.code).toBe('id-mismatch');
    expect(couldAnswer(query, otherId)).toBe(false);
    const otherType = hex(header([1, 0, 0, 0]), `07${ascii('example')}00 001c 0001`);
    expect(checkResponse(query, decoded(otherType))?.code).toBe('id-mismatch');
    expect(couldAnswer(query, otherType)).toBe(false);
    const otherName = hex(header([1, 0, 0, 0]), `07${ascii('exampel')}00 0001 0001`);
    expect(couldAnswer(query, otherName)).toBe(false);
  });

  it('compares the question name case-insensitively', () => {
    const upper = hex(header([1, 0, 0, 0]), `07${ascii('EXAMPLE')}00 0001 0001`);
    expect(checkResponse(query, decoded(upper))).toBeUndefined();
    expect(couldAnswer(query, upper)).toBe(true);
  });

  it('accepts an error response without a question, but not a NOERROR one', () => {
    expect(checkResponse(query, decoded(hex(header([0, 0, 0, 0], 0x8181))))).toBeUndefined();
    expect(checkResponse(query, decoded(hex(header([0, 0, 0, 0], 0x8180))))?.code).toBe('id-mismatch');
  });

  it('ignores queries and short datagrams in couldAnswer', () => {
    expect(couldAnswer(query, hex('beef'))).toBe(false);
    expect(couldAnswer(query, hex(header([1, 0, 0, 0], 0x0100), QUESTION))).toBe(false);
  });
});

describe('encodeMessage round trip', () => {
  const records: { name: string; ttl: number; data: RecordData; type?: 'TYPE999' }[] = [
    { name: 'example', ttl: 1, data: { type: 'A', address: '192.0.2.1' } },
    { name: 'example', ttl: 2, data: { type: 'AAAA', address: '2001:db8::53' } },
    { name: 'example', ttl: 3, data: { type: 'NS', target: 'ns1.example' } },
    { name: 'www.example', ttl: 4, data: { type: 'CNAME', target: 'example' } },
    { name: '1.2.0.192.in-addr.arpa', ttl: 5, data: { type: 'PTR', target: 'example' } },
    { name: 'example', ttl: 6, data: { type: 'MX', preference: 10, exchange: 'mail.example' } },
    { name: 'example', ttl: 7, data: { type: 'TXT', strings: ['v=spf1 ', 'include:x.example -all', ''] } },
    {
      name: 'example',
      ttl: 8,
      data: { type: 'SOA', mname: 'ns1.example', rname: 'hostmaster.example', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 },
    },
    { name: '_sip._tcp.example', ttl: 9, data: { type: 'SRV', priority: 1, weight: 2, port: 5060, target: 'sip.example' } },
    { name: 'old.example', ttl: 10, data: { type: 'DNAME', target: 'new.example' } },
    { name: 'example', ttl: 11, data: { type: 'CAA', flags: 0, tag: 'issue', value: 'ca.example; account=1' } },
    { name: 'example', ttl: 12, data: { type: 'DS', keyTag: 1, algorithm: 13, digestType: 2, digest: DIGEST } },
    { name: 'example', ttl: 13, data: { type: 'CDS', keyTag: 0, algorithm: 0, digestType: 0, digest: '00' } },
    { name: 'example', ttl: 14, data: { type: 'DNSKEY', flags: 257, protocol: 3, algorithm: 13, publicKey: 'AQIDBAUG' } },
    { name: 'example', ttl: 15, data: { type: 'CDNSKEY', flags: 0, protocol: 3, algorithm: 0, publicKey: 'AA==' } },
    {
      name: 'example',
      ttl: 16,
      data: {
        type: 'RRSIG',
        typeCovered: 'TXT',
        algorithm: 13,
        labels: 1,
        originalTtl: 7,
        expiration: 1_900_000_000,
        inception: 1_800_000_000,
        keyTag: 4,
        signerName: 'example',
        signature: 'AAECAw==',
      },
    },
    {
      name: 'example',
      ttl: 17,
      data: {
        type: 'NSEC',
        nextDomain: 'a.example',
        typeBitmap: typeBitmapOf(['A', 'NS', 'SOA', 'RRSIG', 'NSEC', 'DNSKEY', 'CAA', 'TYPE65000']),
      },
    },
    {
      name: 'vs.example',
      ttl: 18,
      data: {
        type: 'NSEC3',
        hashAlgorithm: 1,
        flags: 1,
        iterations: 0,
        salt: '',
        nextHashedOwner: '0123456789abcdefghijklmnopqrstuv',
        typeBitmap: '',
      },
    },
    { name: 'example', ttl: 19, data: { type: 'NSEC3PARAM', hashAlgorithm: 1, flags: 0, iterations: 5, salt: 'cafe' } },
    { name: '_25._tcp.mail.example', ttl: 20, data: { type: 'TLSA', usage: 3, selector: 1, matchingType: 1, certificateData: DIGEST } },
    { name: 'example', ttl: 21, type: 'TYPE999', data: { type: 'unknown', rdata: '0102' } },
  ];

  it.each([false, true])('decode(encode(x)) keeps every record (compress %s)', (compress) => {
    const bytes = encodeMessage(
      {
        id: 1,
        flags: { aa: true, ad: true },
        rcode: 'NOERROR',
        question: [{ name: 'example', type: 'ANY' }],
        answers: records,
        authority: [records[7] as (typeof records)[number]],
        additional: [records[0] as (typeof records)[number]],
        edns: { dnssecOk: true, extendedErrors: [{ code: 3, text: 'stale' }] },
      },
      { compress },
    );
    const result = decodeMessage(bytes, { now: 1_850_000_000_000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message.answers.map(({ name, ttl, data }) => ({ name, ttl, data }))).toEqual(
      records.map(({ name, ttl, data }) => ({ name, ttl, data })),
    );
    expect(result.message.answers.at(-1)?.type).toBe('TYPE999');
    expect(result.message.flags.aa && result.message.flags.ad).toBe(true);
    expect(result.message.edns?.extendedErrors).toEqual([{ code: 3, text: 'stale' }]);
    if (compress) {
      const plain = encodeMessage({ id: 1, question: [{ name: 'example', type: 'ANY' }], answers: records });
      expect(bytes.length).toBeLessThan(plain.length + 100);
    }
  });

  it('wire of a compressed record equals the RDATA of the uncompressed one', () => {
    const message = {
      id: 2,
      question: [{ name: 'example', type: 'MX' as const }],
      answers: [records[5] as (typeof records)[number], records[7] as (typeof records)[number]],
    };
    const compressed = decodeMessage(encodeMessage(message, { compress: true }));
    const plain = decodeMessage(encodeMessage(message));
    expect(compressed.ok && plain.ok).toBe(true);
    if (!compressed.ok || !plain.ok) return;
    expect(compressed.message.answers.map((r) => r.wire)).toEqual(plain.message.answers.map((r) => r.wire));
  });

  it('throws on data it cannot encode (trusted-input API)', () => {
    expect(() => encodeMessage({ id: 1, answers: [{ name: 'x', ttl: 1, data: { type: 'A', address: '1.2.3' } }] })).toThrow();
    expect(() => encodeMessage({ id: 1, answers: [{ name: 'x', ttl: 1, data: { type: 'TXT', strings: ['a'.repeat(256)] } }] })).toThrow();
    expect(() => encodeMessage({ id: 1, rcode: 'BADVERS' })).toThrow(/EDNS/);
  });
});
