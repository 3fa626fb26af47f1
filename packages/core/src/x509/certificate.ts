import { bytesEqual, fromBase64, latin1, toHex } from '../util/bytes.js';
import { sha1, sha256 } from '../util/sha.js';
import {
  bitStringBytes,
  type DerNode,
  DerError,
  DerTag,
  decodeString,
  decodeTime,
  derChildren,
  expectUniversal,
  integerBits,
  integerHex,
  isContext,
  isUniversal,
  readDerExact,
  readOid,
  sequenceItems,
} from './der.js';
import {
  attributeNames,
  curveOids,
  extensionOids,
  type HashName,
  hashOids,
  type PublicKeyType,
  publicKeyOids,
  signatureAlgorithmOids,
} from './oids.js';

/** A certificate's public key, as the NCSC key tables need it. */
export interface CertificatePublicKey {
  /** The key type. */
  readonly type: PublicKeyType;
  /** The SubjectPublicKeyInfo algorithm OID. */
  readonly algorithmOid: string;
  /** The size: RSA and DSA modulus bits, EC field bits, 255/448 for EdDSA. */
  readonly bits?: number;
  /** The named curve (SEC 2 / TLS name, e.g. `secp256r1`), for EC keys. */
  readonly curve?: string;
  /** The curve OID, for EC keys with a named curve. */
  readonly curveOid?: string;
}

/** The outer signature algorithm of a certificate. */
export interface CertificateSignature {
  /** The algorithm OID. */
  readonly oid: string;
  /** Its name (`sha256WithRSAEncryption`, `RSASSA-PSS`, ...), or the OID when unknown. */
  readonly name: string;
  /** The hash it uses; for RSASSA-PSS the parameters' hash. */
  readonly hash: HashName;
  /** RSASSA-PSS parameters (RFC 4055), with the defaults filled in. */
  readonly pss?: { readonly hash: HashName; readonly mgfHash: HashName; readonly saltLength: number };
}

/** Plain, JSON-serialisable facts about one certificate. */
export interface CertificateFacts {
  /** The subject as one line (`CN=example.nl, O=...`). */
  readonly subject: string;
  /** The subject's common names. */
  readonly commonNames: readonly string[];
  /** The issuer as one line. */
  readonly issuer: string;
  /** The serial number, lowercase hex. */
  readonly serialHex: string;
  /** Start of validity, ISO 8601. */
  readonly notBefore: string;
  /** End of validity, ISO 8601. */
  readonly notAfter: string;
  /** The public key. */
  readonly publicKey: CertificatePublicKey;
  /** The outer signature algorithm. */
  readonly signature: CertificateSignature;
  /** subjectAltName dNSName entries, as written. */
  readonly dnsNames: readonly string[];
  /** subjectAltName iPAddress entries, in text form. */
  readonly ipAddresses: readonly string[];
  /** OCSP responder URLs from Authority Information Access. */
  readonly ocspUrls: readonly string[];
  /** CA issuer URLs from Authority Information Access. */
  readonly caIssuerUrls: readonly string[];
  /** Extended key usage OIDs, when the extension is present. */
  readonly extendedKeyUsage?: readonly string[];
  /** basicConstraints cA. */
  readonly isCa: boolean;
  /** Subject and issuer are the same name (a root or a self-issued certificate). */
  readonly selfIssued: boolean;
  /** SHA-1 fingerprint, uppercase hex without separators (Internet.nl's root-list format). */
  readonly sha1: string;
  /** SHA-256 fingerprint, lowercase hex. */
  readonly sha256: string;
}

/**
 * A parsed certificate: its facts and the raw parts that matching and verification need. Read by
 * pastoe's DER reader alone, so it is the same in a browser; signatures are checked on the probe
 * side (`x509/signatures.ts`), which hands its results to the checks in the evidence.
 */
