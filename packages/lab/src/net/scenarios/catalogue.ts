/**
 * The lab's web and mail scenarios, as data: which servers each domain runs, with which
 * certificates, versions, suites and quirks, and what its DNS publishes (TLSA, CAA, signing).
 */
import type { CertSpec, MailSpec, NodeTlsSpec, WebSpec } from './types.js';

/** Modern TLS: 1.3 suites, then TLS 1.2 ECDHE AEAD suites for both key types. */
const modernSuites = [0x1302, 0x1303, 0x1301, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc02b, 0xc02f];
const modernGroups = ['X25519', 'prime256v1', 'secp384r1'];
/** TLS ≤ 1.2 signature schemes without SHA-1 or SHA-224, for servers at security level 0 that should still not sign with them. */
const sha2Sigalgs =
  'ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512:ed25519:rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:RSA+SHA256:RSA+SHA384:RSA+SHA512';
const hsts = 'max-age=31536000; includeSubDomains';

const modern = (certificates: readonly CertSpec[], extra: Partial<NodeTlsSpec> = {}): NodeTlsSpec => ({
  engine: 'node',
  certificates,
  versions: ['TLSv1.2', 'TLSv1.3'],
  suites: modernSuites,
  groups: modernGroups,
  ...extra,
});

/** A legacy server: TLS 1.0–1.2, CBC suites with SHA-1 MACs, RSA key exchange, DHE on ffdhe2048, the client's order. */
const legacyTls: NodeTlsSpec = {
  engine: 'node',
  certificates: [{ key: 'rsa2048a' }],
  versions: ['TLSv1.0', 'TLSv1.2'],
  suites: [0xc013, 0xc014, 0x0033, 0x002f, 0x0035, 0x009c, 0xc02f],
  groups: ['prime256v1', 'secp384r1', 'X25519'],
  dh: 'ffdhe2048',
  serverPreference: false,
  renegotiation: 'unlimited',
};

/**
 * A site like modern.test at addresses of its own, whose /24 or /48 the lab's RPKI sources
 * describe as `rpki` says: the RPKI scenarios differ from modern.test in routing only.
 */
const rpkiSite = (
  domain: string,
  description: string,
  addresses: NonNullable<WebSpec['addresses']>,
  rpki: NonNullable<WebSpec['rpki']>,
): WebSpec => ({
  domain,
  description,
  https: modern([{ key: 'ecdsa-p256' }], { ocsp: 'good' }),
  http: 'redirect',
  hsts,
  securityTxt: true,
  tlsa: 'dane-ee',
  caa: true,
  addresses,
  rpki,
});

