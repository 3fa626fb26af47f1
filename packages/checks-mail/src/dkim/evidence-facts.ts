import type { Finding, JsonObject } from '@pastoe/core/model';
import type { DkimEvidence, DkimTxtLookup } from '../probes/dkim.declaration.js';

/** A lookup as report facts. */
export function lookupFacts(lookup: DkimTxtLookup): JsonObject {
  return {
    name: lookup.name,
    ...(lookup.rcode === undefined ? {} : { rcode: lookup.rcode }),
    ...(lookup.error === undefined ? {} : { error: lookup.error }),
    records: [...lookup.texts],
    authenticated: lookup.authenticated,
  };
}

/**
 * Whether a wildcard answers below `_domainkey`: `yes` when the random name exists (NOERROR, with
 * or without records), `no` when it does not, `unknown` when its lookup got no usable answer.
 */
export function wildcardBelowDomainkey(evidence: DkimEvidence): 'yes' | 'no' | 'unknown' {
  const probe = evidence.wildcardProbe;
  if (probe.error !== undefined) return 'unknown';
  return probe.rcode === 'NOERROR' ? 'yes' : 'no';
}

/** The finding that says a wildcard answers below `_domainkey`, or that pastoe could not tell. */
export function wildcardFindings(checkId: string, evidence: DkimEvidence): Finding[] {
  const wildcard = wildcardBelowDomainkey(evidence);
  const { name, texts, error } = evidence.wildcardProbe;
  if (wildcard === 'yes') return [{ id: `${checkId}.wildcard`, params: { name, records: texts.length } }];
  if (wildcard === 'unknown') return [{ id: `${checkId}.wildcard-not-checked`, params: { name, error: error ?? '' } }];
  return [];
}
