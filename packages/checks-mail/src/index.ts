/**
 * @packageDocumentation
 * The pastoe mail test as checks for `@pastoe/core`'s runner, with the MX probe (Null MX
 * included) they share. Today it has the IPv6 checks of the name servers and mail servers
 * (Internet.nl's `mail_ipv6_*`), the DNSSEC checks of the mail domain and its MX domains
 * (`mail_dnssec_*`) and the RPKI checks of the mail servers, the name servers and the MX zones'
 * name servers (`mail_rpki_*`, `mail_ns_rpki_*`, `mail_mx_ns_rpki_*`); DMARC, DKIM, SPF, STARTTLS
 * with TLS and certificates, DANE, MTA-STS and TLS-RPT are planned. docs/status.md in the
 * repository lists every subtest and its check.
 *
 * The checks name the probes they need by declaration (`mxDeclaration`, `mxAddressesDeclaration`,
 * core's `dnssecDeclaration`, ...); {@link mailPreset} binds them to implementations.
 */
import {
  type AnyCheck,
  type AnyProbe,
  definePreset,
  dnssecProbe,
  nameServerReachabilityProbe,
  nameServerRouteOriginProbe,
  nameServersProbe,
  type Preset,
} from '@pastoe/core';
import { mailDnssecExists } from './checks/mail-dnssec-exists/mail-dnssec-exists.check.js';
import { mailDnssecMxExists } from './checks/mail-dnssec-mx-exists/mail-dnssec-mx-exists.check.js';
import { mailDnssecMxValid } from './checks/mail-dnssec-mx-valid/mail-dnssec-mx-valid.check.js';
import { mailDnssecValid } from './checks/mail-dnssec-valid/mail-dnssec-valid.check.js';
import { mailIpv6MxAddress } from './checks/mail-ipv6-mx-address/mail-ipv6-mx-address.check.js';
import { mailIpv6MxReach } from './checks/mail-ipv6-mx-reach/mail-ipv6-mx-reach.check.js';
import { mailIpv6NsAddress } from './checks/mail-ipv6-ns-address/mail-ipv6-ns-address.check.js';
import { mailIpv6NsReach } from './checks/mail-ipv6-ns-reach/mail-ipv6-ns-reach.check.js';
import { mailMxNsRpkiExists } from './checks/mail-mx-ns-rpki-exists/mail-mx-ns-rpki-exists.check.js';
import { mailMxNsRpkiValid } from './checks/mail-mx-ns-rpki-valid/mail-mx-ns-rpki-valid.check.js';
import { mailNsRpkiExists } from './checks/mail-ns-rpki-exists/mail-ns-rpki-exists.check.js';
import { mailNsRpkiValid } from './checks/mail-ns-rpki-valid/mail-ns-rpki-valid.check.js';
import { mailRpkiExists } from './checks/mail-rpki-exists/mail-rpki-exists.check.js';
import { mailRpkiValid } from './checks/mail-rpki-valid/mail-rpki-valid.check.js';

export { mailDnssecExists, mailDnssecMxExists, mailDnssecMxValid, mailDnssecValid };
export { mailIpv6MxAddress, mailIpv6MxReach, mailIpv6NsAddress, mailIpv6NsReach };
export { mailMxNsRpkiExists, mailMxNsRpkiValid, mailNsRpkiExists, mailNsRpkiValid, mailRpkiExists, mailRpkiValid };
import { mxDnssecProbe } from './probes/mx-dnssec.probe.js';
import { mxProbe } from './probes/mx.probe.js';
import { mxAddressesProbe } from './probes/mx-addresses.probe.js';
import { mxReachabilityProbe } from './probes/mx-reachability.probe.js';
import { mxNameServerRouteOriginProbe, mxRouteOriginProbe } from './probes/mx-route-origin.probe.js';

export { mxDnssecProbe, mxProbe };
export { mxAddressesProbe, mxNameServerRouteOriginProbe, mxReachabilityProbe, mxRouteOriginProbe };
export { mxDnssecDeclaration } from './probes/mx-dnssec.declaration.js';
export { maxSpfRecordsKept, mxDeclaration } from './probes/mx.declaration.js';
export { mxAddressesDeclaration } from './probes/mx-addresses.declaration.js';
export { mxReachabilityDeclaration, mxReachabilityPort, mxReachabilityTimeoutMs } from './probes/mx-reachability.declaration.js';
export { mxNameServerRouteOriginDeclaration, mxRouteOriginDeclaration } from './probes/mx-route-origin.declaration.js';
export type { MxEvidence, MxRecord } from './probes/mx.declaration.js';
export { mailServers, maxMailServers } from './parsers/mail-servers.js';
export type { MailServerSituation, MailServers } from './parsers/mail-servers.js';

/** Every mail check, in Internet.nl's report order. It grows as the checks land. */
export const mailChecks: readonly AnyCheck[] = Object.freeze([
  mailIpv6NsAddress,
  mailIpv6NsReach,
  mailIpv6MxAddress,
  mailIpv6MxReach,
  mailDnssecExists,
  mailDnssecValid,
  mailDnssecMxExists,
  mailDnssecMxValid,
  mailRpkiExists,
  mailRpkiValid,
  mailNsRpkiExists,
  mailNsRpkiValid,
  mailMxNsRpkiExists,
  mailMxNsRpkiValid,
]);

/** The implementations {@link mailPreset} binds to the declarations its checks and plans name. */
export const mailProbes: readonly AnyProbe[] = Object.freeze([
  dnssecProbe,
  mxProbe,
  mxDnssecProbe,
  nameServersProbe,
  nameServerReachabilityProbe,
  mxAddressesProbe,
  mxReachabilityProbe,
  mxRouteOriginProbe,
  nameServerRouteOriginProbe,
  mxNameServerRouteOriginProbe,
]);

/** The mail test as a preset: its checks and the probe implementations bound to them. */
export const mailPreset: Preset = definePreset({ id: 'mail', title: 'preset.mail.title', checks: mailChecks, probes: mailProbes });
