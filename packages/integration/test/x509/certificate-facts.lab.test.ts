/**
 * core's certificate facts come from its own DER reader and SHA code, so that checks run in a
 * browser. Here they are compared with what node:crypto's X509Certificate says about every key
 * type the lab issues, and the probe-side signature checks with the lab's chains and OCSP staples.
 */
import { X509Certificate } from 'node:crypto';
import {
  createLabCa,
  createOcspResponse,
  fixedLabKey,
  issueCertificate,
  type LabCa,
  type LabCertificate,
  type LabKeyType,
} from '@pastoe/lab';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CertificateFacts, parseCertificate } from '../../../core/src/x509/certificate.js';
import { isSelfSignedAt, pathTo } from '../../../core/src/x509/chain.js';
import { checkOcspResponse } from '../../../core/src/x509/ocsp.js';
import { chainSignatures, isIssuedBy, ocspSigner } from '../../../core/src/x509/signatures.js';

/** What Node says about the key, in the terms of pastoe's facts. */
function nodeKeyFacts(node: X509Certificate): Pick<CertificateFacts['publicKey'], 'type' | 'bits' | 'curve'> {
  const key = node.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { type: 'rsa', bits: details.modulusLength };
    case 'ec': {
      const curve = { prime256v1: 'secp256r1', secp384r1: 'secp384r1' }[details.namedCurve ?? ''];
      return { type: 'ec', bits: { secp256r1: 256, secp384r1: 384 }[curve ?? ''], curve };
    }
    case 'ed25519':
      return { type: 'ed25519', bits: 255 };
    default:
      throw new Error(`the lab made a ${key.asymmetricKeyType} key`);
  }
}

const fixedKeys: Partial<Record<LabKeyType, Parameters<typeof fixedLabKey>[0]>> = {
  'rsa-1024': 'rsa1024',
  'rsa-2048': 'rsa2048a',
  'rsa-3072': 'rsa3072',
};
const keyTypes: readonly LabKeyType[] = ['rsa-1024', 'rsa-2048', 'rsa-3072', 'rsa-4096', 'ecdsa-p256', 'ecdsa-p384', 'ed25519'];

let ca: LabCa;
let intermediate: LabCertificate;
let leaves: Map<LabKeyType, LabCertificate>;
beforeAll(async () => {
  ca = await createLabCa({ keyType: 'rsa-2048', privateKey: fixedLabKey('rsa2048b') });
  intermediate = await issueCertificate(ca, { isCa: true, commonName: 'lab intermediate', keyType: 'ecdsa-p384' });
  leaves = new Map(
    await Promise.all(
      keyTypes.map(async (keyType) => {
        const fixed = fixedKeys[keyType];
        const leaf = await issueCertificate(intermediate, {
          names: [`${keyType}.example.test`, '*.example.test'],
          ips: ['192.0.2.7', '2001:db8::1'],
          keyType,
          ocspUrl: 'http://ocsp.example.test/',
          ...(fixed === undefined ? {} : { privateKey: fixedLabKey(fixed) }),
        });
        return [keyType, leaf] as const;
      }),
    ),
  );
}, 60_000);

describe('certificate facts without node:crypto', () => {
  it.each(keyTypes)('agree with X509Certificate on a %s certificate', (keyType) => {
    const lab = leaves.get(keyType) as LabCertificate;
    const node = new X509Certificate(lab.der);
    const { facts, der, spki } = parseCertificate(lab.certificatePem);
    expect(der).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(der)).toBe(false);
    expect(facts.publicKey).toMatchObject(nodeKeyFacts(node));
    expect(Buffer.from(spki).equals(node.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(facts.sha256).toBe(node.fingerprint256.replaceAll(':', '').toLowerCase());
    expect(facts.sha1).toBe(node.fingerprint.replaceAll(':', ''));
    expect(facts.serialHex).toBe(node.serialNumber.toLowerCase().replace(/^0+/, ''));
    expect(Date.parse(facts.notBefore)).toBe(Date.parse(node.validFrom));
    expect(Date.parse(facts.notAfter)).toBe(Date.parse(node.validTo));
    expect(facts.subject.split(', ')).toEqual(node.subject.split('\n'));
    expect(facts.issuer.split(', ')).toEqual(node.issuer.split('\n'));
    const san = [...facts.dnsNames.map((name) => `DNS:${name}`), ...facts.ipAddresses.map((ip) => `IP Address:${ip.toUpperCase()}`)];
    expect(san.join(', ')).toBe(node.subjectAltName?.replace('2001:DB8:0:0:0:0:0:1', '2001:DB8::1'));
    expect(facts.ocspUrls.map((url) => `OCSP - URI:${url}`)).toEqual(node.infoAccess?.trim().split('\n'));
    expect(facts.isCa).toBe(node.ca);
  });

  it('read the signature algorithm the lab used, RSASSA-PSS parameters included', async () => {
    expect(parseCertificate(leaves.get('ecdsa-p256')?.der as Buffer).facts.signature.name).toBe('ecdsa-with-SHA384');
    const pss = await issueCertificate(ca, { names: ['pss.example.test'], signatureAlgorithm: 'rsa-pss' });
    expect(parseCertificate(pss.der).facts.signature).toMatchObject({
      name: 'RSASSA-PSS',
      hash: 'sha256',
      pss: { hash: 'sha256', mgfHash: 'sha256', saltLength: 32 },
    });
    const edCa = await createLabCa({ keyType: 'ed25519' });
    expect(parseCertificate(edCa.der).facts.signature).toMatchObject({ name: 'Ed25519', hash: 'intrinsic' });
  });
});

describe('signature checks on the probe side', () => {
  it('link every key type the lab makes to its issuer, in any order', () => {
    for (const leaf of leaves.values()) {
      const [l, i, r] = [leaf, intermediate, ca].map((c) => parseCertificate(c.der)) as [
        ReturnType<typeof parseCertificate>,
        ReturnType<typeof parseCertificate>,
        ReturnType<typeof parseCertificate>,
      ];
      expect(isIssuedBy(l, i)).toBe(true);
      const signedBy = chainSignatures([l, r, i]);
      expect(signedBy).toEqual([[2], [1], [1]]);
      expect(isSelfSignedAt(signedBy, 1)).toBe(true);
      expect(pathTo(signedBy, 1)).toEqual([0, 2, 1]);
    }
  });

  it('find who signed a lab OCSP staple, and the pure check trusts it only then', async () => {
    const leaf = leaves.get('ecdsa-p256') as LabCertificate;
    const [parsedLeaf, issuer] = [parseCertificate(leaf.der), parseCertificate(intermediate.der)];
    const now = new Date();
    const byIssuer = createOcspResponse({ certificate: leaf, issuer: intermediate });
    expect(ocspSigner(byIssuer, issuer)).toBe('issuer');
    expect(checkOcspResponse(byIssuer, { leaf: parsedLeaf, issuer, signer: 'issuer', now })).toMatchObject({
      trusted: true,
      certStatus: 'good',
    });
    const responder = await issueCertificate(intermediate, { commonName: 'lab OCSP', purpose: 'ocsp-signing' });
    const delegated = createOcspResponse({ certificate: leaf, issuer: intermediate, responder });
    expect(ocspSigner(delegated, issuer)).toBe('delegated');
    const forged = createOcspResponse({ certificate: leaf, issuer: intermediate, badSignature: true });
    expect(ocspSigner(forged, issuer)).toBeNull();
    expect(checkOcspResponse(forged, { leaf: parsedLeaf, issuer, signer: null, now })).toMatchObject({
      trusted: false,
      reason: 'bad-signature',
    });
  });
});
