import { implementProbe, type ProbeDefinition } from '@pastoe/core';
import { discoverDmarc } from '../dmarc/discover.js';
import type { DmarcEvidence } from '../dmarc/evidence.js';
import { type DmarcRuleset, parseDmarc } from '../dmarc/parse.js';
import { lookUpReportAuthorizations, reportDestinations } from '../dmarc/report-destinations.js';
import { dmarcDeclaration } from './dmarc.declaration.js';

/** Options of {@link createDmarcProbe}. */
export interface DmarcProbeOptions {
  /**
   * How to discover the record: `rfc7489` (the domain, then its organizational domain by the
   * Public Suffix List; Internet.nl's way, the default) or `rfc9989` (the DNS tree walk).
   */
  readonly ruleset?: DmarcRuleset;
}

/**
 * Implements {@link dmarcDeclaration} with the scan's resolver, discovering by the given ruleset.
 * Bind the result in place of {@link dmarcProbe} (a preset's or `scan`'s `probes`) to judge a
 * domain by RFC 9989.
 */
export function createDmarcProbe(options: DmarcProbeOptions = {}): ProbeDefinition<DmarcEvidence, 'target'> {
  const ruleset = options.ruleset ?? 'rfc7489';
  return implementProbe(dmarcDeclaration, {
    async run(subject, context) {
      const lookup = { resolver: context.transports.resolver, signal: context.signal };
      const discovery = await discoverDmarc(subject.name, { ...lookup, ruleset });
      if (discovery.record === undefined) return { ...discovery, reportDestinations: [] };
      const { domain, text } = discovery.record;
      const destinations = reportDestinations(domain, parseDmarc(text, { ruleset }).record);
      return { ...discovery, reportDestinations: await lookUpReportAuthorizations(domain, destinations, lookup) };
    },
  });
}

/** Implements {@link dmarcDeclaration} by RFC 7489, as Internet.nl discovers DMARC records. */
export const dmarcProbe: ProbeDefinition<DmarcEvidence, 'target'> = createDmarcProbe();
