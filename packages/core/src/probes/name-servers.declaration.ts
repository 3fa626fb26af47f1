import { declareProbe } from '../model/probe-declaration.js';

/** One name server of the domain and its addresses. */
export interface NameServerAddresses {
  /** The name server's name, from the NS RRset. */
  readonly name: string;
  /** Its IPv4 addresses (A records, after CNAMEs). */
  readonly ipv4: readonly string[];
  /** Its IPv6 addresses (AAAA records, after CNAMEs), IPv4-mapped ones left out. */
  readonly ipv6: readonly string[];
  /** How many more addresses it had beyond the {@link maxNameServerAddresses} per family kept. */
  readonly omittedAddresses?: number;
  /**
   * Why its addresses could not be looked up (SERVFAIL, timeout), when they could not. Its address
   * lists are then empty, as Internet.nl counts such a name server: without addresses.
   */
  readonly lookupError?: string;
}

/**
 * The name servers of the domain (Internet.nl's `do_resolve_ns`): the NS RRset of the domain or,
 * when it has none, of the nearest parent that has one (labels stripped from the left, never
 * down to the top-level domain), and each name server's addresses.
 */
export interface NameServerEvidence {
  /** The domain tested. */
  readonly domain: string;
  /** The names whose NS RRset was asked for, in order. */
  readonly asked: readonly string[];
  /** The name the NS RRset was found at (the domain or a parent), or `null` when none was found. */
  readonly zone: string | null;
  /** The name servers, in the order of the NS answer (at most {@link maxNameServers}). */
  readonly nameServers: readonly NameServerAddresses[];
  /** How many more NS records the answer held beyond those kept. */
  readonly omitted?: number;
}

/** The most name servers the probe looks at; more are counted in `omitted`. */
export const maxNameServers = 20;

/** The most addresses per family kept for one name server (the first in answer order); a hostile zone could list hundreds. */
export const maxNameServerAddresses = 16;

/**
 * The name servers of the domain under test and their A and AAAA addresses: shared by the web
 * and mail IPv6 tests and the RPKI tests of name servers.
 */
export const nameServersDeclaration = declareProbe<NameServerEvidence>({
  id: 'name-servers',
  description: "Looks up the domain's NS records (or its nearest parent's) and each name server's A and AAAA records",
});