export interface ParsedCertificate {
  /** The facts. */
  readonly facts: CertificateFacts;
  /** The certificate DER (a copy of the input). */
  readonly der: Uint8Array;
  /** The SubjectPublicKeyInfo DER (TLSA selector 1). */
  readonly spki: Uint8Array;
  /** The subject Name DER, for issuer matching. */
  readonly subjectDer: Uint8Array;
  /** The issuer Name DER. */
  readonly issuerDer: Uint8Array;
}

/** Decodes a base64 or PEM certificate to DER bytes (a copy when given bytes); text that is not base64 gives no bytes. */
export function certificateBytes(input: string | Uint8Array): Uint8Array {
  if (typeof input !== 'string') return new Uint8Array(input);
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(input);
  return fromBase64(pem?.[1] ?? input) ?? new Uint8Array();
}

/**
 * Parses a DER certificate (bytes, base64 or PEM). Throws {@link DerError} when the structure is
 * not an X.509 certificate; fields pastoe does not need are skipped, unknown extensions ignored.
 * The public-key facts come from the SubjectPublicKeyInfo itself: the RSA modulus, the named
 * curve's OID, the EdDSA algorithm OID.
 */
export function parseCertificate(input: string | Uint8Array): ParsedCertificate {
  const der = certificateBytes(input);
  const [tbs, outerAlgorithm] = sequenceItems(readDerExact(der), 'Certificate');
  const tbsItems = sequenceItems(tbs, 'TBSCertificate');
  let index = isContext(tbsItems[0], 0) ? 1 : 0;
  const serial = expectUniversal(tbsItems[index++], DerTag.integer, 'serialNumber');
  index++; // the inner signature algorithm; the outer one is authoritative for pastoe
  const issuer = expectUniversal(tbsItems[index++], DerTag.sequence, 'issuer');
  const validity = sequenceItems(tbsItems[index++], 'validity');
  const subject = expectUniversal(tbsItems[index++], DerTag.sequence, 'subject');
  const spki = expectUniversal(tbsItems[index++], DerTag.sequence, 'subjectPublicKeyInfo');
  const extensions = tbsItems.slice(index).find((node) => isContext(node, 3));

  const ext = readExtensions(extensions);
  const facts: CertificateFacts = {
    subject: formatName(subject),
    commonNames: nameValues(subject, '2.5.4.3'),
    issuer: formatName(issuer),
    serialHex: integerHex(serial),
    notBefore: decodeTime(requireNode(validity[0], 'notBefore')).toISOString(),
    notAfter: decodeTime(requireNode(validity[1], 'notAfter')).toISOString(),
    publicKey: readPublicKey(spki),
    signature: readSignatureAlgorithm(requireNode(outerAlgorithm, 'signatureAlgorithm')),
    dnsNames: ext.dnsNames,
    ipAddresses: ext.ipAddresses,
    ocspUrls: ext.ocspUrls,
    caIssuerUrls: ext.caIssuerUrls,
    ...(ext.extendedKeyUsage === undefined ? {} : { extendedKeyUsage: ext.extendedKeyUsage }),
    isCa: ext.isCa,
    selfIssued: bytesEqual(subject.raw, issuer.raw),
    sha1: toHex(sha1(der)).toUpperCase(),
    sha256: toHex(sha256(der)),
  };
  return { facts, der, spki: spki.raw, subjectDer: subject.raw, issuerDer: issuer.raw };
}

/** The facts of a certificate, or `undefined` when it cannot be parsed. */
export function certificateFacts(input: string | Uint8Array): CertificateFacts | undefined {
  try {
    return parseCertificate(input).facts;
  } catch (error) {
    if (error instanceof DerError) return undefined;
    throw error;
  }
}

/** Parses a certificate, returning `undefined` instead of throwing on malformed DER. */
export function tryParseCertificate(input: string | Uint8Array): ParsedCertificate | undefined {
  try {
    return parseCertificate(input);
  } catch (error) {
    if (error instanceof DerError) return undefined;
    throw error;
  }
}

