/**
 * The security.txt files (RFC 9116) the lab's web scenarios serve, as HTTP routes: the good file
 * signed with a lab OpenPGP key, its variants (expired, unsigned, Ed25519-signed), literal texts,
 * other content types, the legacy place and redirects.
 */
import { generateKeyPairSync } from 'node:crypto';
import { armoredOpenPgpPublicKey, clearsignSecurityTxt, type OpenPgpSigningKey } from '@pastoe/core';
import type { LabHttpResponse } from '../../http/server.js';
import type { SecurityTxtSpec } from './types.js';

const day = 86_400_000;

/** The lab's OpenPGP signing keys for security.txt, made once per lab. */
export interface SecurityTxtKeys {
  /** ECDSA P-256: signs the good file. */
  readonly ecdsa: OpenPgpSigningKey;
  /** Ed25519 (legacy EdDSA): signs the `signed-ed25519` file. */
  readonly ed25519: OpenPgpSigningKey;
}

/** Makes the lab's signing keys. */
export function makeSecurityTxtKeys(now: Date): SecurityTxtKeys {
  const created = new Date(Math.floor(now.getTime() / 1000) * 1000 - 30 * day);
  return {
    ecdsa: { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }), created },
    ed25519: { ...generateKeyPairSync('ed25519'), created },
  };
}

const stamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The routes serving a scenario's security.txt and, for a signed file, the public key that verifies it. */
export interface SecurityTxtRoutes {
  /** Routes by path. */
  readonly routes: Readonly<Record<string, LabHttpResponse>>;
  /** The armored public key of the signer, for signed files. */
  readonly publicKey?: string;
}

/** The routes for a scenario's security.txt spec (`true`: the good file at the well-known place). */
export function securityTxtRoutes(spec: true | SecurityTxtSpec, domain: string, keys: SecurityTxtKeys, now: Date): SecurityTxtRoutes {
  const options: SecurityTxtSpec = spec === true ? {} : spec;
  const wellKnown = '/.well-known/security.txt';
  if (options.path === 'none') {
    const notFound: LabHttpResponse = { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'not found\n' };
    return { routes: { [wellKnown]: notFound, '/security.txt': notFound } };
  }
  if (options.redirect !== undefined) return { routes: { [wellKnown]: { redirect: options.redirect.replaceAll('{domain}', domain) } } };
  const path = options.path === 'legacy' ? '/security.txt' : wellKnown;
  const canonical = `Canonical: https://${domain}${path}`;
  const fields = (expires: Date): string[] => [
    `Contact: mailto:security@${domain}`,
    `Contact: https://${domain}/report`,
    `Expires: ${stamp(expires)}`,
    `Encryption: https://${domain}/pgp-key.txt`,
    'Preferred-Languages: nl, en',
    canonical,
    `Policy: https://${domain}/disclosure-policy`,
  ];
  const file = options.file ?? 'good';
  let text: string;
  let publicKey: string | undefined;
  if (typeof file === 'object') {
    text = file.text.replaceAll('{domain}', domain);
  } else if (file === 'unsigned') {
    text = `Contact: mailto:security@${domain}\nExpires: ${stamp(new Date(now.getTime() + 180 * day))}\nPreferred-Languages: nl, en\n${canonical}\n`;
  } else {
    const key = file === 'signed-ed25519' ? keys.ed25519 : keys.ecdsa;
    const lines =
      file === 'signed-ed25519'
        ? [
            ...fields(new Date(now.getTime() + 90 * day)),
            `CSAF: https://${domain}/.well-known/csaf/provider-metadata.json`,
            '# ---- dash-escaped ----',
          ]
        : fields(new Date(now.getTime() + (file === 'expired' ? -day : 180 * day)));
    text = clearsignSecurityTxt(`# security.txt of ${domain}\n${lines.join('\n')}\n`, key, {
      signedAt: now,
      hash: file === 'signed-ed25519' ? 'sha512' : 'sha256',
    });
    publicKey = armoredOpenPgpPublicKey(key);
  }
  const response: LabHttpResponse = { headers: { 'Content-Type': options.contentType ?? 'text/plain; charset=utf-8' }, body: text };
  return { routes: { [path]: response }, ...(publicKey === undefined ? {} : { publicKey }) };
}
