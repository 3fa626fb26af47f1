/**
 * The evidence DMARC discovery gathers, as plain data: what the probe records and the checks
 * judge. Types only, so a check's import graph holds no I/O.
 */
import type { DmarcRuleset } from './parse.js';

/** One TXT lookup of DMARC discovery or report authorization, as evidence keeps it. */
export interface DmarcTxtLookup {
  /** The name asked, e.g. `_dmarc.example.nl`. */
  readonly name: string;
  /** The response code, when a response came. */
  readonly rcode?: string;
  /**
   * Why the lookup gave no usable answer: no response (`timeout: ...`), or a response code other
   * than NOERROR and NXDOMAIN (`SERVFAIL`). Absent when the answer says what the name holds.
   */
  readonly error?: string;
  /** The TXT records that begin with `v=DMARC1` (any case), each one's strings joined; at most eight are kept. */
  readonly records: readonly string[];
  /** How many other TXT records the name holds. */
  readonly otherRecords: number;
}

/**
 * How discovery ended: one record `found`; `none` anywhere it looked; `multiple` records where it
 * stopped (receivers then apply no DMARC); `error` when a lookup got no usable answer (pastoe
 * cannot tell whether a record exists); `invalid-name` for a domain that is no domain name.
 */
export type DmarcDiscoveryStatus = 'found' | 'none' | 'multiple' | 'error' | 'invalid-name';

/** Where the record was found, relative to the domain asked about. */
export type DmarcRecordSource = 'domain' | 'organizational-domain' | 'parent';

/** The DMARC record discovery settled on. */
export interface DiscoveredDmarcRecord {
  /** The record text (its TXT strings joined). */
  readonly text: string;
  /** The domain it was published for (the name without `_dmarc.`). */
  readonly domain: string;
  /** At the domain itself, at its organizational domain, or (RFC 9989 walk) at another parent. */
  readonly source: DmarcRecordSource;
}

/** What DMARC discovery found for a domain. */
export interface DmarcDiscovery {
  /** The domain asked about, lowercased. */
  readonly domain: string;
  /** The ruleset discovery followed. */
  readonly ruleset: DmarcRuleset;
  /** How it ended. */
  readonly status: DmarcDiscoveryStatus;
  /** The record, when `found`. */
  readonly record?: DiscoveredDmarcRecord;
  /**
   * The domain's organizational domain by the ruleset: the Public Suffix List (RFC 7489), or the
   * tree walk's answer (RFC 9989). Absent when there is none (a public suffix) or a lookup failed.
   */
  readonly organizationalDomain?: string;
  /** Every lookup, in the order asked. */
  readonly lookups: readonly DmarcTxtLookup[];
}

/** One mailbox domain a record sends reports to. */
export interface DmarcReportDestination {
  /** The domain of the `mailto` address, lowercased. */
  readonly host: string;
  /** The tags that name it. */
  readonly tags: readonly ('rua' | 'ruf')[];
  /**
   * Whether its organizational domain (by the Public Suffix List) differs from the record
   * domain's, as Internet.nl compares them: then it must authorize the reports.
   */
  readonly external: boolean;
  /** The authorization lookup, for an external destination that was looked up. */
  readonly authorization?: DmarcTxtLookup;
}

/** What the DMARC probe records: discovery, and the authorization of external report destinations. */
export interface DmarcEvidence extends DmarcDiscovery {
  /** The mailbox domains of the record's `rua` and `ruf`, with their authorization lookups. */
  readonly reportDestinations: readonly DmarcReportDestination[];
}
