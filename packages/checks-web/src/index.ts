/**
 * @packageDocumentation
 * The pastoe website test as checks for `@pastoe/core`'s runner. Today it has the DNSSEC checks
 * (Internet.nl's `web_dnssec_exist` and `web_dnssec_valid`) and the first HTTPS checks: TLS
 * version, cipher suites, key exchange, certificate trust and certificate key. IPv6, the rest of
 * HTTPS (redirect, HSTS, the other TLS and certificate subtests, DANE, CAA), security headers,
 * security.txt are planned. RPKI (`web_rpki_*`, `web_ns_rpki_*`) judges route origins from the
 * scan's RPKI sources (`transports.rpki`) and is not tested without them. docs/status.md
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
  nameServerRouteOriginProbe,
  type Preset,
  webAddressesProbe,
  webRouteOriginProbe,
  webTlsProbe,
} from '@pastoe/core';
import { webDnssecExists } from './checks/web-dnssec-exists/web-dnssec-exists.check.js';
import { webDnssecValid } from './checks/web-dnssec-valid/web-dnssec-valid.check.js';
import { webHttpsCertPubkey } from './checks/web-https-cert-pubkey/web-https-cert-pubkey.check.js';
import { webHttpsCertTrust } from './checks/web-https-cert-trust/web-https-cert-trust.check.js';
import { webHttpsTlsCiphers } from './checks/web-https-tls-ciphers/web-https-tls-ciphers.check.js';
import { webHttpsTlsKeyExchange } from './checks/web-https-tls-keyexchange/web-https-tls-keyexchange.check.js';
import { webHttpsTlsVersion } from './checks/web-https-tls-version/web-https-tls-version.check.js';
import { webNsRpkiExists } from './checks/web-ns-rpki-exists/web-ns-rpki-exists.check.js';
import { webNsRpkiValid } from './checks/web-ns-rpki-valid/web-ns-rpki-valid.check.js';
import { webRpkiExists } from './checks/web-rpki-exists/web-rpki-exists.check.js';
import { webRpkiValid } from './checks/web-rpki-valid/web-rpki-valid.check.js';

export {
  webDnssecExists,
  webDnssecValid,
  webHttpsCertPubkey,
  webHttpsCertTrust,
  webHttpsTlsCiphers,
  webHttpsTlsKeyExchange,
  webHttpsTlsVersion,
  webNsRpkiExists,
  webNsRpkiValid,
  webRpkiExists,
  webRpkiValid,
};

/** Every website check, in Internet.nl's report order. It grows as the checks land. */
export const webChecks: readonly AnyCheck[] = Object.freeze([
  webDnssecExists,
  webDnssecValid,
  webHttpsTlsVersion,
  webHttpsTlsCiphers,
  webHttpsTlsKeyExchange,
  webHttpsCertTrust,
  webHttpsCertPubkey,
  webRpkiExists,
  webRpkiValid,
  webNsRpkiExists,
  webNsRpkiValid,
]);

/**
 * The implementations {@link webPreset} binds to the declarations its checks name, and the
 * address lookup the TLS probe plans its subjects from.
 */
export const webProbes: readonly AnyProbe[] = Object.freeze([
  dnssecProbe,
  webTlsProbe,
  webAddressesProbe,
  webRouteOriginProbe,
  nameServerRouteOriginProbe,
]);

/** The website test as a preset: its checks and the probe implementations bound to them. */
export const webPreset: Preset = definePreset({ id: 'web', title: 'preset.web.title', checks: webChecks, probes: webProbes });
