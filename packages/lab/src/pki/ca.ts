/**
 * The lab's certificate authority: a CA certificate and key held in a plain object that callers
 * pass around (no process-wide CA), issuing server certificates of any key type and validity.
 */
import { type KeyObject, X509Certificate, constants, createHash, createPublicKey, generateKeyPair, randomBytes, sign } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { promisify } from 'node:util';
import {
  type Der,
  bitString,
  boolean,
  contextTag,
  fromPem,
  namedBits,
  nullValue,
  octetString,
  oid,
  sequence,
  set,
  smallInteger,
  time,
  tlv,
  toPem,
  unsignedInteger,
  utf8String,
} from './der.js';

const generateKeyPairAsync = promisify(generateKeyPair);

/** The key types the lab issues certificates for. */
export type LabKeyType = 'rsa-1024' | 'rsa-2048' | 'rsa-3072' | 'rsa-4096' | 'ecdsa-p256' | 'ecdsa-p384' | 'ed25519';

/**
 * How a certificate is signed: the hash for RSA (PKCS #1 v1.5) and ECDSA issuers, or `rsa-pss`
 * (RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32) for RSA issuers. Ed25519 issuers always sign
 * with Ed25519 and take only the default.
 */
export type LabSignatureAlgorithm = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'rsa-pss';

/** What a certificate may be used for (its extendedKeyUsage). */
export type LabCertificatePurpose = 'server' | 'ocsp-signing';

/** A certificate with its private key, as the lab issues them. */
export interface LabCertificate {
  /** The certificate, PEM. */
  readonly certificatePem: string;
  /**
   * The certificate followed by its issuing intermediates (not the root), PEM: what a TLS
   * server sends. For a root CA this is its own certificate.
   */
  readonly chainPem: string;
  /** The private key, PKCS #8 PEM. */
  readonly privateKeyPem: string;
  /** The private key as a node KeyObject. */
  readonly privateKey: KeyObject;
  /** The key type. */
  readonly keyType: LabKeyType;
  /** The parsed certificate. */
  readonly certificate: X509Certificate;
  /** Whether the certificate may issue others (basicConstraints cA). */
  readonly isCa: boolean;
  /** The DER subject name, which certificates issued by this one carry as issuer. */
  readonly subjectDer: Uint8Array;
  /** The subject key identifier, which issued certificates carry as authority key identifier. */
  readonly keyIdentifier: Uint8Array;
  /** How the certificate is signed (by its issuer, or by itself when self-signed). */
  readonly signatureAlgorithm: LabSignatureAlgorithm | 'ed25519';
  /** The certificate, DER. */
  readonly der: Buffer;
  /** The subjectPublicKeyInfo, DER: what TLSA selector 1 and OCSP key hashes are computed from. */
  readonly spkiDer: Buffer;
}

/** A lab CA: a certificate that may issue others, with its key. */
export type LabCa = LabCertificate;

/** Options for {@link createLabCa}. */
export interface CreateLabCaOptions {
  /** The CA's common name; default `pastoe lab CA`. */
  readonly commonName?: string;
  /** The CA key type; default `ecdsa-p256`, which is fast to make. */
  readonly keyType?: LabKeyType;
  /** Start of validity; default one day ago. */
  readonly notBefore?: Date;
  /** End of validity; default ten years on. */
  readonly notAfter?: Date;
  /** Use this key pair instead of a fresh one (its type overrides `keyType`). */
  readonly privateKey?: KeyObject;
}

/** Options for {@link issueCertificate}. */
export interface IssueCertificateOptions {
  /** DNS names for the subjectAltName (wildcards allowed); the first is also the common name. */
  readonly names?: readonly string[];
  /** IP addresses for the subjectAltName. */
  readonly ips?: readonly string[];
  /** The key type; default `ecdsa-p256`. */
  readonly keyType?: LabKeyType;
  /** Start of validity; default one hour ago. Put both dates in the past for an expired certificate. */
  readonly notBefore?: Date;
  /** End of validity; default 90 days on. */
  readonly notAfter?: Date;
  /** The common name; default the first name or address. */
  readonly commonName?: string;
  /** Issue an intermediate CA instead of a server certificate. */
  readonly isCa?: boolean;
  /** How the issuer signs it; default SHA-256 (SHA-384 for a P-384 issuer, Ed25519 for an Ed25519 issuer). */
  readonly signatureAlgorithm?: LabSignatureAlgorithm;
  /**
   * Use this key pair instead of a fresh one (its type overrides `keyType`). The lab keeps a few
   * fixed RSA keys because making RSA keys takes hundreds of milliseconds.
   */
  readonly privateKey?: KeyObject;
  /** An OCSP responder URL for the authorityInfoAccess extension (what OCSP stapling checks look for). */
  readonly ocspUrl?: string;
  /** `server` (default: serverAuth and clientAuth) or `ocsp-signing` for a delegated OCSP responder. */
  readonly purpose?: LabCertificatePurpose;
}

