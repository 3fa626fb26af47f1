import * as dnsPacket from 'dns-packet';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase32Hex } from './encoding.js';
import { type LabDnsZones, createLabDnsZones } from './catalogue.js';
import { compareNames } from './names.js';
import { type DnsResponder, createDnsResponder } from './responder.js';
import { nsec3Hash } from './signer.js';

interface Loose {
  name: string;
  type: string;
  ttl?: number;
  data?: unknown;
  udpPayloadSize?: number;
  extendedRcode?: number;
  flags?: number;
  options?: { code: number; data: Buffer }[];
}

interface QueryOptions {
  dnssecOk?: boolean;
  edns?: boolean;
  udpSize?: number;
  ednsVersion?: number;
  id?: number;
  flags?: number;
}

function query(name: string, type: string, options: QueryOptions = {}): Buffer {
  const edns = options.edns ?? true;
  return dnsPacket.encode({
    type: 'query',
    id: options.id ?? 4242,
    flags: options.flags ?? dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: type as dnsPacket.RecordType, class: 'IN' }],
    additionals: edns
      ? [
          {
            type: 'OPT',
            name: '.',
            udpPayloadSize: options.udpSize ?? 1232,
            extendedRcode: 0,
            ednsVersion: options.ednsVersion ?? 0,
            flags: (options.dnssecOk ?? true) ? dnsPacket.DNSSEC_OK : 0,
            flag_do: options.dnssecOk ?? true,
            options: [],
          },
        ]
      : [],
  });
}

interface Reply {
  raw: Buffer;
  id: number;
  rcode: number;
  qr: boolean;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
  questions: { name: string; type: string }[];
  answers: Loose[];
  authority: Loose[];
  additional: Loose[];
  opt: Loose | undefined;
}

function parse(raw: Buffer): Reply {
  const packet = dnsPacket.decode(raw);
  const flags = raw.readUInt16BE(2);
  const additionals = (packet.additionals ?? []) as Loose[];
  const opt = additionals.find((a) => a.type === 'OPT');
  return {
    raw,
    id: raw.readUInt16BE(0),
    rcode: (flags & 0xf) | ((opt?.extendedRcode ?? 0) << 4),
    qr: (flags & 0x8000) !== 0,
    aa: (flags & 0x400) !== 0,
    tc: (flags & 0x200) !== 0,
    rd: (flags & 0x100) !== 0,
    ra: (flags & 0x80) !== 0,
    ad: (flags & 0x20) !== 0,
    cd: (flags & 0x10) !== 0,
    questions: (packet.questions ?? []).map((q) => ({ name: q.name, type: q.type })),
    answers: (packet.answers ?? []) as Loose[],
    authority: (packet.authorities ?? []) as Loose[],
    additional: additionals.filter((a) => a.type !== 'OPT'),
    opt,
  };
}

const NOERROR = 0;
const FORMERR = 1;
const SERVFAIL = 2;
const NXDOMAIN = 3;
const NOTIMP = 4;
const REFUSED = 5;

let lab: LabDnsZones;
let responder: DnsResponder;

function ask(name: string, type: string, options: QueryOptions & { transport?: 'udp' | 'stream' } = {}): Reply {
  const raw = responder.respond(query(name, type, options), { transport: options.transport ?? 'stream' });
  if (raw === undefined) throw new Error(`no answer for ${name} ${type}`);
  return parse(raw);
}

function dataOf(record: Loose | undefined): unknown {
  if (record === undefined) throw new Error('record missing');
  return record.data;
}

function ofType(records: Loose[], type: string): Loose[] {
  return records.filter((r) => r.type === type);
}

interface NsecData {
  nextDomain: string;
  rrtypes: string[];
}

/** True when an NSEC proves `name` absent: owner < name < next, with wrap-around at the apex. */
function nsecCovers(nsec: Loose, name: string): boolean {
  const data = nsec.data as NsecData;
  const afterOwner = compareNames(nsec.name, name) < 0;
  const beforeNext = compareNames(name, data.nextDomain) < 0;
  const wraps = compareNames(data.nextDomain, nsec.name) <= 0;
  return afterOwner && (beforeNext || wraps);
}

interface Nsec3Data {
  algorithm: number;
  flags: number;
  iterations: number;
  salt: Buffer;
  nextDomain: Buffer;
  rrtypes: string[];
}

