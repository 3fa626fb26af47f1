import { type DnsResult, followCnames, implementProbe, type ProbeContext, type ProbeDefinition } from '@pastoe/core';
import { type MxEvidence, mxDeclaration } from './mx.declaration.js';

async function addressExists(name: string, type: 'A' | 'AAAA', context: ProbeContext): Promise<boolean> {
  const result = await context.transports.resolver.query({ name, type }, { signal: context.signal });
  return result.ok && result.message.rcode === 'NOERROR' && followCnames(result.message, name, type).records.length > 0;
}

function describeFailure(result: Extract<DnsResult, { ok: false }>): string {
  return `${result.error.code}: ${result.error.message}`;
}

/** Implements {@link mxDeclaration} with the scan's resolver. */
export const mxProbe: ProbeDefinition<MxEvidence, 'target'> = implementProbe(mxDeclaration, {
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