/** The web scenarios, each served under its own `.test` domain. */
export const webCatalogue: readonly WebSpec[] = [
  {
    domain: 'modern.test',
    description: 'TLS 1.2 and 1.3, ECDSA P-256, HSTS for a year, HTTP redirects to HTTPS, OCSP stapling, DANE-EE, CAA',
    https: modern([{ key: 'ecdsa-p256' }], { ocsp: 'good' }),
    http: 'redirect',
    hsts,
    securityTxt: true,
    tlsa: 'dane-ee',
    caa: true,
  },
  {
    domain: 'legacy.test',
    description:
      'TLS 1.0–1.2, CBC and RSA key exchange, RSA-2048, SHA-1 key exchange signatures allowed, client order, no HSTS, no redirect',
    https: legacyTls,
    http: 'page',
  },
  {
    domain: 'ancient.test',
    description: 'scripted: SSLv3 and TLS 1.0 with RC4 and 3DES, DEFLATE, no renegotiation_info, no EMS, RSA-1024 signed with SHA-1',
    https: {
      engine: 'scripted',
      certificates: [{ key: 'rsa1024', issuer: 'rsa-intermediate', signature: 'sha1' }],
      behaviour: {
        versions: ['SSLv3', 'TLSv1.0'],
        suites: [0x0005, 0x0004, 0x000a, 0x002f],
        compression: true,
        secureRenegotiation: false,
        extendedMasterSecret: false,
      },
    },
    http: 'page',
  },
  {
    domain: 'weak-kex.test',
    description:
      'scripted: TLS 1.2, ECDHE on secp224r1, DHE with a 1024-bit custom group, key exchange signed with SHA-1 by preference, 3DES',
    https: {
      engine: 'scripted',
      certificates: [{ key: 'rsa2048a' }],
      behaviour: {
        versions: ['TLSv1.2'],
        suites: [0xc012, 0xc02f, 0x009e],
        groups: [21, 23],
        dh: 'modp2',
        signatureSchemes: [0x0201, 0x0401, 0x0804],
      },
    },
    http: 'page',
  },
  {
    domain: 'tls13.test',
    description: 'TLS 1.3 only, ECDSA P-384, HSTS, redirect, DANE-EE',
    https: {
      ...modern([{ key: 'ecdsa-p384' }]),
      versions: ['TLSv1.3', 'TLSv1.3'],
      suites: [0x1302, 0x1303],
      groups: ['X25519', 'secp384r1'],
    },
    http: 'redirect',
    hsts,
    tlsa: 'dane-ee',
    caa: true,
  },
  {
    domain: 'ed25519.test',
    description: 'TLS 1.2 and 1.3 with an Ed25519 certificate, HSTS, redirect',
    https: modern([{ key: 'ed25519' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'expired-cert.test',
    description: 'modern TLS with a certificate that expired yesterday',
    https: modern([{ key: 'ecdsa-p256', validity: 'expired' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'not-yet-valid.test',
    description: 'modern TLS with a certificate valid from tomorrow',
    https: modern([{ key: 'ecdsa-p256', validity: 'not-yet-valid' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'wrong-name.test',
    description: 'modern TLS with a trusted certificate for other names (wrong-host.test)',
    https: modern([{ key: 'ecdsa-p256', names: ['wrong-host.test', 'www.wrong-host.test'] }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'self-signed.test',
    description: 'modern TLS with a self-signed certificate',
    https: modern([{ key: 'ecdsa-p256', issuer: 'self' }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'missing-intermediate.test',
    description: 'modern TLS, leaf from the lab intermediate sent without the intermediate',
    https: modern([{ key: 'ecdsa-p256', issuer: 'intermediate', leafOnly: true }]),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'sha1-cert.test',
    description: 'TLS 1.2, RSA-2048 leaf signed with SHA-1 by an RSA intermediate',
    https: {
      engine: 'node',
      certificates: [{ key: 'rsa2048a', issuer: 'rsa-intermediate', signature: 'sha1' }],
      versions: ['TLSv1.2', 'TLSv1.2'],
      suites: [0xc030, 0xc02f],
      groups: modernGroups,
      securityLevel: 0,
      sigalgs: sha2Sigalgs,
    },
    http: 'redirect',
    hsts,
  },
  {
    domain: 'dane-ta.test',
    description: 'modern TLS, leaf from the lab intermediate with the full chain, DANE-TA (2 0 1) on the intermediate',
    https: modern([{ key: 'ecdsa-p256', issuer: 'intermediate' }]),
    http: 'redirect',
    hsts,
    tlsa: 'dane-ta',
    caa: true,
  },
  {
    domain: 'dane-wrong.test',
    description: 'modern TLS with a DANE-EE TLSA record that matches nothing',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    tlsa: 'wrong',
  },
  {
    domain: 'ocsp-bad.test',
    description: 'modern TLS stapling an OCSP response whose signature does not verify',
    https: modern([{ key: 'ecdsa-p256' }], { ocsp: 'bad-signature' }),
    http: 'redirect',
    hsts,
  },
  {
    domain: 'http-only.test',
    description: 'HTTP only: nothing listens on 443, connections are refused',
    http: 'page',
  },
  rpkiSite(
    'rpki-invalid-as.test',
    'as modern.test, but its IPv6 /48 is announced by AS64511 while the ROA names AS64500: RPKI invalid',
    { ipv6: '2001:db8:f0::1' },
    { ipv6: 'invalid-as' },
  ),
  rpkiSite(
    'rpki-invalid-length.test',
    'as modern.test, but its IPv6 /48 is longer than the /47 ROA allows: RPKI invalid',
    { ipv6: '2001:db8:f2::1' },
    { ipv6: 'invalid-length' },
  ),
  rpkiSite(
    'rpki-not-found.test',
    'as modern.test, but no ROA covers its announced IPv6 /48: RPKI not-found',
    { ipv6: '2001:db8:f4::1' },
    { ipv6: 'not-found' },
  ),
  rpkiSite(
    'rpki-not-routed.test',
    'as modern.test, but neither address is announced in BGP (AS0 ROAs): RPKI not tested',
    { ipv4: '203.0.113.10', ipv6: '2001:db8:f6::1' },
    { ipv4: 'not-routed', ipv6: 'not-routed' },
  ),
];

/** The mail scenarios, each with its MX (or a null MX) under its own `.test` domain. */
export const mailCatalogue: readonly MailSpec[] = [
  {
    domain: 'mail-modern.test',
    description: 'MX with STARTTLS, TLS 1.2 and 1.3, ECDSA P-384 and RSA-3072 chains, DANE-EE for both keys',
    smtp: { tls: modern([{ key: 'ecdsa-p384' }, { key: 'rsa3072' }]) },
    tlsa: 'dane-ee',
  },
  {
    domain: 'mail-nostarttls.test',
    description: 'MX without STARTTLS',
    smtp: { starttls: 'not-offered' },
  },
  {
    domain: 'mail-starttls-refused.test',
    description: 'MX that offers STARTTLS and answers it with 454',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]), starttls: 'refused' },
  },
  {
    domain: 'mail-legacy.test',
    description: 'MX with STARTTLS at TLS 1.0–1.2, CBC and RSA key exchange, RSA-2048',
    smtp: { tls: legacyTls },
  },
  {
    domain: 'mail-dane-ta.test',
    description: 'MX with a leaf from the lab intermediate and DANE-TA (2 0 1) on the intermediate',
    smtp: { tls: modern([{ key: 'ecdsa-p256', issuer: 'intermediate' }]) },
    tlsa: 'dane-ta',
  },
  {
    domain: 'mail-dane-wrong.test',
    description: 'MX with a DANE-EE TLSA record that matches nothing',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    tlsa: 'wrong',
  },
  {
    domain: 'mail-dane-unsigned.test',
    description: 'MX with a matching TLSA record in an unsigned zone: DANE does not apply',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    tlsa: 'dane-ee',
    signed: false,
  },
  {
    domain: 'mail-tarpit.test',
    description: 'MX with STARTTLS whose banner comes after 1.5 s',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]), bannerDelayMs: 1_500 },
  },
  { domain: 'mail-nullmx.test', description: 'a null MX (RFC 7505): the domain accepts no mail' },
];