function nsec3Owner(nsec3: Loose): string {
  return nsec3.name.split('.')[0]?.toLowerCase() ?? '';
}

function nsec3Covers(nsec3: Loose, name: string): boolean {
  const data = nsec3.data as Nsec3Data;
  const hash = nsec3Hash(name, data.salt.toString('hex'), data.iterations);
  const owner = nsec3Owner(nsec3);
  const next = toBase32Hex(data.nextDomain);
  return next > owner ? owner < hash && hash < next : hash > owner || hash < next;
}

function nsec3Matches(nsec3: Loose, name: string): boolean {
  const data = nsec3.data as Nsec3Data;
  return nsec3Owner(nsec3) === nsec3Hash(name, data.salt.toString('hex'), data.iterations);
}

beforeAll(async () => {
  lab = await createLabDnsZones();
  responder = createDnsResponder(lab.zones);
});

describe('answers', () => {
  it('answers with RRSIGs when DO is set, never AD or AA, RA and RD as a resolver would', () => {
    const reply = ask('secure-ecdsa.test', 'A');
    expect(reply).toMatchObject({ id: 4242, rcode: NOERROR, qr: true, aa: false, ad: false, ra: true, rd: true, tc: false });
    expect(ofType(reply.answers, 'A').map((r) => r.data)).toEqual(['192.0.2.10']);
    expect(ofType(reply.answers, 'RRSIG')).toHaveLength(1);
    expect(reply.opt).toMatchObject({ udpPayloadSize: 1232 });
    expect((reply.opt?.flags ?? 0) & dnsPacket.DNSSEC_OK).toBe(dnsPacket.DNSSEC_OK);
  });

  it('leaves DNSSEC records out without DO, and the OPT record out without EDNS', () => {
    const noDo = ask('secure-ecdsa.test', 'A', { dnssecOk: false });
    expect(ofType(noDo.answers, 'RRSIG')).toHaveLength(0);
    expect((noDo.opt?.flags ?? 0) & dnsPacket.DNSSEC_OK).toBe(0);
    const noEdns = ask('secure-ecdsa.test', 'A', { edns: false });
    expect(noEdns.opt).toBeUndefined();
    expect(ofType(noEdns.answers, 'A')).toHaveLength(1);
  });

  it('echoes the question as asked and the CD bit', () => {
    const reply = ask('SeCuRe-EcDsA.TeSt', 'A', { flags: dnsPacket.RECURSION_DESIRED | dnsPacket.CHECKING_DISABLED });
    expect(reply.questions).toEqual([{ name: 'SeCuRe-EcDsA.TeSt', type: 'A' }]);
    expect(reply.cd).toBe(true);
    expect(ofType(reply.answers, 'A')).toHaveLength(1);
  });

  it('serves mixed-case data as stored', () => {
    const reply = ask('upper.secure-ecdsa.test', 'MX');
    expect(ofType(reply.answers, 'MX')[0]?.data).toEqual({ preference: 10, exchange: 'MAIL.SECURE-ECDSA.TEST' });
  });
});

