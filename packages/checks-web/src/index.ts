/**
 * @packageDocumentation
 * The pastoe website test as checks for `@pastoe/core`'s runner. Today it has the IPv6 checks
 * (Internet.nl's `web_ipv6_*`: name server and web server addresses and reachability, the same
 * site over IPv4 and IPv6), the DNSSEC checks (`web_dnssec_exist` and `web_dnssec_valid`) and the
 * first HTTPS checks: TLS
 * version, cipher suites, key exchange, certificate trust and certificate key. The rest of
 * HTTPS (redirect, HSTS, the other TLS and certificate subtests, DANE, CAA), security headers,
 * security.txt and RPKI are planned. docs/status.md
 * in the repository lists every subtest and its check.
 *
 * The checks name the probes they need by declaration only; {@link webPreset} binds those
 * declarations to `@pastoe/core`'s implementations.
 */
import {
  type AnyCheck,
  type AnyProbe,
  definePreset,
  dnssecProbe,
  nameServerReachabilityProbe,
  nameServersProbe,
  type Preset,
  webAddressesProbe,
  webReachabilityProbe,
  webSameSiteProbe,
  webTlsProbe,
} from '@pastoe/core';
import { webDnssecExists } from './checks/web-dnssec-exists/web-dnssec-exists.check.js';
import { webDnssecValid } from './checks/web-dnssec-valid/web-dnssec-valid.check.js';
import { webHttpsCertPubkey } from './checks/web-https-cert-pubkey/web-https-cert-pubkey.check.js';
import { webHttpsCertTrust } from './checks/web-https-cert-trust/web-https-cert-trust.check.js';
import { webHttpsTlsCiphers } from './checks/web-https-tls-ciphers/web-https-tls-ciphers.check.js';
import { webHttpsTlsKeyExchange } from './checks/web-https-tls-keyexchange/web-https-tls-keyexchange.check.js';
import { webHttpsTlsVersion } from './checks/web-https-tls-version/web-https-tls-version.check.js';
import { webIpv6NsAddress } from './checks/web-ipv6-ns-address/web-ipv6-ns-address.check.js';
import { webIpv6NsReach } from './checks/web-ipv6-ns-reach/web-ipv6-ns-reach.check.js';
import { webIpv6WsAddress } from './checks/web-ipv6-ws-address/web-ipv6-ws-address.check.js';
import { webIpv6WsReach } from './checks/web-ipv6-ws-reach/web-ipv6-ws-reach.check.js';
import { webIpv6WsSimilar } from './checks/web-ipv6-ws-similar/web-ipv6-ws-similar.check.js';

export {
  webDnssecExists,
  webDnssecValid,
  webHttpsCertPubkey,
  webHttpsCertTrust,
  webHttpsTlsCiphers,
  webHttpsTlsKeyExchange,
  webHttpsTlsVersion,
  webIpv6NsAddress,
  webIpv6NsReach,
  webIpv6WsAddress,
  webIpv6WsReach,
  webIpv6WsSimilar,
};

/** Every website check, in Internet.nl's report order. It grows as the checks land. */
export const webChecks: readonly AnyCheck[] = Object.freeze([
  webIpv6NsAddress,
  webIpv6NsReach,
  webIpv6WsAddress,
  webIpv6WsReach,
  webIpv6WsSimilar,
  webDnssecExists,
  webDnssecValid,
  webHttpsTlsVersion,
  webHttpsTlsCiphers,
  webHttpsTlsKeyExchange,
  webHttpsCertTrust,
  webHttpsCertPubkey,
]);

/**
 * The implementations {@link webPreset} binds to the declarations its checks name, and the
 * address lookup the TLS probe plans its subjects from.
 */
export const webProbes: readonly AnyProbe[] = Object.freeze([
  dnssecProbe,
  webTlsProbe,
  webAddressesProbe,
  nameServersProbe,
  nameServerReachabilityProbe,
  webReachabilityProbe,
  webSameSiteProbe,
]);

/** The website test as a preset: its checks and the probe implementations bound to them. */
export const webPreset: Preset = definePreset({ id: 'web', title: 'preset.web.title', checks: webChecks, probes: webProbes });
