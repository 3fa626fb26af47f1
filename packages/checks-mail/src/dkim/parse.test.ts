import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dkimKeyMaxBase64Length, dkimRecordMaxLength, parseDkimRecord } from './parse.js';

/** The RFC 8463 example records, beside the repository in ../shared when present. */
const vectorFile = fileURLToPath(new URL('../../../../../shared/testsuites/dkim/dns.json', import.meta.url));

/** A fresh RSA key of this size, as SubjectPublicKeyInfo and as bare RSAPublicKey, base64. */
function rsa(bits: number): { spki: string; pkcs1: string } {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    spki: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    pkcs1: publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64'),
  };
}

/** A fresh Ed25519 key as RFC 8463 publishes it: the 32 raw bytes, base64. */
function ed25519(): { raw: string; spki: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { raw: spki.subarray(-32).toString('base64'), spki: spki.toString('base64') };
}

const codes = (problems: readonly { code: string }[]): string[] => problems.map((problem) => problem.code);
const rsa1024 = rsa(1024);
const rsa2048 = rsa(2048);

describe('parseDkimRecord: the tag=value list (RFC 6376 §3.2, §3.6.1)', () => {
  it('reads every tag, with defaults for the absent ones', () => {
    const parsed = parseDkimRecord(`v=DKIM1; k=rsa; h=sha256; s=email; t=y:s; n=key of 2026; p=${rsa2048.spki}`);
    expect(parsed.valid).toBe(true);
    expect(parsed.record).toMatchObject({
      version: 'DKIM1',
      keyType: 'rsa',
      hashAlgorithms: ['sha256'],
      serviceTypes: ['email'],
      flags: ['y', 's'],
      testing: true,
      strict: true,
      notes: 'key of 2026',
      revoked: false,
    });
    expect(parsed.key).toEqual({ type: 'rsa', bits: 2048, encoding: 'spki' });
    const bare = parseDkimRecord(`p=${rsa2048.spki}`);
    expect(bare).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(bare.record).toEqual({
      keyType: 'rsa',
      serviceTypes: ['*'],
      flags: [],
      testing: false,
      strict: false,
      publicKey: rsa2048.spki,
      revoked: false,
    });
  });

  it('allows folding whitespace inside p= and around tags, and a trailing semicolon', () => {
    const folded = rsa2048.spki.replace(/(.{60})/g, '$1 \r\n\t');
    const parsed = parseDkimRecord(` v = DKIM1 ;\tk=rsa ; p= ${folded} ; `);
    expect(parsed.errors).toEqual([]);
    expect(parsed.record.publicKey).toBe(rsa2048.spki);
    expect(parsed.key?.bits).toBe(2048);
  });

  it('refuses a v= that is not first or not DKIM1, a repeated tag, and a malformed pair', () => {
    expect(codes(parseDkimRecord(`k=rsa; v=DKIM1; p=${rsa2048.spki}`).errors)).toEqual(['version-not-first']);
    expect(codes(parseDkimRecord(`v=DKIM2; p=${rsa2048.spki}`).errors)).toEqual(['bad-version']);
    expect(codes(parseDkimRecord(`v=dkim1; p=${rsa2048.spki}`).errors)).toEqual(['bad-version']);
    expect(codes(parseDkimRecord(`v=DKIM1; p=${rsa2048.spki}; p=`).errors)).toEqual(['duplicate-tag']);
    expect(codes(parseDkimRecord(`v=DKIM1; k rsa; p=${rsa2048.spki}`).errors)).toEqual(['malformed-tag']);
    expect(codes(parseDkimRecord(`v=DKIM1; 1k=rsa; p=${rsa2048.spki}`).errors)).toEqual(['malformed-tag']);
    expect(parseDkimRecord(`v=DKIM1; p=${rsa2048.spki}; p=`).valid).toBe(false);
  });

  it('warns of unknown tags and an empty tag, which verifiers ignore', () => {
    const parsed = parseDkimRecord(`v=DKIM1; g=*; ; p=${rsa2048.spki}`);
    expect(parsed.valid).toBe(true);
    expect(parsed.warnings).toMatchObject([{ code: 'empty-tag' }, { code: 'unknown-tag', tag: 'g' }]);
    expect(parsed.tags.map((tag) => tag.name)).toEqual(['v', 'g', 'p']);
  });

  it('requires p=, and reads an empty p= as a revoked key', () => {
    expect(codes(parseDkimRecord('v=DKIM1; k=rsa').errors)).toEqual(['missing-key']);
    const revoked = parseDkimRecord('v=DKIM1; k=rsa; p=');
    expect(revoked).toMatchObject({ valid: true, record: { revoked: true, publicKey: '' } });
    expect(revoked.key).toBeUndefined();
    expect(parseDkimRecord('v=DKIM1; p= ').record.revoked).toBe(true);
  });

  it('refuses an unknown key type, h= without sha256 and s= without email; warns of sha1, unknown hashes and flags', () => {
    expect(parseDkimRecord(`v=DKIM1; k=dsa; p=${rsa2048.spki}`).errors).toMatchObject([{ code: 'unknown-key-type', value: 'dsa' }]);
    expect(codes(parseDkimRecord(`v=DKIM1; h=sha1; p=${rsa2048.spki}`).errors)).toEqual(['no-usable-hash']);
    expect(codes(parseDkimRecord(`v=DKIM1; h=sha1:sha256; p=${rsa2048.spki}`).warnings)).toEqual(['sha1-allowed']);
    expect(codes(parseDkimRecord(`v=DKIM1; h=sha256:sha512; p=${rsa2048.spki}`).warnings)).toEqual(['unknown-hash']);
    expect(codes(parseDkimRecord(`v=DKIM1; s=xmpp; p=${rsa2048.spki}`).errors)).toEqual(['not-for-email']);
    expect(parseDkimRecord(`v=DKIM1; s=email:xmpp; p=${rsa2048.spki}`).valid).toBe(true);
    expect(codes(parseDkimRecord(`v=DKIM1; t=y:x; p=${rsa2048.spki}`).warnings)).toEqual(['unknown-flag']);
  });
});

