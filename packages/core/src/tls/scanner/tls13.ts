/**
 * The pieces of TLS 1.3 (RFC 8446) the scanner needs to speak it itself, for the one test
 * node:tls cannot do (0-RTT acceptance): the key schedule (HKDF-Extract, HKDF-Expand-Label,
 * Derive-Secret), record protection with AES-GCM and ChaCha20-Poly1305, the transcript hash, and
 * ephemeral key shares for X25519, P-256 and P-384. Certificates are not verified: the
 * scanner only needs the server to talk, never to trust it.
 */
import {
  type CipherChaCha20Poly1305,
  type CipherGCM,
  type DecipherChaCha20Poly1305,
  type DecipherGCM,
  type Hash,
  createCipheriv,
  createDecipheriv,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  randomBytes,
} from 'node:crypto';
import { build } from '../../util/bytes.js';
import { Group } from './constants.js';

/** A TLS 1.3 cipher suite the scanner can run. */
export interface Tls13Suite {
  /** The IANA code. */
  readonly code: number;
  /** The HKDF and transcript hash. */
  readonly hash: 'sha256' | 'sha384';
  /** The hash length in bytes. */
  readonly hashLength: number;
  /** The node:crypto AEAD name. */
  readonly cipher: 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305';
  /** The AEAD key length in bytes. */
  readonly keyLength: number;
}

const clientSuites: readonly Tls13Suite[] = Object.freeze([
  Object.freeze({ code: 0x1301, hash: 'sha256', hashLength: 32, cipher: 'aes-128-gcm', keyLength: 16 } as const),
  Object.freeze({ code: 0x1302, hash: 'sha384', hashLength: 48, cipher: 'aes-256-gcm', keyLength: 32 } as const),
  Object.freeze({ code: 0x1303, hash: 'sha256', hashLength: 32, cipher: 'chacha20-poly1305', keyLength: 32 } as const),
]);

/** The suite the scanner's own TLS 1.3 client runs for a code; the CCM suites are left out. */
export function tls13ClientSuite(code: number): Tls13Suite | undefined {
  return clientSuites.find((suite) => suite.code === code);
}

/** HKDF-Extract (RFC 5869). */
export function hkdfExtract(hash: string, salt: Uint8Array, ikm: Uint8Array): Buffer {
  return createHmac(hash, salt).update(ikm).digest();
}

