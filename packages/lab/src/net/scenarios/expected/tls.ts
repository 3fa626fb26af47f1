import type { WebAreaExpectations } from './types.js';

/**
 * HTTPS availability, TLS, certificates, DANE and CAA of the web scenarios (catalogue.ts): the
 * default is what a node:tls server with the lab's modern settings gives; each scenario's
 * departures from it follow from its WebSpec. Both addresses of a scenario reach the same server,
 * so the first IPv6 and the first IPv4 address agree. What is not obvious:
 * - OpenSSL's default signature list signs a TLS 1.2 key exchange with SHA-224 when a client offers
 *   only SHA-224 schemes, so `kex_hash_func` is phase-out unless the scenario restricts `sigalgs`
 *   (sha1-cert), signs with Ed25519, speaks only TLS 1.3, or is scripted without SHA-224.
 * - X25519 is not an "EC parameter" for Internet.nl, so modern servers get key exchange `na`;
 *   Ed25519 certificate keys are not on its list, so ed25519.test's key is `bad` (both reproduced).
 * - The lab CA's leaves carry an OCSP URL: without a staple `ocsp` is `info/ok`; only modern,
 *   tls13 and dane-ta publish the lab's good CAA pair.
 * - Scripted servers never finish a handshake: the chain is not verified (`could-not-test`), and
 *   client renegotiation cannot run, which counts as none accepted, as in Internet.nl.
 * - Node's OpenSSL offers no hybrid ML-KEM group, so `web-https-tls-hybrid-pq` informs (`bad`,
 *   or `na` without TLS 1.3).
 * - http-only has nothing on 443: pastoe says fail/other where Internet.nl shows error/other (#1145).
 */
