import { randomBytes } from 'node:crypto';
import { followCnames, implementProbe, type ProbeContext, type ProbeDefinition } from '@pastoe/core';
import { dkimRecordMaxLength } from '../dkim/parse.js';
import { type DkimEvidence, type DkimTxtLookup, dkimDeclaration } from './dkim.declaration.js';

/** The most selectors one scan looks up. */
export const maxDkimSelectors = 16;
/** TXT records kept per name; the rest of a hostile RRset is dropped. */
const maxTextsPerName = 8;
/** A selector: dot-separated labels of letters, digits, `_` and inner `-` (RFC 6376 §3.1). */
const selectorPattern = /^(?=.{1,200}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Options of {@link createDkimProbe}. */
export interface DkimProbeOptions {
  /**
   * The DKIM selectors to look up at `<selector>._domainkey.<domain>` (at most
   * {@link maxDkimSelectors}); none by default, which leaves the selector check not tested.
   */
  readonly selectors?: readonly string[];
}

async function lookupTxt(name: string, context: ProbeContext): Promise<DkimTxtLookup> {
  const result = await context.transports.resolver.query({ name, type: 'TXT' }, { signal: context.signal });
  if (!result.ok) return { name, error: `${result.error.code}: ${result.error.message}`, texts: [], authenticated: false };
  const { rcode, flags } = result.message;
  if (rcode !== 'NOERROR' && rcode !== 'NXDOMAIN') return { name, rcode, error: rcode, texts: [], authenticated: false };
  const texts = followCnames(result.message, name, 'TXT')
    .records.flatMap((record) => (record.data.type === 'TXT' ? [record.data.strings.join('').slice(0, dkimRecordMaxLength + 1)] : []))
    .slice(0, maxTextsPerName);
  return { name, rcode, texts, authenticated: flags.ad };
}

/** The selectors, lowercased, each once; a selector that is no DNS name is refused. */
function checkedSelectors(selectors: readonly string[]): string[] {
  const unique = [...new Set(selectors.map((selector) => selector.toLowerCase().replace(/\.$/, '')))];
  if (unique.length > maxDkimSelectors) throw new TypeError(`at most ${maxDkimSelectors} DKIM selectors, not ${unique.length}`);
  for (const selector of unique) {
    if (!selectorPattern.test(selector)) throw new TypeError(`${JSON.stringify(selector)} is no DKIM selector`);
  }
  return unique;
}

/**
 * Implements {@link dkimDeclaration} with the scan's resolver, looking up the given selectors
 * too. Bind the result in place of {@link dkimProbe} (a preset's or `scan`'s `probes`) to check
 * a domain's DKIM keys with the `mail-auth-dkim-selectors` check. Throws a TypeError for a
 * selector that is no DNS name, or more than {@link maxDkimSelectors}.
 */
export function createDkimProbe(options: DkimProbeOptions = {}): ProbeDefinition<DkimEvidence, 'target'> {
  const selectors = checkedSelectors(options.selectors ?? []);
  return implementProbe(dkimDeclaration, {
    async run(subject, context) {
      const domain = subject.name.toLowerCase();
      const base = `_domainkey.${domain}`;
      // A label no one publishes: only a wildcard can make it exist.
      const random = `pastoe-${randomBytes(8).toString('hex')}.${base}`;
      const [domainkey, wildcardProbe, ...found] = await Promise.all([
        lookupTxt(base, context),
        lookupTxt(random, context),
        ...selectors.map((selector) => lookupTxt(`${selector}.${base}`, context)),
      ]);
      return {
        domain,
        domainkey: domainkey as DkimTxtLookup,
        wildcardProbe: wildcardProbe as DkimTxtLookup,
        selectors: selectors.map((selector, i) => ({ selector, lookup: found[i] as DkimTxtLookup })),
      };
    },
  });
}

/** Implements {@link dkimDeclaration} without selectors: Internet.nl's `_domainkey` test and the wildcard probe. */
export const dkimProbe: ProbeDefinition<DkimEvidence, 'target'> = createDkimProbe();