describe('denial of existence', () => {
  it('NXDOMAIN with SOA and NSEC records covering the name and the wildcard', () => {
    const reply = ask('nothing.secure-ecdsa.test', 'A');
    expect(reply.rcode).toBe(NXDOMAIN);
    expect(reply.answers).toHaveLength(0);
    expect(ofType(reply.authority, 'SOA')).toHaveLength(1);
    const nsecs = ofType(reply.authority, 'NSEC');
    expect(nsecs.some((n) => nsecCovers(n, 'nothing.secure-ecdsa.test'))).toBe(true);
    expect(nsecs.some((n) => nsecCovers(n, '*.secure-ecdsa.test'))).toBe(true);
    // Each NSEC and the SOA come with their RRSIG.
    expect(ofType(reply.authority, 'RRSIG')).toHaveLength(nsecs.length + 1);
  });

  it('NODATA with the NSEC of the name, which lacks the type', () => {
    const reply = ask('secure-ecdsa.test', 'SRV');
    expect(reply.rcode).toBe(NOERROR);
    expect(reply.answers).toHaveLength(0);
    const [nsec] = ofType(reply.authority, 'NSEC');
    expect(nsec?.name).toBe('secure-ecdsa.test');
    expect((dataOf(nsec) as NsecData).rrtypes).not.toContain('SRV');
  });

  it('NODATA for an empty non-terminal, proven by the covering NSEC', () => {
    const reply = ask('b.c.deep.test', 'A');
    expect(reply.rcode).toBe(NOERROR);
    const nsecs = ofType(reply.authority, 'NSEC');
    expect(nsecs.some((n) => nsecCovers(n, 'b.c.deep.test'))).toBe(true);
  });

  it('NSEC3 NXDOMAIN: closest encloser match, next closer cover, wildcard cover', () => {
    const reply = ask('x.nothing.nsec3.test', 'A');
    expect(reply.rcode).toBe(NXDOMAIN);
    const nsec3s = ofType(reply.authority, 'NSEC3');
    expect(nsec3s.some((n) => nsec3Matches(n, 'nsec3.test'))).toBe(true);
    expect(nsec3s.some((n) => nsec3Covers(n, 'nothing.nsec3.test'))).toBe(true);
    expect(nsec3s.some((n) => nsec3Covers(n, '*.nsec3.test'))).toBe(true);
  });

  it('NSEC3 with salt and iterations uses the zone parameters', () => {
    const reply = ask('nothing.nsec3-salt.test', 'A');
    const nsec3s = ofType(reply.authority, 'NSEC3');
    expect((dataOf(nsec3s[0]) as Nsec3Data).iterations).toBe(10);
    expect(nsec3s.some((n) => nsec3Matches(n, 'nsec3-salt.test'))).toBe(true);
    expect(nsec3s.some((n) => nsec3Covers(n, 'nothing.nsec3-salt.test'))).toBe(true);
  });

  it('NSEC3 NODATA for an empty non-terminal matches its own NSEC3', () => {
    const reply = ask('b.nsec3.test', 'A');
    expect(reply.rcode).toBe(NOERROR);
    const [nsec3] = ofType(reply.authority, 'NSEC3');
    expect(nsec3 !== undefined && nsec3Matches(nsec3, 'b.nsec3.test')).toBe(true);
    expect((dataOf(nsec3) as Nsec3Data).rrtypes).toEqual([]);
  });
});

describe('delegations and DS', () => {
  it('answers DS from the parent side of the cut, signed by the parent', () => {
    const reply = ask('secure-ecdsa.test', 'DS');
    expect(ofType(reply.answers, 'DS')).toHaveLength(1);
    const [sig] = ofType(reply.answers, 'RRSIG');
    expect((dataOf(sig) as { signersName: string }).signersName).toBe('test');
  });

  it('proves an insecure delegation with the NSEC at the cut (NS, no DS)', () => {
    const reply = ask('insecure.test', 'DS');
    expect(reply.rcode).toBe(NOERROR);
    expect(reply.answers).toHaveLength(0);
    const [nsec] = ofType(reply.authority, 'NSEC');
    expect(nsec?.name).toBe('insecure.test');
    expect((dataOf(nsec) as NsecData).rrtypes).toEqual(['NS', 'RRSIG', 'NSEC']);
  });

  it('proves an insecure delegation with NSEC3 (matching, NS only) and with opt-out (covering)', () => {
    const plain = ofType(ask('insecure.nsec3.test', 'DS').authority, 'NSEC3');
    expect(plain.some((n) => nsec3Matches(n, 'insecure.nsec3.test') && (n.data as Nsec3Data).rrtypes.join() === 'NS')).toBe(true);
    const optOut = ofType(ask('child.nsec3-optout.test', 'DS').authority, 'NSEC3');
    expect(optOut.some((n) => nsec3Matches(n, 'nsec3-optout.test'))).toBe(true);
    const cover = optOut.find((n) => nsec3Covers(n, 'child.nsec3-optout.test'));
    expect(cover && (cover.data as Nsec3Data).flags & 1).toBe(1);
  });

  it('gives a referral with glue below a delegation the lab does not host', () => {
    const reply = ask('www.unhosted.test', 'A');
    expect(reply.rcode).toBe(NOERROR);
    expect(reply.answers).toHaveLength(0);
    expect(ofType(reply.authority, 'NS').map((r) => r.data)).toEqual(['ns1.unhosted.test']);
    expect(ofType(reply.authority, 'NSEC')[0]?.name).toBe('unhosted.test');
    expect(reply.additional.map((r) => `${r.name} ${r.type}`)).toEqual(['ns1.unhosted.test A', 'ns1.unhosted.test AAAA']);
  });

  it('answers from the deepest hosted zone across four levels', () => {
    const reply = ask('a.b.c.deep.test', 'A');
    expect(ofType(reply.answers, 'A').map((r) => r.data)).toEqual(['192.0.2.33']);
    expect((dataOf(ofType(reply.answers, 'RRSIG')[0]) as { signersName: string }).signersName).toBe('c.deep.test');
    expect((dataOf(ofType(ask('c.deep.test', 'DS').answers, 'RRSIG')[0]) as { signersName: string }).signersName).toBe('deep.test');
    expect(ofType(ask('test', 'DS').answers, 'DS')).toHaveLength(1);
    expect(ask('', 'DNSKEY').answers.filter((r) => r.type === 'DNSKEY')).toHaveLength(2);
  });
});

