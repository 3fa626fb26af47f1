/**
 * One TXT lookup that sorts out the records of one kind (those that begin with a version tag),
 * as DMARC, MTA-STS and TLS-RPT discovery do. I/O through the scan's resolver only.
 */
import { type DnsResult, followCnames, type Resolver } from '@pastoe/core';
import { maxTxtRecordsKept, type VersionedTxtLookup } from './txt-evidence.js';

/** Options of {@link lookupVersionedTxt}. */
export interface VersionedTxtLookupOptions {
  /** The resolver to ask. */
  readonly resolver: Resolver;
  /** Aborts the lookup. */
  readonly signal?: AbortSignal;
  /** How long to wait for the query, in milliseconds; default the resolver's. */
  readonly timeoutMs?: number;
}

/** Asks for the TXT records at a name (following CNAMEs) and keeps those `isRecord` accepts. */
export async function lookupVersionedTxt(
  name: string,
  isRecord: (text: string) => boolean,
  options: VersionedTxtLookupOptions,
): Promise<VersionedTxtLookup> {
  const result: DnsResult = await options.resolver.query(
    { name, type: 'TXT' },
    {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    },
  );
  if (!result.ok) return { name, error: `${result.error.code}: ${result.error.message}`, records: [], otherRecords: 0 };
  const rcode = result.message.rcode;
  if (rcode !== 'NOERROR' && rcode !== 'NXDOMAIN') return { name, rcode, error: rcode, records: [], otherRecords: 0 };
  const texts = followCnames(result.message, name, 'TXT').records.flatMap((record) =>
    record.data.type === 'TXT' ? [record.data.strings.join('')] : [],
  );
  const records = texts.filter(isRecord);
  return { name, rcode, records: records.slice(0, maxTxtRecordsKept), otherRecords: texts.length - records.length };
}
