/**
 * The lab's web and mail scenarios, as data: which servers each domain runs, with which
 * certificates, versions, suites and quirks, and what its DNS publishes (TLSA, CAA, signing).
 */
import { dkimKeyRecord } from './dkim-keys.js';
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

/** A modern HTTPS site serving security.txt as `securityTxt` says: the security.txt scenarios. */
const securityTxtSite = (domain: string, description: string, securityTxt: WebSpec['securityTxt']): WebSpec => ({
  domain,
  description,
  https: modern([{ key: 'ecdsa-p256' }]),
  http: 'redirect',
  hsts,
  ...(securityTxt === undefined ? {} : { securityTxt }),
});

/** The security.txt scenarios (RFC 9116, Internet.nl's web_appsecpriv_securitytxt). */
function securityTxtScenarios(): WebSpec[] {
  const syntaxErrors = [
    'Contact : mailto:security@{domain}',
    'Contact:https://{domain}/report',
    'Encryption: http://{domain}/key.txt',
    'Expires: next year',
    'Preferred-Languages: nl; en',
    'Hiring:',
    'this line has no field',
    'Policy: https://{domain}/policy',
  ].join('\n');
  return [
    securityTxtSite('sectxt-missing.test', 'security.txt: none (404 at both places)', { path: 'none' }),
    securityTxtSite('sectxt-expired.test', 'security.txt: signed, but its Expires passed yesterday', { file: 'expired' }),
    securityTxtSite('sectxt-unsigned.test', 'security.txt: valid but unsigned, a mailto Contact without Encryption', { file: 'unsigned' }),
    securityTxtSite('sectxt-signed.test', 'security.txt: signed with an Ed25519 key and SHA-512, with CSAF and dash-escaping', {
      file: 'signed-ed25519',
    }),
    securityTxtSite('sectxt-content-type.test', 'security.txt: served as text/html', { contentType: 'text/html; charset=utf-8' }),
    securityTxtSite('sectxt-legacy.test', 'security.txt: only at the legacy place /security.txt', { path: 'legacy' }),
    securityTxtSite('sectxt-charset.test', 'security.txt: Content-Type with charset=iso-8859-1', {
      contentType: 'text/plain; charset=iso-8859-1',
    }),
    securityTxtSite('sectxt-redirect.test', "security.txt: redirects to modern.test's file (another host, whose Canonical matches)", {
      redirect: 'https://modern.test/.well-known/security.txt',
    }),
    securityTxtSite('sectxt-syntax.test', 'security.txt: several syntax errors (no_space, prec_ws, no_https, invalid_expiry, …)', {
      file: { text: `${syntaxErrors}` },
    }),
  ];
}

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
    // www.modern.test is the same site under its own name.
    www: {},
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
  {
    domain: 'dane-bogus.test',
    description: 'modern TLS with a matching DANE-EE TLSA record whose signature is broken: a bogus TLSA answer',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    tlsa: 'dane-ee',
    tlsaSignature: 'bogus',
  },
  {
    domain: 'caa-syntax.test',
    description: 'modern TLS, CAA with an issue tag beside an iodef over http: (a syntax error for Internet.nl)',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    caaRecords: ['0 issue "lab.test"', '0 iodef "http://lab.test/caa-report"'],
  },
  {
    domain: 'caa-no-issue.test',
    description: 'modern TLS, CAA with only an iodef record: no issue tag (insufficient)',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    caaRecords: ['0 iodef "mailto:security@lab.test"'],
  },
  {
    domain: 'no-redirect.test',
    description: 'modern TLS and HSTS, but plain HTTP serves the page instead of redirecting',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'page',
    hsts,
  },
  {
    domain: 'redirect-elsewhere.test',
    description: 'plain HTTP redirects straight to another host (https://modern.test/)',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    httpRedirect: 'https://modern.test/',
    hsts,
  },
  {
    domain: 'redirect-www.test',
    description: 'plain HTTP redirects straight to https://www.redirect-www.test/ instead of upgrading its own name first',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    httpRedirect: 'https://www.redirect-www.test{path}',
    hsts,
  },
  {
    domain: 'https-only.test',
    description: 'HTTPS only: nothing listens on 80, so there is no plain HTTP to redirect',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'none',
    hsts,
  },
  {
    domain: 'downgrade.test',
    description: 'HTTP redirects to https on its own name, which then redirects back to http://www.downgrade.test/',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    httpRedirect: 'https://downgrade.test/step',
    httpsRoutes: { '/step': { status: 302, redirect: 'http://www.downgrade.test/' } },
    hsts,
  },
  {
    domain: 'hsts-short.test',
    description: 'HSTS max-age of one day (below a year: 2 of 10 points); sets a well-protected cookie',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts: 'max-age=86400',
    headers: { 'set-cookie': 'session=lab; Path=/; Secure; HttpOnly; SameSite=Strict' },
  },
  {
    domain: 'hsts-zero.test',
    description: 'HSTS max-age=0 (HSTS switched off)',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts: 'max-age=0',
  },
  {
    domain: 'hsts-missing.test',
    description: 'no Strict-Transport-Security header',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
  },
  {
    domain: 'hsts-malformed.test',
    description: 'HSTS with a space before "=" (max-age =31536000), which Internet.nl cannot read',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts: 'max-age =31536000',
  },
  {
    domain: 'hsts-quoted.test',
    description: 'HSTS with a quoted max-age ("31536000"): valid by RFC 6797, not for Internet.nl',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts: 'max-age="31536000"',
  },
  {
    domain: 'headers-missing.test',
    description: 'no security headers at all: no X-Frame-Options, X-Content-Type-Options, CSP, Referrer-Policy, CORP or COOP',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    headers: {
      'x-frame-options': null,
      'x-content-type-options': null,
      'content-security-policy': null,
      'referrer-policy': null,
      'cross-origin-resource-policy': null,
      'cross-origin-opener-policy': null,
    },
  },
  {
    domain: 'headers-bad.test',
    description:
      'bad header values: ALLOW-FROM, no nosniff, unsafe-url, CORP cross-origin, COOP unsafe-none, a CSP with unsafe keywords, http, bare https and scheme-less hosts',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    headers: {
      'x-frame-options': 'ALLOW-FROM https://modern.test/',
      'x-content-type-options': 'sniff',
      'referrer-policy': 'unsafe-url',
      'cross-origin-resource-policy': 'cross-origin',
      'cross-origin-opener-policy': 'unsafe-none',
      'content-security-policy':
        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'unsafe-hashes' http://cdn.modern.test; img-src https: cdn.modern.test",
    },
  },
  {
    domain: 'csp-weak.test',
    description:
      'a CSP without default-src, base-uri, form-action, frame-src or frame-ancestors, with data: scripts and * and 127.0.0.1 hosts; Referrer-Policy strict-origin-when-cross-origin',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    headers: {
      'content-security-policy': 'script-src data:; img-src *; connect-src https://127.0.0.1',
      'referrer-policy': 'strict-origin-when-cross-origin',
    },
  },
  {
    domain: 'compressed.test',
    description: 'HTTPS compresses its home page with gzip (BREACH)',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    contentEncoding: 'gzip',
  },
  {
    domain: 'cookies-bad.test',
    description: 'sets cookies without Secure, HttpOnly or SameSite',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    headers: { 'set-cookie': ['session=lab; Path=/', 'tracking=1; Secure; SameSite=None'] },
  },
  ...securityTxtScenarios(),
  {
    domain: 'ipv6-none.test',
    description: 'modern TLS, no AAAA record: the website has no IPv6',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    ipv6: 'none',
  },
  {
    domain: 'ipv6-unreachable.test',
    description: 'modern TLS, an AAAA record whose address refuses every connection',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    ipv6: 'unreachable',
  },
  {
    domain: 'ipv6-other-content.test',
    description: 'modern TLS, the IPv6 address serves another page than the IPv4 address',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    ipv6: 'other-content',
  },
  {
    domain: 'ipv6-only.test',
    description: 'modern TLS over IPv6 only: no A record',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    ipv6: 'only',
  },
  {
    domain: 'ns-one-ipv6.test',
    description: 'two name servers, only one of them with an IPv6 address',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    nameServers: 'one-ipv6',
  },
  {
    domain: 'ns-ipv4-only.test',
    description: 'two name servers, neither with an IPv6 address',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    nameServers: 'ipv4-only',
  },
  {
    domain: 'ns-ipv6-silent.test',
    description: 'two name servers with IPv6, one of which does not answer over IPv6',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    nameServers: 'ipv6-silent',
  },
  {
    domain: 'ipv6-mapped.test',
    description: 'modern TLS, an AAAA record holding an IPv4-mapped address (::ffff:…): no IPv6 after all',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    ipv6: 'ipv4-mapped',
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
  {
    domain: 'two-ipv4.test',
    description: 'as modern.test, with a second IPv4 address (192.0.2.240) whose HTTPS server sends no HSTS',
    https: modern([{ key: 'ecdsa-p256' }], { ocsp: 'good' }),
    http: 'redirect',
    hsts,
    securityTxt: true,
    tlsa: 'dane-ee',
    caa: true,
    secondIpv4: { address: '192.0.2.240' },
  },
  {
    domain: 'www-weak.test',
    description: 'modern TLS, HSTS and a redirect; www.www-weak.test, a CNAME to it, is a site of its own that sends no HSTS',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    www: { cname: true, headers: { 'strict-transport-security': null } },
  },
  {
    domain: 'unsigned-modern.test',
    description: 'as modern.test, but its zone is unsigned: DNSSEC insecure, its TLSA records do not count (spec §6.5: 80 %)',
    https: modern([{ key: 'ecdsa-p256' }], { ocsp: 'good' }),
    http: 'redirect',
    hsts,
    securityTxt: true,
    tlsa: 'dane-ee',
    caa: true,
    signed: false,
  },
  {
    domain: 'dnssec-rsasha1.test',
    description:
      'zone signed with RSASHA1 (algorithm 5, 2048 bits), which RFC 9905 forbids: insecure to pastoe, which refuses SHA-1 signatures',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    dnssec: { algorithm: 5, rsaBits: 2048 },
  },
  {
    domain: 'dnssec-rsa1024.test',
    description: 'zone signed with RSASHA256 and a 1024-bit RSA key: secure, but the key is to be phased out',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    dnssec: { algorithm: 8, rsaBits: 1024 },
  },
  {
    domain: 'dnssec-ds-sha1.test',
    description: 'ECDSA P-256 zone whose parent publishes only a SHA-1 DS (digest type 1): secure, but RFC 8624 forbids SHA-1 DS',
    https: modern([{ key: 'ecdsa-p256' }]),
    http: 'redirect',
    hsts,
    dnssec: { dsDigestTypes: [1] },
  },
];

