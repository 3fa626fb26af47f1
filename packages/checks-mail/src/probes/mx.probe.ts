import { defineProbe, type DnsResult, followCnames, type ProbeContext, type ProbeDefinition } from '@pastoe/core';

/** One MX record. */
export interface MxRecord {
  /** The preference (lower is preferred). */
  readonly preference: number;
  /** The mail server's name, lowercase, no trailing dot; `''` is the root (Null MX). */
  readonly exchange: string;
}

/** What the MX lookup of the mail domain found, with the domain's own addresses (for Null MX advice). */
export interface MxEvidence {
  /** The response code of the MX query, or the error code when there was no response. */
  readonly rcode: string;
  /** The MX records (after following any CNAME at the domain). */
  readonly records: readonly MxRecord[];
  /** Whether the domain itself has an A or AAAA record. */
  readonly domainHasAddress: boolean;
  /** Why the lookup failed, when it did. */
  readonly error?: string;
}

async function addressExists(name: string, type: 'A' | 'AAAA', context: ProbeContext): Promise<boolean> {
  const result = await context.transports.resolver.query({ name, type }, { signal: context.signal });
  return result.ok && result.message.rcode === 'NOERROR' && followCnames(result.message, name, type).records.length > 0;
}

function describeFailure(result: Extract<DnsResult, { ok: false }>): string {
  return `${result.error.code}: ${result.error.message}`;
}

/** Looks up the mail domain's MX records and whether the domain has addresses. */
export const mxProbe: ProbeDefinition<MxEvidence, 'target'> = defineProbe({
  id: 'mail-mx',
  description: 'Looks up the MX records of the mail domain, and its A/AAAA records for the Null MX rules',
  async run(subject, context) {
    const [mx, a, aaaa] = await Promise.all([
      context.transports.resolver.query({ name: subject.name, type: 'MX' }, { signal: context.signal }),
      addressExists(subject.name, 'A', context),
      addressExists(subject.name, 'AAAA', context),
    ]);
    const domainHasAddress = a || aaaa;
    if (!mx.ok) return { rcode: mx.error.code, records: [], domainHasAddress, error: describeFailure(mx) };
    const records = followCnames(mx.message, subject.name, 'MX').records.flatMap((record) =>
      record.data.type === 'MX' ? [{ preference: record.data.preference, exchange: record.data.exchange }] : [],
    );
    return { rcode: mx.message.rcode, records, domainHasAddress };
  },
});
