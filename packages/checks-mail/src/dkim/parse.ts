/**
 * DKIM key records (RFC 6376 §3.6.1, tag=value list of §3.2; Ed25519 keys of RFC 8463) read into
 * their tags and the facts of their public key. Pure, without Node modules (checks use it).
 */
import { base64Bytes, readRsaPublicKey } from './public-key.js';

/** The longest record text {@link parseDkimRecord} reads; longer text is refused unread. */
export const dkimRecordMaxLength = 16_384;
/**
 * The longest `p=` value (base64, folding whitespace removed) whose key is decoded: room for an
 * RSA-16384 key in SubjectPublicKeyInfo, bounding the DER the key reader walks.
 */
export const dkimKeyMaxBase64Length = 4_096;

/** What is wrong with a DKIM key record, or worth a warning. */
export type DkimProblemCode =
  | 'too-long'
  | 'malformed-tag'
  | 'duplicate-tag'
  | 'version-not-first'
  | 'bad-version'
  | 'missing-key'
  | 'unknown-key-type'
  | 'bad-base64'
  | 'key-too-large'
  | 'bad-key'
  | 'key-type-mismatch'
  | 'no-usable-hash'
  | 'not-for-email'
  | 'unknown-tag'
  | 'empty-tag'
  | 'sha1-allowed'
  | 'unknown-hash'
  | 'unknown-flag'
  | 'rsa-public-key-format';

/** One problem {@link parseDkimRecord} found. */
export interface DkimProblem {
  /** What is wrong. */
  readonly code: DkimProblemCode;
  /** The tag it concerns, as written. */
  readonly tag?: string;
  /** The offending value, as written (at most 100 characters). */
  readonly value?: string;
  /** One line in English saying what is wrong. */
  readonly message: string;
}

/** One tag as written: its name (tag names are case-sensitive) and its value without surrounding whitespace. */
export interface DkimTag {
  /** The tag name. */
  readonly name: string;
  /** The value, trimmed. */
  readonly value: string;
}

/** The values of a DKIM key record, with RFC 6376's defaults filled in. */
export interface DkimRecord {
  /** `v`, when present. */
  readonly version?: string;
  /** `k`: the key type, `rsa` by default; an unknown type as written. */
  readonly keyType: string;
  /** `h`: the hash algorithms the key may sign with; absent means any. */
  readonly hashAlgorithms?: readonly string[];
  /** `s`: the service types, `*` by default. */
  readonly serviceTypes: readonly string[];
  /** `t`: the flags as written. */
  readonly flags: readonly string[];
  /** `t=y`: the domain is testing DKIM; verifiers must not treat unsigned mail differently. */
  readonly testing: boolean;
  /** `t=s`: the `i=` of signatures must be the `d=` domain itself, no subdomain. */
  readonly strict: boolean;
  /** `n`: notes for humans. */
  readonly notes?: string;
  /** `p`: the public key in base64 without folding whitespace; `''` when the key is revoked. */
  readonly publicKey: string;
  /** `p=` is empty: the key is revoked (RFC 6376 §3.6.1). */
  readonly revoked: boolean;
}

/** What the public key of a record is. */
export interface DkimKeyFacts {
  /** The key type the DER or raw key holds. */
  readonly type: 'rsa' | 'ed25519';
  /** The RSA modulus length, or 256 for Ed25519. */
  readonly bits: number;
  /**
   * How the key is encoded: `spki` (SubjectPublicKeyInfo, as RFC 6376 says), `rsa-public-key`
   * (a bare PKCS #1 RSAPublicKey, which some publish and many verifiers accept), or `raw` (the
   * 32 bytes of an Ed25519 key, RFC 8463).
   */
  readonly encoding: 'spki' | 'rsa-public-key' | 'raw';
}

/** What {@link parseDkimRecord} found. */
export interface DkimParseResult {
  /** True when there are no errors: a verifier can use the key (or sees it revoked). */
  readonly valid: boolean;
  /** The values that parsed. */
  readonly record: DkimRecord;
  /** The public key's facts, when it decoded. */
  readonly key?: DkimKeyFacts;
  /** Every tag, in order, unknown ones included. */
  readonly tags: readonly DkimTag[];
  /** Errors, in the order found. */
  readonly errors: readonly DkimProblem[];
  /** Warnings, in the order found. */
  readonly warnings: readonly DkimProblem[];
}