describe('parseDkimRecord: the public key', () => {
  it('reads the RSA modulus length from SubjectPublicKeyInfo, and from a bare RSAPublicKey with a warning', () => {
    expect(parseDkimRecord(`v=DKIM1; p=${rsa1024.spki}`).key).toEqual({ type: 'rsa', bits: 1024, encoding: 'spki' });
    const pkcs1 = parseDkimRecord(`v=DKIM1; p=${rsa2048.pkcs1}`);
    expect(pkcs1.key).toEqual({ type: 'rsa', bits: 2048, encoding: 'rsa-public-key' });
    expect(codes(pkcs1.warnings)).toEqual(['rsa-public-key-format']);
    expect(pkcs1.valid).toBe(true);
  });

  it('reads an Ed25519 key as 32 raw bytes (RFC 8463), and refuses other lengths', () => {
    const key = ed25519();
    expect(parseDkimRecord(`v=DKIM1; k=ed25519; p=${key.raw}`).key).toEqual({ type: 'ed25519', bits: 256, encoding: 'raw' });
    expect(parseDkimRecord(`v=DKIM1; k=ed25519; p=${key.spki}`).errors).toMatchObject([{ code: 'bad-key' }]);
  });

  it('refuses bad base64, a key that is no key, and a key of another type than k= says', () => {
    expect(codes(parseDkimRecord('v=DKIM1; p=not*base64').errors)).toEqual(['bad-base64']);
    expect(codes(parseDkimRecord('v=DKIM1; p=QUJD').errors)).toEqual(['bad-key']);
    expect(parseDkimRecord(`v=DKIM1; k=rsa; p=${ed25519().spki}`).errors).toMatchObject([
      { code: 'key-type-mismatch', message: 'k=rsa, but p= holds a ed25519 key' },
    ]);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(parseDkimRecord(`v=DKIM1; p=${ec}`).errors).toMatchObject([
      { code: 'key-type-mismatch', message: 'k=rsa, but p= holds a ec key' },
    ]);
  });

  it('reads the modulus length node:crypto reads, and refuses truncated, padded and re-tagged DER', () => {
    for (const bits of [1023, 1024, 2048, 3072]) {
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
      const spki = publicKey.export({ type: 'spki', format: 'der' });
      const expected = publicKey.asymmetricKeyDetails?.modulusLength;
      expect(parseDkimRecord(`p=${spki.toString('base64')}`).key?.bits, `${bits}`).toBe(expected);
    }
    const der = Buffer.from(rsa1024.spki, 'base64');
    const variants = {
      truncated: der.subarray(0, der.length - 1),
      trailing: Buffer.concat([der, Buffer.from([0])]),
      'set, not sequence': Buffer.concat([Buffer.from([0x31]), der.subarray(1)]),
      'unused bits': Buffer.from(der.toString('hex').replace('0003818d00', '0003818d01'), 'hex'),
    };
    expect(variants['unused bits'].equals(der)).toBe(false);
    for (const [name, bytes] of Object.entries(variants)) {
      expect(codes(parseDkimRecord(`p=${bytes.toString('base64')}`).errors), name).toEqual(['bad-key']);
    }
  });

  it('bounds what it reads: a record too long, a key too large to decode', () => {
    expect(codes(parseDkimRecord(`v=DKIM1; n=${'a'.repeat(dkimRecordMaxLength)}; p=`).errors)).toEqual(['too-long']);
    expect(codes(parseDkimRecord(`v=DKIM1; p=${'A'.repeat(dkimKeyMaxBase64Length + 4)}`).errors)).toEqual(['key-too-large']);
  });

  it.runIf(existsSync(vectorFile))('reads the RFC 8463 example records', () => {
    const zone = JSON.parse(readFileSync(vectorFile, 'utf8')) as Record<string, { TXT?: string[][] }>;
    const text = (name: string): string => (zone[name]?.TXT?.[0] ?? []).join('');
    const ed = parseDkimRecord(text('brisbane._domainkey.football.example.com'));
    expect(ed).toMatchObject({
      valid: true,
      key: { type: 'ed25519', bits: 256, encoding: 'raw' },
      record: { version: 'DKIM1', keyType: 'ed25519' },
    });
    const rsaExample = parseDkimRecord(text('test._domainkey.football.example.com'));
    expect(rsaExample).toMatchObject({ valid: true, key: { type: 'rsa', bits: 1024, encoding: 'spki' } });
    console.log('DKIM vectors: the RFC 8463 Ed25519 and RSA-1024 records read');
  });

  it.skipIf(existsSync(vectorFile))('skips the RFC 8463 example records: no ../shared/testsuites/dkim next to the repository', () => {
    console.log(`DKIM vectors skipped: ${vectorFile} is absent`);
  });
});
