import type { TrustStoreDescription } from '../trust/types.js';
import type { TlsSharing } from './probe.js';

/** The versions of the rule sets pastoe judges by, so a report says which rules it applied. */
export interface RulesetVersions {
  /** The NCSC-NL TLS guidelines the TLS checks apply, e.g. `2025-05`. */
  readonly ncscTls: string;
  /** The Internet.nl release whose tests, outcomes and scoring pastoe reproduces, e.g. `1.11`. */
  readonly internetnl: string;
  /** Internet.nl's batch API version whose result format `toInternetNl` writes. */
  readonly internetnlBatchApi: string;
  /** The Forum Standaardisatie target state (streefbeeld) the `streefbeeld` policy decides. */
  readonly streefbeeld: string;
}

/** The rule set versions of this pastoe release. */
export const rulesetVersions: RulesetVersions = Object.freeze({
  ncscTls: '2025-05',
  internetnl: '1.11',
  internetnlBatchApi: '2.7.0',
  streefbeeld: 'streefbeeld 2017-2021, RPKI 2024',
});

/** How DNSSEC answers were judged. */
export interface DnssecProvenance {
  /** `own`: pastoe validated from the trust anchors; `upstream-ad`: the resolver's AD bit was trusted. */
  readonly mode: 'own' | 'upstream-ad';
  /** The trust anchors in presentation form, e.g. `. DS 20326 8 2 e06d…`. */
  readonly trustAnchors: readonly string[];
}

/**
 * Where a report's verdicts come from: the pastoe release and rule sets, and the resolver,
 * trust anchors and certificate roots the scan used. Two reports that differ only in provenance
 * were judged by different rules or from different vantage points, which a comparison must show.
 */
export interface ScanProvenance {
  /** The pastoe release. */
  readonly pastoeVersion: string;
  /** The rule set versions. */
  readonly rulesets: RulesetVersions;
  /** Where DNS queries went, e.g. `https://dns.example/dns-query` or `udp://127.0.0.1:5353`. */
  readonly resolver: string;
  /** How DNSSEC was validated, when the validator says (a custom validator may not). */
  readonly dnssec?: DnssecProvenance;
  /** The roots certificates were validated against. */
  readonly certificateTrust: TrustStoreDescription;
  /** Whether route origin (RPKI) data sources were configured; without them the RPKI subtests are `not-tested`. */
  readonly rpki: boolean;
  /** The EHLO name and User-Agent pastoe introduced itself with. */
  readonly identity: { readonly ehloName: string; readonly userAgent: string };
  /** How TLS scans were shared between names on one address (absent in reports from before 0.x recorded it). */
  readonly tlsSharing?: TlsSharing;
}
