/**
 * A DNS responder for a lab with bulk domains: questions about a bulk domain's own names go to
 * that domain's zone, built and signed the first time it is asked about (and kept in a bounded
 * cache), everything else to the lab's own responder. So ten thousand bulk domains cost the lab
 * one parent zone at startup, not ten thousand signed zones.
 */
import type { DnssecKey } from '../dns/keys.js';
import { createDnsResponder, type DnsResponder, type RespondOptions, type TimedResponse } from '../dns/responder.js';
import { signZone } from '../dns/signer.js';
import { labBulkNumber } from './rotation.js';
import { type BulkTemplate, bulkCopyRecords } from './zones.js';

/** Options for {@link createBulkResponder}. */
export interface BulkResponderOptions {
  /** The lab's responder, for every question that is not about a bulk domain's own names. */
  readonly main: DnsResponder;
  /** How many bulk domains there are. */
  readonly count: number;
  /** The scenario templates by scenario id. */
  readonly templates: ReadonlyMap<string, BulkTemplate>;
  /** The key every bulk zone is signed with (the parent publishes its DS for each). */
  readonly key: DnssecKey;
  /** The time the signatures are made at. */
  readonly now: Date;
  /** The most bulk zones kept signed at once; the least recently asked is dropped (and rebuilt when asked again). Default 2 000. */
  readonly cacheSize?: number;
}

/** The DS record type, which the parent side of a zone cut answers. */
const dsType = 43;

/** The first question's name (lowercase, without the trailing dot) and type, read from the message bytes; `undefined` when unreadable. */
function firstQuestion(message: Uint8Array): { readonly name: string; readonly type: number } | undefined {
  const labels: string[] = [];
  let offset = 12;
  while (offset < message.length) {
    const length = message[offset] as number;
    // A compression pointer in a question is legal but unusual; the lab's own responder deals with it.
    if (length > 63) return undefined;
    offset += 1;
    if (length === 0) break;
    labels.push(Buffer.from(message.buffer, message.byteOffset + offset, Math.min(length, message.length - offset)).toString('latin1'));
    offset += length;
  }
  if (offset + 2 > message.length) return undefined;
  return { name: labels.join('.').toLowerCase(), type: ((message[offset] as number) << 8) | (message[offset + 1] as number) };
}

/** Creates the routing responder; see the file comment. */
export function createBulkResponder(options: BulkResponderOptions): DnsResponder {
  const { main, count, templates, key, now } = options;
  const cacheSize = options.cacheSize ?? 2_000;
  const serial = Math.floor(now.getTime() / 1000) >>> 0;
  // Insertion order is recency order: a hit moves the zone to the end, the first is dropped when full.
  const zones = new Map<number, DnsResponder>();

  const zoneOf = (n: number): DnsResponder => {
    const cached = zones.get(n);
    if (cached !== undefined) {
      zones.delete(n);
      zones.set(n, cached);
      return cached;
    }
    const records = bulkCopyRecords(n, templates, serial);
    const origin = records[0]?.name ?? '';
    const responder = createDnsResponder([signZone({ origin, records }, { keys: [key], now })]);
    zones.set(n, responder);
    if (zones.size > cacheSize) zones.delete(zones.keys().next().value as number);
    return responder;
  };

  /** The bulk domain whose zone answers a question, or `undefined` for the lab's own responder. */
  const route = (query: Uint8Array): number | undefined => {
    const question = firstQuestion(query);
    if (question === undefined) return undefined;
    const labels = question.name.split('.');
    if (labels.length < 3) return undefined;
    const apex = labels.slice(-3).join('.');
    const n = labBulkNumber(apex, count);
    // The DS of a bulk domain lives in the parent, on the other side of the cut (RFC 4035 §3.1.4.1).
    if (n === undefined || (question.type === dsType && labels.length === 3)) return undefined;
    return n;
  };

  const answer = (query: Uint8Array, respondOptions: RespondOptions): TimedResponse => {
    const n = route(query);
    return n === undefined ? main.answer(query, respondOptions) : zoneOf(n).answer(query, respondOptions);
  };
  return {
    answer,
    respond: (query, respondOptions) => answer(query, respondOptions).response,
    get origins() {
      return main.origins;
    },
  };
}
