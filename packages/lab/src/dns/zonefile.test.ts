import { describe, expect, it } from 'vitest';
import { createLabDnsZones } from './catalogue.js';
import { encodeRdata } from './rdata.js';
import { txtZoneText } from './rdata.js';
import { parseZoneFile, parseTtl, zoneToText } from './zonefile.js';

const text = String.raw`
; a comment line
$ORIGIN example.test.
$TTL 1h
@   IN  SOA ns1 hostmaster.example.test. (
            2026010101 ; serial
            2h 1h 2w 5m )
    IN  NS  ns1
    IN  NS  ns2.example.net.
ns1 300 IN A 192.0.2.53
ns1 IN 300 AAAA 2001:db8::53
@       MX  10 mail
@       TXT "v=spf1 " "include:_spf.example.test -all"
@       TXT "quote \" backslash \\ byte \065 semicolon ; done"
@       TXT plain-token
@       CAA 0 issue "ca.example.net; account=1"
@       CAA 128 tbs "x"
_sip._tcp SRV 10 60 5060 sip
_25._tcp.mail TLSA 3 1 1 ( 0123456789abcdef0123456789ABCDEF
                           0123456789abcdef0123456789abcdef )
sub     NS  ns.sub
sub     DS  12345 13 2 ( AABBCCDDEEFF00112233445566778899
                         AABBCCDDEEFF00112233445566778899 )
@       DNSKEY 257 3 13 ( hNy44gnYNrD59MeGL/PTv1KWFisZAjslWOFEsD+W
                          lOSsqG6q3Nwt3hO4zFnyJksziHABxuYFZQFn3+ON4lOmRg== )
www     CNAME @
$ORIGIN other.example.test.
host    A   192.0.2.7
weird   TYPE65534 \# 3 abcdef
empty   TYPE65280 \# 0
`;

