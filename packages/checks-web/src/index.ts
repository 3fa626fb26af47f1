/**
 * @packageDocumentation
 * The pastoe website test as checks for `@pastoe/core`'s runner: every Internet.nl website
 * subtest (IPv6, DNSSEC, HTTPS, TLS, certificates, DANE, CAA, security headers, security.txt,
 * RPKI) and pastoe's own extras. docs/status.md in the repository lists every subtest and its check.
 *
 * The checks name the probes they need by declaration only; {@link webPreset} binds those
 * declarations to `@pastoe/core`'s implementations.
 */
import {
  type AnyCheck,
  type AnyProbe,
  caaProbe,
  definePreset,
  dnssecProbe,
  nameServerReachabilityProbe,
  nameServerRouteOriginProbe,
  nameServersProbe,
  type Preset,
  securityTxtProbe,
  webAddressesProbe,
  webHttpProbe,
  webReachabilityProbe,
  webRouteOriginProbe,
  webSameSiteProbe,
  webTlsaProbe,
  webTlsProbe,
} from '@pastoe/core';
import { webAppsecprivCsp } from './checks/web-appsecpriv-csp/web-appsecpriv-csp.check.js';
import { webAppsecprivReferrerPolicy } from './checks/web-appsecpriv-referrer-policy/web-appsecpriv-referrer-policy.check.js';
import { webAppsecprivXContentTypeOptions } from './checks/web-appsecpriv-x-content-type-options/web-appsecpriv-x-content-type-options.check.js';
import { webAppsecprivXFrameOptions } from './checks/web-appsecpriv-x-frame-options/web-appsecpriv-x-frame-options.check.js';
import { webCookies } from './checks/web-cookies/web-cookies.check.js';
import { webCoop } from './checks/web-coop/web-coop.check.js';
import { webCorp } from './checks/web-corp/web-corp.check.js';
import { webAppsecprivSecuritytxt } from './checks/web-appsecpriv-securitytxt/web-appsecpriv-securitytxt.check.js';
import { webDnssecExists } from './checks/web-dnssec-exists/web-dnssec-exists.check.js';
import { webDnssecValid } from './checks/web-dnssec-valid/web-dnssec-valid.check.js';
import { webDnssecAlgorithms } from './checks/web-dnssec-algorithms/web-dnssec-algorithms.check.js';
import { webHttpsCertPubkey } from './checks/web-https-cert-pubkey/web-https-cert-pubkey.check.js';
import { webHttpsCertTrust } from './checks/web-https-cert-trust/web-https-cert-trust.check.js';
import { webHttpsHttpCompress } from './checks/web-https-http-compress/web-https-http-compress.check.js';
import { webHttpsHttpHsts } from './checks/web-https-http-hsts/web-https-http-hsts.check.js';
import { webHttpsHttpRedirect } from './checks/web-https-http-redirect/web-https-http-redirect.check.js';
import { webHttpsRedirectDowngrade } from './checks/web-https-redirect-downgrade/web-https-redirect-downgrade.check.js';
import { webHttpsTlsCiphers } from './checks/web-https-tls-ciphers/web-https-tls-ciphers.check.js';
import { webHttpsTlsKeyExchange } from './checks/web-https-tls-keyexchange/web-https-tls-keyexchange.check.js';
import { webHttpsTlsVersion } from './checks/web-https-tls-version/web-https-tls-version.check.js';
import { webHttpsHttpAvailable } from './checks/web-https-http-available/web-https-http-available.check.js';
import { webHttpsTlsCipherOrder } from './checks/web-https-tls-cipherorder/web-https-tls-cipherorder.check.js';
import { webHttpsTlsKeyExchangeHash } from './checks/web-https-tls-keyexchangehash/web-https-tls-keyexchangehash.check.js';
import { webHttpsTlsCompress } from './checks/web-https-tls-compress/web-https-tls-compress.check.js';
import { webHttpsTlsSecureRenegotiation } from './checks/web-https-tls-secreneg/web-https-tls-secreneg.check.js';
import { webHttpsTlsClientRenegotiation } from './checks/web-https-tls-clientreneg/web-https-tls-clientreneg.check.js';
import { webHttpsTlsExtendedMasterSecret } from './checks/web-https-tls-extendedmastersecret/web-https-tls-extendedmastersecret.check.js';
import { webHttpsTlsZeroRtt } from './checks/web-https-tls-0rtt/web-https-tls-0rtt.check.js';
import { webHttpsTlsOcsp } from './checks/web-https-tls-ocsp/web-https-tls-ocsp.check.js';
import { webHttpsTlsCaa } from './checks/web-https-tls-caa/web-https-tls-caa.check.js';
import { webHttpsTlsHybridPq } from './checks/web-https-tls-hybrid-pq/web-https-tls-hybrid-pq.check.js';
import { webHttpsCertSignature } from './checks/web-https-cert-sig/web-https-cert-sig.check.js';
import { webHttpsCertDomain } from './checks/web-https-cert-domain/web-https-cert-domain.check.js';
import { webHttpsDaneExist } from './checks/web-https-dane-exist/web-https-dane-exist.check.js';
import { webHttpsDaneValid } from './checks/web-https-dane-valid/web-https-dane-valid.check.js';
import { scanWebsiteWith, type WebsiteScanOptions, type WebsiteScanResult } from './scan-website.js';

