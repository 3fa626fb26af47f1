import type { DnsRecord, Rcode } from '../dns/types.js';
import type { CaaRecord } from './parse.js';

/** The answer to one CAA query, as data (the probe does the I/O). */
export interface CaaLookup {
  /** The name queried. */
  readonly name: string;
  /** The response code, or `timeout` / `error` when there was no usable response. */
  readonly rcode: Rcode | 'timeout' | 'error';
  /** The answer section (CNAMEs followed by the resolver included). */
  readonly records: readonly DnsRecord[];
}

/** Where the tree climb stands. */
export type CaaSelection =
  /** The relevant record set: at `name` (queried) whose answer came from `canonicalName`. */
  | { readonly status: 'found'; readonly name: string; readonly canonicalName: string; readonly records: readonly CaaRecord[] }
  /** Nothing up to and including the top-level domain. */
  | { readonly status: 'not-found'; readonly tried: readonly string[] }
  /** A lookup failed (timeout, SERVFAIL, refused); Internet.nl then reports no CAA. */
  | { readonly status: 'error'; readonly name: string; readonly rcode: string }
  /** The next name to look up: the caller queries it and calls again. */
  | { readonly status: 'lookup'; readonly name: string };

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * The names to query, in order (RFC 8659 3): the domain itself, then each parent, up to the
 * top-level domain; the root is never queried (Internet.nl `dns_climb_tree`). The climb starts
 * from the name itself, never from a CNAME target (RFC 8659 dropped RFC 6844's alias rule).
 */
export function caaLookupNames(domain: string): string[] {
  const labels = normalise(domain)
    .split('.')
    .filter((l) => l !== '');
  return labels.map((_, index) => labels.slice(index).join('.'));
}

/**
 * Picks the relevant CAA record set from the lookups done so far, or says which name to look up
 * next. A NOERROR answer with CAA records ends the climb; NXDOMAIN and an answer without CAA
 * records (no data, or a CNAME chain ending in no data) move to the parent; any other response
 * ends the climb as an error, as Internet.nl's resolver exceptions do.
 */
export function selectCaaRRset(domain: string, lookups: readonly CaaLookup[] | ReadonlyMap<string, CaaLookup>): CaaSelection {
  const byName = new Map<string, CaaLookup>();
  for (const lookup of lookups instanceof Map ? lookups.values() : (lookups as readonly CaaLookup[]))
    byName.set(normalise(lookup.name), lookup);
  const names = caaLookupNames(domain);
  for (const name of names) {
    const lookup = byName.get(name);
    if (lookup === undefined) return { status: 'lookup', name };
    if (lookup.rcode === 'NXDOMAIN') continue;
    if (lookup.rcode !== 'NOERROR') return { status: 'error', name, rcode: lookup.rcode };
    const caa = lookup.records.filter((record) => record.data.type === 'CAA');
    if (caa.length === 0) continue;
    const records = caa.flatMap((record) =>
      record.data.type === 'CAA' ? [{ flags: record.data.flags, tag: record.data.tag, value: record.data.value }] : [],
    );
    return { status: 'found', name, canonicalName: normalise(caa[0]?.name ?? name), records };
  }
  return { status: 'not-found', tried: names };
}
