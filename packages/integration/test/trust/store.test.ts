import tls from 'node:tls';
import { createLabCa, createSelfSignedCertificate, issueCertificate, type LabCa, type LabCertificate } from '@pastoe/lab';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore, mozillaTrustStore } from '../../../core/src/trust/store.js';

let ca: LabCa;
let intermediate: LabCertificate;
let leaf: LabCertificate;
let direct: LabCertificate;
let otherCa: LabCa;

beforeAll(async () => {
  ca = await createLabCa({ keyType: 'ecdsa-p256' });
  otherCa = await createLabCa({ keyType: 'ecdsa-p256', commonName: 'another lab CA' });
  intermediate = await issueCertificate(ca, { isCa: true, commonName: 'lab intermediate', keyType: 'ecdsa-p256' });
  leaf = await issueCertificate(intermediate, { names: ['www.example.test'], keyType: 'ecdsa-p256' });
  direct = await issueCertificate(ca, { names: ['direct.example.test'], keyType: 'ecdsa-p256' });
});

describe('createTrustStore', () => {
  it("holds Mozilla's roots by default, as node:tls has them", () => {
    const store = createTrustStore();
    expect(store.kind).toBe('mozilla');
    expect(store.ca).toEqual(tls.rootCertificates);
    expect(store.describe()).toEqual({ kind: 'mozilla', mozillaRoots: tls.rootCertificates.length, custom: [] });
  });

  it("shares one store of Mozilla's roots, frozen, equal to a new default store", () => {
    const shared = mozillaTrustStore();
    expect(mozillaTrustStore()).toBe(shared);
    expect(shared).not.toBe(createTrustStore());
    expect(Object.isFrozen(shared)).toBe(true);
    expect(Object.isFrozen(shared.ca)).toBe(true);
    expect(shared.kind).toBe('mozilla');
    expect(shared.describe()).toEqual(createTrustStore().describe());
  });

  it('adds the CAs given, one PEM block each, and describes them', () => {
    const bundle = `${ca.certificatePem}\n${otherCa.certificatePem}`;
    const store = createTrustStore({ ca: bundle });
    expect(store.kind).toBe('mozilla+custom');
    expect(store.ca).toHaveLength(tls.rootCertificates.length + 2);
    const described = store.describe();
    expect(described.custom.map((c) => c.subject)).toEqual(['O=pastoe lab, CN=pastoe lab CA', 'O=pastoe lab, CN=another lab CA']);
    expect(described.custom[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(described.custom[0]?.isCa).toBe(true);
    const only = createTrustStore({ ca: [ca.certificatePem, ca.certificatePem], mozilla: false });
    expect(only.kind).toBe('custom');
    expect(only.ca).toHaveLength(1);
    expect(only.describe().mozillaRoots).toBe(0);
  });

  it('refuses what is not PEM certificates, saying why', () => {
    expect(() => createTrustStore({ ca: 'hello' })).toThrow(/holds no PEM certificate/);
    expect(() => createTrustStore({ ca: '-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n' })).toThrow(TypeError);
    expect(() => createTrustStore({ ca: '-----BEGIN CERTIFICATE-----\nAAAA!\n-----END CERTIFICATE-----' })).toThrow(/not base64/);
    expect(() => createTrustStore({ ca: `${ca.certificatePem}-----BEGIN CERTIFICATE-----\nMIIB` })).toThrow(/without its matching/);
    expect(() => createTrustStore({ ca: [ca.certificatePem, 'x'] })).toThrow(/ca\[1\] holds no PEM certificate/);
    expect(() => createTrustStore({ ca: [42 as unknown as string] })).toThrow(TypeError);
    expect(() => createTrustStore({ mozilla: false })).toThrow(/needs at least one CA/);
    expect(() => createTrustStore({ ca: 'x'.repeat(4_000_001) })).toThrow(/larger than/);
  });
});

describe('TrustStore.verifyChain', () => {
  it('validates a chain through an intermediate sent in any order, to a custom root', () => {
    const store = createTrustStore({ ca: ca.certificatePem, mozilla: false });
    const decoy = otherCa.der;
    const result = store.verifyChain([leaf.der, decoy, intermediate.certificatePem]);
    expect(result).toEqual({
      trusted: true,
      path: [leaf.certificate.fingerprint256, intermediate.certificate.fingerprint256, ca.certificate.fingerprint256].map((f) =>
        f.replaceAll(':', '').toLowerCase(),
      ),
      anchor: 'O=pastoe lab, CN=pastoe lab CA',
    });
    expect(store.verifyChain([direct.der.toString('base64')]).trusted).toBe(true);
  });

  it('says why a chain does not validate', () => {
    const store = createTrustStore({ ca: otherCa.certificatePem, mozilla: false });
    expect(store.verifyChain([leaf.der, intermediate.der])).toMatchObject({ trusted: false, problem: 'no-trusted-root' });
    expect(createTrustStore().verifyChain([leaf.der, intermediate.der])).toMatchObject({ trusted: false, problem: 'no-trusted-root' });
    expect(store.verifyChain([])).toMatchObject({ trusted: false, problem: 'empty' });
    expect(store.verifyChain([new Uint8Array([1, 2, 3])])).toMatchObject({ trusted: false, problem: 'unparsable' });
    expect(store.verifyChain(Array.from({ length: 33 }, () => leaf.der))).toMatchObject({ problem: 'too-long' });
    const own = createTrustStore({ ca: ca.certificatePem, mozilla: false });
    expect(own.verifyChain([leaf.der, intermediate.der], { at: new Date('2001-01-01T00:00:00Z') })).toMatchObject({
      trusted: false,
      problem: 'not-yet-valid',
    });
    expect(own.verifyChain([leaf.der, intermediate.der], { at: new Date('2999-01-01T00:00:00Z') })).toMatchObject({
      trusted: false,
      problem: 'expired',
    });
  });

  it('refuses a leaf used as an issuer, and trusts a self-signed certificate that is itself in the store', async () => {
    const store = createTrustStore({ ca: ca.certificatePem, mozilla: false });
    const impostor = await issueCertificate(direct, { names: ['evil.example.test'] }).catch(() => undefined);
    // The lab refuses to issue from a non-CA, which is the point: such a chain must not validate either.
    expect(impostor).toBeUndefined();
    const selfSigned = await createSelfSignedCertificate({ names: ['self.example.test'], keyType: 'ecdsa-p256' });
    expect(store.verifyChain([selfSigned.der])).toMatchObject({ trusted: false, problem: 'no-trusted-root' });
    const pinned = createTrustStore({ ca: selfSigned.certificatePem, mozilla: false });
    expect(pinned.verifyChain([selfSigned.der])).toMatchObject({ trusted: true, anchor: 'O=pastoe lab, CN=self.example.test' });
  });
});