function requireNode(node: DerNode | undefined, what: string): DerNode {
  if (node === undefined) throw new DerError(`missing ${what}`);
  return node;
}

/** Reads the attribute values of one type from a Name, in order. */
function nameValues(name: DerNode, oid: string): string[] {
  const out: string[] = [];
  for (const rdn of derChildren(name)) {
    for (const attribute of derChildren(rdn)) {
      const [type, value] = sequenceItems(attribute, 'AttributeTypeAndValue');
      if (readOid(type) !== oid || value === undefined) continue;
      try {
        out.push(decodeString(value));
      } catch {
        // A value in a type we do not decode is not a name we can match.
      }
    }
  }
  return out;
}

function formatName(name: DerNode): string {
  const parts: string[] = [];
  for (const rdn of derChildren(name)) {
    for (const attribute of derChildren(rdn)) {
      const [type, value] = sequenceItems(attribute, 'AttributeTypeAndValue');
      const oid = readOid(type);
      let text: string;
      try {
        text = value === undefined ? '' : decodeString(value);
      } catch {
        text = `#${toHex(value?.raw ?? new Uint8Array())}`;
      }
      parts.push(`${attributeNames[oid] ?? oid}=${text}`);
    }
  }
  return parts.join(', ');
}

function readPublicKey(spki: DerNode): CertificatePublicKey {
  const [algorithm, key] = sequenceItems(spki, 'SubjectPublicKeyInfo');
  const [algorithmOidNode, parameters] = sequenceItems(algorithm, 'AlgorithmIdentifier');
  const algorithmOid = readOid(algorithmOidNode);
  const type: PublicKeyType = publicKeyOids[algorithmOid] ?? 'unknown';
  switch (type) {
    case 'rsa':
    case 'rsa-pss':
      return { type, algorithmOid, bits: rsaModulusBits(requireNode(key, 'subjectPublicKey')) };
    case 'ec': {
      if (isUniversal(parameters, DerTag.oid)) {
        const curveOid = readOid(parameters);
        const known = curveOids[curveOid];
        // A curve pastoe has no name for keeps its OID: the key tables judge it unknown either way.
        return known === undefined
          ? { type, algorithmOid, curveOid }
          : { type, algorithmOid, curveOid, curve: known.name, bits: known.bits };
      }
      // Explicit curve parameters (RFC 5480 forbids them): no name to classify by.
      return { type, algorithmOid };
    }
    case 'ed25519':
    case 'x25519':
      return { type, algorithmOid, bits: 255 };
    case 'ed448':
    case 'x448':
      return { type, algorithmOid, bits: 448 };
    case 'dsa': {
      const parts = isUniversal(parameters, DerTag.sequence) ? derChildren(parameters) : [];
      const p = parts[0];
      return p === undefined ? { type, algorithmOid } : { type, algorithmOid, bits: integerBits(p) };
    }
    default:
      return { type, algorithmOid };
  }
}

/** The bit length of RSAPublicKey.modulus (RFC 8017 A.1.1); {@link integerBits} skips the sign octet. */
function rsaModulusBits(key: DerNode): number {
  const [modulus] = sequenceItems(readDerExact(bitStringBytes(key)), 'RSAPublicKey');
  return integerBits(expectUniversal(modulus, DerTag.integer, 'modulus'));
}

/** Reads an AlgorithmIdentifier of a signature, with RSASSA-PSS parameters resolved. */
export function readSignatureAlgorithm(node: DerNode): CertificateSignature {
  const [oidNode, parameters] = sequenceItems(node, 'AlgorithmIdentifier');
  const oid = readOid(oidNode);
  const known = signatureAlgorithmOids[oid];
  if (known === undefined) return { oid, name: oid, hash: 'unknown' };
  if (known.family !== 'rsa-pss') return { oid, name: known.name, hash: known.hash };
  const pss = readPssParameters(parameters);
  return { oid, name: known.name, hash: pss.hash, pss };
}