/** Options for {@link createSelfSignedCertificate}. */
export type SelfSignedCertificateOptions = Omit<IssueCertificateOptions, 'isCa'>;

const day = 86_400_000;

async function generateKey(keyType: LabKeyType): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  switch (keyType) {
    case 'rsa-1024':
    case 'rsa-2048':
    case 'rsa-3072':
    case 'rsa-4096':
      return generateKeyPairAsync('rsa', { modulusLength: Number(keyType.slice(4)), publicExponent: 65537 });
    case 'ecdsa-p256':
      return generateKeyPairAsync('ec', { namedCurve: 'P-256' });
    case 'ecdsa-p384':
      return generateKeyPairAsync('ec', { namedCurve: 'P-384' });
    case 'ed25519':
      return generateKeyPairAsync('ed25519');
  }
}

/** The key type of an existing key pair, for keys passed in rather than made here. */
function keyTypeOf(key: KeyObject): LabKeyType {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details?.modulusLength;
    if (bits === 1024 || bits === 2048 || bits === 3072 || bits === 4096) return `rsa-${bits}`;
  } else if (key.asymmetricKeyType === 'ec') {
    if (details?.namedCurve === 'prime256v1') return 'ecdsa-p256';
    if (details?.namedCurve === 'secp384r1') return 'ecdsa-p384';
  } else if (key.asymmetricKeyType === 'ed25519') {
    return 'ed25519';
  }
  throw new Error(`the lab does not issue certificates for this key (${key.asymmetricKeyType ?? 'unknown'})`);
}

const hashOids: Record<'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512', { rsa: string; ecdsa: string; digest: string }> = {
  sha1: { rsa: '1.2.840.113549.1.1.5', ecdsa: '1.2.840.10045.4.1', digest: '1.3.14.3.2.26' },
  sha224: { rsa: '1.2.840.113549.1.1.14', ecdsa: '1.2.840.10045.4.3.1', digest: '2.16.840.1.101.3.4.2.4' },
  sha256: { rsa: '1.2.840.113549.1.1.11', ecdsa: '1.2.840.10045.4.3.2', digest: '2.16.840.1.101.3.4.2.1' },
  sha384: { rsa: '1.2.840.113549.1.1.12', ecdsa: '1.2.840.10045.4.3.3', digest: '2.16.840.1.101.3.4.2.2' },
  sha512: { rsa: '1.2.840.113549.1.1.13', ecdsa: '1.2.840.10045.4.3.4', digest: '2.16.840.1.101.3.4.2.3' },
};

/** How a signer with a given key type signs: the AlgorithmIdentifier and what `crypto.sign` needs. */
interface Signer {
  readonly name: LabSignatureAlgorithm | 'ed25519';
  readonly identifier: Der;
  readonly sign: (data: Buffer, key: KeyObject) => Buffer;
}

/** The signature algorithm for a signer's key type and the requested algorithm (RFC 4055, RFC 5758, RFC 8410). */
export function labSigner(keyType: LabKeyType, requested: LabSignatureAlgorithm | undefined): Signer {
  if (keyType === 'ed25519') {
    if (requested !== undefined) throw new Error(`an Ed25519 issuer cannot sign with ${requested}`);
    return { name: 'ed25519', identifier: sequence(oid('1.3.101.112')), sign: (data, key) => sign(null, data, key) };
  }
  const rsa = keyType.startsWith('rsa-');
  const algorithm = requested ?? (keyType === 'ecdsa-p384' ? 'sha384' : 'sha256');
  if (algorithm === 'rsa-pss') {
    if (!rsa) throw new Error('only an RSA issuer can sign with RSASSA-PSS');
    const sha256 = sequence(oid(hashOids.sha256.digest), nullValue());
    const parameters = sequence(
      contextTag(0, sha256, true),
      contextTag(1, sequence(oid('1.2.840.113549.1.1.8'), sha256), true),
      contextTag(2, smallInteger(32), true),
    );
    return {
      name: 'rsa-pss',
      identifier: sequence(oid('1.2.840.113549.1.1.10'), parameters),
      sign: (data, key) => sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }),
    };
  }
  const oids = hashOids[algorithm];
  // RFC 4055 wants NULL parameters for the PKCS #1 v1.5 OIDs; RFC 5758 wants none for ECDSA.
  const identifier = rsa ? sequence(oid(oids.rsa), nullValue()) : sequence(oid(oids.ecdsa));
  return { name: algorithm, identifier, sign: (data, key) => sign(algorithm, data, key) };
}

