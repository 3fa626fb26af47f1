import type { CaaLookup } from '../caa/lookup.js';
import { declareProbe } from '../model/probe-declaration.js';

/** The CAA lookups of a tree climb (RFC 8659 §3), in the order they were made: the relevant set is in the last. */
export interface CaaEvidence {
  /** The name the climb started from. */
  readonly domain: string;
  /** One lookup per name queried, from the domain up. */
  readonly lookups: readonly CaaLookup[];
}

/** The CAA record set relevant to the domain, found by climbing the DNS tree (RFC 8659). */
export const caaDeclaration = declareProbe<CaaEvidence>({
  id: 'caa-domain',
  description: 'Looks up the CAA records relevant to the domain, climbing from the domain to its top-level domain',
});
