/**
 * What a report's evidence says about where a domain is hosted: its most preferred MX hosts, its
 * name servers and the origin ASes of its web server addresses. Read from saved reports, so the
 * evidence is checked as it is read: a report of another pastoe version, or edited by hand, gives
 * nothing for a role rather than a wrong answer.
 */
import { type Evidence, isAsn, nameServersDeclaration, webRouteOriginDeclaration } from '@pastoe/core';
import { normalHostName } from './host-pattern.js';
import { isJsonObject } from './json-object.js';

/** What attribution needs of a report: its evidence. */
export interface HostingEvidenceSource {
  /** The report's evidence; absent in reports stripped of it. */
  readonly evidence?: readonly Evidence<unknown>[];
}

/**
 * The MX probe's id. It lives in `@pastoe/checks-mail`, which reporting does not depend on (it
 * reads the result schema only), so the id is named here.
 */
const mxProbe = 'mail-mx';

/** The most hosts of one role read from a report: a hostile zone could list hundreds. */
const maxHosts = 64;

function successes(report: HostingEvidenceSource, probe: string): Readonly<Record<string, unknown>>[] {
  return (report.evidence ?? []).flatMap((entry) => (entry.probe === probe && entry.ok && isJsonObject(entry.data) ? [entry.data] : []));
}

function bounded(names: Iterable<string>): string[] {
  return [...new Set(names)].slice(0, maxHosts);
}

/**
 * The most preferred MX hosts (lowest preference), lowercase without a trailing dot; undefined
 * when the report has no MX evidence, and empty when the domain receives no mail (no MX, or
 * Null MX).
 */
export function primaryMxHosts(report: HostingEvidenceSource): string[] | undefined {
  const [data] = successes(report, mxProbe);
  if (data === undefined || !Array.isArray(data.records)) return undefined;
  const records = data.records.flatMap((record: unknown) =>
    isJsonObject(record) && typeof record.exchange === 'string' && typeof record.preference === 'number' && record.exchange !== ''
      ? [{ preference: record.preference, host: normalHostName(record.exchange) }]
      : [],
  );
  const best = Math.min(...records.map((record) => record.preference));
  return bounded(records.filter((record) => record.preference === best).map((record) => record.host));
}

/** The name servers of the domain (or of the parent zone it is served from); undefined without that evidence. */
export function nameServerHosts(report: HostingEvidenceSource): string[] | undefined {
  const [data] = successes(report, nameServersDeclaration.id);
  if (data === undefined || !Array.isArray(data.nameServers)) return undefined;
  return bounded(
    data.nameServers.flatMap((server: unknown) =>
      isJsonObject(server) && typeof server.name === 'string' ? [normalHostName(server.name)] : [],
    ),
  );
}

/**
 * The origin ASes of each web server address, an entry per address with routes (several when
 * more than one AS announces it); undefined when no address's routes were learnt (no RPKI
 * sources, or no web server).
 */
export function webOriginAses(report: HostingEvidenceSource): number[][] | undefined {
  const found = successes(report, webRouteOriginDeclaration.id);
  if (found.length === 0) return undefined;
  const perAddress = found
    .slice(0, maxHosts)
    .map((data) =>
      Array.isArray(data.routes)
        ? [
            ...new Set(
              data.routes.flatMap((route: unknown) =>
                isJsonObject(route) && isAsn(route.origin) && route.origin !== 0 ? [route.origin] : [],
              ),
            ),
          ]
        : [],
    );
  return perAddress.filter((origins) => origins.length > 0);
}
