import type { MxEvidence } from '../probes/mx.declaration.js';

/**
 * How the mail domain receives mail, in Internet.nl's terms (`checks/models.MxStatus`):
 * real mail servers, a correct Null MX (RFC 7505), a Null MX beside other MX records, a Null MX on
 * a domain without addresses (unneeded), or no MX at all (a failed lookup counts as none).
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
    if (records.length > 1) return { situation: 'null-mx-with-other-mx', hosts };
    return { situation: evidence.domainHasAddress ? 'null-mx' : 'null-mx-without-a-aaaa', hosts: [] };
  }
  return hosts.length > 0 ? { situation: 'has-mx', hosts } : { situation: 'no-mx', hosts: [] };
}
