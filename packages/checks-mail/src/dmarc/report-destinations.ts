/**
 * External report destinations (RFC 7489 §7.1; RFC 9990 keeps the rule for RFC 9989): a `rua` or
 * `ruf` mailbox outside the record's organizational domain receives reports only when its domain
 * publishes `<record domain>._report._dmarc.<destination>` TXT `v=DMARC1`. A wildcard
 * `*._report._dmarc.<destination>` counts too: DNS answers it for every name below.
 */
import { organizationalDomain } from './organizational-domain.js';
import type { DmarcRecord } from './parse.js';
import type { DmarcReportDestination } from './evidence.js';
import { lookupDmarcTxt, type TxtLookupOptions } from './txt-lookup.js';

/** The most destination domains pastoe looks up for one record. */
export const dmarcMaxReportHosts = 10;

/** The mailbox domains of a record's `rua` and `ruf`, in order, each once, with whether it is external. */
export function reportDestinations(recordDomain: string, record: DmarcRecord): DmarcReportDestination[] {
  const ownOrg = organizationalDomain(recordDomain) ?? recordDomain;
  const byHost = new Map<string, ('rua' | 'ruf')[]>();
  for (const tag of ['rua', 'ruf'] as const) {
    for (const uri of record[tag]) {
      if (uri.host === undefined) continue;
      const tags = byHost.get(uri.host) ?? [];
      if (!tags.includes(tag)) tags.push(tag);
      byHost.set(uri.host, tags);
    }
  }
  return [...byHost].map(([host, tags]) => ({ host, tags, external: (organizationalDomain(host) ?? host) !== ownOrg }));
}

/** The name that authorizes `host` to receive reports for `recordDomain`. */
export function reportAuthorizationName(recordDomain: string, host: string): string {
  return `${recordDomain}._report._dmarc.${host}`;
}

/**
 * Looks up the authorization of each external destination, the first {@link dmarcMaxReportHosts}
 * of them; the rest are returned without a lookup.
 */
export async function lookUpReportAuthorizations(
  recordDomain: string,
  destinations: readonly DmarcReportDestination[],
  options: TxtLookupOptions,
): Promise<DmarcReportDestination[]> {
  let budget = dmarcMaxReportHosts;
  return Promise.all(
    destinations.map(async (destination) => {
      if (!destination.external || budget <= 0) return destination;
      budget -= 1;
      const authorization = await lookupDmarcTxt(reportAuthorizationName(recordDomain, destination.host), options);
      return { ...destination, authorization };
    }),
  );
}
