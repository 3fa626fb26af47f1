import { bytesEqual } from '../util/bytes.js';
import { sha1, sha256 } from '../util/sha.js';
import { type CertificateSignature, type ParsedCertificate, readSignatureAlgorithm, tryParseCertificate } from './certificate.js';
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
import { type HashName, hashOids } from './oids.js';

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
  readonly signer?: OcspSigner;
}

/** Who signed an OCSP response: the certificate's issuer itself, or a responder certificate the issuer signed for OCSP signing. */
export type OcspSigner = 'issuer' | 'delegated';

/** What {@link checkOcspResponse} judges a response against. */
export interface OcspCheckInput {
  /** The certificate the response should be about. */
  readonly leaf: ParsedCertificate;
  /** Its issuer, from the chain the server sent; `undefined` when the server sent none. */
  readonly issuer: ParsedCertificate | undefined;
  /**
   * Who signed the response, as the probe verified it with the issuer's key (`ocspSigner` in
   * `signatures.ts`); `null` or absent when neither the issuer nor a delegated responder did.
   */
  readonly signer: OcspSigner | null | undefined;
  /** The time the response must be current at. */
  readonly now: Date;
}

/** The signed part of a basic OCSP response (RFC 6960 4.2.1), for signature verification. */
export interface BasicOcspResponse {
  /** The ResponseData TLV: the bytes the signature covers. */
  readonly tbs: Uint8Array;
  /** The signature algorithm. */
  readonly signature: CertificateSignature;
  /** The signature value. */
  readonly signatureBytes: Uint8Array;
  /** The certificates embedded to help verify it (a delegated responder's), those that parse. */
  readonly certificates: readonly ParsedCertificate[];
}

const statuses = ['successful', 'malformedRequest', 'internalError', 'tryLater', 'unused', 'sigRequired', 'unauthorized'];
const basicResponseOid = '1.3.6.1.5.5.7.48.1.1';
/** The most embedded certificates read from a response: a delegated responder needs one. */
const maxEmbeddedCertificates = 8;
/** Clock skew tolerated on thisUpdate/nextUpdate, as OpenSSL's OCSP_check_validity allows. */
const skewMs = 5 * 60 * 1000;

/**
 * Checks a stapled OCSP response (RFC 6960) for a leaf, as OpenSSL's `OCSP_basic_verify` and
 * sslyze's "trusted" do: the response must be successful and basic, signed either by the issuer
 * or by a certificate the issuer signed for OCSP signing (which the probe verified: `signer`),
 * contain a SingleResponse for the leaf's serial number and issuer key, and be current at `now`
 * (within five minutes of skew). Pure: the issuer comes from the chain the server sent.
 */
export function checkOcspResponse(response: Uint8Array, input: OcspCheckInput): OcspCheck {
  try {
    return check(response, input);
  } catch (error) {
    if (error instanceof DerError) return { responseStatus: 'malformed', trusted: false, reason: 'malformed' };
    throw error;
  }
}

/** Reads the signed part of a successful basic OCSP response; `undefined` for any other response. */
export function readBasicOcspResponse(response: Uint8Array): BasicOcspResponse | undefined {
  try {
    const read = readResponse(response);
    return 'basic' in read ? read.basic : undefined;
  } catch (error) {
    if (error instanceof DerError) return undefined;
    throw error;
  }
}

type ReadResponse =
  | { readonly responseStatus: string; readonly reason: 'unsuccessful' | 'malformed' | 'not-basic' }
  | { readonly responseStatus: string; readonly basic: BasicOcspResponse & { readonly tbsNode: DerNode } };

function readResponse(response: Uint8Array): ReadResponse {
  const [statusNode, bytesWrapper] = sequenceItems(readDerExact(response), 'OCSPResponse');
  const responseStatus = statuses[smallInteger(expectUniversal(statusNode, DerTag.enumerated, 'responseStatus'))] ?? 'unknown';
  if (responseStatus !== 'successful') return { responseStatus, reason: 'unsuccessful' };
  if (!isContext(bytesWrapper, 0)) return { responseStatus, reason: 'malformed' };
  const [typeNode, octets] = sequenceItems(readDerExact(bytesWrapper.content), 'ResponseBytes');
  if (readOid(typeNode) !== basicResponseOid) return { responseStatus, reason: 'not-basic' };
  const [tbs, algorithm, signatureNode, certsWrapper] = sequenceItems(
    readDerExact(expectUniversal(octets, DerTag.octetString, 'response').content),
    'BasicOCSPResponse',
  );
  const tbsNode = expectUniversal(tbs, DerTag.sequence, 'tbsResponseData');
  const certificates = isContext(certsWrapper, 0)
    ? sequenceItems(readDerExact(certsWrapper.content), 'certs')
        .slice(0, maxEmbeddedCertificates)
        .flatMap((node) => {
          const parsed = tryParseCertificate(node.raw);
          return parsed === undefined ? [] : [parsed];
        })
    : [];
  return {
    responseStatus,
    basic: {
      tbs: tbsNode.raw,
      tbsNode,
      signature: readSignatureAlgorithm(expectUniversal(algorithm, DerTag.sequence, 'signatureAlgorithm')),
      signatureBytes: bitStringBytes(expectUniversal(signatureNode, DerTag.bitString, 'signature')),
      certificates,
    },
  };
}

function check(response: Uint8Array, { leaf, issuer, signer, now }: OcspCheckInput): OcspCheck {
  const read = readResponse(response);
  const { responseStatus } = read;
  if (!('basic' in read)) return { responseStatus, trusted: false, reason: read.reason };
  const single = findSingleResponse(read.basic.tbsNode, leaf, issuer);
  const base = { responseStatus };
  if (issuer === undefined) return { ...base, trusted: false, reason: 'no-issuer', ...single?.facts };
  if (signer === null || signer === undefined) return { ...base, trusted: false, reason: 'bad-signature', ...single?.facts };
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
      const expected = keyHash(hashOids[readOid(hashOid)], issuerKey);
      if (expected !== undefined && !bytesEqual(expected, issuerKeyHash.content)) continue;
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

/**
 * The CertID issuerKeyHash for the hashes CAs use (RFC 6960 and the CA/B Forum allow SHA-1 and
 * SHA-256); `undefined` for others, whose responses are then matched by serial number alone.
 */
function keyHash(hash: HashName | undefined, key: Uint8Array): Uint8Array | undefined {
  if (hash === 'sha1') return sha1(key);
  if (hash === 'sha256') return sha256(key);
  return undefined;
}