const knownTags: ReadonlySet<string> = new Set(['v', 'h', 'k', 'n', 'p', 's', 't']);
const tagName = /^[A-Za-z][A-Za-z0-9_]*$/;
/** A tag value: VCHAR except `;`, with folding whitespace inside (RFC 6376 §3.2). */
const tagValue = /^[\x21-\x3a\x3c-\x7e]+(?:[ \t\r\n]+[\x21-\x3a\x3c-\x7e]+)*$/;
const whitespace = /[ \t\r\n]+/g;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const clip = (value: string): string => (value.length > 100 ? `${value.slice(0, 97)}...` : value);
const list = (value: string): string[] =>
  value
    .split(':')
    .map((item) => item.replace(whitespace, ''))
    .filter((item) => item !== '');

/** Splits the tag=value list; problems of its shape go to `errors`, an empty tag to `warnings`. */
function readTags(text: string, errors: DkimProblem[], warnings: DkimProblem[]): DkimTag[] {
  const tags: DkimTag[] = [];
  const parts = text.split(';');
  // A trailing `;` (with only whitespace after it) is allowed.
  if (parts.length > 1 && (parts.at(-1) ?? '').trim() === '') parts.pop();
  for (const part of parts) {
    if (part.trim() === '') {
      warnings.push({
        code: 'empty-tag',
        message: 'an empty tag between two semicolons, which the grammar does not allow; verifiers skip it',
      });
      continue;
    }
    const equals = part.indexOf('=');
    const name = (equals < 0 ? part : part.slice(0, equals)).trim();
    const value = equals < 0 ? '' : part.slice(equals + 1).trim();
    if (equals < 0 || !tagName.test(name) || (value !== '' && !tagValue.test(value))) {
      errors.push({ code: 'malformed-tag', value: clip(part.trim()), message: `"${clip(part.trim())}" is no tag=value pair` });
      continue;
    }
    if (tags.some((tag) => tag.name === name)) {
      errors.push({ code: 'duplicate-tag', tag: name, message: `the tag ${name} occurs more than once, which makes the record invalid` });
      continue;
    }
    tags.push({ name, value });
  }
  return tags;
}

/** Reads an RSA key from DER: SubjectPublicKeyInfo first, then a bare RSAPublicKey. */
function rsaKey(der: Uint8Array, warnings: DkimProblem[], errors: DkimProblem[]): DkimKeyFacts | undefined {
  const reading = readRsaPublicKey(der);
  if (reading.ok) {
    if (reading.encoding === 'rsa-public-key') {
      warnings.push({
        code: 'rsa-public-key-format',
        tag: 'p',
        message: 'p= holds a bare RSAPublicKey; RFC 6376 asks for a SubjectPublicKeyInfo, which some verifiers require',
      });
    }
    return { type: 'rsa', bits: reading.bits, encoding: reading.encoding };
  }
  if (reading.otherType !== undefined) {
    errors.push({ code: 'key-type-mismatch', tag: 'p', message: `k=rsa, but p= holds a ${reading.otherType} key` });
    return undefined;
  }
  errors.push({ code: 'bad-key', tag: 'p', message: 'p= is no RSA public key (neither SubjectPublicKeyInfo nor RSAPublicKey DER)' });
  return undefined;
}

/** Decodes `p=` and reads the key it holds. */
function readKey(keyType: string, publicKey: string, warnings: DkimProblem[], errors: DkimProblem[]): DkimKeyFacts | undefined {
  if (publicKey.length > dkimKeyMaxBase64Length) {
    errors.push({
      code: 'key-too-large',
      tag: 'p',
      message: `p= holds ${publicKey.length} base64 characters, more than the ${dkimKeyMaxBase64Length} pastoe decodes`,
    });
    return undefined;
  }
  if (!base64.test(publicKey)) {
    errors.push({ code: 'bad-base64', tag: 'p', value: clip(publicKey), message: 'p= is not valid base64' });
    return undefined;
  }
  const bytes = base64Bytes(publicKey);
  if (keyType === 'rsa') return rsaKey(bytes, warnings, errors);
  if (bytes.length !== 32) {
    errors.push({
      code: 'bad-key',
      tag: 'p',
      message: `an Ed25519 key is 32 bytes (RFC 8463), p= holds ${bytes.length}`,
    });
    return undefined;
  }
  return { type: 'ed25519', bits: 256, encoding: 'raw' };
}

