import { describe, expect, it } from 'vitest';
import { typeBitmapOf } from '../dns/wire/type-bitmap.js';
import { classifyCutNsec, type NsecRecord, nsecCovers, proveNameErrorNsec, proveNoDataNsec, proveWildcardAnswerNsec } from './denial.js';
import { Nsec3Prover, type Nsec3Record, nsec3FromRecord, nsec3HashLabel } from './nsec3.js';
import { fromHex } from './rdata.js';
import { T, typeNumber } from './rrtypes.js';
import { rr } from './test-support/zones.js';
import type { WorkBudget } from './verify.js';

function nsec(owner: string, next: string, ...types: string[]): NsecRecord {
  return { owner, next, types: new Set(types.map((t) => typeNumber(t) ?? 0)) };
}

// The NSEC chain of the RFC 4035 Appendix A example zone.
const chain = [
  nsec('example', 'a.example', 'NS', 'SOA', 'MX', 'RRSIG', 'NSEC', 'DNSKEY'),
  nsec('a.example', 'ai.example', 'NS', 'DS', 'RRSIG', 'NSEC'),
  nsec('ai.example', 'b.example', 'A', 'TYPE13', 'AAAA', 'RRSIG', 'NSEC'),
  nsec('b.example', 'ns1.example', 'NS', 'RRSIG', 'NSEC'),
  nsec('ns1.example', 'ns2.example', 'A', 'RRSIG', 'NSEC'),
  nsec('ns2.example', '*.w.example', 'A', 'RRSIG', 'NSEC'),
  nsec('*.w.example', 'x.w.example', 'MX', 'RRSIG', 'NSEC'),
  nsec('x.w.example', 'x.y.w.example', 'MX', 'RRSIG', 'NSEC'),
  nsec('x.y.w.example', 'xx.example', 'MX', 'RRSIG', 'NSEC'),
  nsec('xx.example', 'example', 'A', 'TYPE13', 'AAAA', 'RRSIG', 'NSEC'),
];

describe('NSEC coverage and proofs (RFC 4035 §5.4, Appendix B)', () => {
  it('covers names between owner and next, including the wrap to the apex', () => {
    expect(nsecCovers(chain[5] as NsecRecord, 'ns3.example')).toBe(true);
    expect(nsecCovers(chain[5] as NsecRecord, 'ns2.example')).toBe(false);
    expect(nsecCovers(chain[9] as NsecRecord, 'z.example')).toBe(true);
    expect(nsecCovers(chain[9] as NsecRecord, 'a.example')).toBe(false);
    // The last NSEC wraps to the apex; names outside the zone are never covered.
    expect(nsecCovers(chain[9] as NsecRecord, 'aaa')).toBe(false);
    expect(nsecCovers(chain[9] as NsecRecord, 'z.other')).toBe(false);
  });

  it('does not let a delegation NSEC cover names below the cut (RFC 6840 §4.1)', () => {
    expect(nsecCovers(chain[3] as NsecRecord, 'x.b.example')).toBe(false);
    expect(nsecCovers(chain[1] as NsecRecord, 'z.a.example')).toBe(false);
  });

  it('proves the B.2 name error for ml.example', () => {
    expect(proveNameErrorNsec(chain, 'ml.example', 'example')).toEqual({ kind: 'proven' });
  });

  it('needs the wildcard denial as well as the name denial', () => {
    expect(proveNameErrorNsec([chain[3] as NsecRecord], 'ml.example', 'example')).toMatchObject({ kind: 'bogus', reason: 'nsec-missing' });
    expect(proveNameErrorNsec([], 'ml.example', 'example')).toMatchObject({ kind: 'bogus', reason: 'nsec-missing' });
  });

  it('calls an NXDOMAIN bogus when the wildcard that would answer exists', () => {
    expect(proveNameErrorNsec(chain, 'z.w.example', 'example')).toMatchObject({ kind: 'bogus' });
  });

  it('proves the B.3 no-data answer for ns1.example MX', () => {
    expect(proveNoDataNsec(chain, 'ns1.example', 15, 'example')).toEqual({ kind: 'proven' });
    expect(proveNoDataNsec(chain, 'ns1.example', 1, 'example')).toMatchObject({ kind: 'bogus' });
  });

  it('proves no data at an empty non-terminal (y.w.example)', () => {
    expect(proveNoDataNsec(chain, 'y.w.example', 1, 'example')).toEqual({ kind: 'proven' });
  });

  it('proves the B.7 wildcard no-data answer for a.z.w.example AAAA', () => {
    expect(proveNoDataNsec(chain, 'a.z.w.example', 28, 'example')).toEqual({ kind: 'proven' });
    expect(proveNoDataNsec(chain, 'a.z.w.example', 15, 'example')).toMatchObject({ kind: 'bogus' });
  });

  it('accepts the parent-side NSEC as a DS denial but not the child apex NSEC (B.8)', () => {
    expect(proveNoDataNsec(chain, 'b.example', T.DS, 'example')).toEqual({ kind: 'proven' });
    expect(proveNoDataNsec([nsec('a.example', 'x', 'SOA', 'NS', 'NSEC')], 'a.example', T.DS, 'a.example')).toMatchObject({ kind: 'bogus' });
    expect(proveNoDataNsec(chain, 'b.example', 1, 'example')).toMatchObject({ kind: 'bogus' });
  });

  it('proves the B.6 wildcard expansion for a.z.w.example MX', () => {
    expect(proveWildcardAnswerNsec(chain, 'a.z.w.example', 'w.example')).toEqual({ kind: 'proven' });
    // x.w.example exists, so x.w.example's children may not come from *.example.
    expect(proveWildcardAnswerNsec(chain, 'a.x.w.example', 'example')).toMatchObject({ kind: 'bogus' });
  });

  it('classifies DS probes: insecure delegation, not a cut, empty non-terminal, no such name', () => {
    expect(classifyCutNsec(chain, 'b.example')).toMatchObject({ kind: 'insecure-delegation' });
    expect(classifyCutNsec(chain, 'ns1.example')).toEqual({ kind: 'not-a-cut' });
    expect(classifyCutNsec(chain, 'w.example')).toEqual({ kind: 'not-a-cut' });
    expect(classifyCutNsec(chain, 'nope.example')).toEqual({ kind: 'no-name' });
    expect(classifyCutNsec(chain, 'a.example')).toMatchObject({ kind: 'bogus' });
  });
});

