/**
 * The lab's DNS world: a signed root `.`, a signed `test.` and a catalogue of scenario zones
 * under `.test`, each built to make a validator reach one particular verdict. Everything is
 * generated fresh (keys, signatures) except the root KSK, which is fixed so that the lab's trust
 * anchor is a constant that can be written into configs and docs.
 */
import type { Rcode, RecordType } from '@pastoe/core';
import { type DnssecKey, computeDs, dnskeyData, dnssecKeyFromPrivateKey, generateDnssecKey } from './keys.js';
import { LabDnsError, isInBailiwick, labelsOf, nameKey, normalizeName, toFqdn } from './names.js';
import { rdataToText } from './rdata.js';
import { type DenialOptions, type SigningFault, signZone } from './signer.js';
import type { Zone, ZoneRecord, ZoneServingFaults } from './zone.js';
import { parseZoneFile } from './zonefile.js';

/** How a catalogue zone is signed. */
export interface LabZoneSigning {
  /** The DNSSEC algorithm; one the lab cannot sign with (e.g. 253) gives random signatures. */
  readonly algorithm: number;
  /** A combined signing key (default) or a KSK and a ZSK. */
  readonly keys?: 'csk' | 'ksk-zsk';
  /** RSA modulus size for RSA algorithms. */
  readonly rsaBits?: number;
  /** NSEC (default) or NSEC3. */
  readonly denial?: DenialOptions;
  /** Deliberate signing faults. */
  readonly faults?: readonly SigningFault[];
  /** A fixed private key (PEM) for the KSK or CSK instead of a fresh one. */
  readonly fixedKeyPem?: string;
}

/** One zone of the lab's DNS world, before keys and signatures exist. */
export interface LabZoneSpec {
  /** The apex; `''` for the root. */
  readonly origin: string;
  /**
   * The zone's records, as zone-file text (relative names are relative to the origin) or as
   * records. A SOA, an NS `ns1.<origin>` and its glue are added when absent.
   */
  readonly content?: string | readonly ZoneRecord[];
  /** How to sign it; absent for an unsigned zone. */
  readonly dnssec?: LabZoneSigning;
  /**
   * What the parent publishes as DS: `valid` (default for signed zones), `none` (an insecure
   * delegation, the default for unsigned ones), `digest-mismatch` (right key tag, wrong digest)
   * or `absent-key` (a DS for a key the zone does not publish).
   */
  readonly parentDs?: 'valid' | 'none' | 'digest-mismatch' | 'absent-key';
  /** DS digest types for `valid`; default `[2]`. */
  readonly dsDigestTypes?: readonly number[];
  /** Deliberate serving faults. */
  readonly faults?: ZoneServingFaults;
  /** `false`: delegated by its parent but not served, so queries below it get a referral. */
  readonly hosted?: boolean;
}

/** A DNSSEC trust anchor in both forms validators take. */
export interface LabTrustAnchor {
  /** The DS in zone-file form, e.g. `. IN DS 12345 13 2 ABCD…`. */
  readonly ds: string;
  /** The DNSKEY in zone-file form, e.g. `. IN DNSKEY 257 3 13 base64…`. */
  readonly dnskey: string;
  /** The DS as a record. */
  readonly dsRecord: ZoneRecord;
  /** The DNSKEY as a record. */
  readonly dnskeyRecord: ZoneRecord;
}

/** What a validator should conclude for one question to the lab. */
export interface LabDnsScenario {
  /** The name to ask for. */
  readonly name: string;
  /** The type to ask for. */
  readonly type: RecordType;
  /** The response code the lab gives, or `timeout` when it stays silent. */
  readonly rcode: Rcode | 'timeout';
  /** The expected validation status. */
  readonly status: 'secure' | 'insecure' | 'bogus' | 'indeterminate';
  /** Why. */
  readonly reason: string;
}

/** Options for {@link createLabDnsZones}. */
export interface CreateLabDnsZonesOptions {
  /** The time signatures are made at; default now. */
  readonly now?: Date;
  /** More zones, or replacements for catalogue zones with the same origin. */
  readonly extraZones?: readonly LabZoneSpec[];
  /**
   * More records, each put in the deepest zone that contains it. A record replaces the
   * catalogue's RRset of the same name and type (records given together form one RRset).
   */
  readonly extraRecords?: readonly ZoneRecord[];
  /** Generate a fresh root KSK instead of using the fixed lab root key. */
  readonly freshRootKey?: boolean;
}

