import { constants, createHash, type KeyObject, verify } from 'node:crypto';
import { type CertificateSignature, type ParsedCertificate, readSignatureAlgorithm, tryParseCertificate } from './certificate.js';
import { isIssuedBy } from './chain.js';
import {
  bitStringBytes,
  type DerNode,
  DerError,
  DerTag,
  decodeTime,
  derChildren,
  expectUniversal,
  integerHex,
  isContext,
  readDerExact,
  readOid,
  sequenceItems,
  smallInteger,
} from './der.js';
import { extensionOids, hashOids } from './oids.js';

/** What a stapled OCSP response says and whether it can be trusted. */
export interface OcspCheck {
  /** The OCSPResponseStatus (`successful`, `tryLater`, ...), or `malformed` when it could not be read. */
  readonly responseStatus: string;
  /** True when the response is well formed, signed by the issuer or its delegated responder, about this leaf, and current. */
  readonly trusted: boolean;
  /** Why it is not trusted. */
  readonly reason?:
    | 'malformed'
    | 'unsuccessful'
    | 'not-basic'
    | 'no-issuer'
    | 'bad-signature'
    | 'no-response-for-certificate'
    | 'not-yet-valid'
    | 'expired';
  /** The status of the leaf in the response. */
  readonly certStatus?: 'good' | 'revoked' | 'unknown';
  /** thisUpdate, ISO 8601. */
  readonly thisUpdate?: string;
  /** nextUpdate, ISO 8601. */
  readonly nextUpdate?: string;
  /** Who signed: the issuer itself or a delegated responder certificate. */
  readonly signer?: 'issuer' | 'delegated';
}

const statuses = ['successful', 'malformedRequest', 'internalError', 'tryLater', 'unused', 'sigRequired', 'unauthorized'];
const basicResponseOid = '1.3.6.1.5.5.7.48.1.1';
/** Clock skew tolerated on thisUpdate/nextUpdate, as OpenSSL's OCSP_check_validity allows. */
const skewMs = 5 * 60 * 1000;

/**
 * Checks a stapled OCSP response (RFC 6960) for a leaf, as OpenSSL's `OCSP_basic_verify` and
 * sslyze's "trusted" do: the response must be successful and basic, signed either by the issuer
 * or by a certificate the issuer signed for OCSP signing (id-kp-OCSPSigning), contain a
 * SingleResponse for the leaf's serial number and issuer key, and be current at `now` (within
 * five minutes of skew). Pure: the issuer comes from the chain the server sent.
 */
export function checkOcspResponse(
  response: Uint8Array,
  leaf: ParsedCertificate,
  issuer: ParsedCertificate | undefined,
  now: Date,
): OcspCheck {
  try {
    return check(response, leaf, issuer, now);
  } catch (error) {
    if (error instanceof DerError) return { responseStatus: 'malformed', trusted: false, reason: 'malformed' };
    throw error;
  }
}

function check(response: Uint8Array, leaf: ParsedCertificate, issuer: ParsedCertificate | undefined, now: Date): OcspCheck {
  const [statusNode, bytesWrapper] = sequenceItems(readDerExact(response), 'OCSPResponse');
  const responseStatus = statuses[smallInteger(expectUniversal(statusNode, DerTag.enumerated, 'responseStatus'))] ?? 'unknown';
  if (responseStatus !== 'successful') return { responseStatus, trusted: false, reason: 'unsuccessful' };
  if (!isContext(bytesWrapper, 0)) return { responseStatus, trusted: false, reason: 'malformed' };
  const [typeNode, octets] = sequenceItems(readDerExact(bytesWrapper.content), 'ResponseBytes');
  if (readOid(typeNode) !== basicResponseOid) return { responseStatus, trusted: false, reason: 'not-basic' };
  const [tbs, algorithm, signatureNode, certsWrapper] = sequenceItems(
    readDerExact(expectUniversal(octets, DerTag.octetString, 'response').content),
    'BasicOCSPResponse',
  );
  const tbsNode = expectUniversal(tbs, DerTag.sequence, 'tbsResponseData');
  const signature = readSignatureAlgorithm(expectUniversal(algorithm, DerTag.sequence, 'signatureAlgorithm'));
  const signatureBytes = bitStringBytes(expectUniversal(signatureNode, DerTag.bitString, 'signature'));
  const embedded = isContext(certsWrapper, 0)
    ? sequenceItems(readDerExact(certsWrapper.content), 'certs').flatMap((node) => {
        const parsed = tryParseCertificate(node.raw);
        return parsed === undefined ? [] : [parsed];
      })
    : [];

  const single = findSingleResponse(tbsNode, leaf, issuer);
  const base = { responseStatus };
  if (issuer === undefined) return { ...base, trusted: false, reason: 'no-issuer', ...single?.facts };

  let signer: OcspCheck['signer'];
  if (issuer.x509 !== undefined && verifySignature(signature, tbsNode.raw, signatureBytes, issuer.x509.publicKey)) signer = 'issuer';
  else {
    const delegate = embedded.find(
      (cert) =>
        cert.x509 !== undefined &&
        (cert.facts.extendedKeyUsage ?? []).includes(extensionOids.ekuOcspSigning) &&
        isIssuedBy(cert, issuer) &&
        verifySignature(signature, tbsNode.raw, signatureBytes, cert.x509.publicKey),
    );
    if (delegate !== undefined) signer = 'delegated';
  }
  if (signer === undefined) return { ...base, trusted: false, reason: 'bad-signature', ...single?.facts };
  if (single === undefined) return { ...base, trusted: false, reason: 'no-response-for-certificate', signer };
  const time = now.getTime();
  if (Date.parse(single.facts.thisUpdate) - skewMs > time)
    return { ...base, trusted: false, reason: 'not-yet-valid', signer, ...single.facts };
  if (single.facts.nextUpdate !== undefined && Date.parse(single.facts.nextUpdate) + skewMs < time) {
    return { ...base, trusted: false, reason: 'expired', signer, ...single.facts };
  }
  return { ...base, trusted: true, signer, ...single.facts };
}