export type { CspDirective, CspProblem, CspProblemCode, CspSource, ParsedCsp } from './parsers/csp.js';
export { classifyCspSource, parseCsp } from './parsers/csp.js';
export type { HstsDirective, HstsProblem, HstsProblemCode, ParsedHsts } from './parsers/hsts.js';
export { parseHsts } from './parsers/hsts.js';
import { webIpv6NsAddress } from './checks/web-ipv6-ns-address/web-ipv6-ns-address.check.js';
import { webIpv6NsReach } from './checks/web-ipv6-ns-reach/web-ipv6-ns-reach.check.js';
import { webIpv6WsAddress } from './checks/web-ipv6-ws-address/web-ipv6-ws-address.check.js';
import { webIpv6WsReach } from './checks/web-ipv6-ws-reach/web-ipv6-ws-reach.check.js';
import { webIpv6WsSimilar } from './checks/web-ipv6-ws-similar/web-ipv6-ws-similar.check.js';
import { webNsRpkiExists } from './checks/web-ns-rpki-exists/web-ns-rpki-exists.check.js';
import { webNsRpkiValid } from './checks/web-ns-rpki-valid/web-ns-rpki-valid.check.js';
import { webRpkiExists } from './checks/web-rpki-exists/web-rpki-exists.check.js';
import { webRpkiValid } from './checks/web-rpki-valid/web-rpki-valid.check.js';

