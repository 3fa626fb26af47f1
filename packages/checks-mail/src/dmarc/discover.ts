/**
 * DMARC policy discovery through pastoe's resolver: RFC 7489 §6.6.3 (the domain, then its
 * organizational domain by the Public Suffix List) or RFC 9989's DNS tree walk.
 */
import { normalizeDmarcDomain } from './domain-name.js';
import { organizationalDomain } from './organizational-domain.js';
import { type DmarcRuleset, parseDmarc } from './parse.js';
import type { DiscoveredDmarcRecord, DmarcDiscovery, DmarcDiscoveryStatus, DmarcTxtLookup } from './evidence.js';
import { lookupDmarcTxt, type TxtLookupOptions } from './txt-lookup.js';

/** Options of {@link discoverDmarc}. */
export interface DiscoverDmarcOptions extends TxtLookupOptions {
  /** RFC 7489 with the Public Suffix List (Internet.nl's choice, the default) or RFC 9989's tree walk. */
  readonly ruleset?: DmarcRuleset;
}

/** The most lookups RFC 9989's tree walk makes: the domain itself and at most seven parents. */
export const dmarcTreeWalkMaxLookups = 8;

/**
 * Finds the DMARC record that applies to a domain. By RFC 7489 it asks `_dmarc.<domain>` and,
 * when that holds no record, `_dmarc.<organizational domain>`; by RFC 9989 it walks up the tree
 * (at most {@link dmarcTreeWalkMaxLookups} lookups) and reads the organizational domain from the
 * `psd` tags it meets. A lookup without a usable answer (timeout, SERVFAIL) ends discovery with
 * `error`, never `none`.
 */
export async function discoverDmarc(domain: string, options: DiscoverDmarcOptions): Promise<DmarcDiscovery> {
  const ruleset = options.ruleset ?? 'rfc7489';
  const name = normalizeDmarcDomain(domain);
  if (name === undefined) return { domain: domain.toLowerCase(), ruleset, status: 'invalid-name', lookups: [] };
  return ruleset === 'rfc7489' ? discoverByPsl(name, options) : discoverByTreeWalk(name, options);
}

/** How one lookup's answer settles discovery, if it does. */
function settle(lookup: DmarcTxtLookup): 'error' | 'multiple' | 'found' | undefined {
  if (lookup.error !== undefined) return 'error';
  if (lookup.records.length > 1) return 'multiple';
  return lookup.records.length === 1 ? 'found' : undefined;
}

async function discoverByPsl(domain: string, options: TxtLookupOptions): Promise<DmarcDiscovery> {
  const ruleset = 'rfc7489';
  const orgDomain = organizationalDomain(domain);
  const base = { domain, ruleset, ...(orgDomain === undefined ? {} : { organizationalDomain: orgDomain }) } as const;
  const lookups: DmarcTxtLookup[] = [];
  const candidates = orgDomain === undefined || orgDomain === domain ? [domain] : [domain, orgDomain];
  for (const [index, candidate] of candidates.entries()) {
    const lookup = await lookupDmarcTxt(`_dmarc.${candidate}`, options);
    lookups.push(lookup);
    const status = settle(lookup);
    if (status === undefined) continue;
    const text = lookup.records[0];
    if (status !== 'found' || text === undefined) return { ...base, status, lookups };
    return { ...base, status, record: { text, domain: candidate, source: index === 0 ? 'domain' : 'organizational-domain' }, lookups };
  }
  return { ...base, status: 'none', lookups };
}

/**
 * The names RFC 9989's walk asks, from the domain up: the domain itself, then (for a name of eight
 * labels or more) its last seven labels, then one label fewer each time down to the top level.
 */
export function dmarcTreeWalkTargets(domain: string): string[] {
  const labels = domain.split('.');
  const targets = [domain];
  for (let count = Math.min(labels.length - 1, 7); count >= 1; count -= 1) targets.push(labels.slice(-count).join('.'));
  return targets;
}

async function discoverByTreeWalk(domain: string, options: TxtLookupOptions): Promise<DmarcDiscovery> {
  const ruleset = 'rfc9989';
  const lookups: DmarcTxtLookup[] = [];
  let record: DiscoveredDmarcRecord | undefined;
  let status: DmarcDiscoveryStatus | undefined;
  // The organizational domain: a psd=n record's domain, the name one label below a psd=y record,
  // else the highest domain with a record, else the domain itself.
  let orgDomain: string | undefined;
  let highestWithRecord: string | undefined;
  const labels = domain.split('.');
  for (const target of dmarcTreeWalkTargets(domain)) {
    const lookup = await lookupDmarcTxt(`_dmarc.${target}`, options);
    lookups.push(lookup);
    const settled = settle(lookup);
    if (settled === 'error') {
      // Past the policy record a failure leaves only the organizational domain unknown.
      if (status === undefined) return { domain, ruleset, status: 'error', lookups };
      return { domain, ruleset, status, ...(record === undefined ? {} : { record }), lookups };
    }
    if (status === undefined && settled === 'multiple') status = 'multiple';
    const text = lookup.records.length === 1 ? lookup.records[0] : undefined;
    if (text === undefined) continue;
    if (status === undefined) {
      status = 'found';
      record = { text, domain: target, source: target === domain ? 'domain' : 'parent' };
    }
    highestWithRecord = target;
    const psd = parseDmarc(text, { ruleset }).record.psd;
    if (psd === 'n') {
      orgDomain = target;
      break;
    }
    if (psd === 'y' && target !== domain) {
      orgDomain = labels.slice(-(target.split('.').length + 1)).join('.');
      break;
    }
  }
  orgDomain ??= highestWithRecord ?? domain;
  if (record !== undefined && record.source === 'parent' && record.domain === orgDomain) {
    record = { ...record, source: 'organizational-domain' };
  }
  return {
    domain,
    ruleset,
    status: status ?? 'none',
    ...(record === undefined ? {} : { record }),
    organizationalDomain: orgDomain,
    lookups,
  };
}