interface SingleFacts {
  facts: { certStatus: 'good' | 'revoked' | 'unknown'; thisUpdate: string; nextUpdate?: string };
}

function findSingleResponse(tbs: DerNode, leaf: ParsedCertificate, issuer: ParsedCertificate | undefined): SingleFacts | undefined {
  const items = derChildren(tbs);
  // version [0] is optional, then responderID ([1] or [2]), producedAt, responses.
  let index = isContext(items[0], 0) ? 1 : 0;
  index += 2;
  const responses = sequenceItems(items[index], 'responses');
  const issuerKey = issuer === undefined ? undefined : issuerPublicKeyBits(issuer);
  for (const response of responses) {
    const [certId, status, thisUpdate, ...rest] = derChildren(expectUniversal(response, DerTag.sequence, 'SingleResponse'));
    const [hashAlgorithm, , issuerKeyHash, serial] = sequenceItems(certId, 'CertID');
    if (serial === undefined || integerHex(serial) !== leaf.facts.serialHex) continue;
    if (issuerKey !== undefined && hashAlgorithm !== undefined && issuerKeyHash !== undefined) {
      const [hashOid] = sequenceItems(hashAlgorithm, 'AlgorithmIdentifier');
      const hash = hashOids[readOid(hashOid)];
      if (hash !== undefined && hash !== 'unknown' && hash !== 'intrinsic') {
        const expected = createHash(hash).update(issuerKey).digest();
        if (!expected.equals(Buffer.from(issuerKeyHash.content))) continue;
      }
    }
    if (status === undefined || status.cls !== 'context' || thisUpdate === undefined) continue;
    const certStatus = status.tag === 0 ? 'good' : status.tag === 1 ? 'revoked' : 'unknown';
    const next = rest.find((node) => isContext(node, 0));
    return {
      facts: {
        certStatus,
        thisUpdate: decodeTime(thisUpdate).toISOString(),
        ...(next === undefined ? {} : { nextUpdate: decodeTime(readDerExact(next.content)).toISOString() }),
      },
    };
  }
  return undefined;
}

/** The subjectPublicKey BIT STRING contents of a certificate (what OCSP's issuerKeyHash hashes). */
function issuerPublicKeyBits(issuer: ParsedCertificate): Uint8Array {
  const [, key] = sequenceItems(readDerExact(issuer.spki), 'SubjectPublicKeyInfo');
  return bitStringBytes(expectUniversal(key, DerTag.bitString, 'subjectPublicKey'));
}

function verifySignature(signature: CertificateSignature, data: Uint8Array, bytes: Uint8Array, key: KeyObject): boolean {
  const hash = signature.hash === 'intrinsic' ? null : signature.hash;
  if (hash === 'unknown' || hash === 'md2') return false;
  try {
    if (signature.pss !== undefined) {
      return verify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: signature.pss.saltLength }, bytes);
    }
    return verify(hash, data, key, bytes);
  } catch {
    return false;
  }
}