function distinguishedName(commonName: string): Der {
  return sequence(set(sequence(oid('2.5.4.10'), utf8String('pastoe lab'))), set(sequence(oid('2.5.4.3'), utf8String(commonName))));
}

function extension(id: string, critical: boolean, value: Der): Der {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

/** The 16 address bytes of an IPv6 text address (with `::` and an optional dotted IPv4 tail). */
function ipv6Bytes(address: string): Buffer {
  let text = address;
  const tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1] !== undefined) {
    tail.push(...v4[1].split('.').map(Number));
    text = `${text.slice(0, -v4[1].length)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const all = rest === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const out = Buffer.alloc(16);
  for (const [i, g] of all.entries()) out.writeUInt16BE(g, i * 2);
  if (tail.length === 4) Buffer.from(tail).copy(out, 12);
  return out;
}

function ipBytes(address: string): Buffer {
  if (isIPv4(address)) return Buffer.from(address.split('.').map(Number));
  if (isIPv6(address)) return ipv6Bytes(address.replace(/%.*$/, ''));
  throw new Error(`invalid IP address "${address}"`);
}

interface BuildOptions {
  readonly subjectName: string;
  readonly keyType: LabKeyType;
  readonly pair: { publicKey: KeyObject; privateKey: KeyObject };
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCa: boolean;
  readonly names: readonly string[];
  readonly ips: readonly string[];
  /** Absent for a self-signed certificate. */
  readonly issuer?: LabCertificate;
  readonly signatureAlgorithm?: LabSignatureAlgorithm;
  readonly ocspUrl?: string;
  readonly purpose: LabCertificatePurpose;
}

function buildCertificate(options: BuildOptions): LabCertificate {
  const spki = options.pair.publicKey.export({ type: 'spki', format: 'der' });
  const keyIdentifier = createHash('sha1').update(spki).digest();
  const subjectDer = distinguishedName(options.subjectName);
  const signerKeyType = options.issuer?.keyType ?? options.keyType;
  const signerKey = options.issuer?.privateKey ?? options.pair.privateKey;
  const algorithm = labSigner(signerKeyType, options.signatureAlgorithm);
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01;

  const extensions: Der[] = [extension('2.5.29.19', true, options.isCa ? sequence(boolean(true)) : sequence())];
  const rsa = options.keyType.startsWith('rsa-');
  extensions.push(extension('2.5.29.15', true, options.isCa ? namedBits([0, 5, 6]) : namedBits(rsa ? [0, 2] : [0])));
  if (options.isCa) {
    // No extendedKeyUsage on a CA: it would restrict what the whole chain may be used for.
  } else if (options.purpose === 'ocsp-signing') {
    extensions.push(extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.9'))));
  } else {
    extensions.push(extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))));
  }
  const altNames = [...options.names.map((n) => tlv(0x82, Buffer.from(n, 'ascii'))), ...options.ips.map((ip) => tlv(0x87, ipBytes(ip)))];
  if (altNames.length > 0) extensions.push(extension('2.5.29.17', false, sequence(...altNames)));
  extensions.push(extension('2.5.29.14', false, octetString(keyIdentifier)));
  if (options.issuer !== undefined) {
    extensions.push(extension('2.5.29.35', false, sequence(contextTag(0, options.issuer.keyIdentifier, false))));
  }
  if (options.ocspUrl !== undefined) {
    // authorityInfoAccess with one id-ad-ocsp accessDescription; the URI is an IMPLICIT [6] IA5String.
    const access = sequence(oid('1.3.6.1.5.5.7.48.1'), contextTag(6, Buffer.from(options.ocspUrl, 'ascii'), false));
    extensions.push(extension('1.3.6.1.5.5.7.1.1', false, sequence(access)));
  }

  const tbs = sequence(
    contextTag(0, smallInteger(2), true),
    unsignedInteger(serial),
    algorithm.identifier,
    options.issuer === undefined ? subjectDer : Buffer.from(options.issuer.subjectDer),
    sequence(time(options.notBefore), time(options.notAfter)),
    subjectDer,
    Buffer.from(spki),
    contextTag(3, sequence(...extensions), true),
  );
  const signature = algorithm.sign(tbs, signerKey);
  const der = sequence(tbs, algorithm.identifier, bitString(signature));
  const certificatePem = toPem('CERTIFICATE', der);
  const issuerChain =
    options.issuer === undefined || options.issuer.certificate.issuer === options.issuer.certificate.subject ? '' : options.issuer.chainPem;
  return {
    certificatePem,
    chainPem: certificatePem + issuerChain,
    privateKeyPem: options.pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    privateKey: options.pair.privateKey,
    keyType: options.keyType,
    certificate: new X509Certificate(der),
    isCa: options.isCa,
    subjectDer,
    keyIdentifier,
    signatureAlgorithm: algorithm.name,
    der,
    spkiDer: Buffer.from(spki),
  };
}

/** Creates a self-signed lab root CA with a fresh key. */
export async function createLabCa(options: CreateLabCaOptions = {}): Promise<LabCa> {
  const { pair, keyType } = await keyPairFor(options);
  const now = Date.now();
  return buildCertificate({
    subjectName: options.commonName ?? 'pastoe lab CA',
    keyType,
    pair,
    notBefore: options.notBefore ?? new Date(now - day),
    notAfter: options.notAfter ?? new Date(now + 3650 * day),
    isCa: true,
    names: [],
    ips: [],
    purpose: 'server',
  });
}

/**
 * Issues a certificate from a lab CA with a fresh key: a server certificate (serverAuth and
 * clientAuth, the names and addresses in subjectAltName) or, with `isCa`, an intermediate CA.
 */
export async function issueCertificate(ca: LabCa, options: IssueCertificateOptions = {}): Promise<LabCertificate> {
  if (!ca.isCa) throw new Error('the issuing certificate is not a CA');
  const { pair, keyType } = await keyPairFor(options);
  const names = options.names ?? [];
  const ips = options.ips ?? [];
  const now = Date.now();
  const rest = {
    purpose: options.purpose ?? 'server',
    ...(options.signatureAlgorithm === undefined ? {} : { signatureAlgorithm: options.signatureAlgorithm }),
    ...(options.ocspUrl === undefined ? {} : { ocspUrl: options.ocspUrl }),
  } as const;
  return buildCertificate({
    subjectName: options.commonName ?? names[0] ?? ips[0] ?? 'pastoe lab',
    keyType,
    pair,
    notBefore: options.notBefore ?? new Date(now - 3_600_000),
    notAfter: options.notAfter ?? new Date(now + 90 * day),
    isCa: options.isCa ?? false,
    names,
    ips,
    issuer: ca,
    ...rest,
  });
}

/**
 * Makes a self-signed server certificate (not a CA) with a fresh key: what a server shows when
 * nobody issued its certificate, which no client trusts.
 */
export async function createSelfSignedCertificate(options: SelfSignedCertificateOptions = {}): Promise<LabCertificate> {
  const { pair, keyType } = await keyPairFor(options);
  const names = options.names ?? [];
  const ips = options.ips ?? [];
  const now = Date.now();
  return buildCertificate({
    subjectName: options.commonName ?? names[0] ?? ips[0] ?? 'pastoe lab',
    keyType,
    pair,
    notBefore: options.notBefore ?? new Date(now - 3_600_000),
    notAfter: options.notAfter ?? new Date(now + 90 * day),
    isCa: false,
    names,
    ips,
    purpose: options.purpose ?? 'server',
    ...(options.signatureAlgorithm === undefined ? {} : { signatureAlgorithm: options.signatureAlgorithm }),
    ...(options.ocspUrl === undefined ? {} : { ocspUrl: options.ocspUrl }),
  });
}

/** The key pair for a new certificate: the one passed in, or a fresh one of the asked type. */
async function keyPairFor(options: {
  readonly privateKey?: KeyObject;
  readonly keyType?: LabKeyType;
}): Promise<{ pair: { publicKey: KeyObject; privateKey: KeyObject }; keyType: LabKeyType }> {
  if (options.privateKey !== undefined) {
    const keyType = keyTypeOf(options.privateKey);
    return { pair: { privateKey: options.privateKey, publicKey: createPublicKey(options.privateKey) }, keyType };
  }
  const keyType = options.keyType ?? 'ecdsa-p256';
  return { pair: await generateKey(keyType), keyType };
}

/** The certificates of a PEM chain, DER, in order. */
export function certificatesFromPem(pem: string): Buffer[] {
  return fromPem(pem, 'CERTIFICATE');
}
