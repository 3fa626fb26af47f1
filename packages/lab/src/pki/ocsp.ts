/**
 * OCSP responses (RFC 6960) for stapling: the lab has no responder to ask, so it writes the DER
 * a responder would have sent and hands it to its TLS servers to staple.
 */
import { createHash } from 'node:crypto';
import { type LabCertificate, type LabSignatureAlgorithm, labSigner } from './ca.js';
import {
  bitString,
  contextTag,
  enumerated,
  generalizedTime,
  nullValue,
  octetString,
  oid,
  readDer,
  readDerChildren,
  sequence,
  tlv,
  unsignedInteger,
} from './der.js';

/** The status an OCSP response gives a certificate. */
export type LabOcspStatus = 'good' | 'revoked' | 'unknown';

/** Options for {@link createOcspResponse}. */
export interface CreateOcspResponseOptions {
  /** The certificate the response is about. */
  readonly certificate: LabCertificate;
  /** The CA that issued it. */
  readonly issuer: LabCertificate;
  /**
   * Who signs the response: the issuing CA itself (default) or a delegated responder, a
   * certificate the issuer made with purpose `ocsp-signing`, which the response then carries.
   */
  readonly responder?: LabCertificate;
  /** The status; default `good`. */
  readonly status?: LabOcspStatus;
  /** When the response was made and its thisUpdate; default one minute ago. */
  readonly producedAt?: Date;
  /** Its nextUpdate; default seven days after producedAt. Put it in the past for a stale response. */
  readonly nextUpdate?: Date;
  /** Flip a byte of the signature, so that the response no longer verifies. */
  readonly badSignature?: boolean;
  /** The signature algorithm; default the responder's usual one (see {@link LabSignatureAlgorithm}). */
  readonly signatureAlgorithm?: LabSignatureAlgorithm;
}

/** The contents of a BIT STRING subjectPublicKey inside a subjectPublicKeyInfo, without the unused-bits byte. */
function publicKeyBits(spkiDer: Buffer): Buffer {
  const spki = readDer(spkiDer);
  const [, key] = readDerChildren(spki.content);
  if (key === undefined || key.tag !== 0x03) throw new Error('malformed subjectPublicKeyInfo');
  return key.content.subarray(1);
}

const sha1 = (data: Uint8Array): Buffer => createHash('sha1').update(data).digest();

/**
 * Writes a complete OCSPResponse (`successful`, with a BasicOCSPResponse) for one certificate,
 * DER: what a TLS server staples. The CertID uses SHA-1, as responders and OpenSSL do by default.
 */
export function createOcspResponse(options: CreateOcspResponseOptions): Buffer {
  const { certificate, issuer } = options;
  const responder = options.responder ?? issuer;
  const producedAt = options.producedAt ?? new Date(Date.now() - 60_000);
  const nextUpdate = options.nextUpdate ?? new Date(producedAt.getTime() + 7 * 86_400_000);
  const status = options.status ?? 'good';

  const certId = sequence(
    sequence(oid('1.3.14.3.2.26'), nullValue()),
    octetString(sha1(issuer.subjectDer)),
    octetString(sha1(publicKeyBits(issuer.spkiDer))),
    unsignedInteger(Buffer.from(certificate.certificate.serialNumber, 'hex')),
  );
  // CertStatus is a CHOICE of IMPLICIT tags: good [0] NULL, revoked [1] RevokedInfo, unknown [2] NULL.
  const certStatus =
    status === 'good'
      ? Buffer.from([0x80, 0x00])
      : status === 'unknown'
        ? Buffer.from([0x82, 0x00])
        : contextTag(1, generalizedTime(new Date(producedAt.getTime() - 86_400_000)), true);
  const single = sequence(certId, certStatus, generalizedTime(producedAt), contextTag(0, generalizedTime(nextUpdate), true));
  // responderID byKey [2]: the SHA-1 of the responder's public key bits.
  const responderId = contextTag(2, octetString(sha1(publicKeyBits(responder.spkiDer))), true);
  const tbs = sequence(responderId, generalizedTime(producedAt), sequence(single));

  const signer = labSigner(responder.keyType, responder.keyType === 'ed25519' ? undefined : options.signatureAlgorithm);
  const signature = signer.sign(tbs, responder.privateKey);
  if (options.badSignature === true) signature[signature.length - 1] = (signature[signature.length - 1] as number) ^ 0x01;
  const certs = responder === issuer ? [] : [contextTag(0, sequence(responder.der), true)];
  const basic = sequence(tbs, signer.identifier, bitString(signature), ...certs);
  return sequence(enumerated(0), contextTag(0, sequence(oid('1.3.6.1.5.5.7.48.1.1'), octetString(basic)), true));
}

/** The OCSPResponse a responder sends when it cannot answer: just an error status (RFC 6960 §4.2.1). */
export function createOcspErrorResponse(status: 'malformedRequest' | 'internalError' | 'tryLater' | 'unauthorized'): Buffer {
  const codes = { malformedRequest: 1, internalError: 2, tryLater: 3, unauthorized: 6 } as const;
  return tlv(0x30, enumerated(codes[status]));
}