describe('CNAME and wildcards', () => {
  it('follows a CNAME chain across zones and includes every link', () => {
    const reply = ask('chain.cname.test', 'A');
    expect(reply.answers.filter((r) => r.type !== 'RRSIG').map((r) => `${r.name} ${r.type}`)).toEqual([
      'chain.cname.test CNAME',
      'to-secure.cname.test CNAME',
      'www.secure-ed25519.test A',
    ]);
    expect(ofType(reply.answers, 'RRSIG')).toHaveLength(3);
  });

  it('ends a chain in NXDOMAIN with the target zone proof', () => {
    const reply = ask('to-nxdomain.cname.test', 'A');
    expect(reply.rcode).toBe(NXDOMAIN);
    expect(ofType(reply.answers, 'CNAME')).toHaveLength(1);
    expect(ofType(reply.authority, 'NSEC').some((n) => nsecCovers(n, 'nothing.secure-rsa.test'))).toBe(true);
  });

  it('stops at a loop and at a target outside the lab', () => {
    expect(ofType(ask('loop1.cname.test', 'A').answers, 'CNAME')).toHaveLength(2);
    // The lab hosts its own root, so a target outside .test is proven absent by the root.
    const outside = ask('to-outside.cname.test', 'A');
    expect(outside.rcode).toBe(NXDOMAIN);
    expect(ofType(outside.answers, 'CNAME')).toHaveLength(1);
    expect(ofType(outside.authority, 'NSEC').some((n) => nsecCovers(n, 'www.example.com'))).toBe(true);
    // Without the root, the chain just ends where the lab ends.
    const withoutRoot = createDnsResponder(lab.zones.filter((z) => z.origin !== '' && z.origin !== 'test'));
    const ended = parse(withoutRoot.respond(query('to-outside.cname.test', 'A'), { transport: 'stream' }) as Buffer);
    expect(ended.rcode).toBe(NOERROR);
    expect(ofType(ended.answers, 'CNAME')).toHaveLength(1);
  });

  it('answers CNAME queries with the CNAME itself', () => {
    const reply = ask('to-secure.cname.test', 'CNAME');
    expect(reply.answers.filter((r) => r.type !== 'RRSIG').map((r) => r.type)).toEqual(['CNAME']);
  });

  it('expands a wildcard with the RRSIG labels of the wildcard and an NSEC for the name', () => {
    const reply = ask('anything.wildcard.test', 'A');
    expect(ofType(reply.answers, 'A')[0]).toMatchObject({ name: 'anything.wildcard.test', data: '192.0.2.30' });
    const [sig] = ofType(reply.answers, 'RRSIG');
    expect(sig?.name).toBe('anything.wildcard.test');
    expect((dataOf(sig) as { labels: number }).labels).toBe(2);
    expect(ofType(reply.authority, 'NSEC').some((n) => nsecCovers(n, 'anything.wildcard.test'))).toBe(true);
  });

  it('gives wildcard NODATA with the NSEC of the wildcard', () => {
    const reply = ask('anything.wildcard.test', 'MX');
    expect(reply.rcode).toBe(NOERROR);
    expect(reply.answers).toHaveLength(0);
    expect(ofType(reply.authority, 'NSEC').map((n) => n.name)).toContain('*.wildcard.test');
  });

  it('follows a wildcard CNAME and keeps its proof', () => {
    const reply = ask('foo.alias.wildcard.test', 'A');
    expect(reply.answers.filter((r) => r.type !== 'RRSIG').map((r) => `${r.name} ${r.type}`)).toEqual([
      'foo.alias.wildcard.test CNAME',
      'www.wildcard.test A',
    ]);
    expect(ofType(reply.authority, 'NSEC').some((n) => nsecCovers(n, 'foo.alias.wildcard.test'))).toBe(true);
  });

  it('expands an NSEC3 wildcard with a cover for the next closer name', () => {
    const reply = ask('x.wild.nsec3.test', 'A');
    expect((dataOf(ofType(reply.answers, 'RRSIG')[0]) as { labels: number }).labels).toBe(3);
    expect(ofType(reply.authority, 'NSEC3').some((n) => nsec3Covers(n, 'x.wild.nsec3.test'))).toBe(true);
  });
});