/** The lab's DNS world, ready to serve. */
export interface LabDnsZones {
  /** The hosted zones, signed where their spec says so. */
  readonly zones: readonly Zone[];
  /** The root trust anchor for these zones. */
  readonly trustAnchor: LabTrustAnchor;
  /** The scenario questions and the verdicts they should produce. */
  readonly scenarios: readonly LabDnsScenario[];
  /** The DNSSEC keys of each signed zone, by origin. */
  readonly keys: ReadonlyMap<string, readonly DnssecKey[]>;
}

/**
 * The lab root's fixed KSK (ECDSA P-256). It is not a secret: it only has to stay the same so
 * that {@link labRootTrustAnchor} is a constant.
 */
const labRootKskPem = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgEa4hIYCJ59ZbRNNQ
ihFL47hf0I2YG1p8JnyJmxqiGLehRANCAASE3LjiCdg2sPn0x4Yv89O/UpYWKxkC
OyVY4USwP5aU5Kyobqrc3C3eE7jMWfImSzOIcAHG5gVlAWff443iU6ZG
-----END PRIVATE KEY-----
`;

/** Builds the trust anchor forms for a KSK at an owner name. */
export function trustAnchorFor(owner: string, key: DnssecKey, digestType = 2): LabTrustAnchor {
  const dnskey = dnskeyData(key);
  const ds = computeDs(owner, dnskey, digestType);
  return {
    ds: `${toFqdn(owner)} IN DS ${rdataToText(ds)}`,
    dnskey: `${toFqdn(owner)} IN DNSKEY ${rdataToText(dnskey)}`,
    dsRecord: { name: owner, type: 'DS', ttl: 86400, data: ds },
    dnskeyRecord: { name: owner, type: 'DNSKEY', ttl: 86400, data: dnskey },
  };
}

/**
 * The trust anchor of the lab root (its fixed KSK), for configuring pastoe's validator or any
 * other (unbound's `trust-anchor`, delv's `-a`) against the lab.
 */
export const labRootTrustAnchor: LabTrustAnchor = {
  ds: '. IN DS 25401 13 2 607245AD1664A13654432EAD22FC93E50823E3ACE0EEEE9AC95E4311B7AA7ED6',
  dnskey: '. IN DNSKEY 257 3 13 hNy44gnYNrD59MeGL/PTv1KWFisZAjslWOFEsD+WlOSsqG6q3Nwt3hO4zFnyJksziHABxuYFZQFn3+ON4lOmRg==',
  dsRecord: {
    name: '',
    type: 'DS',
    ttl: 86400,
    data: {
      type: 'DS',
      keyTag: 25401,
      algorithm: 13,
      digestType: 2,
      digest: '607245ad1664a13654432ead22fc93e50823e3ace0eeee9ac95e4311b7aa7ed6',
    },
  },
  dnskeyRecord: {
    name: '',
    type: 'DNSKEY',
    ttl: 86400,
    data: {
      type: 'DNSKEY',
      flags: 257,
      protocol: 3,
      algorithm: 13,
      publicKey: 'hNy44gnYNrD59MeGL/PTv1KWFisZAjslWOFEsD+WlOSsqG6q3Nwt3hO4zFnyJksziHABxuYFZQFn3+ON4lOmRg==',
    },
  },
};

/** The public-looking addresses of the lab's name server (documentation ranges). */
const nsV4 = '192.0.2.53';
const nsV6 = '2001:db8::53';

/** The usual contents of a scenario zone: web, mail, SPF, DMARC, DANE and CAA records. */
function leafContent(origin: string, index: number, extra = ''): string {
  const hex = index.toString(16);
  return `
