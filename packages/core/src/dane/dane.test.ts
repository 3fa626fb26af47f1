import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsRecord } from '../dns/types.js';
import { parseCertificate, tryParseCertificate } from '../x509/certificate.js';
import { chainSignatures } from '../x509/signatures.js';
import { openTestPki, type TestCertificate, type TestPki } from '../x509/test-support/openssl.js';
import { type DaneInput, evaluateDane } from './evaluate.js';
import { judgeDaneExists, judgeDaneRollover, judgeDaneValid } from './judge.js';
import { type TlsaRecord, tlsaAssociation, tlsaMatches, tlsaRecords } from './tlsa.js';

let pki: TestPki;
let root: TestCertificate;
let intermediate: TestCertificate;
let leaf: TestCertificate;
let otherLeaf: TestCertificate;
beforeAll(() => {
  pki = openTestPki();
  root = pki.make({ key: 'rsa-2048', ca: true, cn: 'DANE Root' });
  intermediate = pki.make({ key: 'ec-p256', ca: true, cn: 'DANE Intermediate', issuer: root });
  leaf = pki.make({ key: 'ec-p256', dns: ['mx.example.nl'], issuer: intermediate, days: 10 });
  otherLeaf = pki.make({ key: 'ec-p256', dns: ['mx.example.nl'], issuer: intermediate });
});
afterAll(() => pki.close());

const sha = (algorithm: 'sha256' | 'sha512', data: Uint8Array) => createHash(algorithm).update(data).digest('hex');
const spkiOf = (cert: TestCertificate) => new X509Certificate(cert.der).publicKey.export({ type: 'spki', format: 'der' });
const tlsa = (usage: number, selector: number, matchingType: number, certificateData: string): TlsaRecord => ({
  usage,
  selector,
  matchingType,
  certificateData,
});
const chainOf = (...certs: TestCertificate[]) => certs.map((c) => c.der);

/** The input a probe gives: the chain and which of its certificates signed which. */
function input(records: TlsaRecord[], overrides: Partial<DaneInput> = {}): DaneInput {
  const chain = overrides.chain ?? chainOf(leaf, intermediate);
  const signedBy = chainSignatures(
    chain.map((entry) => (typeof entry === 'string' || entry instanceof Uint8Array ? tryParseCertificate(entry) : entry)),
  );
  return { service: 'mail', tlsa: { records, dnssec: 'secure' }, chain, signedBy, now: new Date(), ...overrides };
}

describe('TLSA matching', () => {
  it('computes all six selector / matching-type associations, as node:crypto sees the key', () => {
    const cert = parseCertificate(leaf.der);
    const spki = spkiOf(leaf);
    expect(Buffer.from(cert.spki).equals(spki)).toBe(true);
    expect(tlsaAssociation(cert, 0, 0)).toBe(leaf.der.toString('hex'));
    expect(tlsaAssociation(cert, 0, 1)).toBe(sha('sha256', leaf.der));
    expect(tlsaAssociation(cert, 0, 2)).toBe(sha('sha512', leaf.der));
    expect(tlsaAssociation(cert, 1, 0)).toBe(spki.toString('hex'));
    expect(tlsaAssociation(cert, 1, 1)).toBe(sha('sha256', spki));
    expect(tlsaAssociation(cert, 1, 2)).toBe(sha('sha512', spki));
    expect(tlsaAssociation(cert, 2, 1)).toBeUndefined();
    expect(tlsaAssociation(cert, 0, 3)).toBeUndefined();
    expect(tlsaMatches(tlsa(3, 1, 1, sha('sha256', spki).toUpperCase().toLowerCase()), cert)).toBe(true);
    expect(tlsaMatches(tlsa(3, 1, 1, sha('sha256', spkiOf(otherLeaf))), cert)).toBe(false);
  });

  it('reads TLSA records from DNS answers, skipping other types', () => {
    const records: DnsRecord[] = [
      {
        name: '_25._tcp.mx.example.nl',
        type: 'TLSA',
        class: 'IN',
        ttl: 300,
        data: { type: 'TLSA', usage: 3, selector: 1, matchingType: 1, certificateData: 'AB' },
      },
      { name: '_25._tcp.mx.example.nl', type: 'CNAME', class: 'IN', ttl: 300, data: { type: 'CNAME', target: 'x.example.nl' } },
    ];
    expect(tlsaRecords(records)).toEqual([tlsa(3, 1, 1, 'ab')]);
  });
});

