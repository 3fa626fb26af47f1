import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFacts, parseCertificate } from './certificate.js';
import { isSelfSignedAt, pathTo, verifiedPrefix } from './chain.js';
import { DerError, decodeOid, encodeOid, readDerExact } from './der.js';
import { matchHostname } from './hostname.js';
import { chainSignatures, isIssuedBy, isSelfSigned } from './signatures.js';
import { openTestPki, type TestPki } from './test-support/openssl.js';

let pki: TestPki;
beforeAll(() => {
  pki = openTestPki();
});
afterAll(() => pki.close());

describe('DER reader', () => {
  it('round-trips OIDs, including large arcs', () => {
    for (const oid of ['1.2.840.113549.1.1.11', '2.5.29.17', '1.3.36.3.3.2.8.1.1.7', '2.999.3', '1.3.6.1.4.1.311.60.2.1.3']) {
      expect(decodeOid(encodeOid(oid))).toBe(oid);
    }
  });

  it('rejects truncation, indefinite lengths and trailing bytes', () => {
    expect(() => readDerExact(Uint8Array.from([0x30, 0x05, 0x02, 0x01]))).toThrow(DerError);
    expect(() => readDerExact(Uint8Array.from([0x30, 0x80, 0x00, 0x00]))).toThrow(DerError);
    expect(() => readDerExact(Uint8Array.from([0x05, 0x00, 0x00]))).toThrow(DerError);
    expect(() => readDerExact(Uint8Array.from([0x04, 0x81, 0x01, 0x00]))).toThrow(/non-minimal/);
  });

  it('gives undefined facts for garbage', () => {
    expect(certificateFacts(Uint8Array.from([1, 2, 3]))).toBeUndefined();
    expect(certificateFacts(Buffer.from('30030201ff', 'hex'))).toBeUndefined();
  });
});