@        300 IN A     192.0.2.${index}
@        300 IN AAAA  2001:db8::${hex}
www      300 IN A     192.0.2.${index}
www      300 IN AAAA  2001:db8::${hex}
@        300 IN MX    10 mail
mail     300 IN A     198.51.100.${index}
mail     300 IN AAAA  2001:db8:1::${hex}
@        300 IN TXT   "v=spf1 mx -all"
_dmarc   300 IN TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@${origin}"
_25._tcp.mail 300 IN TLSA 3 1 1 ${'00'.repeat(31)}${index.toString(16).padStart(2, '0')}
@        300 IN CAA   0 issue "lab.test"
${extra}`;
}

function leaf(origin: string, index: number, rest: Omit<LabZoneSpec, 'origin' | 'content'> & { extra?: string } = {}): LabZoneSpec {
  const { extra, ...spec } = rest;
  return { origin, content: leafContent(origin, index, extra), ...spec };
}

const ecdsa: LabZoneSigning = { algorithm: 13, keys: 'ksk-zsk' };
const ed25519: LabZoneSigning = { algorithm: 15 };

const bigTxt = Array.from({ length: 8 }, (_, i) => `big 300 IN TXT "${String(i)}${'x'.repeat(199)}"`).join('\n');

/** The catalogue of zones, before signing. */
export const labZoneCatalogue: readonly LabZoneSpec[] = [
  {
    origin: '',
    content: `
@ 86400 IN SOA ns1.test. hostmaster.test. 1 1800 900 604800 86400
@ 518400 IN NS ns1.test.
`,
    dnssec: { algorithm: 13, keys: 'ksk-zsk', fixedKeyPem: labRootKskPem },
  },
  { origin: 'test', content: '', dnssec: ecdsa },
  leaf('secure-ecdsa.test', 10, {
    dnssec: ecdsa,
    extra: `
MiXeD    300 IN A     192.0.2.10
upper    300 IN MX    10 MAIL.SECURE-ECDSA.TEST.
alias    300 IN CNAME www.secure-ed25519.test.
_443._tcp.www 300 IN TLSA 3 1 1 ${'ab'.repeat(32)}
${bigTxt}`,
  }),
  leaf('secure-rsa.test', 11, { dnssec: { algorithm: 8, keys: 'csk', rsaBits: 2048 } }),
  leaf('secure-ed25519.test', 12, { dnssec: ed25519 }),
  leaf('secure-p384.test', 13, { dnssec: { algorithm: 14, keys: 'ksk-zsk' }, dsDigestTypes: [4] }),
  leaf('nsec3.test', 14, {
    dnssec: { algorithm: 13, denial: { kind: 'nsec3' } },
    extra: `
*.wild   300 IN A     192.0.2.14
a.b      300 IN A     192.0.2.14`,
  }),
  leaf('insecure.nsec3.test', 15),
  leaf('nsec3-salt.test', 16, { dnssec: { algorithm: 13, denial: { kind: 'nsec3', iterations: 10, salt: 'cafe0123' } } }),
  leaf('nsec3-optout.test', 17, { dnssec: { algorithm: 13, denial: { kind: 'nsec3', optOut: true } } }),
  leaf('child.nsec3-optout.test', 18),
  { origin: 'unhosted.nsec3-optout.test', hosted: false },
  leaf('nsec3-many-iterations.test', 19, { dnssec: { algorithm: 13, denial: { kind: 'nsec3', iterations: 200, salt: 'ab' } } }),
  leaf('insecure.test', 20),
  leaf('expired.test', 21, { dnssec: { algorithm: 13, faults: [{ kind: 'expired' }] } }),
  leaf('future.test', 22, { dnssec: { algorithm: 13, faults: [{ kind: 'not-yet-valid' }] } }),
  leaf('bad-sig.test', 23, { dnssec: { algorithm: 13, faults: [{ kind: 'bad-signature', name: 'bad-sig.test', type: 'A' }] } }),
  leaf('missing-rrsig.test', 24, { dnssec: { algorithm: 13, faults: [{ kind: 'missing-rrsig', name: 'missing-rrsig.test', type: 'A' }] } }),
  leaf('ds-mismatch.test', 25, { dnssec: ecdsa, parentDs: 'digest-mismatch' }),
  leaf('ds-absent-key.test', 26, { dnssec: ecdsa, parentDs: 'absent-key' }),
  leaf('unknown-algo.test', 27, { dnssec: { algorithm: 253 } }),
  leaf('deprecated-algo.test', 28, { dnssec: { algorithm: 5, rsaBits: 1024 } }),
  leaf('missing-nsec.test', 29, { dnssec: { algorithm: 13 }, faults: { omitDenialProofs: true } }),
  leaf('wildcard.test', 30, {
    dnssec: ecdsa,
    extra: `
*        300 IN A     192.0.2.30
*        300 IN TXT   "wildcard"
*.alias  300 IN CNAME www.wildcard.test.`,
  }),
  leaf('cname.test', 31, {
    dnssec: ed25519,
    extra: `
