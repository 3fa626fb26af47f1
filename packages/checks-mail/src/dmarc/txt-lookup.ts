import { type DnsResult, followCnames, type Resolver } from '@pastoe/core';
import type { DmarcTxtLookup } from './evidence.js';

/** Options of a DMARC TXT lookup. */
export interface TxtLookupOptions {
  /** The resolver to ask. */
  readonly resolver: Resolver;
  /** Aborts the lookup. */
  readonly signal?: AbortSignal;
  /** How long to wait for each query, in milliseconds; default the resolver's. */
  readonly timeoutMs?: number;
}

/** Whether a TXT text is a DMARC record by discovery's test: it begins with `v=DMARC1` in any case. */
function startsAsDmarc(text: string): boolean {
  return text.slice(0, 8).toLowerCase() === 'v=dmarc1';
}

/** Asks for the TXT records at a name (following CNAMEs) and sorts out the DMARC ones. */
export async function lookupDmarcTxt(name: string, options: TxtLookupOptions): Promise<DmarcTxtLookup> {
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
  const records = texts.filter(startsAsDmarc);
  return { name, rcode, records, otherRecords: texts.length - records.length };
}