describe('evaluateDane existence', () => {
  const ee = () => tlsa(3, 1, 1, sha('sha256', spkiOf(leaf)));

  it('needs a DNSSEC-secure answer', () => {
    expect(evaluateDane(input([ee()])).exists).toBe('good');
    expect(evaluateDane(input([ee()], { tlsa: { records: [ee()], dnssec: 'insecure' } })).exists).toBe('bad');
    expect(evaluateDane(input([ee()], { tlsa: { records: [ee()], dnssec: 'bogus' } })).exists).toBe('bogus');
    expect(evaluateDane(input([], { tlsa: { records: [], dnssec: 'bogus' } })).exists).toBe('bogus');
    expect(evaluateDane(input([], { tlsa: { records: [], dnssec: 'secure' } })).exists).toBe('bad');
    expect(evaluateDane(input([ee()], { tlsa: { records: [ee()], dnssec: 'dnserror' } })).exists).toBe('bad');
    expect(evaluateDane(input([ee()], { denialBogus: true })).exists).toBe('bogus');
  });

  it('ignores PKIX usages for mail but not for web', () => {
    const pkixEe = tlsa(1, 1, 1, sha('sha256', spkiOf(leaf)));
    expect(evaluateDane(input([pkixEe])).exists).toBe('bad');
    expect(evaluateDane(input([pkixEe], { service: 'web', pkixValid: true })).exists).toBe('good');
  });
});

describe('evaluateDane validity', () => {
  it('DANE-EE matches the leaf and ignores names and expiry', () => {
    const result = evaluateDane(input([tlsa(3, 0, 2, sha('sha512', leaf.der))], { now: new Date(Date.now() + 400 * 86400_000) }));
    expect(result).toMatchObject({ exists: 'good', valid: 'good' });
    expect(evaluateDane(input([tlsa(3, 1, 1, sha('sha256', spkiOf(otherLeaf)))])).valid).toBe('bad');
  });

  it('DANE-TA needs the anchor in the chain, a verifying path and current certificates', () => {
    const taIntermediate = tlsa(2, 1, 1, sha('sha256', spkiOf(intermediate)));
    expect(evaluateDane(input([taIntermediate])).valid).toBe('good');
    const taRoot = tlsa(2, 0, 1, sha('sha256', root.der));
    expect(evaluateDane(input([taRoot], { chain: chainOf(leaf, intermediate, root) })).valid).toBe('good');
    // Out of order still verifies.
    expect(evaluateDane(input([taRoot], { chain: chainOf(leaf, root, intermediate) })).valid).toBe('good');
    const missing = evaluateDane(input([taRoot]));
    expect(missing).toMatchObject({ valid: 'bad', outcomes: [{ valid: false, reason: 'no-match' }] });
    const expired = evaluateDane(input([taIntermediate], { now: new Date(Date.now() + 20 * 86400_000) }));
    expect(expired).toMatchObject({ valid: 'bad', outcomes: [{ reason: 'expired' }] });
    // The path comes from the probe's signature checks: evidence without them verifies no path.
    const { signedBy: _, ...unchecked } = input([taIntermediate]);
    expect(evaluateDane(unchecked)).toMatchObject({ valid: 'bad', outcomes: [{ reason: 'chain-does-not-verify' }] });
  });

  it('DANE-TA fails when the anchor did not issue the chain', () => {
    const stranger = pki.make({ key: 'ec-p256', ca: true, cn: 'Stranger CA' });
    const ta = tlsa(2, 1, 1, sha('sha256', spkiOf(stranger)));
    const result = evaluateDane(input([ta], { chain: chainOf(leaf, intermediate, stranger) }));
    expect(result).toMatchObject({ valid: 'bad', outcomes: [{ reason: 'chain-does-not-verify' }] });
  });

  it('DANE-TA pointing at the leaf itself is not an anchor unless the leaf is self-signed', () => {
    const result = evaluateDane(input([tlsa(2, 1, 1, sha('sha256', spkiOf(leaf)))]));
    expect(result).toMatchObject({ valid: 'bad', outcomes: [{ reason: 'ta-not-in-chain' }] });
    const selfSigned = pki.make({ key: 'ec-p256', dns: ['mx.example.nl'] });
    expect(evaluateDane(input([tlsa(2, 0, 1, sha('sha256', selfSigned.der))], { chain: chainOf(selfSigned) })).valid).toBe('good');
  });

  it('PKIX usages need the PKIX verification too (web)', () => {
    const pkixEe = tlsa(1, 1, 1, sha('sha256', spkiOf(leaf)));
    const pkixTa = tlsa(0, 0, 1, sha('sha256', intermediate.der));
    expect(evaluateDane(input([pkixEe], { service: 'web', pkixValid: true })).valid).toBe('good');
    expect(evaluateDane(input([pkixEe], { service: 'web', pkixValid: false })).outcomes[0]?.reason).toBe('pkix-invalid');
    expect(evaluateDane(input([pkixTa], { service: 'web', pkixValid: true })).valid).toBe('good');
  });

  it('is valid when any record validates, and fails a set of unusable records', () => {
    const good = tlsa(3, 1, 1, sha('sha256', spkiOf(leaf)));
    const stale = tlsa(3, 1, 1, sha('sha256', spkiOf(otherLeaf)));
    expect(evaluateDane(input([stale, good])).valid).toBe('good');
    const unusable = evaluateDane(input([tlsa(3, 2, 1, 'aa'), tlsa(3, 1, 9, 'bb')]));
    expect(unusable).toMatchObject({
      exists: 'good',
      valid: 'bad',
      outcomes: [{ reason: 'unsupported-parameters' }, { reason: 'unsupported-parameters' }],
    });
  });

  it('is not tested without a chain', () => {
    expect(evaluateDane(input([tlsa(3, 1, 1, 'aa')], { chain: [] })).valid).toBe('not-tested');
  });
});