describe('certificate facts', () => {
  it.each([
    ['rsa-1024', 'rsa', 1024, undefined],
    ['rsa-2048', 'rsa', 2048, undefined],
    ['rsa-3072', 'rsa', 3072, undefined],
    ['rsa-pss-2048', 'rsa-pss', 2048, undefined],
    ['ec-p224', 'ec', 224, 'secp224r1'],
    ['ec-p256', 'ec', 256, 'secp256r1'],
    ['ec-p384', 'ec', 384, 'secp384r1'],
    ['ec-secp256k1', 'ec', 256, 'secp256k1'],
    ['ec-brainpoolP256r1', 'ec', 256, 'brainpoolP256r1'],
    ['ed25519', 'ed25519', 255, undefined],
    ['ed448', 'ed448', 448, undefined],
  ] as const)('reads a %s key', (key, type, bits, curve) => {
    const cert = pki.make({ key, cn: 'k.example.nl' });
    const facts = parseCertificate(cert.der).facts;
    expect(facts.publicKey.type).toBe(type);
    expect(facts.publicKey.bits).toBe(bits);
    expect(facts.publicKey.curve).toBe(curve);
    expect(facts.commonNames).toEqual(['k.example.nl']);
    expect(facts.selfIssued).toBe(true);
  });

  it.each([
    ['sha1', 'sha1WithRSAEncryption', 'sha1'],
    ['sha224', 'sha224WithRSAEncryption', 'sha224'],
    ['sha256', 'sha256WithRSAEncryption', 'sha256'],
    ['sha512', 'sha512WithRSAEncryption', 'sha512'],
  ] as const)('reads the outer signature algorithm for %s', (digest, name, hash) => {
    const facts = parseCertificate(pki.make({ key: 'rsa-2048', digest }).der).facts;
    expect(facts.signature).toMatchObject({ name, hash });
  });

  it('reads ECDSA and EdDSA signature algorithms', () => {
    expect(parseCertificate(pki.make({ key: 'ec-p384', digest: 'sha384' }).der).facts.signature.name).toBe('ecdsa-with-SHA384');
    expect(parseCertificate(pki.make({ key: 'ec-p256', digest: 'sha224' }).der).facts.signature.name).toBe('ecdsa-with-SHA224');
    expect(parseCertificate(pki.make({ key: 'ed25519' }).der).facts.signature).toMatchObject({ name: 'Ed25519', hash: 'intrinsic' });
  });

  it('reads RSASSA-PSS parameters', () => {
    const facts = parseCertificate(pki.make({ key: 'rsa-2048', pss: true, digest: 'sha256' }).der).facts;
    expect(facts.signature).toMatchObject({ name: 'RSASSA-PSS', hash: 'sha256', pss: { hash: 'sha256', mgfHash: 'sha256' } });
    expect(facts.signature.oid).toBe('1.2.840.113549.1.1.10');
  });

  it('reads SANs, AIA, validity and fingerprints, agreeing with node:crypto', () => {
    const cert = pki.make({
      key: 'ec-p256',
      dns: ['www.example.nl', '*.example.nl'],
      ips: ['192.0.2.7', '2001:db8::1'],
      ocspUrl: 'http://ocsp.example.nl/',
      days: 10,
    });
    const facts = parseCertificate(cert.pem).facts;
    const node = new X509Certificate(cert.der);
    expect(facts.dnsNames).toEqual(['www.example.nl', '*.example.nl']);
    expect(facts.ipAddresses).toEqual(['192.0.2.7', '2001:db8::1']);
    expect(facts.ocspUrls).toEqual(['http://ocsp.example.nl/']);
    expect(new Date(facts.notAfter).getTime()).toBe(new Date(node.validTo).getTime());
    expect(new Date(facts.notBefore).getTime()).toBe(new Date(node.validFrom).getTime());
    expect(facts.sha256).toBe(node.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(facts.sha1).toBe(node.fingerprint.replace(/:/g, ''));
    expect(facts.serialHex).toBe(node.serialNumber.toLowerCase().replace(/^0+/, ''));
    expect(facts.isCa).toBe(false);
  });

  it('links a chain and recognises roots', () => {
    const root = pki.make({ key: 'rsa-2048', ca: true, cn: 'Root' });
    const intermediate = pki.make({ key: 'ec-p384', ca: true, cn: 'Intermediate', issuer: root });
    const leaf = pki.make({ key: 'ec-p256', cn: 'leaf.example.nl', issuer: intermediate });
    const [r, i, l] = [root, intermediate, leaf].map((c) => parseCertificate(c.der)) as [
      ReturnType<typeof parseCertificate>,
      ReturnType<typeof parseCertificate>,
      ReturnType<typeof parseCertificate>,
    ];
    expect(isIssuedBy(l, i)).toBe(true);
    expect(isIssuedBy(i, r)).toBe(true);
    expect(isIssuedBy(l, r)).toBe(false);
    expect(isSelfSigned(r)).toBe(true);
    expect(isSelfSigned(i)).toBe(false);
    expect(i.facts.isCa).toBe(true);
    expect(l.facts.issuer).toBe('CN=Intermediate');
    // Out of order: the path still goes leaf → intermediate → root, by position in the chain as sent.
    const outOfOrder = chainSignatures([l, r, i]);
    expect(outOfOrder).toEqual([[2], [1], [1]]);
    expect(pathTo(outOfOrder, 1)).toEqual([0, 2, 1]);
    expect(isSelfSignedAt(outOfOrder, 1)).toBe(true);
    expect(isSelfSignedAt(outOfOrder, 2)).toBe(false);
    expect(verifiedPrefix(outOfOrder)).toBe(0);
    expect(verifiedPrefix(chainSignatures([l, i, r]))).toBe(2);
    expect(pathTo(chainSignatures([l]), 1)).toBeUndefined();
    // A certificate that did not parse keeps its position and links to nothing.
    expect(chainSignatures([l, undefined, i])).toEqual([[2], [], []]);
  });
});

describe('host name matching (service_identity rules)', () => {
  const facts = (dnsNames: string[], ipAddresses: string[] = []) => ({ dnsNames, ipAddresses });

  it('matches exact names case-insensitively, ignoring a trailing dot', () => {
    expect(matchHostname(facts(['WWW.Example.NL']), 'www.example.nl.').matches).toBe(true);
    expect(matchHostname(facts(['example.nl']), 'www.example.nl')).toMatchObject({ matches: false, reason: 'no-match' });
  });

  it('matches a left-most wildcard over exactly one label', () => {
    expect(matchHostname(facts(['*.example.nl']), 'www.example.nl').matches).toBe(true);
    expect(matchHostname(facts(['*.example.nl']), 'example.nl').matches).toBe(false);
    expect(matchHostname(facts(['*.example.nl']), 'a.b.example.nl').matches).toBe(false);
    expect(matchHostname(facts(['*.example.nl']), 'xn--bcher-kva.example.nl').matches).toBe(false);
  });

  it('ignores the common name and treats partial wildcards literally', () => {
    expect(matchHostname(facts([]), 'www.example.nl')).toMatchObject({ matches: false, reason: 'no-subject-alt-name' });
    expect(matchHostname(facts(['w*.example.nl']), 'www.example.nl').matches).toBe(false);
  });

  it('voids the whole check on an invalid wildcard pattern, as service_identity raises', () => {
    expect(matchHostname(facts(['*.nl', 'www.example.nl']), 'www.example.nl')).toMatchObject({
      matches: false,
      reason: 'invalid-wildcard',
      invalidPattern: '*.nl',
    });
    expect(matchHostname(facts(['www.*.example.nl']), 'www.a.example.nl').reason).toBe('invalid-wildcard');
  });

  it('matches IP addresses and agrees with node checkHost on ordinary certificates', () => {
    const cert = pki.make({ dns: ['www.example.nl', '*.mail.example.nl'], ips: ['192.0.2.1'] });
    const parsed = parseCertificate(cert.der);
    const node = new X509Certificate(cert.der);
    for (const host of ['www.example.nl', 'mx1.mail.example.nl', 'example.nl', 'a.b.mail.example.nl', 'other.nl']) {
      expect(matchHostname(parsed.facts, host).matches).toBe(node.checkHost(host, { subject: 'never' }) !== undefined);
    }
    expect(matchHostname(parsed.facts, '192.0.2.1').matches).toBe(true);
  });
});