describe('sizes and malformed queries', () => {
  it('truncates over UDP to the EDNS size (or 512) and sets TC; streams get everything', () => {
    const small = ask('big.secure-ecdsa.test', 'TXT', { transport: 'udp' });
    expect(small.tc).toBe(true);
    expect(small.answers).toHaveLength(0);
    expect(small.raw.length).toBeLessThanOrEqual(1232);
    expect(ask('big.secure-ecdsa.test', 'TXT', { transport: 'udp', edns: false }).tc).toBe(true);
    const large = ask('big.secure-ecdsa.test', 'TXT', { transport: 'udp', udpSize: 4096 });
    expect(large.tc).toBe(false);
    expect(ofType(large.answers, 'TXT')).toHaveLength(8);
    expect(ofType(ask('big.secure-ecdsa.test', 'TXT', { transport: 'stream' }).answers, 'TXT')).toHaveLength(8);
    const plain = ask('secure-ecdsa.test', 'A', { transport: 'udp', edns: false });
    expect(plain.tc).toBe(false);
  });

  it('refuses names in no hosted zone and classes other than IN', () => {
    // With the lab root hosted, every name is in some zone: example.com is a signed NXDOMAIN.
    expect(ask('example.com', 'A').rcode).toBe(NXDOMAIN);
    const withoutRoot = createDnsResponder(lab.zones.filter((z) => z.origin !== ''));
    expect(parse(withoutRoot.respond(query('example.com', 'A'), { transport: 'udp' }) as Buffer).rcode).toBe(REFUSED);
    const chaos = dnsPacket.encode({ type: 'query', id: 7, questions: [{ name: 'version.bind', type: 'TXT', class: 'CH' }] });
    expect(parse(responder.respond(chaos, { transport: 'udp' }) as Buffer).rcode).toBe(REFUSED);
  });

  it('answers garbage with FORMERR and drops what cannot be answered', () => {
    const garbage = Buffer.from('1234000100000000000000ff03ff', 'hex');
    const reply = parse(responder.respond(garbage, { transport: 'udp' }) as Buffer);
    expect(reply.rcode).toBe(FORMERR);
    expect(reply.id).toBe(0x1234);
    expect(responder.respond(Buffer.from([1, 2, 3]), { transport: 'udp' })).toBeUndefined();
    const response = Buffer.from(query('secure-ecdsa.test', 'A'));
    response[2] = (response[2] as number) | 0x80;
    expect(responder.respond(response, { transport: 'udp' })).toBeUndefined();
    for (let i = 0; i < 500; i++) {
      const random = Buffer.alloc(12 + (i % 60));
      for (let j = 0; j < random.length; j++) random[j] = (i * 7919 + j * 104729) & 0xff;
      random[2] = (random[2] as number) & 0x7f;
      expect(() => responder.respond(random, { transport: 'udp' })).not.toThrow();
    }
  });

  it('FORMERR for two questions, BADVERS for EDNS version 1, NOTIMP for other opcodes and AXFR', () => {
    const two = dnsPacket.encode({
      type: 'query',
      id: 9,
      questions: [
        { name: 'a.test', type: 'A' },
        { name: 'b.test', type: 'A' },
      ],
    });
    expect(parse(responder.respond(two, { transport: 'udp' }) as Buffer).rcode).toBe(FORMERR);
    const badvers = ask('secure-ecdsa.test', 'A', { ednsVersion: 1 });
    expect(badvers.rcode).toBe(16);
    expect(ask('secure-ecdsa.test', 'A', { flags: 4 << 11 }).rcode).toBe(NOTIMP);
    expect(ask('secure-ecdsa.test', 'AXFR').rcode).toBe(NOTIMP);
  });
});