function readPssParameters(parameters: DerNode | undefined): { hash: HashName; mgfHash: HashName; saltLength: number } {
  // RFC 4055 3.1: every field has a default (SHA-1, MGF1 with SHA-1, salt 20).
  let hash: HashName = 'sha1';
  let mgfHash: HashName = 'sha1';
  let saltLength = 20;
  if (!isUniversal(parameters, DerTag.sequence)) return { hash, mgfHash, saltLength };
  for (const field of derChildren(parameters)) {
    if (field.cls !== 'context' || !field.constructed) continue;
    const inner = readDerExact(field.content);
    if (field.tag === 0) hash = algorithmHash(inner);
    else if (field.tag === 1) {
      const [mgfOid, mgfParameters] = sequenceItems(inner, 'MaskGenAlgorithm');
      mgfHash = readOid(mgfOid) === extensionOids.mgf1 && mgfParameters !== undefined ? algorithmHash(mgfParameters) : 'unknown';
    } else if (field.tag === 2 && isUniversal(inner, DerTag.integer)) {
      saltLength = Number.parseInt(integerHex(inner), 16);
    }
  }
  return { hash, mgfHash, saltLength };
}

function algorithmHash(node: DerNode): HashName {
  const [oid] = sequenceItems(node, 'AlgorithmIdentifier');
  return hashOids[readOid(oid)] ?? 'unknown';
}

interface ExtensionFacts {
  dnsNames: string[];
  ipAddresses: string[];
  ocspUrls: string[];
  caIssuerUrls: string[];
  extendedKeyUsage?: string[];
  isCa: boolean;
}

function readExtensions(wrapper: DerNode | undefined): ExtensionFacts {
  const facts: ExtensionFacts = { dnsNames: [], ipAddresses: [], ocspUrls: [], caIssuerUrls: [], isCa: false };
  if (wrapper === undefined) return facts;
  for (const extension of sequenceItems(readDerExact(wrapper.content), 'Extensions')) {
    const items = sequenceItems(extension, 'Extension');
    const oid = readOid(items[0]);
    const valueNode = items[items.length - 1];
    if (!isUniversal(valueNode, DerTag.octetString)) throw new DerError('extension value is not an OCTET STRING');
    const value = readDerExact(valueNode.content);
    switch (oid) {
      case extensionOids.subjectAltName:
        for (const name of sequenceItems(value, 'GeneralNames')) {
          // dNSName is [2] IA5String, iPAddress [7] OCTET STRING, both implicitly tagged.
          if (isContext(name, 2)) facts.dnsNames.push(latin1(name.content));
          else if (isContext(name, 7)) facts.ipAddresses.push(formatIp(name.content));
        }
        break;
      case extensionOids.authorityInfoAccess:
        for (const description of sequenceItems(value, 'AuthorityInfoAccessSyntax')) {
          const [method, location] = sequenceItems(description, 'AccessDescription');
          if (!isContext(location, 6)) continue; // only uniformResourceIdentifier locations
          const url = latin1(location.content);
          const methodOid = readOid(method);
          if (methodOid === extensionOids.accessOcsp) facts.ocspUrls.push(url);
          else if (methodOid === extensionOids.accessCaIssuers) facts.caIssuerUrls.push(url);
        }
        break;
      case extensionOids.basicConstraints: {
        const [first] = sequenceItems(value, 'BasicConstraints');
        facts.isCa = isUniversal(first, DerTag.boolean) && first.content[0] !== 0;
        break;
      }
      case extensionOids.extendedKeyUsage:
        facts.extendedKeyUsage = sequenceItems(value, 'ExtKeyUsageSyntax').map((node) => readOid(node));
        break;
    }
  }
  return facts;
}

function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length !== 16) return toHex(bytes);
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
  // RFC 5952: compress the longest run of two or more zero groups.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
