import * as dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { createLabDnsZones, labDnsScenarios, labRootTrustAnchor } from './catalogue.js';
import { computeDs } from './keys.js';
import { createDnsResponder } from './responder.js';

function query(name: string, type: string): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id: 1,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: type as dnsPacket.RecordType, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: 1232,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: dnsPacket.DNSSEC_OK,
        flag_do: true,
        options: [],
      },
    ],
  });
}

const rcodeNames = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

describe('createLabDnsZones', () => {
  it('builds the whole signed catalogue in well under a second or two', async () => {
    const started = performance.now();
    const lab = await createLabDnsZones();
    const elapsed = performance.now() - started;
    console.log(`lab DNS catalogue: ${lab.zones.length} zones in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(3000);
    expect(lab.zones.map((z) => z.origin)).toEqual(expect.arrayContaining(['', 'test', 'secure-ecdsa.test', 'c.deep.test']));
    expect(lab.zones.map((z) => z.origin)).not.toContain('unhosted.test');
    expect(lab.keys.get('secure-ecdsa.test')?.map((k) => k.role)).toEqual(['ksk', 'zsk']);
    expect(lab.keys.get('insecure.test')).toBeUndefined();
  });

  it('uses the fixed root key, so the exported trust anchor matches', async () => {
    const lab = await createLabDnsZones();
    expect(lab.trustAnchor).toEqual(labRootTrustAnchor);
    const dnskey = labRootTrustAnchor.dnskeyRecord.data;
    if (dnskey.type !== 'DNSKEY') throw new Error('not a DNSKEY');
    expect(computeDs('', dnskey, 2)).toEqual(labRootTrustAnchor.dsRecord.data);
    expect(labRootTrustAnchor.ds).toMatch(/^\. IN DS \d+ 13 2 [0-9A-F]{64}$/);
    expect(labRootTrustAnchor.dnskey).toMatch(/^\. IN DNSKEY 257 3 13 \S+$/);
    const root = lab.zones.find((z) => z.origin === '');
    expect(root?.records.some((r) => r.type === 'DNSKEY' && JSON.stringify(r.data) === JSON.stringify(dnskey))).toBe(true);
  });

  it('can make a fresh root key instead', async () => {
    const lab = await createLabDnsZones({ freshRootKey: true });
    expect(lab.trustAnchor.ds).not.toBe(labRootTrustAnchor.ds);
  });

  it('gives every scenario its response code', async () => {
    const lab = await createLabDnsZones();
    const responder = createDnsResponder(lab.zones);
    const got = labDnsScenarios.map((s) => {
      const raw = responder.respond(query(s.name, s.type), { transport: 'stream' });
      return `${s.name} ${s.type} ${raw === undefined ? 'timeout' : rcodeNames[raw.readUInt16BE(2) & 0xf]}`;
    });
    expect(got).toEqual(labDnsScenarios.map((s) => `${s.name} ${s.type} ${s.rcode}`));
  });

  it('takes extra records (replacing RRsets) and extra zones, signed and delegated', async () => {
    const lab = await createLabDnsZones({
      extraRecords: [
        {
          name: '_25._tcp.mail.secure-ecdsa.test',
          type: 'TLSA',
          ttl: 60,
          data: { type: 'TLSA', usage: 3, selector: 1, matchingType: 1, certificateData: 'ff'.repeat(32) },
        },
        { name: 'new.secure-rsa.test', type: 'TXT', ttl: 60, data: { type: 'TXT', strings: ['hello'] } },
      ],
      extraZones: [{ origin: 'extra.test', content: 'www 300 IN A 192.0.2.99', dnssec: { algorithm: 15 } }],
    });
    const zone = (origin: string) => lab.zones.find((z) => z.origin === origin);
    const tlsa = zone('secure-ecdsa.test')?.records.filter((r) => r.name === '_25._tcp.mail.secure-ecdsa.test' && r.type === 'TLSA');
    expect(tlsa?.map((r) => r.data)).toEqual([{ type: 'TLSA', usage: 3, selector: 1, matchingType: 1, certificateData: 'ff'.repeat(32) }]);
    expect(zone('secure-rsa.test')?.records.some((r) => r.name === 'new.secure-rsa.test' && r.type === 'RRSIG')).toBe(true);
    expect(zone('test')?.records.some((r) => r.name === 'extra.test' && r.type === 'DS')).toBe(true);
    const responder = createDnsResponder(lab.zones);
    const raw = responder.respond(query('www.extra.test', 'A'), { transport: 'stream' });
    expect(raw === undefined ? [] : (dnsPacket.decode(raw).answers ?? []).map((a) => a.type)).toEqual(['A', 'RRSIG']);
  });

  it('refuses an extra record that no zone holds', async () => {
    await expect(
      createLabDnsZones({
        extraZones: [],
        extraRecords: [{ name: 'x.test', type: 'A', ttl: 1, data: { type: 'A', address: '300.1.1.1' } }],
      }),
    ).rejects.toThrow(/IPv4/);
  });
});
