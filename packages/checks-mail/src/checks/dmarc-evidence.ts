import type { CheckResult, JsonObject } from '@pastoe/core/model';
import type { DmarcEvidence } from '../dmarc/evidence.js';

/** The facts both DMARC checks show: the record, where it was found, and how discovery went. */
export function dmarcFacts(evidence: DmarcEvidence): JsonObject {
  return {
    ruleset: evidence.ruleset,
    discovery: evidence.status,
    ...(evidence.record === undefined
      ? {}
      : { record: evidence.record.text, foundAt: evidence.record.domain, source: evidence.record.source }),
    ...(evidence.organizationalDomain === undefined ? {} : { organizationalDomain: evidence.organizationalDomain }),
    lookups: evidence.lookups.map((lookup) => ({
      name: lookup.name,
      ...(lookup.rcode === undefined ? {} : { rcode: lookup.rcode }),
      ...(lookup.error === undefined ? {} : { error: lookup.error }),
      records: [...lookup.records],
    })),
  };
}

/**
 * The `error` result when discovery could not tell whether a record exists (a timeout, SERVFAIL,
 * or a name pastoe could not ask): pastoe's own failure to see, never the domain's `fail`.
 */
export function dmarcDiscoveryError(evidence: DmarcEvidence): CheckResult | undefined {
  if (evidence.status !== 'error' && evidence.status !== 'invalid-name') return undefined;
  const failed = evidence.lookups.find((lookup) => lookup.error !== undefined);
  const message =
    failed === undefined ? `${evidence.domain} is not a domain name DMARC discovery can ask about` : `${failed.name}: ${failed.error}`;
  return {
    status: 'error',
    outcome: 'error',
    error: { code: evidence.status === 'error' ? 'dns-lookup' : 'invalid-name', message },
    facts: dmarcFacts(evidence),
  };
}