/** An MTA-STS policy file for the hosted MX, CRLF-separated as RFC 8461 §3.2 writes it. */
const stsPolicy = (mode: string, mx = 'mx.mail-modern.test', maxAge = 1_209_600): string =>
  `version: STSv1\r\nmode: ${mode}\r\nmx: ${mx}\r\nmax_age: ${maxAge}\r\n`;
const stsRecord = '_mta-sts 300 IN TXT "v=STSv1; id=20261203T0800"';

/**
 * A domain on the hosted MX with an MTA-STS record, more zone lines and (unless absent) a policy
 * server; DMARC p=reject, so only the MTA-STS and TLS-RPT verdicts differ from the hosted MX's.
 */
const mtaStsScenario = (domain: string, description: string, mtaSts: MailSpec['mtaSts'], records: readonly string[] = []): MailSpec => ({
  domain,
  description,
  sharedMx: 'mx.mail-modern.test',
  dmarc: 'v=DMARC1; p=reject',
  records: [stsRecord, ...records],
  ...(mtaSts === undefined ? {} : { mtaSts }),
});

/** The MTA-STS and TLS-RPT scenarios. */
const mtaStsScenarios: readonly MailSpec[] = [
  mtaStsScenario(
    'mail-mtasts-good.test',
    'MTA-STS enforce covering the hosted MX, two weeks, and TLS-RPT to a mailbox',
    { policy: stsPolicy('enforce') },
    ['_smtp._tls 300 IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@mail-mtasts-good.test"'],
  ),
  mtaStsScenario('mail-mtasts-testing.test', 'MTA-STS in mode testing (wildcard pattern), no TLS-RPT', {
    policy: stsPolicy('testing', '*.mail-modern.test'),
  }),
  mtaStsScenario('mail-mtasts-mx-mismatch.test', 'an MTA-STS enforce policy whose only pattern misses the MX', {
    policy: stsPolicy('enforce', 'mx.elsewhere.test'),
  }),
  mtaStsScenario('mail-mtasts-404.test', 'an MTA-STS record whose policy server answers 404', { policy: 'not found\n', status: 404 }),
  mtaStsScenario('mail-mtasts-wrongname.test', 'an MTA-STS policy served with a certificate for another name', {
    policy: stsPolicy('enforce'),
    certificateName: 'www.mail-mtasts-wrongname.test',
  }),
  mtaStsScenario('mail-mtasts-noserver.test', 'an MTA-STS record without a policy server (no mta-sts address)', undefined),
  mtaStsScenario('mail-mtasts-redirect.test', 'an MTA-STS policy URL that redirects: senders must not follow it', {
    policy: stsPolicy('enforce'),
    redirect: 'https://mail-mtasts-good.test/.well-known/mta-sts.txt',
  }),
  {
    domain: 'mail-tlsrpt-malformed.test',
    description: 'a TLS-RPT record whose rua is no URI, and no MTA-STS',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: ['_smtp._tls 300 IN TXT "v=TLSRPTv1; rua=tlsrpt@mail-tlsrpt-malformed.test"'],
  },
];

