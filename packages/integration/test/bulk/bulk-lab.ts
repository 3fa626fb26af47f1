import type { LabZoneSpec } from '@pastoe/lab';

/** The hosted MX every generated bulk domain names, a lab mail scenario's. */
const sharedMx = 'mx.mail-modern.test';

/** The group labels the generated domains get, in rotation. */
const groups = ['gemeenten', 'provincies', 'waterschappen', 'rijk'];

/** `count` generated domains `bulk-<n>.test` with their groups, in order. */
export function bulkDomains(count: number): { domain: string; group: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    domain: `bulk-${index + 1}.test`,
    group: groups[index % groups.length] ?? 'rijk',
  }));
}

/** Their zones for `startLab({ extraZones })`: an MX on the shared host, SPF and DMARC, signed like the scenarios'. */
export function bulkZones(count: number): LabZoneSpec[] {
  return bulkDomains(count).map(({ domain }) => ({
    origin: domain,
    content: [`@ 300 IN MX 10 ${sharedMx}.`, '@ 300 IN TXT "v=spf1 mx -all"', '_dmarc 300 IN TXT "v=DMARC1; p=reject"'].join('\n'),
    dnssec: { algorithm: 13 },
  }));
}