describe('parseZoneFile', () => {
  const zone = parseZoneFile(text);
  const find = (name: string, type: string) => zone.records.filter((r) => r.name === name && r.type === type);

  it('takes the origin from the SOA and resolves @, relative and absolute names', () => {
    expect(zone.origin).toBe('example.test');
    expect(find('example.test', 'NS').map((r) => r.data)).toEqual([
      { type: 'NS', target: 'ns1.example.test' },
      { type: 'NS', target: 'ns2.example.net' },
    ]);
    expect(find('www.example.test', 'CNAME')[0]?.data).toEqual({ type: 'CNAME', target: 'example.test' });
    expect(find('host.other.example.test', 'A')).toHaveLength(1);
  });

  it('reads a parenthesised SOA with comments and TTL units', () => {
    expect(find('example.test', 'SOA')[0]).toEqual({
      name: 'example.test',
      type: 'SOA',
      ttl: 3600,
      data: {
        type: 'SOA',
        mname: 'ns1.example.test',
        rname: 'hostmaster.example.test',
        serial: 2026010101,
        refresh: 7200,
        retry: 3600,
        expire: 1209600,
        minimum: 300,
      },
    });
  });

  it('takes TTL and class in either order, and $TTL otherwise', () => {
    expect(find('ns1.example.test', 'A')[0]?.ttl).toBe(300);
    expect(find('ns1.example.test', 'AAAA')[0]?.ttl).toBe(300);
    expect(find('example.test', 'MX')[0]?.ttl).toBe(3600);
  });

  it('keeps TXT character-strings apart and resolves escapes', () => {
    const txt = find('example.test', 'TXT').map((r) => (r.data.type === 'TXT' ? r.data.strings : []));
    expect(txt).toEqual([['v=spf1 ', 'include:_spf.example.test -all'], ['quote " backslash \\ byte A semicolon ; done'], ['plain-token']]);
  });

  it('reads CAA, SRV, TLSA, DS and DNSKEY with split hex and base64', () => {
    expect(find('example.test', 'CAA').map((r) => r.data)).toEqual([
      { type: 'CAA', flags: 0, tag: 'issue', value: 'ca.example.net; account=1' },
      { type: 'CAA', flags: 128, tag: 'tbs', value: 'x' },
    ]);
    expect(find('_sip._tcp.example.test', 'SRV')[0]?.data).toEqual({
      type: 'SRV',
      priority: 10,
      weight: 60,
      port: 5060,
      target: 'sip.example.test',
    });
    expect(find('_25._tcp.mail.example.test', 'TLSA')[0]?.data).toEqual({
      type: 'TLSA',
      usage: 3,
      selector: 1,
      matchingType: 1,
      certificateData: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    });
    expect(find('sub.example.test', 'DS')[0]?.data).toMatchObject({
      keyTag: 12345,
      digest: 'aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899',
    });
    expect(find('example.test', 'DNSKEY')[0]?.data).toMatchObject({ flags: 257, protocol: 3, algorithm: 13 });
  });

  it('reads the RFC 3597 generic form', () => {
    expect(find('weird.other.example.test', 'TYPE65534')[0]?.data).toEqual({ type: 'unknown', rdata: 'abcdef' });
    expect(find('empty.other.example.test', 'TYPE65280')[0]?.data).toEqual({ type: 'unknown', rdata: '' });
  });

  it('reports errors with the line number', () => {
    expect(() => parseZoneFile('$ORIGIN x.test.\n@ 300 IN A 192.0.2.1\nfoo 300 IN BOGUS 1', {})).toThrow(/line 3: unknown record type/);
    expect(() => parseZoneFile('$ORIGIN x.test.\n@ 300 IN A 300.0.2.1', {})).toThrow(/line 2: invalid IPv4/);
    expect(() => parseZoneFile('$ORIGIN x.test.\n@ 300 IN MX 10', {})).toThrow(/line 2: missing exchange/);
    expect(() => parseZoneFile('@ 300 IN A 192.0.2.1 (', { origin: 'x.test' })).toThrow(/unbalanced/);
    expect(() => parseZoneFile('@ 300 IN TXT "open', { origin: 'x.test' })).toThrow(/unterminated/);
    expect(() => parseZoneFile('$INCLUDE other', { origin: 'x.test' })).toThrow(/not supported/);
    expect(() => parseZoneFile('@ IN A 192.0.2.1', { origin: 'x.test' })).toThrow(/no TTL/);
    expect(() => parseZoneFile('x 300 IN TYPE99 \\# 2 abcdef', { origin: 'x.test' })).toThrow(/length does not match/);
  });

  it('reads TTL units', () => {
    expect(parseTtl('1h30m')).toBe(5400);
    expect(parseTtl('2W')).toBe(1209600);
    expect(() => parseTtl('1x')).toThrow();
  });
});

describe('zoneToText', () => {
  it('round-trips the test zone through text', () => {
    const zone = parseZoneFile(text);
    const again = parseZoneFile(zoneToText(zone));
    expect(again.origin).toBe(zone.origin);
    expect(new Set(again.records.map((r) => JSON.stringify(r)))).toEqual(new Set(zone.records.map((r) => JSON.stringify(r))));
    expect(zoneToText(zone).split('\n')[1]).toMatch(/^example\.test\.\t3600\tIN\tSOA\t/);
  });

  it('round-trips every signed catalogue zone, RRSIG, NSEC and NSEC3 included, to the same wire data', async () => {
    const lab = await createLabDnsZones();
    for (const zone of lab.zones) {
      const again = parseZoneFile(zoneToText(zone));
      expect(again.origin).toBe(zone.origin);
      const wire = (records: typeof zone.records) =>
        records.map((r) => `${r.name.toLowerCase()} ${r.type} ${r.ttl} ${encodeRdata(r.data).toString('hex')}`).sort();
      expect(wire(again.records)).toEqual(wire(zone.records));
    }
  });
});

describe('txtZoneText', () => {
  it('splits long text into 255-byte character-strings that parse back to the same bytes', () => {
    const long = `v=DKIM1; k=rsa; p=${'A'.repeat(600)}"\\é`;
    const zone = parseZoneFile(`@ 300 IN TXT ${txtZoneText(long)}\n`, { origin: 'example.test' });
    const data = zone.records[0]?.data;
    if (data?.type !== 'TXT') throw new Error('no TXT record');
    expect(data.strings.map((s) => Buffer.from(s, 'utf8').length)).toEqual([255, 255, 112]);
    expect(data.strings.join('')).toBe(long);
    expect(txtZoneText('')).toBe('""');
  });
});
