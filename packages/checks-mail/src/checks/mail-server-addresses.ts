import type { AddressEvidence, EvidenceSuccess } from '@pastoe/core/model';

/** One mail server's addresses per family, as the MX tests used them. */
export interface MailServerAddresses {
  /** The MX host. */
  readonly name: string;
  /** Its IPv6 addresses (IPv4-mapped ones left out). */
  readonly ipv6: readonly string[];
  /** Its IPv4 addresses. */
  readonly ipv4: readonly string[];
  /** The IPv4-mapped IPv6 addresses its AAAA answer held, which do not count. */
  readonly ipv4Mapped: readonly string[];
}

/**
 * Each MX host's addresses from the `mail-mx-addresses` evidence, in the order of `hosts`; a host
 * without evidence has none.
 */
export function mailServerAddresses(
  hosts: readonly string[],
  evidence: readonly EvidenceSuccess<AddressEvidence>[],
): MailServerAddresses[] {
  return hosts.map((name) => {
    const found = evidence.find((item) => item.subject.name === name)?.data;
    return { name, ipv6: found?.ipv6 ?? [], ipv4: found?.ipv4 ?? [], ipv4Mapped: found?.ipv4Mapped ?? [] };
  });
}
