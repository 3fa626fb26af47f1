/**
 * pastoe's codec and transports against the lab's DNS server, which encodes with dns-packet:
 * an independent implementation, so agreement here checks both sides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DnsServerHandle, encodeRdata, generateDnssecKey, parseZoneFile, signZone, startDnsServer, type Zone } from '@pastoe/lab';
import type { RecordData } from '../../../core/src/dns/types.js';
import { loopbackNetwork } from '../../../core/src/dns/test-support/servers.js';
import { type ClosableResolver, createResolver } from '../../../core/src/dns/resolver/create-resolver.js';

const zoneText = `
$ORIGIN example.test.
$TTL 300
@             SOA   ns1 hostmaster 2024010101 7200 900 1209600 300
@             NS    ns1
ns1           A     192.0.2.53
@             A     192.0.2.1
@             AAAA  2001:db8::1
@             MX    10 mail
mail          A     192.0.2.25
@             TXT   "v=spf1 -all" "second string"
www           CNAME @
_sip._tcp     SRV   1 2 5060 sip
sip           A     192.0.2.60
@             CAA   0 issue "ca.example"
_25._tcp.mail TLSA  3 1 1 ${'ab'.repeat(32)}
old           DNAME new.example.test.
`;

const network = loopbackNetwork();
let server: DnsServerHandle;
let zone: Zone;
const resolvers: ClosableResolver[] = [];

beforeAll(async () => {
  const key = await generateDnssecKey({ algorithm: 13 });
  zone = signZone(parseZoneFile(zoneText), { keys: [key] });
  server = await startDnsServer({ zones: [zone] });
});

afterAll(async () => {
  await Promise.all(resolvers.map((r) => r.close()));
  await server?.close();
});

function specs(): Record<string, string> {
  return {
    udp: `udp://${server.udp.ip}:${server.udp.port}`,
    tcp: `tcp://${server.tcp.ip}:${server.tcp.port}`,
    doh: server.dohUrl,
  };
}

function resolverFor(kind: string): ClosableResolver {
  const spec = specs()[kind] ?? '';
  const resolver = createResolver(spec, { network, cache: false, retries: 0, tls: { ca: server.caCertificatePem } });
  resolvers.push(resolver);
  return resolver;
}

/** The RRsets of the zone, as `name type` keys with their data. */
function rrsets(): Map<string, RecordData[]> {
  const sets = new Map<string, RecordData[]>();
  for (const record of zone.records) {
    const key = `${record.name} ${record.type}`;
    sets.set(key, [...(sets.get(key) ?? []), record.data]);
  }
  return sets;
}

const sortData = (list: readonly RecordData[]): string[] => list.map((d) => JSON.stringify(d)).sort();

describe.each(['udp', 'tcp', 'doh'])('against the lab server over %s', (kind) => {
  it('decodes every RRset of a signed zone exactly as the lab holds it', async () => {
    const resolver = resolverFor(kind);
    for (const [key, expected] of rrsets()) {
      const [name = '', type = ''] = key.split(' ');
      if (type === 'RRSIG' || type === 'CNAME' || type === 'DNAME') continue;
      const result = await resolver.query({ name, type: type as 'A' });
      if (!result.ok) throw new Error(`${key}: ${result.error.code} ${result.error.message}`);
      const records = result.message.answers.filter((r) => r.name === name && r.type === type);
      expect(sortData(records.map((r) => r.data)), key).toEqual(sortData(expected));
      // `wire` is the RDATA as sent, uncompressed: what dns-packet encodes for the same data.
      expect(records.map((r) => r.wire).sort(), `${key} wire`).toEqual(expected.map((d) => encodeRdata(d).toString('hex')).sort());
      // With DO set, the RRset comes with its signature, identical to the zone's.
      const sigs = result.message.answers.filter((r) => r.type === 'RRSIG' && r.name === name).map((r) => r.data);
      const zoneSigs = (rrsets().get(`${name} RRSIG`) ?? []).filter((d) => d.type === 'RRSIG' && d.typeCovered === type);
      expect(sortData(sigs), `${key} RRSIG`).toEqual(sortData(zoneSigs));
    }
  });

  it('shows NXDOMAIN with an SOA and NSEC proof', async () => {
    const result = await resolverFor(kind).query({ name: 'nope.example.test', type: 'A' });
    expect(result.ok && result.message.rcode).toBe('NXDOMAIN');
    if (!result.ok) return;
    expect(result.message.authority.some((r) => r.type === 'SOA')).toBe(true);
    expect(result.message.authority.some((r) => r.type === 'NSEC')).toBe(true);
  });

  it('leaves the CNAME chain in the answer', async () => {
    const result = await resolverFor(kind).query({ name: 'www.example.test', type: 'A' });
    expect(result.ok && result.message.answers.find((r) => r.type === 'CNAME')?.data).toEqual({ type: 'CNAME', target: 'example.test' });
  });
});
