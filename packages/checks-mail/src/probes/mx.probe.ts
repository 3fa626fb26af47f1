import { followCnames, implementProbe, type ProbeContext, type ProbeDefinition, ProbeFailure } from '@pastoe/core';
import { type MxEvidence, maxSpfRecordsKept, mxDeclaration } from './mx.declaration.js';

async function addressExists(name: string, type: 'A' | 'AAAA', context: ProbeContext): Promise<boolean> {
  const result = await context.transports.resolver.query({ name, type }, { signal: context.signal });
  return result.ok && result.message.rcode === 'NOERROR' && followCnames(result.message, name, type).records.length > 0;
}

/** The domain's SPF records, or `undefined` when the TXT lookup failed (the Null MX advice is then left out). */
async function spfRecords(name: string, context: ProbeContext): Promise<string[] | undefined> {
  const result = await context.transports.resolver.query({ name, type: 'TXT' }, { signal: context.signal });
  if (!result.ok || (result.message.rcode !== 'NOERROR' && result.message.rcode !== 'NXDOMAIN')) return undefined;
  const texts = followCnames(result.message, name, 'TXT').records.flatMap((record) =>
    record.data.type === 'TXT' ? [record.data.strings.join('')] : [],
  );
  // RFC 7208 §4.5: a record is SPF when it starts with the version tag, then a space or its end.
  return texts.filter((text) => /^v=spf1( |$)/i.test(text)).slice(0, maxSpfRecordsKept);
}

/**
 * Implements {@link mxDeclaration} with the scan's resolver. NXDOMAIN and NODATA are evidence (no
 * MX); SERVFAIL, REFUSED and failed queries are typed failures.
 */
export const mxProbe: ProbeDefinition<MxEvidence, 'target'> = implementProbe(mxDeclaration, {
  async run(subject, context) {
    const [mx, a, aaaa] = await Promise.all([
      context.transports.resolver.query({ name: subject.name, type: 'MX' }, { signal: context.signal }),
      addressExists(subject.name, 'A', context),
      addressExists(subject.name, 'AAAA', context),
    ]);
    const domainHasAddress = a || aaaa;
    if (!mx.ok) {
      const code = mx.error.code === 'timeout' || mx.error.code === 'aborted' ? mx.error.code : 'unreachable';
      throw new ProbeFailure(code, `MX lookup of ${subject.name}: ${mx.error.message}`);
    }
    const { rcode } = mx.message;
    if (rcode === 'SERVFAIL') throw new ProbeFailure('servfail', `MX lookup of ${subject.name} answered SERVFAIL`);
    if (rcode !== 'NOERROR' && rcode !== 'NXDOMAIN') {
      throw new ProbeFailure('dns-refused', `MX lookup of ${subject.name} answered ${rcode}`, { rcode });
    }
    const records = followCnames(mx.message, subject.name, 'MX').records.flatMap((record) =>
      record.data.type === 'MX' ? [{ preference: record.data.preference, exchange: record.data.exchange.toLowerCase() }] : [],
    );
    const spf = records.length === 0 && domainHasAddress ? await spfRecords(subject.name, context) : undefined;
    return { rcode, records, domainHasAddress, ...(spf === undefined ? {} : { spf }) };
  },
});
