import type { Evidence, ScanReport, Verdict } from '@pastoe/core';
import { report } from '../../test-support/reports.js';

/** Where a hand-built report's domain is hosted, as its evidence would say. */
export interface Hosting {
  /** MX records as `[preference, exchange]`; `[]` for no MX. Absent: no MX evidence. */
  readonly mx?: readonly (readonly [number, string])[];
  /** Name server names. Absent: no name server evidence. */
  readonly ns?: readonly string[];
  /** The origin ASes of each web server address. Absent: no route origin evidence. */
  readonly origins?: readonly (readonly number[])[];
}

function success(probe: string, name: string, data: unknown, ip?: string): Evidence<unknown> {
  return {
    probe,
    subject: { name, role: ip === undefined ? 'domain' : 'web', ...(ip === undefined ? {} : { ip }) },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    ok: true,
    data,
  };
}

/** A report of `domain` with `verdicts` and the MX, name server and route origin evidence of `hosting`. */
export function hostedReport(domain: string, hosting: Hosting, verdicts: readonly Verdict[] = []): ScanReport {
  const evidence: Evidence<unknown>[] = [];
  if (hosting.ns !== undefined)
    evidence.push(
      success('name-servers', domain, {
        domain,
        asked: [domain],
        zone: domain,
        nameServers: hosting.ns.map((name) => ({ name, ipv4: [], ipv6: [] })),
      }),
    );
  hosting.origins?.forEach((origins, index) => {
    const address = `192.0.2.${index + 1}`;
    evidence.push(
      success(
        'web-route-origin',
        domain,
        {
          address,
          prefix: '192.0.2.0/24',
          routes: origins.map((origin) => ({ prefix: '192.0.2.0/24', origin })),
          vrps: [],
          sources: { routes: 't', vrps: 't' },
        },
        address,
      ),
    );
  });
  if (hosting.mx !== undefined)
    evidence.push(
      success('mail-mx', domain, {
        rcode: 'NOERROR',
        records: hosting.mx.map(([preference, exchange]) => ({ preference, exchange })),
        domainHasAddress: true,
      }),
    );
  return { ...report(domain, verdicts), evidence };
}
