import { followCnames, implementProbe, type ProbeContext, type ProbeDefinition } from '@pastoe/core';
import { maxSpfRecordLength } from '../spf/parse.js';
import { spfTargets } from '../spf/targets.js';
import { type SpfEvidence, type SpfTxtLookup, spfDeclaration } from './spf.declaration.js';

/** The most domains the probe reads: the mail domain and its include and redirect targets. */
export const maxSpfProbeDomains = 40;
/** TXT records kept per name; the rest of a hostile RRset is dropped. */
const maxTextsPerName = 32;

async function lookupTxt(name: string, context: ProbeContext): Promise<SpfTxtLookup> {
  const result = await context.transports.resolver.query({ name, type: 'TXT' }, { signal: context.signal });
  if (!result.ok) return { rcode: result.error.code, error: `${result.error.code}: ${result.error.message}`, texts: [] };
  const { rcode } = result.message;
  const texts = followCnames(result.message, name, 'TXT')
    .records.flatMap((record) => (record.data.type === 'TXT' ? [record.data.strings.join('').slice(0, maxSpfRecordLength + 1)] : []))
    .slice(0, maxTextsPerName);
  return rcode === 'NOERROR' || rcode === 'NXDOMAIN' ? { rcode, texts } : { rcode, error: `the server answered ${rcode}`, texts };
}

/**
 * Implements {@link spfDeclaration}: the TXT records of the mail domain, then, level by level,
 * those of every include and redirect target the SPF records found name, each domain once, at
 * most {@link maxSpfProbeDomains} in all.
 */
export const spfProbe: ProbeDefinition<SpfEvidence, 'target'> = implementProbe(spfDeclaration, {
  async run(subject, context) {
    const domain = subject.name.toLowerCase();
    const lookup = await lookupTxt(domain, context);
    const targets: Record<string, SpfTxtLookup> = {};
    const seen = new Set<string>([domain]);
    let truncated = false;
    let level = [lookup];
    while (level.length > 0) {
      const next: string[] = [];
      for (const found of level) {
        for (const text of found.texts) {
          for (const target of spfTargets(text)) {
            if (target.domain === undefined || seen.has(target.domain)) continue;
            if (seen.size >= maxSpfProbeDomains) {
              truncated = true;
              continue;
            }
            seen.add(target.domain);
            next.push(target.domain);
          }
        }
      }
      const results = await Promise.all(next.map((name) => lookupTxt(name, context)));
      next.forEach((name, i) => {
        targets[name] = results[i] as SpfTxtLookup;
      });
      level = results;
    }
    return { domain, lookup, targets, truncated };
  },
});