describe('faults', () => {
  it('SERVFAIL with an Extended DNS Error, REFUSED when lame, silence for timeout', () => {
    const servfail = ask('servfail.test', 'A');
    expect(servfail.rcode).toBe(SERVFAIL);
    expect(servfail.opt?.options?.[0]?.code).toBe(15);
    expect(ask('www.lame.test', 'A').rcode).toBe(REFUSED);
    expect(responder.respond(query('timeout.test', 'A'), { transport: 'udp' })).toBeUndefined();
    // The parent still answers for the cut.
    expect(ask('servfail.test', 'DS').rcode).toBe(NOERROR);
  });

  it('stays silent for the names and types a zone lists as silent, and answers the rest', () => {
    const soa = {
      type: 'SOA' as const,
      mname: 'ns.lab',
      rname: 'hostmaster.lab',
      serial: 1,
      refresh: 60,
      retry: 60,
      expire: 60,
      minimum: 0,
    };
    const own = createDnsResponder([
      {
        origin: 'silent.test',
        records: [
          { name: 'silent.test', type: 'SOA', ttl: 60, data: soa },
          { name: 'txt.silent.test', type: 'TXT', ttl: 60, data: { type: 'TXT', strings: ['v=spf1 -all'] } },
          { name: 'my  macro.silent.test', type: 'A', ttl: 60, data: { type: 'A', address: '192.0.2.1' } },
        ],
        faults: { silent: [{ name: 'TXT.silent.test', type: 'A' }, { name: 'gone.silent.test' }] },
      },
    ]);
    const reply = (name: string, type: string) => own.respond(query(name, type), { transport: 'udp' });
    expect(reply('txt.silent.test', 'A')).toBeUndefined();
    expect(reply('gone.silent.test', 'TXT')).toBeUndefined();
    expect(parse(reply('txt.silent.test', 'TXT') as Buffer).answers).toHaveLength(1);
    // A label may hold spaces (RFC 2181 §11), as SPF's %_ macro builds them.
    expect(parse(reply('my  macro.silent.test', 'A') as Buffer).answers).toHaveLength(1);
  });

  it('hands out scripted rcodes in turn', () => {
    const own = createDnsResponder(lab.zones);
    const rcodes = [0, 1, 2, 3].map(() => parse(own.respond(query('flaky.test', 'A'), { transport: 'udp' }) as Buffer).rcode);
    expect(rcodes).toEqual([SERVFAIL, NOERROR, SERVFAIL, NOERROR]);
  });

  it('leaves NSEC out of negative answers of missing-nsec.test but signs the rest', () => {
    const nx = ask('nothing.missing-nsec.test', 'A');
    expect(nx.rcode).toBe(NXDOMAIN);
    expect(ofType(nx.authority, 'SOA')).toHaveLength(1);
    expect(ofType(nx.authority, 'NSEC')).toHaveLength(0);
    expect(ofType(ask('missing-nsec.test', 'A').answers, 'RRSIG')).toHaveLength(1);
  });

  it('serves the signing faults as signed', () => {
    const now = Date.now() / 1000;
    const expired = ofType(ask('expired.test', 'A').answers, 'RRSIG')[0]?.data as { expiration: number };
    expect(expired.expiration).toBeLessThan(now);
    const future = ofType(ask('future.test', 'A').answers, 'RRSIG')[0]?.data as { inception: number };
    expect(future.inception).toBeGreaterThan(now);
    expect(ofType(ask('missing-rrsig.test', 'A').answers, 'RRSIG')).toHaveLength(0);
    expect(ofType(ask('www.missing-rrsig.test', 'A').answers, 'RRSIG')).toHaveLength(1);
    const unknown = ask('unknown-algo.test', 'DS');
    expect((dataOf(ofType(unknown.answers, 'DS')[0]) as { algorithm: number }).algorithm).toBe(253);
  });

  it('publishes DS records that do not match for ds-mismatch and ds-absent-key', () => {
    const dnskeys = (name: string) => ofType(ask(name, 'DNSKEY').answers, 'DNSKEY');
    const ds = (name: string) => ofType(ask(name, 'DS').answers, 'DS')[0]?.data as { keyTag: number; digest: Buffer };
    const mismatch = ds('ds-mismatch.test');
    expect(lab.keys.get('ds-mismatch.test')?.map((k) => k.keyTag)).toContain(mismatch.keyTag);
    const absent = ds('ds-absent-key.test');
    expect(lab.keys.get('ds-absent-key.test')?.map((k) => k.keyTag)).not.toContain(absent.keyTag);
    expect(dnskeys('ds-absent-key.test')).toHaveLength(2);
  });
});