describe('NSEC3 hashing (RFC 5155 Appendix A: salt aabbccdd, 12 iterations)', () => {
  const vectors: [string, string][] = [
    ['example', '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom'],
    ['a.example', '35mthgpgcu1qg68fab165klnsnk3dpvl'],
    ['ai.example', 'gjeqe526plbf1g8mklp59enfd789njgi'],
    ['ns1.example', '2t7b4g4vsa5smi47k61mv5bv1a22bojr'],
    ['ns2.example', 'q04jkcevqvmu85r014c7dkba38o0ji5r'],
    ['w.example', 'k8udemvp1j2f7eg6jebps17vp3n8i58h'],
    ['*.w.example', 'r53bq7cc2uvmubfu5ocmm6pers9tk9en'],
    ['x.w.example', 'b4um86eghhds6nea196smvmlo4ors995'],
    ['y.w.example', 'ji6neoaepv8b5o6k4ev33abha8ht9fgc'],
    ['x.y.w.example', '2vptu5timamqttgl4luu9kg21e0aor3s'],
    ['xx.example', 't644ebqk9bibcna874givr6joj62mlhv'],
    ['2t7b4g4vsa5smi47k61mv5bv1a22bojr.example', 'kohar7mbb8dc2ce8a9qvl8hon4k53uhi'],
  ];
  const salt = fromHex('aabbccdd') ?? new Uint8Array();
  for (const [name, hash] of vectors) {
    it(`H(${name}) = ${hash}`, () => {
      expect(nsec3HashLabel(name, salt, 12)).toBe(hash);
      expect(nsec3HashLabel(name.toUpperCase(), salt, 12)).toBe(hash);
    });
  }
});

