import type { Evidence, EvidenceBundle } from '@pastoe/core/model';
import type { DmarcEvidence, DmarcReportDestination, DmarcTxtLookup } from '../../dmarc/evidence.js';

const at = '2026-11-23T12:00:00.000Z';

/** A TXT lookup that answered, holding these DMARC records. */
export function answered(
  name: string,
  records: readonly string[] = [],
  rcode = records.length > 0 ? 'NOERROR' : 'NXDOMAIN',
): DmarcTxtLookup {
  return { name, rcode, records, otherRecords: 0 };
}

/** DMARC evidence of `example.nl` with the record at the domain itself (RFC 7489). */
export function foundAtDomain(text: string, reportDestinations: readonly DmarcReportDestination[] = []): DmarcEvidence {
  return {
    domain: 'example.nl',
    ruleset: 'rfc7489',
    status: 'found',
    record: { text, domain: 'example.nl', source: 'domain' },
    organizationalDomain: 'example.nl',
    lookups: [answered('_dmarc.example.nl', [text])],
    reportDestinations,
  };
}

/** DMARC evidence of `mail.example.nl`, its record inherited from the organizational domain. */
export function foundAtOrganizationalDomain(text: string): DmarcEvidence {
  return {
    domain: 'mail.example.nl',
    ruleset: 'rfc7489',
    status: 'found',
    record: { text, domain: 'example.nl', source: 'organizational-domain' },
    organizationalDomain: 'example.nl',
    lookups: [answered('_dmarc.mail.example.nl'), answered('_dmarc.example.nl', [text])],
    reportDestinations: [],
  };
}

/** An external report destination with the given authorization lookup. */
export function externalDestination(host: string, authorization?: DmarcTxtLookup): DmarcReportDestination {
  return { host, tags: ['rua'], external: true, ...(authorization === undefined ? {} : { authorization }) };
}

/** DMARC evidence of `example.nl` where discovery ended without a record. */
export function notFound(status: 'none' | 'multiple' | 'error', lookups: readonly DmarcTxtLookup[]): DmarcEvidence {
  return { domain: 'example.nl', ruleset: 'rfc7489', status, organizationalDomain: 'example.nl', lookups, reportDestinations: [] };
}

/** A bundle holding only DMARC evidence. */
export function dmarcBundle(data: DmarcEvidence): EvidenceBundle {
  const evidence: Evidence<unknown>[] = [
    { probe: 'mail-dmarc', subject: { name: data.domain, role: 'domain' }, startedAt: at, durationMs: 1, ok: true, data },
  ];
  return { target: { domain: data.domain, input: data.domain }, startedAt: at, probes: ['mail-dmarc'], evidence };
}

/** Evidence that drives every outcome of both DMARC checks. */
export const dmarcFixtures: readonly DmarcEvidence[] = [
  foundAtDomain('v=DMARC1; p=reject'),
  foundAtDomain('v=DMARC1; p=none'),
  foundAtDomain('v=DMARC1; rua=mailto:a@example.nl; p=reject'),
  foundAtDomain('v=DMARC1; p=reject; rua=mailto:d@report.test', [
    externalDestination('report.test', answered('example.nl._report._dmarc.report.test')),
  ]),
  foundAtDomain('v=DMARC1; p=reject; rua=mailto:d@report.test', [
    externalDestination('report.test', {
      name: 'example.nl._report._dmarc.report.test',
      rcode: 'SERVFAIL',
      error: 'SERVFAIL',
      records: [],
      otherRecords: 0,
    }),
  ]),
  notFound('none', [answered('_dmarc.example.nl')]),
  notFound('multiple', [answered('_dmarc.example.nl', ['v=DMARC1; p=reject', 'v=DMARC1; p=none'])]),
  notFound('error', [{ name: '_dmarc.example.nl', rcode: 'SERVFAIL', error: 'SERVFAIL', records: [], otherRecords: 0 }]),
];