export {
  webAppsecprivCsp,
  webAppsecprivReferrerPolicy,
  webAppsecprivXContentTypeOptions,
  webAppsecprivXFrameOptions,
  webCookies,
  webCoop,
  webCorp,
  webAppsecprivSecuritytxt,
  webDnssecExists,
  webDnssecValid,
  webDnssecAlgorithms,
  webHttpsCertPubkey,
  webHttpsCertTrust,
  webHttpsHttpCompress,
  webHttpsHttpHsts,
  webHttpsHttpRedirect,
  webHttpsRedirectDowngrade,
  webHttpsTlsCiphers,
  webHttpsTlsKeyExchange,
  webHttpsTlsVersion,
  webHttpsHttpAvailable,
  webHttpsTlsCipherOrder,
  webHttpsTlsKeyExchangeHash,
  webHttpsTlsCompress,
  webHttpsTlsSecureRenegotiation,
  webHttpsTlsClientRenegotiation,
  webHttpsTlsExtendedMasterSecret,
  webHttpsTlsZeroRtt,
  webHttpsTlsOcsp,
  webHttpsTlsCaa,
  webHttpsTlsHybridPq,
  webHttpsCertSignature,
  webHttpsCertDomain,
  webHttpsDaneExist,
  webHttpsDaneValid,
  webIpv6NsAddress,
  webIpv6NsReach,
  webIpv6WsAddress,
  webIpv6WsReach,
  webIpv6WsSimilar,
  webNsRpkiExists,
  webNsRpkiValid,
  webRpkiExists,
  webRpkiValid,
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
  webDnssecAlgorithms,
  webHttpsHttpAvailable,
  webHttpsHttpRedirect,
  webHttpsHttpCompress,
  webHttpsHttpHsts,
  webHttpsTlsVersion,
  webHttpsTlsCiphers,
  webHttpsTlsCipherOrder,
  webHttpsTlsKeyExchange,
  webHttpsTlsKeyExchangeHash,
  webHttpsTlsCompress,
  webHttpsTlsSecureRenegotiation,
  webHttpsTlsClientRenegotiation,
  webHttpsTlsExtendedMasterSecret,
  webHttpsTlsZeroRtt,
  webHttpsTlsOcsp,
  webHttpsTlsCaa,
  webHttpsCertTrust,
  webHttpsCertPubkey,
  webHttpsCertSignature,
  webHttpsCertDomain,
  webHttpsDaneExist,
  webHttpsDaneValid,
  webHttpsTlsHybridPq,
  webAppsecprivXFrameOptions,
  webAppsecprivXContentTypeOptions,
  webAppsecprivCsp,
  webAppsecprivReferrerPolicy,
  webAppsecprivSecuritytxt,
  webHttpsRedirectDowngrade,
  webCookies,
  webCorp,
  webCoop,
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
  webTlsaProbe,
  caaProbe,
  webHttpProbe,
  securityTxtProbe,
  nameServersProbe,
  nameServerReachabilityProbe,
  webReachabilityProbe,
  webSameSiteProbe,
  webRouteOriginProbe,
  nameServerRouteOriginProbe,
]);

/** The website test as a preset: its checks and the probe implementations bound to them. */
export const webPreset: Preset = definePreset({ id: 'web', title: 'preset.web.title', checks: webChecks, probes: webProbes });

export type { WebsiteScanOptions, WebsiteScanResult } from './scan-website.js';

/**
 * Runs the website test of a domain and, with `www: true`, of its `www.` name beside it. Each name
 * gets its own report, scored on its own: Internet.nl tests only the name it is given, so a site
 * whose bare domain passes may still fail as `www.<domain>` (a redirect or HSTS only on one name).
 * Both scans share one set of transports, one vantage check and the caches (`options.caches` or a
 * fresh set): a DNS answer or DNSSEC key both names need is fetched and validated once.
 *
 * The scans run one after the other, or at the same time with `concurrent: true`. Like `scan`, it
 * rejects only for unusable input (a `ScanInputError`, before anything is scanned) and, with the
 * signal's reason, when the caller's `signal` aborts; a failed vantage point makes the checks that
 * depend on it `error` with outcome `vantage` in both reports.
 *
 * @example
 * ```ts
 * const { domain, www } = await scanWebsite('example.nl', { www: true });
 * console.log(score(domain, policies.internetnlWeb).suites[0]?.percentage);
 * if (www !== undefined) console.log(score(www, policies.internetnlWeb).suites[0]?.percentage);
 * ```
 *
 * @param domain - the domain to test, e.g. `example.nl`
 * @param options - those of `scan`; `preset` defaults to {@link webPreset}
 * @throws ScanInputError when the domain, its www name or an option is not valid
 */
export function scanWebsite(domain: string, options: WebsiteScanOptions = {}): Promise<WebsiteScanResult> {
  return scanWebsiteWith(webPreset, domain, options);
}
