import type { MxEvidence } from '../probes/mx.declaration.js';

/**
 * How the mail domain receives mail, in Internet.nl's terms (`checks/models.MxStatus`):
 * real mail servers, a correct Null MX (RFC 7505), a Null MX beside other MX records, a Null MX on
 * a domain without addresses (unneeded), or no MX at all (NXDOMAIN and NODATA; a failed lookup is
 * no evidence, so the checks that need it are `error`).
 */
export type MailServerSituation = 'has-mx' | 'null-mx' | 'null-mx-with-other-mx' | 'null-mx-without-a-aaaa' | 'no-mx';

/** Internet.nl tests at most this many mail servers. */
export const maxMailServers = 10;

/** The situation and the mail servers to test: sorted by name, `localhost` and the root left out, at most ten. */
export interface MailServers {
  /** The situation. */
  readonly situation: MailServerSituation;
  /** The MX host names to test. */
  readonly hosts: readonly string[];
  /**
   * pastoe's own advice to publish a Null MX: the domain has no MX, has an A or AAAA record, and
   * its one SPF record is exactly `v=spf1 -all`, so it sends no mail and wants none. Internet.nl
   * meant this as its `no_null_mx` status but never reaches it (spec §3.1): its verdicts stay
   * those of `no-mx`, and the checks add the advice as a finding.
   */
  readonly nullMxAdvised: boolean;
}

/** Whether an SPF record is exactly `v=spf1 -all` (terms compared without case, as RFC 7208 does). */
function refusesAllMail(spf: string): boolean {
  return /^v=spf1 +-all *$/i.test(spf);
}

/** Sorts the MX evidence into the situation and the hosts to test. */
export function mailServers(evidence: MxEvidence): MailServers {
  const records = evidence.rcode === 'NOERROR' ? evidence.records : [];
  // RFC 7505: a Null MX is exactly preference 0 with the root as exchange; `MX 10 .` is not one.
  const isNull = (r: { preference: number; exchange: string }): boolean => r.exchange === '' && r.preference === 0;
  const hosts = [...new Set(records.filter((r) => r.exchange !== '' && r.exchange !== 'localhost').map((r) => r.exchange))]
    .sort()
    .slice(0, maxMailServers);
  if (records.some(isNull)) {
    if (records.length > 1) return { situation: 'null-mx-with-other-mx', hosts, nullMxAdvised: false };
    return { situation: evidence.domainHasAddress ? 'null-mx' : 'null-mx-without-a-aaaa', hosts: [], nullMxAdvised: false };
  }
  if (hosts.length > 0) return { situation: 'has-mx', hosts, nullMxAdvised: false };
  const spf = evidence.spf ?? [];
  const nullMxAdvised = records.length === 0 && evidence.domainHasAddress && spf.length === 1 && refusesAllMail(spf[0] ?? '');
  return { situation: 'no-mx', hosts: [], nullMxAdvised };
}