to-insecure  300 IN CNAME www.insecure.test.
to-secure    300 IN CNAME www.secure-ed25519.test.
chain        300 IN CNAME to-secure
to-nxdomain  300 IN CNAME nothing.secure-rsa.test.
to-bogus     300 IN CNAME bad-sig.test.
to-outside   300 IN CNAME www.example.com.
loop1        300 IN CNAME loop2
loop2        300 IN CNAME loop1`,
  }),
  leaf('deep.test', 32, { dnssec: ecdsa }),
  leaf('c.deep.test', 33, { dnssec: ed25519, extra: 'a.b 300 IN A 192.0.2.33\na.b 300 IN AAAA 2001:db8::33' }),
  leaf('servfail.test', 34, { faults: { failure: 'servfail' } }),
  leaf('timeout.test', 35, { faults: { failure: 'timeout' } }),
  leaf('lame.test', 36, { faults: { failure: 'refused' } }),
  leaf('flaky.test', 37, { dnssec: ecdsa, faults: { rcodeScript: ['SERVFAIL', 'NOERROR'] } }),
  leaf('slow.test', 38, { dnssec: ecdsa, faults: { delayMs: 1500 } }),
  { origin: 'unhosted.test', hosted: false },
];

const s = (name: string, type: RecordType, rcode: Rcode | 'timeout', status: LabDnsScenario['status'], reason: string): LabDnsScenario => ({
  name,
  type,
  rcode,
  status,
  reason,
});

/** The questions the catalogue is built for and what a validator should conclude. */
export const labDnsScenarios: readonly LabDnsScenario[] = [
  s('secure-ecdsa.test', 'A', 'NOERROR', 'secure', 'ECDSA P-256 KSK and ZSK, NSEC, DS digest SHA-256'),
  s('www.secure-ecdsa.test', 'AAAA', 'NOERROR', 'secure', 'plain positive answer'),
  s('nothing.secure-ecdsa.test', 'A', 'NXDOMAIN', 'secure', 'NSEC proves the name and the wildcard absent'),
  s('secure-ecdsa.test', 'SRV', 'NOERROR', 'secure', 'NODATA proven by the apex NSEC'),
  s('MiXeD.secure-ecdsa.test', 'A', 'NOERROR', 'secure', 'mixed-case owner: canonical form lowercases it'),
  s('upper.secure-ecdsa.test', 'MX', 'NOERROR', 'secure', 'upper-case MX target: canonical form lowercases names in MX RDATA'),
  s('big.secure-ecdsa.test', 'TXT', 'NOERROR', 'secure', 'about 1.7 kB: truncated over UDP, complete over TCP'),
  s('alias.secure-ecdsa.test', 'A', 'NOERROR', 'secure', 'CNAME to another secure zone'),
  s('secure-rsa.test', 'A', 'NOERROR', 'secure', 'RSA/SHA-256 2048-bit CSK'),
  s('secure-ed25519.test', 'A', 'NOERROR', 'secure', 'Ed25519 CSK'),
  s('secure-p384.test', 'A', 'NOERROR', 'secure', 'ECDSA P-384 KSK and ZSK, DS digest SHA-384 only'),
  s('nsec3.test', 'A', 'NOERROR', 'secure', 'NSEC3, 0 iterations, no salt'),
  s('nothing.nsec3.test', 'A', 'NXDOMAIN', 'secure', 'NSEC3 closest-encloser proof plus wildcard cover'),
  s('b.nsec3.test', 'A', 'NOERROR', 'secure', 'empty non-terminal: NODATA from its own NSEC3'),
  s('x.wild.nsec3.test', 'A', 'NOERROR', 'secure', 'wildcard expansion, NSEC3 covers the next closer name'),
  s('www.insecure.nsec3.test', 'A', 'NOERROR', 'insecure', 'unsigned child; the NSEC3 at the delegation has NS and no DS'),
  s('nsec3-salt.test', 'A', 'NOERROR', 'secure', 'NSEC3 with 10 iterations and a salt'),
  s('nothing.nsec3-salt.test', 'A', 'NXDOMAIN', 'secure', 'NSEC3 denial with iterations and salt'),
  s('nsec3-optout.test', 'A', 'NOERROR', 'secure', 'NSEC3 with opt-out'),
  s('www.child.nsec3-optout.test', 'A', 'NOERROR', 'insecure', 'unsigned child covered by an opt-out NSEC3'),
  s('www.unhosted.nsec3-optout.test', 'A', 'NOERROR', 'insecure', 'referral to an unhosted child; opt-out proves no DS'),
  s('nsec3-many-iterations.test', 'A', 'NOERROR', 'secure', 'positive answers need no NSEC3'),
  s(
    'nothing.nsec3-many-iterations.test',
    'A',
    'NXDOMAIN',
    'insecure',
    'NSEC3 with 200 iterations: RFC 9276 §3.2 lets validators treat such proofs as insecure (a validator without a limit says secure)',
  ),
  s('www.insecure.test', 'A', 'NOERROR', 'insecure', 'no DS in test.; the NSEC at the delegation proves it'),
  s('nothing.insecure.test', 'A', 'NXDOMAIN', 'insecure', 'unsigned zone'),
  s('expired.test', 'A', 'NOERROR', 'bogus', 'every RRSIG expired a day ago'),
  s('future.test', 'A', 'NOERROR', 'bogus', 'every RRSIG becomes valid tomorrow'),
  s('bad-sig.test', 'A', 'NOERROR', 'bogus', 'one byte of the apex A RRSIG is flipped'),
  s('www.bad-sig.test', 'A', 'NOERROR', 'secure', 'only the apex A RRset is broken'),
  s('missing-rrsig.test', 'A', 'NOERROR', 'bogus', 'the apex A RRset has no RRSIG in a signed zone'),
  s('www.missing-rrsig.test', 'A', 'NOERROR', 'secure', 'only the apex A RRset is unsigned'),
  s('ds-mismatch.test', 'A', 'NOERROR', 'bogus', 'the DS in test. has the right key tag but a wrong digest'),
  s('ds-absent-key.test', 'A', 'NOERROR', 'bogus', 'the DS in test. is for a key the zone does not publish'),
  s('unknown-algo.test', 'A', 'NOERROR', 'insecure', 'DS and DNSKEY use algorithm 253 only: no supported algorithm (RFC 4035 §5.2)'),
  s(
    'deprecated-algo.test',
    'A',
    'NOERROR',
    'secure',
    'RSASHA1 (algorithm 5): validators must still accept it (RFC 8624); one that disables SHA-1 says insecure',
  ),
  s('missing-nsec.test', 'A', 'NOERROR', 'secure', 'positive answers are signed normally'),
  s('nothing.missing-nsec.test', 'A', 'NXDOMAIN', 'bogus', 'NXDOMAIN from a signed zone without NSEC proof'),
  s('missing-nsec.test', 'SRV', 'NOERROR', 'bogus', 'NODATA from a signed zone without NSEC proof'),
  s('anything.wildcard.test', 'A', 'NOERROR', 'secure', 'wildcard expansion: RRSIG labels < owner labels, NSEC covers the name'),
  s('x.y.wildcard.test', 'TXT', 'NOERROR', 'secure', 'wildcard expansion two labels down'),
  s('anything.wildcard.test', 'MX', 'NOERROR', 'secure', 'wildcard NODATA: NSEC for the name and for the wildcard'),
  s('foo.alias.wildcard.test', 'A', 'NOERROR', 'secure', 'wildcard CNAME, followed to www.wildcard.test'),
  s('to-insecure.cname.test', 'A', 'NOERROR', 'insecure', 'secure CNAME to a name in an insecure zone'),
  s('to-secure.cname.test', 'A', 'NOERROR', 'secure', 'CNAME across two secure zones'),
  s('chain.cname.test', 'A', 'NOERROR', 'secure', 'two CNAMEs, then an A in another zone'),
  s('to-nxdomain.cname.test', 'A', 'NXDOMAIN', 'secure', 'CNAME to a name proven absent'),
  s('to-bogus.cname.test', 'A', 'NOERROR', 'bogus', 'CNAME to an RRset with a broken signature'),
  s('a.b.c.deep.test', 'A', 'NOERROR', 'secure', 'four zones deep (. test deep.test c.deep.test), b.c.deep.test is empty'),
  s('b.c.deep.test', 'A', 'NOERROR', 'secure', 'empty non-terminal NODATA'),
  s('www.unhosted.test', 'A', 'NOERROR', 'insecure', 'referral to a zone the lab does not host; NSEC proves no DS'),
  s('servfail.test', 'A', 'SERVFAIL', 'indeterminate', 'the zone always fails'),
  s('lame.test', 'A', 'REFUSED', 'indeterminate', 'the zone answers like a lame server'),
  s('timeout.test', 'A', 'timeout', 'indeterminate', 'the zone never answers'),
  s('slow.test', 'A', 'NOERROR', 'secure', 'every answer from the zone comes 1.5 s late: a shorter client timeout sees a timeout'),
  s('to-outside.cname.test', 'A', 'NXDOMAIN', 'secure', 'CNAME out of .test; the lab root proves the target absent'),
  s('example.com', 'A', 'NXDOMAIN', 'secure', 'the lab hosts its own root, which proves com. absent'),
];

interface BuiltZone {
  readonly spec: LabZoneSpec;
  readonly zone: Zone;
  readonly keys: readonly DnssecKey[];
}

function parentSpec(spec: LabZoneSpec, specs: readonly LabZoneSpec[]): LabZoneSpec | undefined {
  let best: LabZoneSpec | undefined;
  for (const other of specs) {
    if (other === spec || nameKey(other.origin) === nameKey(spec.origin)) continue;
    if (!isInBailiwick(spec.origin, other.origin)) continue;
    if (best === undefined || labelsOf(other.origin).length > labelsOf(best.origin).length) best = other;
  }
  return best;
}

function baseRecords(spec: LabZoneSpec, serial: number): ZoneRecord[] {
  const origin = spec.origin;
  const content = spec.content ?? '';
  const records = typeof content === 'string' ? [...parseZoneFile(content, { origin, defaultTtl: 300 }).records] : [...content];
  const atApex = (type: string): boolean => records.some((r) => r.type === type && nameKey(r.name) === nameKey(origin));
  const ns1 = origin === '' ? 'ns1' : `ns1.${origin}`;
  if (!atApex('SOA')) {
    records.unshift({
      name: origin,
      type: 'SOA',
      ttl: 3600,
      data: {
        type: 'SOA',
        mname: ns1,
        rname: origin === '' ? 'hostmaster' : `hostmaster.${origin}`,
        serial,
        refresh: 7200,
        retry: 3600,
        expire: 1209600,
        minimum: 300,
      },
    });
  } else {
    // The serial follows the build time so that resolvers see a fresh zone each run.
    const index = records.findIndex((r) => r.type === 'SOA');
    const soa = records[index] as ZoneRecord;
    if (soa.data.type === 'SOA') records[index] = { ...soa, data: { ...soa.data, serial } };
  }
  if (!atApex('NS')) {
    records.push({ name: origin, type: 'NS', ttl: 3600, data: { type: 'NS', target: ns1 } });
    if (!records.some((r) => nameKey(r.name) === nameKey(ns1))) {
      records.push({ name: ns1, type: 'A', ttl: 3600, data: { type: 'A', address: nsV4 } });
      records.push({ name: ns1, type: 'AAAA', ttl: 3600, data: { type: 'AAAA', address: nsV6 } });
    }
  }
  return records;
}

function replaceRRsets(records: readonly ZoneRecord[], replacements: readonly ZoneRecord[]): ZoneRecord[] {
  const replaced = new Set(replacements.map((r) => `${nameKey(normalizeName(r.name))}/${r.type}`));
  return [...records.filter((r) => !replaced.has(`${nameKey(r.name)}/${r.type}`)), ...replacements];
}

async function keysFor(spec: LabZoneSpec, freshRootKey: boolean): Promise<DnssecKey[]> {
  const signing = spec.dnssec;
  if (signing === undefined) return [];
  const split = (signing.keys ?? 'csk') === 'ksk-zsk';
  const fixed = signing.fixedKeyPem !== undefined && !(freshRootKey && spec.origin === '');
  const first =
    fixed && signing.fixedKeyPem !== undefined
      ? dnssecKeyFromPrivateKey({ algorithm: signing.algorithm, role: split ? 'ksk' : 'csk', privateKey: signing.fixedKeyPem })
      : await generateDnssecKey({ algorithm: signing.algorithm, role: split ? 'ksk' : 'csk', rsaBits: signing.rsaBits });
  if (!split) return [first];
  return [first, await generateDnssecKey({ algorithm: signing.algorithm, role: 'zsk', rsaBits: signing.rsaBits })];
}

/** The catalogue plus extra zones, with normalised origins; an extra zone replaces a catalogue zone of the same origin. */
function mergedSpecs(extraZones: readonly LabZoneSpec[] = []): LabZoneSpec[] {
  const byOrigin = new Map<string, LabZoneSpec>();
  for (const spec of [...labZoneCatalogue, ...extraZones]) {
    byOrigin.set(nameKey(normalizeName(spec.origin)), { ...spec, origin: normalizeName(spec.origin) });
  }
  return [...byOrigin.values()];
}

/** Puts each extra record in the deepest zone that contains it. */
function placeExtraRecords(specs: readonly LabZoneSpec[], extraRecords: readonly ZoneRecord[] = []): Map<LabZoneSpec, ZoneRecord[]> {
  const extras = new Map<LabZoneSpec, ZoneRecord[]>();
  for (const record of extraRecords) {
    const home = specs
      .filter((spec) => isInBailiwick(normalizeName(record.name), spec.origin))
      .sort((a, b) => labelsOf(b.origin).length - labelsOf(a.origin).length)[0];
    if (home === undefined) throw new LabDnsError(`no lab zone holds ${record.name}`);
    extras.set(home, [...(extras.get(home) ?? []), record]);
  }
  return extras;
}

/** One zone of the lab's DNS world before any key or signature exists, for signing with other tools. */
export interface LabUnsignedZone {
  /** The zone's spec (origin normalised): how it should be signed, what its parent publishes as DS, its faults. */
  readonly spec: LabZoneSpec;
  /**
   * The zone's records: its content with SOA, NS and glue added, and the NS and glue of its
   * child zones; no DNSKEY, DS, RRSIG, NSEC or NSEC3. `faults` holds the serving faults.
   */
  readonly zone: Zone;
  /** The origin of the parent zone; absent for the root. */
  readonly parent?: string;
  /** The origins of the zones delegated from this one (hosted or not). */
  readonly children: readonly string[];
}

/**
 * The lab's DNS world unsigned: the same zones {@link createLabDnsZones} builds, with their
 * delegations but without keys, DS records or signatures, so that an independent signer (BIND's
 * dnssec-signzone, ldns, Knot) can sign them and a test can compare validators on the result.
 * Zones with `hosted: false` are included (their parents delegate to them); the caller decides
 * whether to serve them.
 */
export function createUnsignedLabZones(options: Omit<CreateLabDnsZonesOptions, 'freshRootKey'> = {}): LabUnsignedZone[] {
  const serial = Math.floor((options.now ?? new Date()).getTime() / 1000) >>> 0;
  const specs = mergedSpecs(options.extraZones);
  const extras = placeExtraRecords(specs, options.extraRecords);
  const parents = new Map(specs.map((spec) => [spec, parentSpec(spec, specs)]));
  return specs.map((spec) => {
    const children = specs.filter((c) => parents.get(c) === spec);
    let records = replaceRRsets(baseRecords(spec, serial), extras.get(spec) ?? []);
    for (const child of children) {
      // No keys: the delegation gets its NS and glue only; the caller adds the DS records.
      records = replaceRRsets(records, delegationRecords(child, undefined, [], undefined, serial));
    }
    const zone: Zone = spec.faults === undefined ? { origin: spec.origin, records } : { origin: spec.origin, records, faults: spec.faults };
    const parent = parents.get(spec)?.origin;
    return { spec, zone, ...(parent === undefined ? {} : { parent }), children: children.map((c) => c.origin) };
  });
}

/**
 * Builds the whole lab DNS world fresh: keys, the catalogue zones (plus any extras), delegations
 * with DS records as each spec asks, and signatures. Keys are made in parallel; with the default
 * catalogue this takes well under a second.
 */
export async function createLabDnsZones(options: CreateLabDnsZonesOptions = {}): Promise<LabDnsZones> {
  const now = options.now ?? new Date();
  const serial = Math.floor(now.getTime() / 1000) >>> 0;
  const specs = mergedSpecs(options.extraZones);
  const freshRootKey = options.freshRootKey ?? false;

  const keyList = await Promise.all(specs.map((spec) => keysFor(spec, freshRootKey)));
  const keys = new Map(specs.map((spec, i) => [spec, keyList[i] ?? []]));
  // A key the child never publishes, for `absent-key` DS records.
  const strayKeys = new Map<LabZoneSpec, DnssecKey>();
  await Promise.all(
    specs
      .filter((spec) => spec.parentDs === 'absent-key' && spec.dnssec !== undefined)
      .map(async (spec) => {
        strayKeys.set(
          spec,
          await generateDnssecKey({ algorithm: spec.dnssec?.algorithm ?? 13, role: 'ksk', rsaBits: spec.dnssec?.rsaBits }),
        );
      }),
  );

  const extras = placeExtraRecords(specs, options.extraRecords);

  const parents = new Map(specs.map((spec) => [spec, parentSpec(spec, specs)]));
  const built = new Map<LabZoneSpec, BuiltZone>();
  const ordered = [...specs].sort((a, b) => labelsOf(b.origin).length - labelsOf(a.origin).length);
  for (const spec of ordered) {
    let records = replaceRRsets(baseRecords(spec, serial), extras.get(spec) ?? []);
    for (const child of specs.filter((c) => parents.get(c) === spec)) {
      records = replaceRRsets(records, delegationRecords(child, built.get(child), keys.get(child) ?? [], strayKeys.get(child), serial));
    }
    const zoneKeys = keys.get(spec) ?? [];
    const unsigned: Zone =
      spec.faults === undefined ? { origin: spec.origin, records } : { origin: spec.origin, records, faults: spec.faults };
    const zone =
      spec.dnssec === undefined
        ? unsigned
        : signZone(unsigned, {
            keys: zoneKeys,
            now,
            ...(spec.dnssec.denial === undefined ? {} : { denial: spec.dnssec.denial }),
            ...(spec.dnssec.faults === undefined ? {} : { faults: spec.dnssec.faults }),
          });
    built.set(spec, { spec, zone, keys: zoneKeys });
  }

  const root = specs.find((spec) => spec.origin === '');
  const rootKsk = (root === undefined ? [] : (keys.get(root) ?? [])).find((k) => k.role !== 'zsk');
  if (rootKsk === undefined) throw new LabDnsError('the lab catalogue needs a signed root');
  return {
    zones: ordered.filter((spec) => spec.hosted !== false).map((spec) => (built.get(spec) as BuiltZone).zone),
    trustAnchor: trustAnchorFor('', rootKsk),
    scenarios: labDnsScenarios,
    keys: new Map([...built.values()].filter((b) => b.keys.length > 0).map((b) => [b.spec.origin, b.keys])),
  };
}

/** The NS, glue and DS records a parent publishes for a child zone. */
function delegationRecords(
  child: LabZoneSpec,
  built: BuiltZone | undefined,
  childKeys: readonly DnssecKey[],
  strayKey: DnssecKey | undefined,
  serial: number,
): ZoneRecord[] {
  const childRecords = built?.zone.records ?? baseRecords(child, serial);
  const ns = childRecords.filter((r) => r.type === 'NS' && nameKey(r.name) === nameKey(child.origin));
  const glue = ns.flatMap((n) => {
    if (n.data.type !== 'NS') return [];
    const target = n.data.target;
    if (!isInBailiwick(target, child.origin)) return [];
    return childRecords.filter((r) => (r.type === 'A' || r.type === 'AAAA') && nameKey(r.name) === nameKey(target));
  });
  const records: ZoneRecord[] = [...ns.map((r) => ({ ...r, ttl: 86400 })), ...glue];
  const mode = child.dnssec === undefined ? 'none' : (child.parentDs ?? 'valid');
  const sep = childKeys.filter((k) => k.role !== 'zsk');
  const dsOf = (key: DnssecKey, digestType: number): ZoneRecord => ({
    name: child.origin,
    type: 'DS',
    ttl: 86400,
    data: computeDs(child.origin, dnskeyData(key), digestType),
  });
  if (mode === 'valid') {
    for (const key of sep) for (const digestType of child.dsDigestTypes ?? [2]) records.push(dsOf(key, digestType));
  } else if (mode === 'digest-mismatch') {
    for (const key of sep) {
      const ds = dsOf(key, 2);
      if (ds.data.type !== 'DS') continue;
      const digest = Buffer.from(ds.data.digest, 'hex');
      digest[0] = (digest[0] as number) ^ 0xff;
      records.push({ ...ds, data: { ...ds.data, digest: digest.toString('hex') } });
    }
  } else if (mode === 'absent-key' && strayKey !== undefined) {
    records.push(dsOf(strayKey, 2));
  }
  return records;
}