/** HKDF-Expand (RFC 5869). */
export function hkdfExpand(hash: string, prk: Uint8Array, info: Uint8Array, length: number): Buffer {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let total = 0;
  for (let counter = 1; total < length; counter++) {
    previous = createHmac(hash, prk)
      .update(previous)
      .update(info)
      .update(Uint8Array.from([counter]))
      .digest();
    blocks.push(previous);
    total += previous.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** HKDF-Expand-Label (RFC 8446 §7.1). */
function expandLabel(hash: string, secret: Uint8Array, label: string, context: Uint8Array, length: number): Buffer {
  const info = build((w) =>
    w
      .uint(length, 2)
      .vector(Buffer.from(`tls13 ${label}`, 'ascii'), 1)
      .vector(context, 1),
  );
  return hkdfExpand(hash, secret, info, length);
}

/** Derive-Secret (RFC 8446 §7.1), given the transcript hash. */
export function deriveSecret(suite: Tls13Suite, secret: Uint8Array, label: string, transcriptHash: Uint8Array): Buffer {
  return expandLabel(suite.hash, secret, label, transcriptHash, suite.hashLength);
}

/** The hash of no messages, for `Derive-Secret(., "derived", "")`. */
export function emptyHash(suite: Tls13Suite): Buffer {
  return createHash(suite.hash).digest();
}

/** The Early Secret: HKDF-Extract over the PSK, or over zeros for a full handshake (RFC 8446 §7.1). */
export function earlySecret(suite: Tls13Suite, psk: Uint8Array = new Uint8Array(suite.hashLength)): Buffer {
  return hkdfExtract(suite.hash, new Uint8Array(suite.hashLength), psk);
}

/** The next stage's secret: HKDF-Extract with `Derive-Secret(previous, "derived", "")` as salt. */
function nextStage(suite: Tls13Suite, previous: Uint8Array, ikm: Uint8Array): Buffer {
  return hkdfExtract(suite.hash, deriveSecret(suite, previous, 'derived', emptyHash(suite)), ikm);
}

/** The Handshake Secret, from the Early Secret and the (EC)DHE shared secret. */
export function handshakeSecret(suite: Tls13Suite, early: Uint8Array, shared: Uint8Array): Buffer {
  return nextStage(suite, early, shared);
}

/** The Master Secret, from the Handshake Secret. */
export function masterSecret(suite: Tls13Suite, handshake: Uint8Array): Buffer {
  return nextStage(suite, handshake, new Uint8Array(suite.hashLength));
}

/** A client and a server traffic secret of one stage. */
export interface TrafficSecrets {
  /** What the client sends under. */
  readonly client: Buffer;
  /** What the server sends under. */
  readonly server: Buffer;
}

/**
 * The traffic secrets of a stage: `hs` from the Handshake Secret and the hash of ClientHello …
 * ServerHello, `ap` from the Master Secret and the hash of ClientHello … server Finished.
 */
export function trafficSecrets(suite: Tls13Suite, secret: Uint8Array, stage: 'hs' | 'ap', transcriptHash: Uint8Array): TrafficSecrets {
  return {
    client: deriveSecret(suite, secret, `c ${stage} traffic`, transcriptHash),
    server: deriveSecret(suite, secret, `s ${stage} traffic`, transcriptHash),
  };
}

/** The client's early traffic secret (0-RTT data), from the Early Secret and the hash of the ClientHello. */
export function clientEarlyTrafficSecret(suite: Tls13Suite, early: Uint8Array, helloHash: Uint8Array): Buffer {
  return deriveSecret(suite, early, 'c e traffic', helloHash);
}

/**
 * A Finished MAC: HMAC over a transcript hash with the `finished` key of `baseKey` (RFC 8446
 * §4.4.4). Finished messages use a handshake traffic secret; a PSK binder uses the binder key
 * ({@link resumptionBinderKey}) and the hash of the ClientHello up to its binders (§4.2.11.2).
 */
export function finishedMac(suite: Tls13Suite, baseKey: Uint8Array, transcriptHash: Uint8Array): Buffer {
  const key = expandLabel(suite.hash, baseKey, 'finished', new Uint8Array(0), suite.hashLength);
  return createHmac(suite.hash, key).update(transcriptHash).digest();
}

/** The binder key of a resumption PSK, from the Early Secret that PSK gives. */
export function resumptionBinderKey(suite: Tls13Suite, early: Uint8Array): Buffer {
  return deriveSecret(suite, early, 'res binder', emptyHash(suite));
}

/** The resumption master secret, from the Master Secret and the hash of ClientHello … client Finished. */
export function resumptionMasterSecret(suite: Tls13Suite, master: Uint8Array, transcriptHash: Uint8Array): Buffer {
  return deriveSecret(suite, master, 'res master', transcriptHash);
}

/** The PSK a NewSessionTicket stands for, from the resumption master secret and the ticket's nonce (RFC 8446 §4.6.1). */
export function ticketPsk(suite: Tls13Suite, resumptionMaster: Uint8Array, nonce: Uint8Array): Buffer {
  return expandLabel(suite.hash, resumptionMaster, 'resumption', nonce, suite.hashLength);
}

/** The running transcript hash of the handshake messages. */
export class Transcript {
  readonly #hash: Hash;

  /** @param suite - the suite whose hash to use */
  constructor(suite: Tls13Suite) {
    this.#hash = createHash(suite.hash);
  }

  /** Adds a handshake message (with its 4-byte header). */
  add(message: Uint8Array): void {
    this.#hash.update(message);
  }

  /** The hash of the messages so far. */
  digest(): Buffer {
    return this.#hash.copy().digest();
  }
}

// The AEAD names have their own overloads in @types/node; one branch each keeps the types exact.
function aeadCipher(suite: Tls13Suite, key: Buffer, nonce: Buffer): CipherGCM | CipherChaCha20Poly1305 {
  if (suite.cipher === 'chacha20-poly1305') return createCipheriv(suite.cipher, key, nonce, { authTagLength: 16 });
  return createCipheriv(suite.cipher, key, nonce, { authTagLength: 16 });
}

function aeadDecipher(suite: Tls13Suite, key: Buffer, nonce: Buffer): DecipherGCM | DecipherChaCha20Poly1305 {
  if (suite.cipher === 'chacha20-poly1305') return createDecipheriv(suite.cipher, key, nonce, { authTagLength: 16 });
  return createDecipheriv(suite.cipher, key, nonce, { authTagLength: 16 });
}

/** The AEAD key and IV of a traffic secret (RFC 8446 §7.3). */
export function trafficKeys(suite: Tls13Suite, secret: Uint8Array): { readonly key: Buffer; readonly iv: Buffer } {
  return {
    key: expandLabel(suite.hash, secret, 'key', new Uint8Array(0), suite.keyLength),
    iv: expandLabel(suite.hash, secret, 'iv', new Uint8Array(0), 12),
  };
}

/** Record protection with one traffic secret (RFC 8446 §5.2–5.3). */
export class RecordProtection {
  readonly #suite: Tls13Suite;
  readonly #key: Buffer;
  readonly #iv: Buffer;
  #sequence = 0n;

  /**
   * @param suite - the suite
   * @param secret - the traffic secret
   */
  constructor(suite: Tls13Suite, secret: Uint8Array) {
    this.#suite = suite;
    const keys = trafficKeys(suite, secret);
    this.#key = keys.key;
    this.#iv = keys.iv;
  }

  #nonce(): Buffer {
    const nonce = Buffer.from(this.#iv);
    let sequence = this.#sequence;
    for (let i = 11; i >= 4; i--) {
      nonce[i] = (nonce[i] as number) ^ Number(sequence & 0xffn);
      sequence >>= 8n;
    }
    this.#sequence++;
    return nonce;
  }

  /** Encrypts one record of `type` (the inner content type) and returns it with its header. */
  seal(type: number, plaintext: Uint8Array): Buffer {
    const inner = Buffer.concat([plaintext, Uint8Array.from([type])]);
    const length = inner.length + 16;
    const header = Buffer.from([23, 3, 3, length >> 8, length & 0xff]);
    const cipher = aeadCipher(this.#suite, this.#key, this.#nonce());
    cipher.setAAD(header, { plaintextLength: inner.length });
    const body = Buffer.concat([cipher.update(inner), cipher.final(), cipher.getAuthTag()]);
    return Buffer.concat([header, body]);
  }

  /**
   * Decrypts one record (header and body). Returns the inner content type and plaintext, or
   * undefined when it does not authenticate.
   */
  open(header: Uint8Array, body: Uint8Array): { readonly type: number; readonly plaintext: Buffer } | undefined {
    if (body.length < 17) return undefined;
    try {
      const decipher = aeadDecipher(this.#suite, this.#key, this.#nonce());
      decipher.setAAD(header, { plaintextLength: body.length - 16 });
      decipher.setAuthTag(body.subarray(body.length - 16));
      const inner = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
      let end = inner.length;
      while (end > 0 && inner[end - 1] === 0) end--;
      if (end === 0) return undefined;
      return { type: inner[end - 1] as number, plaintext: inner.subarray(0, end - 1) };
    } catch {
      return undefined;
    }
  }
}

/** An ephemeral key share the client can finish. */
export interface ClientKeyShare {
  /** The group. */
  readonly group: number;
  /** The public key as sent. */
  readonly publicKey: Uint8Array;
  /** Computes the shared secret from the server's share; undefined for an invalid share. */
  secret(serverShare: Uint8Array): Buffer | undefined;
}

/** The DER of an X25519 private key in PKCS #8 (RFC 8410) before its 32 bytes. */
const x25519Pkcs8Prefix = Buffer.from('302e020100300506032b656e04220420', 'hex');
/** The length of the DER of an X25519 public key's SubjectPublicKeyInfo (RFC 8410) before its 32 bytes. */
const x25519SpkiPrefixLength = 12;

/**
 * A fresh X25519 key share, from 32 random bytes (any 32 bytes are a private key: X25519 clamps
 * them). `privateKey` is for tests with known vectors. The key is imported rather than made with
 * `generateKeyPairSync`: Node 20 can deadlock when a garbage collection during the export of a
 * generated key finalises the key-generation job, which takes the key's lock the export holds
 * (a bulk run of 10,000 domains hung on it).
 */
export function x25519KeyShare(privateKey: Uint8Array = randomBytes(32)): ClientKeyShare {
  if (privateKey.length !== 32) throw new RangeError('an X25519 private key is 32 bytes');
  const key = createPrivateKey({ key: Buffer.concat([x25519Pkcs8Prefix, privateKey]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return {
    group: Group.x25519,
    publicKey: spki.subarray(x25519SpkiPrefixLength),
    secret(serverShare) {
      if (serverShare.length !== 32) return undefined;
      try {
        const peer = createPublicKey({
          key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(serverShare).toString('base64url') },
          format: 'jwk',
        });
        return diffieHellman({ privateKey: key, publicKey: peer });
      } catch {
        return undefined;
      }
    },
  };
}

function ecdhShare(group: number, curve: string): ClientKeyShare {
  const ecdh = createECDH(curve);
  const publicKey = ecdh.generateKeys();
  return {
    group,
    publicKey,
    secret(serverShare) {
      try {
        return ecdh.computeSecret(serverShare);
      } catch {
        return undefined;
      }
    },
  };
}

/** Fresh key shares for X25519, P-256 and P-384: with all three a HelloRetryRequest is rare. */
export function clientKeyShares(): ClientKeyShare[] {
  return [x25519KeyShare(), ecdhShare(Group.secp256r1, 'prime256v1'), ecdhShare(Group.secp384r1, 'secp384r1')];
}