export const tlsExpectations: WebAreaExpectations = {
  subtests: [
    'web_https_http_available',
    'web_https_tls_version',
    'web_https_tls_ciphers',
    'web_https_tls_cipherorder',
    'web_https_tls_keyexchange',
    'web_https_tls_keyexchangehash',
    'web_https_tls_compress',
    'web_https_tls_secreneg',
    'web_https_tls_clientreneg',
    'web_https_tls_extendedmastersecret',
    'web_https_tls_0rtt',
    'web_https_tls_ocsp',
    'web_https_tls_caa',
    'web_https_cert_chain',
    'web_https_cert_pubkey',
    'web_https_cert_sig',
    'web_https_cert_domain',
    'web_https_dane_exist',
    'web_https_dane_valid',
    'web-https-tls-hybrid-pq',
  ],
  default: {
    web_https_http_available: 'pass/good',
    web_https_tls_version: 'pass/good',
    web_https_tls_ciphers: 'pass/good',
    web_https_tls_cipherorder: 'pass/good',
    web_https_tls_keyexchange: 'pass/na',
    web_https_tls_keyexchangehash: 'warning/phase-out',
    web_https_tls_compress: 'pass/good',
    web_https_tls_secreneg: 'pass/good',
    web_https_tls_clientreneg: 'pass/not-allowed',
    web_https_tls_extendedmastersecret: 'pass/good',
    web_https_tls_0rtt: 'pass/good',
    web_https_tls_ocsp: 'info/ok',
    web_https_tls_caa: 'warning/bad',
    web_https_cert_chain: 'pass/good',
    web_https_cert_pubkey: 'pass/good',
    web_https_cert_sig: 'pass/good',
    web_https_cert_domain: 'pass/good',
    web_https_dane_exist: 'info/bad',
    web_https_dane_valid: 'not-tested/not-tested',
    'web-https-tls-hybrid-pq': 'info/bad',
  },
  byDomain: {
    // The RPKI scenarios are modern.test on other addresses: OCSP stapled, CAA and DANE-EE published.
    'rpki-invalid-as.test': {
      web_https_tls_ocsp: 'pass/good',
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    'rpki-invalid-length.test': {
      web_https_tls_ocsp: 'pass/good',
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    'rpki-not-found.test': {
      web_https_tls_ocsp: 'pass/good',
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    'rpki-not-routed.test': {
      web_https_tls_ocsp: 'pass/good',
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    // Its AAAA leads nowhere: HTTPS is unavailable on the first IPv6 address (Internet.nl: unreachable).
    'ipv6-unreachable.test': { web_https_http_available: 'fail/other' },
    // As modern.test, but its TLSA records sit in an unsigned zone: no DANE (default), as Internet.nl sees it.
    'unsigned-modern.test': { web_https_tls_ocsp: 'pass/good', web_https_tls_caa: 'pass/good' },
    'modern.test': {
      web_https_tls_ocsp: 'pass/good',
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    // modern.test's TLS server at both IPv4 addresses.
    'two-ipv4.test': {
      web_https_tls_ocsp: 'pass/good',
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    'legacy.test': {
      'web-https-tls-hybrid-pq': 'info/na',
      web_https_tls_version: 'fail/bad',
      web_https_tls_ciphers: 'fail/bad',
      web_https_tls_keyexchange: 'fail/bad',
      web_https_tls_keyexchangehash: 'fail/bad',
      web_https_tls_clientreneg: 'info/allowed-with-too-high-limit',
      web_https_cert_pubkey: 'warning/phase-out',
    },
    'ancient.test': {
      'web-https-tls-hybrid-pq': 'info/na',
      web_https_tls_version: 'fail/bad',
      web_https_tls_ciphers: 'fail/bad',
      web_https_tls_keyexchangehash: 'pass/good',
      web_https_tls_compress: 'fail/bad',
      web_https_tls_secreneg: 'fail/bad',
      web_https_tls_extendedmastersecret: 'not-applicable/na-no-tls-1-2',
      web_https_cert_chain: 'not-tested/could-not-test',
      web_https_cert_pubkey: 'fail/bad',
      web_https_cert_sig: 'fail/bad',
    },
    'weak-kex.test': {
      'web-https-tls-hybrid-pq': 'info/na',
      web_https_tls_ciphers: 'fail/bad',
      web_https_tls_keyexchange: 'fail/bad',
      web_https_tls_keyexchangehash: 'fail/bad',
      web_https_cert_chain: 'not-tested/could-not-test',
      web_https_cert_pubkey: 'warning/phase-out',
    },
    'tls13.test': {
      web_https_tls_cipherorder: 'pass/na',
      web_https_tls_keyexchangehash: 'pass/good',
      web_https_tls_extendedmastersecret: 'not-applicable/na-no-tls-1-2',
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    'ed25519.test': {
      web_https_tls_keyexchangehash: 'pass/good',
      web_https_cert_pubkey: 'fail/bad',
    },
    'expired-cert.test': {
      web_https_cert_chain: 'fail/bad',
    },
    'not-yet-valid.test': {
      web_https_cert_chain: 'fail/bad',
    },
    'wrong-name.test': {
      web_https_cert_domain: 'fail/bad',
    },
    'self-signed.test': {
      web_https_cert_chain: 'fail/bad',
    },
    'missing-intermediate.test': {
      web_https_cert_chain: 'fail/bad',
    },
    'sha1-cert.test': {
      'web-https-tls-hybrid-pq': 'info/na',
      web_https_tls_keyexchangehash: 'pass/good',
      web_https_cert_chain: 'fail/bad',
      web_https_cert_pubkey: 'warning/phase-out',
      web_https_cert_sig: 'fail/bad',
    },
    'dane-ta.test': {
      web_https_tls_caa: 'pass/good',
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'pass/good',
    },
    'dane-wrong.test': {
      web_https_dane_exist: 'pass/good',
      web_https_dane_valid: 'warning/bad',
    },
    'ocsp-bad.test': {
      web_https_tls_ocsp: 'warning/bad',
    },
    'http-only.test': {
      web_https_http_available: 'fail/other',
      web_https_tls_version: 'not-tested/not-tested',
      web_https_tls_ciphers: 'not-tested/not-tested',
      web_https_tls_cipherorder: 'not-tested/not-tested',
      web_https_tls_keyexchange: 'not-tested/not-tested',
      web_https_tls_keyexchangehash: 'not-tested/not-tested',
      web_https_tls_compress: 'not-tested/not-tested',
      web_https_tls_secreneg: 'not-tested/not-tested',
      web_https_tls_clientreneg: 'not-tested/not-tested',
      web_https_tls_extendedmastersecret: 'not-tested/not-tested',
      web_https_tls_0rtt: 'not-tested/not-tested',
      web_https_tls_ocsp: 'not-tested/not-tested',
      web_https_tls_caa: 'not-tested/not-tested',
      web_https_cert_chain: 'not-tested/not-tested',
      web_https_cert_pubkey: 'not-tested/not-tested',
      web_https_cert_sig: 'not-tested/not-tested',
      web_https_cert_domain: 'not-tested/not-tested',
      web_https_dane_exist: 'not-tested/not-tested',
      'web-https-tls-hybrid-pq': 'not-tested/not-tested',
    },
    'dane-bogus.test': {
      web_https_dane_exist: 'info/bogus',
    },
    'caa-syntax.test': {
      web_https_tls_caa: 'warning/syntax-error',
    },
    'caa-no-issue.test': {
      web_https_tls_caa: 'warning/insufficient',
    },
  },
};
