import type { Evidence, EvidenceBundle } from '@pastoe/core/model';
import type { DmarcEvidence } from '../../dmarc/evidence.js';
import type { DkimEvidence, DkimTxtLookup } from '../../probes/dkim.declaration.js';
import type { SpfEvidence } from '../../probes/spf.declaration.js';
import { foundAtDomain } from './dmarc-evidence.js';

const at = '2026-11-23T12:00:00.000Z';

/** A DKIM TXT lookup that answered with this rcode and these records. */
export function dkimLookup(name: string, rcode: string, texts: readonly string[] = []): DkimTxtLookup {
  return { name, rcode, texts, authenticated: true };
}

/** A DKIM TXT lookup that got no usable answer. */
export function dkimFailed(name: string, error = 'SERVFAIL'): DkimTxtLookup {
  return { name, ...(error === 'SERVFAIL' ? { rcode: 'SERVFAIL' } : {}), error, texts: [], authenticated: false };
}

/** DKIM evidence of `example.nl`: `_domainkey` answering with this rcode, no wildcard, and the selectors' records. */
export function dkimOf(
  rcode: string,
  selectors: Readonly<Record<string, DkimTxtLookup>> = {},
  wildcardProbe: DkimTxtLookup = dkimLookup('pastoe-0123456789abcdef._domainkey.example.nl', 'NXDOMAIN'),
): DkimEvidence {
  return {
    domain: 'example.nl',
    domainkey: rcode === 'SERVFAIL' ? dkimFailed('_domainkey.example.nl') : dkimLookup('_domainkey.example.nl', rcode),
    wildcardProbe,
    selectors: Object.entries(selectors).map(([selector, lookup]) => ({ selector, lookup })),
  };
}

/** SPF evidence of `example.nl` with these TXT texts at the domain. */
export function spfTexts(...texts: string[]): SpfEvidence {
  return { domain: 'example.nl', lookup: { rcode: 'NOERROR', texts }, targets: {}, truncated: false };
}

/** A bundle with the DKIM, SPF and DMARC evidence the DKIM checks read. */
export function dkimBundle(
  dkim: DkimEvidence,
  spf: SpfEvidence = spfTexts('v=spf1 mx ~all'),
  dmarc: DmarcEvidence = foundAtDomain('v=DMARC1; p=reject'),
): EvidenceBundle {
  const subject = { name: 'example.nl', role: 'domain' as const };
  const evidence: Evidence<unknown>[] = [
    { probe: 'mail-dkim', subject, startedAt: at, durationMs: 1, ok: true, data: dkim },
    { probe: 'mail-spf', subject, startedAt: at, durationMs: 1, ok: true, data: spf },
    { probe: 'mail-dmarc', subject, startedAt: at, durationMs: 1, ok: true, data: dmarc },
  ];
  return {
    target: { domain: 'example.nl', input: 'example.nl' },
    startedAt: at,
    probes: ['mail-dkim', 'mail-spf', 'mail-dmarc'],
    evidence,
  };
}
