/**
 * The organizational domain of RFC 7489 §3.2: the registrable domain by the Public Suffix List,
 * its ICANN and private sections both (as Internet.nl and most receivers read it). The list comes
 * with the `tldts` package, so the answer depends on that package's version, never on the network.
 */
import { getDomain } from 'tldts';
import { normalizeDmarcDomain } from './domain-name.js';

/** Options of {@link organizationalDomain}. */
export interface OrganizationalDomainOptions {
  /**
   * Read the private section of the Public Suffix List too (suffixes such as `blogspot.com` that
   * companies register for their customers). Default true, as RFC 7489 receivers do.
   */
  readonly privateDomains?: boolean;
}

/**
 * The organizational domain of a name by RFC 7489 §3.2 (its public suffix plus one label), or
 * `undefined` when the name is itself a public suffix or not a domain name (a leading dot, an
 * empty label, an invalid character). A name under a top-level domain the list lacks is read as
 * under a one-label suffix, as the list's `*` default rule says.
 */
export function organizationalDomain(name: string, options: OrganizationalDomainOptions = {}): string | undefined {
  const domain = normalizeDmarcDomain(name);
  if (domain === undefined) return undefined;
  const found = getDomain(domain, {
    allowIcannDomains: true,
    allowPrivateDomains: options.privateDomains ?? true,
    // The name is already checked and is no URL: tldts need not extract or validate a host.
    extractHostname: false,
    validateHostname: false,
    detectIp: false,
  });
  return found === null || found === '' ? undefined : found;
}