describe('evaluateDane rollover', () => {
  const ee = (cert: TestCertificate) => tlsa(3, 1, 1, sha('sha256', spkiOf(cert)));
  const ta = tlsa(2, 1, 1, 'ab');

  it('needs two DANE-EE records, or DANE-EE with DANE-TA', () => {
    expect(evaluateDane(input([ee(leaf), ee(otherLeaf)])).rollover).toBe('good');
    expect(evaluateDane(input([ee(leaf), ta])).rollover).toBe('good');
    expect(evaluateDane(input([ee(leaf)])).rollover).toBe('bad');
    expect(evaluateDane(input([ta, tlsa(2, 1, 1, 'cd')])).rollover).toBe('bad');
    expect(evaluateDane(input([ee(leaf), tlsa(1, 1, 1, 'cd')])).rollover).toBe('bad');
    expect(evaluateDane(input([ee(leaf)], { tlsa: { records: [ee(leaf)], dnssec: 'insecure' } })).rollover).toBe('not-tested');
    expect(evaluateDane(input([ee(leaf), ta])).hasDaneTa).toBe(true);
  });
});

describe('DANE judgements', () => {
  it('map to the catalogue outcomes', () => {
    const ok = evaluateDane(input([tlsa(3, 1, 1, sha('sha256', spkiOf(leaf)))]));
    expect(judgeDaneExists('mail-dane-exists', ok)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judgeDaneValid('mail-dane-valid', ok)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judgeDaneRollover('mail-dane-rollover', ok)).toMatchObject({
      status: 'fail',
      outcome: 'bad',
      findings: [{ id: 'mail-dane-rollover.no-rollover-scheme' }],
    });
    const bogus = evaluateDane(input([], { tlsa: { records: [], dnssec: 'bogus' } }));
    expect(judgeDaneExists('web-dane-exists', bogus)).toMatchObject({ status: 'fail', outcome: 'bogus' });
    expect(judgeDaneValid('web-dane-valid', bogus)).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