/** Reads the `h`, `s` and `t` lists, which only warn or refuse the key for e-mail. */
function readLists(values: Map<string, string>, warnings: DkimProblem[], errors: DkimProblem[]) {
  const h = values.get('h');
  const hashAlgorithms = h === undefined ? undefined : list(h).map((item) => item.toLowerCase());
  if (hashAlgorithms !== undefined) {
    for (const hash of hashAlgorithms.filter((item) => item !== 'sha1' && item !== 'sha256')) {
      warnings.push({ code: 'unknown-hash', tag: 'h', value: clip(hash), message: `h= names ${clip(hash)}, which verifiers ignore` });
    }
    if (!hashAlgorithms.includes('sha256')) {
      errors.push({
        code: 'no-usable-hash',
        tag: 'h',
        value: clip(h ?? ''),
        message: 'h= does not allow sha256; RFC 8301 forbids verifying with sha1, so no signature can verify',
      });
    } else if (hashAlgorithms.includes('sha1')) {
      warnings.push({ code: 'sha1-allowed', tag: 'h', message: 'h= still allows sha1, which RFC 8301 forbids signing and verifying with' });
    }
  }
  const s = values.get('s');
  const serviceTypes = s === undefined ? ['*'] : list(s).map((item) => item.toLowerCase());
  if (!serviceTypes.includes('*') && !serviceTypes.includes('email')) {
    errors.push({
      code: 'not-for-email',
      tag: 's',
      value: clip(s ?? ''),
      message: 's= does not name email or *: the key is not for e-mail',
    });
  }
  const flags = list(values.get('t') ?? '');
  for (const flag of flags.filter((item) => item !== 'y' && item !== 's')) {
    warnings.push({
      code: 'unknown-flag',
      tag: 't',
      value: clip(flag),
      message: `t= has the unknown flag ${clip(flag)}, which verifiers ignore`,
    });
  }
  return { hashAlgorithms, serviceTypes, flags };
}

/**
 * Parses a DKIM key record (its TXT strings joined) by RFC 6376 §3.6.1 and RFC 8463: `v` must
 * come first when present and be `DKIM1`; `k` is `rsa` (the default) or `ed25519`, another type
 * an error; `p` is required, empty when the key is revoked, base64 with folding whitespace
 * allowed; `h`, `s` and `t` are colon-separated lists; unknown tags are ignored with a warning;
 * a repeated tag makes the record invalid. The key's type and size are read from `p`: an RSA key
 * as SubjectPublicKeyInfo or (with a warning) a bare RSAPublicKey, an Ed25519 key as 32 raw bytes.
 */
export function parseDkimRecord(text: string): DkimParseResult {
  const errors: DkimProblem[] = [];
  const warnings: DkimProblem[] = [];
  if (text.length > dkimRecordMaxLength) {
    errors.push({
      code: 'too-long',
      message: `the record is ${text.length} characters long, more than the ${dkimRecordMaxLength} pastoe reads`,
    });
    return {
      valid: false,
      record: { keyType: 'rsa', serviceTypes: ['*'], flags: [], testing: false, strict: false, publicKey: '', revoked: false },
      tags: [],
      errors,
      warnings,
    };
  }
  const tags = readTags(text, errors, warnings);
  const values = new Map(tags.map((tag) => [tag.name, tag.value]));
  const version = values.get('v');
  if (version !== undefined) {
    if (tags[0]?.name !== 'v') errors.push({ code: 'version-not-first', tag: 'v', message: 'v= must be the first tag of the record' });
    if (version !== 'DKIM1') {
      errors.push({ code: 'bad-version', tag: 'v', value: clip(version), message: `v= must be DKIM1, not ${clip(version)}` });
    }
  }
  for (const tag of tags.filter((item) => !knownTags.has(item.name))) {
    warnings.push({ code: 'unknown-tag', tag: tag.name, message: `the tag ${tag.name} is not a DKIM key record tag; verifiers ignore it` });
  }
  const keyType = (values.get('k') ?? 'rsa').toLowerCase();
  if (keyType !== 'rsa' && keyType !== 'ed25519') {
    errors.push({
      code: 'unknown-key-type',
      tag: 'k',
      value: clip(keyType),
      message: `k=${clip(keyType)} is no key type verifiers know (rsa, ed25519)`,
    });
  }
  const { hashAlgorithms, serviceTypes, flags } = readLists(values, warnings, errors);
  const p = values.get('p');
  if (p === undefined) errors.push({ code: 'missing-key', tag: 'p', message: 'the required p= tag is missing' });
  const publicKey = (p ?? '').replace(whitespace, '');
  const revoked = p !== undefined && publicKey === '';
  const key = publicKey === '' || (keyType !== 'rsa' && keyType !== 'ed25519') ? undefined : readKey(keyType, publicKey, warnings, errors);
  const notes = values.get('n');
  const record: DkimRecord = {
    ...(version === undefined ? {} : { version }),
    keyType,
    ...(hashAlgorithms === undefined ? {} : { hashAlgorithms }),
    serviceTypes,
    flags,
    testing: flags.includes('y'),
    strict: flags.includes('s'),
    ...(notes === undefined ? {} : { notes }),
    publicKey,
    revoked,
  };
  return { valid: errors.length === 0, record, ...(key === undefined ? {} : { key }), tags, errors, warnings };
}
