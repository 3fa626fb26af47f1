/**
 * @packageDocumentation
 * The pastoe mail test as checks for `@pastoe/core`'s runner, with the MX probe (Null MX
 * included) they share. Today it has Internet.nl's IPv6 checks of the name servers and mail
 * servers (`mail_ipv6_*`), the DNSSEC checks of the mail domain and its MX domains
 * (`mail_dnssec_*`), DMARC (`mail_auth_dmarc_*`, with {@link parseDmarc} and discovery by RFC 7489
 * or RFC 9989), DKIM (`mail_auth_dkim_exist` with the non-sending exemption and wildcard
 * detection, and beyond Internet.nl the keys of given selectors: {@link parseDkimRecord},
 * {@link createDkimProbe}), SPF (`mail_auth_spf_*`, with a full RFC 7208 evaluator: {@link parseSpf},
 * {@link evaluateSpf}), STARTTLS with TLS, certificates and DANE per MX (`mail_starttls_*`) and
 * the RPKI checks (`mail_rpki_*`, `mail_ns_rpki_*`, `mail_mx_ns_rpki_*`); beyond Internet.nl,
 * MTA-STS (`mail-mta-sts`, with {@link parseMtaStsRecord}, {@link parseMtaStsPolicy} and
 * {@link mxMatchesPolicy}) and TLS-RPT (`mail-tls-rpt`, with {@link parseTlsRpt}) as
 * recommended checks outside the score. docs/status.md in the repository lists every subtest and its
 * check.
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
import { mailAuthDmarcExist } from './checks/mail-auth-dmarc-exist/mail-auth-dmarc-exist.check.js';
import { mailAuthDmarcPolicy } from './checks/mail-auth-dmarc-policy/mail-auth-dmarc-policy.check.js';
import { mailAuthSpfExist } from './checks/mail-auth-spf-exist/mail-auth-spf-exist.check.js';
import { mailAuthSpfPolicy } from './checks/mail-auth-spf-policy/mail-auth-spf-policy.check.js';

export { mailAuthSpfExist, mailAuthSpfPolicy, mailDnssecExists, mailDnssecMxExists, mailDnssecMxValid, mailDnssecValid };
export { mailAuthDmarcExist, mailAuthDmarcPolicy };
import { mailAuthDkimExist } from './checks/mail-auth-dkim-exist/mail-auth-dkim-exist.check.js';
import { mailAuthDkimSelectors } from './checks/mail-auth-dkim-selectors/mail-auth-dkim-selectors.check.js';
import { dkimProbe } from './probes/dkim.probe.js';

export { mailAuthDkimExist, mailAuthDkimSelectors };
export { createDkimProbe, dkimProbe, maxDkimSelectors } from './probes/dkim.probe.js';
export type { DkimProbeOptions } from './probes/dkim.probe.js';
export { dkimDeclaration } from './probes/dkim.declaration.js';
export type { DkimEvidence, DkimSelectorLookup, DkimTxtLookup } from './probes/dkim.declaration.js';
export { dkimKeyMaxBase64Length, dkimRecordMaxLength, parseDkimRecord } from './dkim/parse.js';
export type { DkimKeyFacts, DkimParseResult, DkimProblem, DkimProblemCode, DkimRecord, DkimTag } from './dkim/parse.js';
export { judgeNonSending } from './dkim/non-sending.js';
export type { NonSendingJudgement, NonSendingStatus } from './dkim/non-sending.js';
export { dkimRsaMinimumBits, dkimRsaRecommendedBits } from './dkim/judge-selector.js';
import { mxDnssecProbe } from './probes/mx-dnssec.probe.js';
import { mxProbe } from './probes/mx.probe.js';
import { maxSpfProbeDomains, spfProbe } from './probes/spf.probe.js';
import { dmarcProbe } from './probes/dmarc.probe.js';

export { maxSpfProbeDomains, mxDnssecProbe, mxProbe, spfProbe };
export { spfDeclaration } from './probes/spf.declaration.js';
export type { SpfEvidence, SpfTxtLookup } from './probes/spf.declaration.js';
import { mailAuthSpfVoidLookups } from './checks/mail-auth-spf-void-lookups/mail-auth-spf-void-lookups.check.js';
import { spfEvaluationProbe } from './probes/spf-evaluation.probe.js';

export { mailAuthSpfVoidLookups, spfEvaluationProbe };
export { maxSpfVoidLookups } from './checks/mail-auth-spf-void-lookups/mail-auth-spf-void-lookups.check.js';
export { spfEvaluationClientIp, spfEvaluationDeclaration } from './probes/spf-evaluation.declaration.js';
export type { SpfEvaluationEvidence } from './probes/spf-evaluation.declaration.js';
import { mailStarttlsTlsAvailable } from './checks/mail-starttls-tls-available/mail-starttls-tls-available.check.js';
import { mailStarttlsTlsVersion } from './checks/mail-starttls-tls-version/mail-starttls-tls-version.check.js';
import { mailStarttlsTlsCiphers } from './checks/mail-starttls-tls-ciphers/mail-starttls-tls-ciphers.check.js';
import { mailStarttlsTlsCipherOrder } from './checks/mail-starttls-tls-cipherorder/mail-starttls-tls-cipherorder.check.js';
import { mailStarttlsTlsKeyExchange } from './checks/mail-starttls-tls-keyexchange/mail-starttls-tls-keyexchange.check.js';
import { mailStarttlsTlsKeyExchangeHash } from './checks/mail-starttls-tls-keyexchangehash/mail-starttls-tls-keyexchangehash.check.js';
import { mailStarttlsTlsCompress } from './checks/mail-starttls-tls-compress/mail-starttls-tls-compress.check.js';
import { mailStarttlsTlsSecreneg } from './checks/mail-starttls-tls-secreneg/mail-starttls-tls-secreneg.check.js';
import { mailStarttlsTlsClientreneg } from './checks/mail-starttls-tls-clientreneg/mail-starttls-tls-clientreneg.check.js';
import { mailStarttlsTlsExtendedMasterSecret } from './checks/mail-starttls-tls-extendedmastersecret/mail-starttls-tls-extendedmastersecret.check.js';
import { mailStarttlsTlsZeroRtt } from './checks/mail-starttls-tls-0rtt/mail-starttls-tls-0rtt.check.js';
import { mailStarttlsTlsCaa } from './checks/mail-starttls-tls-caa/mail-starttls-tls-caa.check.js';
import { mailStarttlsCertChain } from './checks/mail-starttls-cert-chain/mail-starttls-cert-chain.check.js';
import { mailStarttlsCertPubkey } from './checks/mail-starttls-cert-pubkey/mail-starttls-cert-pubkey.check.js';
import { mailStarttlsCertSig } from './checks/mail-starttls-cert-sig/mail-starttls-cert-sig.check.js';
import { mailStarttlsCertDomain } from './checks/mail-starttls-cert-domain/mail-starttls-cert-domain.check.js';
import { mailStarttlsDaneExist } from './checks/mail-starttls-dane-exist/mail-starttls-dane-exist.check.js';
import { mailStarttlsDaneValid } from './checks/mail-starttls-dane-valid/mail-starttls-dane-valid.check.js';
import { mailStarttlsDaneRollover } from './checks/mail-starttls-dane-rollover/mail-starttls-dane-rollover.check.js';

export {
  mailStarttlsTlsAvailable,
  mailStarttlsTlsVersion,
  mailStarttlsTlsCiphers,
  mailStarttlsTlsCipherOrder,
  mailStarttlsTlsKeyExchange,
  mailStarttlsTlsKeyExchangeHash,
  mailStarttlsTlsCompress,
  mailStarttlsTlsSecreneg,
  mailStarttlsTlsClientreneg,
  mailStarttlsTlsExtendedMasterSecret,
  mailStarttlsTlsZeroRtt,
  mailStarttlsTlsCaa,
  mailStarttlsCertChain,
  mailStarttlsCertPubkey,
  mailStarttlsCertSig,
  mailStarttlsCertDomain,
  mailStarttlsDaneExist,
  mailStarttlsDaneValid,
  mailStarttlsDaneRollover,
};
import { mailCaaProbe } from './probes/mail-caa.probe.js';
import { mailTlsProbe } from './probes/mail-tls.probe.js';
import { mailTlsaProbe } from './probes/mail-tlsa.probe.js';

export { mailCaaProbe, mailTlsProbe, mailTlsaProbe };
export { probeMailServerTls } from './probes/mail-tls.probe.js';
export { mailCaaDeclaration } from './probes/mail-caa.declaration.js';
export { mailTlsDeclaration } from './probes/mail-tls.declaration.js';
export type { MailServerTlsEvidence, MailServerTlsScan } from './probes/mail-tls.declaration.js';
export { mailTlsaDeclaration } from './probes/mail-tlsa.declaration.js';
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

export { mailIpv6MxAddress, mailIpv6MxReach, mailIpv6NsAddress, mailIpv6NsReach };
export { mailMxNsRpkiExists, mailMxNsRpkiValid, mailNsRpkiExists, mailNsRpkiValid, mailRpkiExists, mailRpkiValid };
import { mxAddressesProbe } from './probes/mx-addresses.probe.js';
import { mxReachabilityProbe } from './probes/mx-reachability.probe.js';
import { mxNameServerRouteOriginProbe, mxRouteOriginProbe } from './probes/mx-route-origin.probe.js';

export { mxAddressesProbe, mxNameServerRouteOriginProbe, mxReachabilityProbe, mxRouteOriginProbe };
export { mxDnssecDeclaration } from './probes/mx-dnssec.declaration.js';
export { maxSpfRecordsKept, mxDeclaration } from './probes/mx.declaration.js';
export { mxAddressesDeclaration } from './probes/mx-addresses.declaration.js';
export { mxReachabilityDeclaration, mxReachabilityPort, mxReachabilityTimeoutMs } from './probes/mx-reachability.declaration.js';
export { mxNameServerRouteOriginDeclaration, mxRouteOriginDeclaration } from './probes/mx-route-origin.declaration.js';
export type { MxEvidence, MxRecord } from './probes/mx.declaration.js';
export { mailServers, maxMailServers } from './parsers/mail-servers.js';
export { isSpfRecordText, maxSpfRecordLength, parseSpf, parseSpfMacroString } from './spf/parse.js';
export type { MacroStringOptions } from './spf/parse.js';
export type {
  SpfDirective,
  SpfMacroLetter,
  SpfMacroPart,
  SpfMacroString,
  SpfMechanism,
  SpfModifier,
  SpfParseResult,
  SpfQualifier,
  SpfRecord,
  SpfSyntaxError,
  SpfTerm,
} from './spf/record.js';
export { expandSpfMacros, truncateDomain } from './spf/macro.js';
export type { SpfMacroValues } from './spf/macro.js';
export { evaluateSpf } from './spf/evaluate.js';
export type { EvaluateSpfOptions, SpfEvaluation } from './spf/evaluate.js';
export { maxSpfTreeNodes } from './spf/tree.js';
export { countSpfLookups, judgeSpfPolicyAsInternetNl } from './spf/policy.js';
export type { InternetNlSpfJudgement, InternetNlSpfStatus, SpfLookupCount, SpfRecordGraph, SpfRecordLookup } from './spf/policy.js';
export { spfTargets } from './spf/targets.js';
export type { SpfTarget } from './spf/targets.js';
export type { SpfResult, SpfTreeNode } from './spf/tree.js';
export type { MailServerSituation, MailServers } from './parsers/mail-servers.js';
export { createDmarcProbe, dmarcProbe } from './probes/dmarc.probe.js';
export type { DmarcProbeOptions } from './probes/dmarc.probe.js';
export { dmarcDeclaration } from './probes/dmarc.declaration.js';
export { dmarcMaxTags, dmarcMaxUris, dmarcRecordMaxLength, parseDmarc } from './dmarc/parse.js';
export type {
  DmarcParseResult,
  DmarcPolicy,
  DmarcProblem,
  DmarcProblemCode,
  DmarcRecord,
  DmarcReportUri,
  DmarcRuleset,
  DmarcTag,
  ParseDmarcOptions,
} from './dmarc/parse.js';
export { organizationalDomain } from './dmarc/organizational-domain.js';
export type { OrganizationalDomainOptions } from './dmarc/organizational-domain.js';
export { discoverDmarc, dmarcTreeWalkMaxLookups, dmarcTreeWalkTargets } from './dmarc/discover.js';
export type { DiscoverDmarcOptions } from './dmarc/discover.js';
export type { TxtLookupOptions } from './dmarc/txt-lookup.js';
export { judgeDmarcPolicy, reportAuthorizationStatus } from './dmarc/policy.js';
export type { DmarcPolicyJudgement, JudgeDmarcPolicyOptions, ReportAuthorizationStatus } from './dmarc/policy.js';
export { dmarcMaxReportHosts, reportAuthorizationName } from './dmarc/report-destinations.js';
export type {
  DiscoveredDmarcRecord,
  DmarcDiscovery,
  DmarcDiscoveryStatus,
  DmarcEvidence,
  DmarcRecordSource,
  DmarcReportDestination,
  DmarcTxtLookup,
} from './dmarc/evidence.js';

import { mailMtaSts, mtaStsAdvisedMaxAge, mtaStsMinMaxAge } from './checks/mail-mta-sts/mail-mta-sts.check.js';
import { mailTlsRpt } from './checks/mail-tls-rpt/mail-tls-rpt.check.js';
import { createMtaStsProbe, fetchMtaStsPolicy, mtaStsProbe } from './probes/mta-sts.probe.js';
import { tlsRptProbe } from './probes/tls-rpt.probe.js';

export { mailMtaSts, mailTlsRpt, mtaStsAdvisedMaxAge, mtaStsMinMaxAge };
export { createMtaStsProbe, fetchMtaStsPolicy, mtaStsProbe, tlsRptProbe };
export type { MtaStsProbeOptions } from './probes/mta-sts.probe.js';
export { mtaStsDeclaration } from './probes/mta-sts.declaration.js';
export type { MtaStsEvidence, MtaStsFetchError, MtaStsHeader, MtaStsPolicyFetch } from './probes/mta-sts.declaration.js';
export { tlsRptDeclaration } from './probes/tls-rpt.declaration.js';
export type { TlsRptEvidence } from './probes/tls-rpt.declaration.js';
export { isMtaStsRecordText, mtaStsRecordVersion, parseMtaStsRecord } from './mta-sts/record.js';
export type { MtaStsRecord, MtaStsRecordParseResult } from './mta-sts/record.js';
export { mtaStsMaxAgeLimit, mtaStsPolicyMaxBytes, mxMatchesPolicy, parseMtaStsPolicy } from './mta-sts/policy.js';
export type { MtaStsMode, MtaStsPolicy, MtaStsPolicyParseResult } from './mta-sts/policy.js';
export type { PolicyTextProblem } from './mta-sts/problem.js';
export type { RecordField } from './mta-sts/fields.js';
export { maxRecordTextLength } from './mta-sts/fields.js';
export { lookupVersionedTxt } from './txt/txt-lookup.js';
export type { VersionedTxtLookupOptions } from './txt/txt-lookup.js';
export { maxTxtRecordsKept } from './txt/txt-evidence.js';
export type { VersionedTxtLookup } from './txt/txt-evidence.js';
export { isTlsRptRecordText, parseTlsRpt, tlsRptVersion } from './tls-rpt/parse.js';
export type { TlsRptParseResult, TlsRptRecord, TlsRptUri } from './tls-rpt/parse.js';

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
  mailAuthDmarcExist,
  mailAuthDmarcPolicy,
  mailAuthDkimExist,
  mailAuthDkimSelectors,
  mailAuthSpfExist,
  mailAuthSpfPolicy,
  mailAuthSpfVoidLookups,
  mailStarttlsTlsAvailable,
  mailStarttlsTlsVersion,
  mailStarttlsTlsCiphers,
  mailStarttlsTlsCipherOrder,
  mailStarttlsTlsKeyExchange,
  mailStarttlsTlsKeyExchangeHash,
  mailStarttlsTlsCompress,
  mailStarttlsTlsSecreneg,
  mailStarttlsTlsClientreneg,
  mailStarttlsTlsExtendedMasterSecret,
  mailStarttlsTlsZeroRtt,
  mailStarttlsTlsCaa,
  mailStarttlsCertChain,
  mailStarttlsCertPubkey,
  mailStarttlsCertSig,
  mailStarttlsCertDomain,
  mailStarttlsDaneExist,
  mailStarttlsDaneValid,
  mailStarttlsDaneRollover,
  mailRpkiExists,
  mailRpkiValid,
  mailNsRpkiExists,
  mailNsRpkiValid,
  mailMxNsRpkiExists,
  mailMxNsRpkiValid,
  mailMtaSts,
  mailTlsRpt,
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
  dmarcProbe,
  dkimProbe,
  spfProbe,
  spfEvaluationProbe,
  mailTlsProbe,
  mailTlsaProbe,
  mailCaaProbe,
  mtaStsProbe,
  tlsRptProbe,
]);

/** The mail test as a preset: its checks and the probe implementations bound to them. */
export const mailPreset: Preset = definePreset({ id: 'mail', title: 'preset.mail.title', checks: mailChecks, probes: mailProbes });