describe('NSEC3 proofs over the RFC 5155 Appendix A zone', () => {
  // The NSEC3 chain of the example zone; every record has Opt-Out set.
  const zone: [string, string, string[]][] = [
    ['0p9mhaveqvm6t7vbl5lop2u3t2rp3tom', '2t7b4g4vsa5smi47k61mv5bv1a22bojr', ['MX', 'DNSKEY', 'NS', 'SOA', 'NSEC3PARAM', 'RRSIG']],
    ['2t7b4g4vsa5smi47k61mv5bv1a22bojr', '2vptu5timamqttgl4luu9kg21e0aor3s', ['A', 'RRSIG']],
    ['2vptu5timamqttgl4luu9kg21e0aor3s', '35mthgpgcu1qg68fab165klnsnk3dpvl', ['MX', 'RRSIG']],
    ['35mthgpgcu1qg68fab165klnsnk3dpvl', 'b4um86eghhds6nea196smvmlo4ors995', ['NS', 'DS', 'RRSIG']],
    ['b4um86eghhds6nea196smvmlo4ors995', 'gjeqe526plbf1g8mklp59enfd789njgi', ['MX', 'RRSIG']],
    ['gjeqe526plbf1g8mklp59enfd789njgi', 'ji6neoaepv8b5o6k4ev33abha8ht9fgc', ['A', 'TYPE13', 'AAAA', 'RRSIG']],
    ['ji6neoaepv8b5o6k4ev33abha8ht9fgc', 'k8udemvp1j2f7eg6jebps17vp3n8i58h', []],
    ['k8udemvp1j2f7eg6jebps17vp3n8i58h', 'kohar7mbb8dc2ce8a9qvl8hon4k53uhi', []],
    ['kohar7mbb8dc2ce8a9qvl8hon4k53uhi', 'q04jkcevqvmu85r014c7dkba38o0ji5r', ['A', 'RRSIG']],
    ['q04jkcevqvmu85r014c7dkba38o0ji5r', 'r53bq7cc2uvmubfu5ocmm6pers9tk9en', ['A', 'RRSIG']],
    ['r53bq7cc2uvmubfu5ocmm6pers9tk9en', 't644ebqk9bibcna874givr6joj62mlhv', ['MX', 'RRSIG']],
    ['t644ebqk9bibcna874givr6joj62mlhv', '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom', ['A', 'TYPE13', 'AAAA', 'RRSIG']],
  ];
  const records = (optOut: boolean, iterations = 12, hashAlgorithm = 1): Nsec3Record[] =>
    zone.map(([owner, next, types]) => {
      const parsed = nsec3FromRecord(
        rr(`${owner}.example`, {
          type: 'NSEC3',
          hashAlgorithm,
          flags: optOut ? 1 : 0,
          iterations,
          salt: 'aabbccdd',
          nextHashedOwner: next,
          typeBitmap: typeBitmapOf(types),
        }),
      );
      if (parsed === undefined) throw new Error('bad NSEC3');
      return parsed;
    });
  const budget = (): WorkBudget => ({ signatureChecks: 100, nsec3Hashes: 100, records: 10_000, signaturesVerified: 0 });
  const prover = (optOut = false, iterations = 12): Nsec3Prover => new Nsec3Prover(records(optOut, iterations), 'example', budget(), 150);

  it('proves the B.1 name error for a.c.x.w.example', () => {
    expect(prover().proveNameError('a.c.x.w.example')).toEqual({ kind: 'proven' });
  });

  it('makes the B.1 name error insecure when the next closer name is in an opt-out span', () => {
    expect(prover(true).proveNameError('a.c.x.w.example')).toMatchObject({ kind: 'insecure', reason: 'nsec3-optout' });
  });

  it('proves the B.2 no-data answer for ns1.example MX and the B.2.1 empty non-terminal y.w.example', () => {
    expect(prover().proveNoData('ns1.example', 15)).toEqual({ kind: 'proven' });
    expect(prover().proveNoData('y.w.example', 1)).toEqual({ kind: 'proven' });
    expect(prover().proveNoData('ns1.example', 1)).toMatchObject({ kind: 'bogus' });
  });

  it('proves the B.4 wildcard expansion for a.z.w.example', () => {
    expect(prover().proveWildcardAnswer('a.z.w.example', 'w.example')).toEqual({ kind: 'proven' });
  });

  it('proves the B.5 wildcard no-data answer for a.z.w.example AAAA', () => {
    expect(prover().proveNoData('a.z.w.example', 28)).toEqual({ kind: 'proven' });
    expect(prover().proveNoData('a.z.w.example', 15)).toMatchObject({ kind: 'bogus' });
  });

  it('proves the B.3 opt-out referral as an insecure DS denial for mc.c.example', () => {
    expect(prover(true).proveNoData('c.example', T.DS)).toMatchObject({ kind: 'insecure', reason: 'nsec3-optout' });
    expect(prover(true).classifyCut('c.example')).toMatchObject({ kind: 'opt-out' });
    expect(prover(false).classifyCut('c.example')).toEqual({ kind: 'no-name' });
  });

  it('covers hashes below the first owner with the last NSEC3 of the chain (wrap-around)', () => {
    const first = '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom';
    const salt = fromHex('aabbccdd') ?? new Uint8Array();
    let low: string | undefined;
    for (let i = 0; i < 5000 && low === undefined; i++) {
      if (nsec3HashLabel(`n${i}.example`, salt, 12) < first) low = `n${i}.example`;
    }
    expect(low).toBeDefined();
    expect(prover(true).classifyCut(low ?? '')).toMatchObject({ kind: 'opt-out' });
    expect(prover(false).classifyCut(low ?? '')).toEqual({ kind: 'no-name' });
  });

  it('classifies the secure delegation a.example and the name ai.example', () => {
    expect(prover().classifyCut('a.example')).toMatchObject({ kind: 'bogus' });
    expect(prover().classifyCut('ai.example')).toEqual({ kind: 'not-a-cut' });
  });

  it('treats too many iterations and unknown hash algorithms as insecure (RFC 9276, RFC 5155 §8.1)', () => {
    const many = new Nsec3Prover(records(false, 12), 'example', budget(), 10);
    expect(many.proveNameError('a.c.x.w.example')).toMatchObject({ kind: 'insecure', reason: 'nsec3-iterations-too-high' });
    const unknown = new Nsec3Prover(records(false, 12, 2), 'example', budget(), 150);
    expect(unknown.proveNoData('ns1.example', 15)).toMatchObject({ kind: 'insecure', reason: 'nsec3-unsupported-hash' });
  });

  it('stops hashing when the budget is spent (CVE-2023-50868)', () => {
    const small: WorkBudget = { signatureChecks: 100, nsec3Hashes: 2, records: 10_000, signaturesVerified: 0 };
    const bounded = new Nsec3Prover(records(false), 'example', small, 150);
    expect(bounded.proveNameError('a.b.c.d.e.f.example')).toMatchObject({ kind: 'limit' });
  });
});