/** The mail scenarios, each with its MX (or a null MX) under its own `.test` domain. */
export const mailCatalogue: readonly MailSpec[] = [
  {
    domain: 'mail-modern.test',
    description: 'MX with STARTTLS, TLS 1.2 and 1.3, ECDSA P-384 and RSA-3072 chains, DANE-EE for both keys, a DKIM key',
    smtp: { tls: modern([{ key: 'ecdsa-p384' }, { key: 'rsa3072' }]) },
    tlsa: 'dane-ee',
    records: [dkimKeyRecord('mail', 'ed25519')],
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
  {
    domain: 'mail-dane-bogus.test',
    description: 'MX with a matching DANE-EE record whose TLSA signature is broken: DANE bogus',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    tlsa: 'dane-ee',
    tlsaSignature: 'bogus',
  },
  {
    domain: 'mail-dane-pkix.test',
    description: 'MX with only a PKIX-EE (1 1 1) TLSA record: mail ignores PKIX usages, so no DANE; else as good as mail-modern.test',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    tlsa: 'dane-ee',
    pkixTlsa: true,
    records: [dkimKeyRecord('mail', 'ed25519')],
  },
  {
    domain: 'mail-dane-ta-wrongname.test',
    description: 'MX with DANE-TA (2 0 1) and a leaf for another name: host mismatch forced to fail',
    smtp: { tls: modern([{ key: 'ecdsa-p256', issuer: 'intermediate' }]) },
    tlsa: 'dane-ta',
    certificateNames: ['other.lab.test'],
  },
  {
    domain: 'mail-shared-a.test',
    description: 'MX on the hosted mx.mail-modern.test, shared with mail-shared-b.test',
    sharedMx: 'mx.mail-modern.test',
  },
  {
    domain: 'mail-shared-b.test',
    description: 'MX on the hosted mx.mail-modern.test, shared with mail-shared-a.test',
    sharedMx: 'mx.mail-modern.test',
  },
  {
    domain: 'mail-mx-ipv4-only.test',
    description: 'an MX without an AAAA record: IPv6 mail address test fails, reach not tested but required',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    mxIpv6: 'none',
  },
  {
    domain: 'mail-mx-ipv6-unreachable.test',
    description: 'an MX whose AAAA address refuses port 25 while IPv4 answers',
    smtp: { tls: modern([{ key: 'ecdsa-p256' }]) },
    mxIpv6: 'unreachable',
  },
  {
    domain: 'mail-no-mx.test',
    description: 'no MX at all, an A record and SPF "v=spf1 -all": no mail servers, pastoe advises a Null MX',
    withoutMx: true,
    domainAddress: true,
  },
  {
    domain: 'mail-nullmx-with-address.test',
    description: 'a correct null MX (RFC 7505) on a domain with an A record: the MX subtests are not tested (null-mx)',
    domainAddress: true,
  },
  // DKIM (mail_auth_dkim_exist and the selector check): the sending ones on the hosted MX, each with DMARC p=reject.
  {
    domain: 'mail-dkim.test',
    description: 'DKIM keys at an Ed25519 (ed) and an RSA-2048 (rsa) selector: _domainkey is an empty non-terminal',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: [dkimKeyRecord('ed', 'ed25519'), dkimKeyRecord('rsa', 'rsa2048b')],
  },
  {
    domain: 'mail-dkim-absent.test',
    description: 'a sending domain without DKIM: _domainkey is NXDOMAIN',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
  },
  {
    domain: 'mail-dkim-exempt.test',
    description: 'a non-sending domain without DKIM: Null MX, SPF "v=spf1 -all", DMARC p=reject, so DKIM is not needed (no-email)',
    dmarc: 'v=DMARC1; p=reject',
  },
  {
    domain: 'mail-dkim-weak.test',
    description: 'a DKIM key at an RSA-1024 selector (weak): shorter than the 2048 bits RFC 8301 asks for',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: [dkimKeyRecord('weak', 'rsa1024')],
  },
  {
    domain: 'mail-dkim-revoked.test',
    description: 'only a revoked DKIM key (old, empty p=)',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: [dkimKeyRecord('old', 'revoked')],
  },
  {
    domain: 'mail-dkim-wildcard.test',
    description: 'no DKIM, but a TXT wildcard at *.<domain> makes _domainkey exist: Internet.nl sees DKIM, pastoe says why',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: ['* 300 IN TXT "a wildcard answers every name"'],
  },
  // SPF and DMARC (mail_auth): DNS only, on the hosted MX of mail-modern.test.
  { domain: 'mail-spf-none.test', description: 'no SPF record', sharedMx: 'mx.mail-modern.test', spf: null },
  {
    domain: 'mail-spf-two.test',
    description: 'two SPF records: receivers apply none (permerror)',
    sharedMx: 'mx.mail-modern.test',
    records: ['@ 300 IN TXT "v=spf1 -all"'],
  },
  {
    domain: 'mail-spf-syntax.test',
    description: 'an SPF record with a syntax error (an IPv4 address with an octet of 300)',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 mx ip4:192.0.2.300 -all',
  },
  {
    domain: 'mail-spf-plus-all.test',
    description: 'SPF ending in +all: anyone may send',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 mx +all',
  },
  {
    domain: 'mail-spf-neutral-all.test',
    description: 'SPF ending in ?all: no policy',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 mx ?all',
  },
  {
    domain: 'mail-spf-softfail.test',
    description: 'SPF ending in ~all: sufficient',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 mx ~all',
  },
  {
    domain: 'mail-spf-redirect.test',
    description: 'SPF that redirects to a sound record',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 redirect=_spf.mail-spf-redirect.test',
    // The redirect target is the new <domain>: a bare `mx` would ask for its own MX (a void lookup).
    records: ['_spf 300 IN TXT "v=spf1 mx:mail-spf-redirect.test -all"'],
  },
  {
    domain: 'mail-spf-redirect-all.test',
    description: 'SPF that redirects to a record ending in +all (2 points)',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 redirect=_spf.mail-spf-redirect-all.test',
    records: ['_spf 300 IN TXT "v=spf1 mx:mail-spf-redirect-all.test +all"'],
  },
  {
    domain: 'mail-spf-redirect-none.test',
    description: 'SPF that redirects to a name without an SPF record (0 points)',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 redirect=_spf.mail-spf-redirect-none.test',
    records: ['_spf 300 IN TXT "not an SPF record"'],
  },
  {
    domain: 'mail-spf-includes.test',
    description: '11 includes: over the 10-lookup limit by Internet.nl and RFC 7208 alike',
    sharedMx: 'mx.mail-modern.test',
    spf: `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:i${i + 1}.mail-spf-includes.test`).join(' ')} -all`,
    records: Array.from({ length: 11 }, (_, i) => `i${i + 1} 300 IN TXT "v=spf1 ip4:203.0.113.${i + 1} -all"`),
  },
  {
    domain: 'mail-spf-a-terms.test',
    description: '11 a:host terms: Internet.nl counts none of them, RFC 7208 counts 11 (over the limit)',
    sharedMx: 'mx.mail-modern.test',
    spf: `v=spf1 ${Array.from({ length: 11 }, (_, i) => `a:h${i + 1}.mail-spf-a-terms.test`).join(' ')} -all`,
    records: Array.from({ length: 11 }, (_, i) => `h${i + 1} 300 IN A 203.0.113.${i + 1}`),
  },
  {
    domain: 'mail-spf-loop.test',
    description: 'two SPF records that include each other: a loop',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 include:_a.mail-spf-loop.test -all',
    records: ['_a 300 IN TXT "v=spf1 include:_b.mail-spf-loop.test"', '_b 300 IN TXT "v=spf1 include:_a.mail-spf-loop.test"'],
  },
  {
    domain: 'mail-spf-voids.test',
    description: 'SPF with three a:host terms naming hosts that do not exist: three void lookups (permerror)',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 a:nx1.mail-spf-voids.test a:nx2.mail-spf-voids.test a:nx3.mail-spf-voids.test mx -all',
  },
  {
    domain: 'mail-spf-two-voids.test',
    description: 'SPF with two a:host terms naming hosts that do not exist: two void lookups, the most allowed',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 a:nx1.mail-spf-two-voids.test a:nx2.mail-spf-two-voids.test mx -all',
  },
  {
    domain: 'mail-spf-include-nx.test',
    description: 'SPF including three names that do not exist (an include without a record is a permerror)',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 include:nx1.mail-spf-include-nx.test include:nx2.mail-spf-include-nx.test include:nx3.mail-spf-include-nx.test -all',
  },
  {
    domain: 'mail-spf-include-bad.test',
    description: 'SPF including a record with a syntax error (0 points)',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 include:_spf.mail-spf-include-bad.test -all',
    records: ['_spf 300 IN TXT "v=spf1 ip4:203.0.113.300"'],
  },
  {
    domain: 'mail-spf-include-servfail.test',
    description: 'SPF including a name whose name servers answer SERVFAIL: a test error, never a fail',
    sharedMx: 'mx.mail-modern.test',
    spf: 'v=spf1 include:servfail.test -all',
  },
  { domain: 'mail-dmarc-none.test', description: 'DMARC p=none', sharedMx: 'mx.mail-modern.test', dmarc: 'v=DMARC1; p=none' },
  {
    domain: 'mail-dmarc-quarantine.test',
    description: 'DMARC p=quarantine',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=quarantine',
  },
  {
    domain: 'mail-dmarc-syntax.test',
    description: 'a DMARC record whose p= is not the first tag: a syntax error',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; adkim=s; p=reject',
  },
  {
    domain: 'mail-dmarc-two.test',
    description: 'two DMARC records: receivers apply none',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: ['_dmarc 300 IN TXT "v=DMARC1; p=none"'],
  },
  {
    domain: 'mail-dmarc-org.test',
    description: 'DMARC p=reject with sp=none for its subdomains',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject; sp=none',
  },
  {
    domain: 'sub.mail-dmarc-org.test',
    description: 'a subdomain without DMARC record of its own: the organizational domain record applies, with sp=none',
    sharedMx: 'mx.mail-modern.test',
    dmarc: null,
  },
  {
    domain: 'mail-dmarc-reports.test',
    description: 'a report receiver that authorizes reports for mail-dmarc-ext-ok.test only',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: ['mail-dmarc-ext-ok.test._report._dmarc 300 IN TXT "v=DMARC1"'],
  },
  {
    domain: 'mail-dmarc-wildcard-reports.test',
    description: 'a report receiver that authorizes reports for every domain with a wildcard record',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject',
    records: ['*._report._dmarc 300 IN TXT "v=DMARC1"'],
  },
  {
    domain: 'mail-dmarc-ext-ok.test',
    description: 'DMARC reports to another domain that authorizes them',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject; rua=mailto:reports@mail-dmarc-reports.test',
  },
  {
    domain: 'mail-dmarc-ext-denied.test',
    description: 'DMARC reports to another domain that does not authorize them',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject; rua=mailto:reports@mail-dmarc-reports.test',
  },
  {
    domain: 'mail-dmarc-ext-wildcard.test',
    description: 'DMARC reports to another domain that authorizes them by a wildcard record',
    sharedMx: 'mx.mail-modern.test',
    dmarc: 'v=DMARC1; p=reject; rua=mailto:reports@mail-dmarc-wildcard-reports.test',
  },
  {
    domain: 'mail-dmarc-servfail.test',
    description: 'the DMARC name is a CNAME into a zone that answers SERVFAIL: a test error, never "no record"',
    sharedMx: 'mx.mail-modern.test',
    dmarc: null,
    records: ['_dmarc 300 IN CNAME _dmarc.servfail.test.'],
  },
  // MTA-STS and TLS-RPT (RFC 8461, RFC 8460): domains on the hosted MX, so every policy names mx.mail-modern.test.
  ...mtaStsScenarios,
];
