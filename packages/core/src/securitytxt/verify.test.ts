import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSecurityTxt } from './parse.js';
import { armoredOpenPgpPublicKey, clearsignSecurityTxt, type OpenPgpHash, type OpenPgpSigningKey, openPgpFingerprint } from './sign.js';
import { verifySecurityTxtSignature } from './verify.js';

const now = new Date('2026-03-01T12:00:00Z');
const created = new Date('2026-01-01T00:00:00Z');
const text = [
  'Contact: mailto:security@example.test',
  'Expires: 2026-09-01T00:00:00Z   ',
  '-----not a field, dash-escaped',
  'Canonical: https://example.test/.well-known/security.txt',
  '',
].join('\n');
const parse = (file: string) => parseSecurityTxt(new TextEncoder().encode(file), { now });

function signingKey(type: 'rsa' | 'ed25519' | 'p256'): OpenPgpSigningKey {
  const pair =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : type === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...pair, created };
}

const keys = { rsa: signingKey('rsa'), ed25519: signingKey('ed25519'), p256: signingKey('p256') };

describe('verifySecurityTxtSignature', () => {
  for (const [type, hash] of [
    ['rsa', 'sha256'],
    ['rsa', 'sha512'],
    ['ed25519', 'sha256'],
    ['p256', 'sha256'],
    ['p256', 'sha384'],
  ] as const) {
    it(`verifies a ${type} signature with ${hash}, and refuses it once the text changed`, () => {
      const key = keys[type];
      const signed = clearsignSecurityTxt(text, key, { signedAt: now, hash: hash as OpenPgpHash });
      expect(signed).toContain('\n- -----not a field');
      const verification = verifySecurityTxtSignature(parse(signed), armoredOpenPgpPublicKey(key));
      expect(verification).toMatchObject({ status: 'valid', keyFingerprint: openPgpFingerprint(key), hash, signedAt: now.toISOString() });
      const tampered = signed.replace('2026-09-01', '2026-09-02');
      expect(verifySecurityTxtSignature(parse(tampered), armoredOpenPgpPublicKey(key)).status).toBe('invalid');
    });
  }

  it('names an unknown issuer, an unreadable key, and an unsigned file', () => {
    const signed = clearsignSecurityTxt(text, keys.rsa, { signedAt: now });
    expect(verifySecurityTxtSignature(parse(signed), armoredOpenPgpPublicKey(keys.p256)).status).toBe('unknown-key');
    expect(verifySecurityTxtSignature(parse(signed), 'not a key').status).toBe('bad-key');
    expect(verifySecurityTxtSignature(parse(text), armoredOpenPgpPublicKey(keys.rsa)).status).toBe('no-signature');
  });

  // An independent implementation: GnuPG signs, pastoe verifies (Debian package gnupg).
  const hasGpg = (() => {
    try {
      execFileSync('gpg', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasGpg)(
    'verifies signatures GnuPG makes with Ed25519, RSA and P-256 keys',
    () => {
      const home = mkdtempSync(join(tmpdir(), 'pastoe-gpg-'));
      try {
        const gpg = (...args: string[]): string =>
          execFileSync('gpg', ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 60_000,
          });
        writeFileSync(join(home, 'security.txt'), text);
        for (const [uid, algorithm] of [
          ['ed@example.test', 'ed25519'],
          ['rsa@example.test', 'rsa2048'],
          ['ec@example.test', 'nistp256'],
        ] as const) {
          gpg('--quick-generate-key', uid, algorithm, 'sign', 'never');
          const signed = gpg('--local-user', uid, '--clearsign', '--output', '-', join(home, 'security.txt'));
          const key = gpg('--armor', '--export', uid);
          expect(verifySecurityTxtSignature(parse(signed), key).status, algorithm).toBe('valid');
          expect(verifySecurityTxtSignature(parse(signed.replace('security@', 'attacker@')), key).status, algorithm).toBe('invalid');
        }
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
