import type { CertificateFacts } from './certificate.js';

/** Why a certificate does or does not match a host name. */
export interface HostnameMatch {
  /** True when the certificate is valid for the host. */
  readonly matches: boolean;
  /** The subjectAltName entry that matched. */
  readonly matchedName?: string;
  /** Why it failed: no SAN at all, an invalid wildcard pattern that voids the check, or no entry matched. */
  readonly reason?: 'no-subject-alt-name' | 'invalid-wildcard' | 'no-match';
  /** The invalid pattern, for `invalid-wildcard`. */
  readonly invalidPattern?: string;
}

/**
 * Matches a host name against a certificate the way Internet.nl does (`service_identity`'s
 * `verify_certificate_hostname`, RFC 6125): only subjectAltName dNSName and iPAddress entries
 * count, never the subject common name; names compare case-insensitively without a trailing dot;
 * a wildcard must be the whole left-most label of a pattern with at least three labels, and it
 * never matches a host whose left-most label is an A-label (`xn--`). A malformed wildcard pattern
 * (two stars, a star outside the left-most label, too few labels, an empty label) makes
 * `service_identity` raise, which Internet.nl reads as a mismatch even when another entry would
 * match: pastoe reproduces that and says so in `reason`.
 *
 * Node's `X509Certificate.checkHost` is close but falls back to the common name and accepts
 * partial wildcards (`f*.example.nl`), so it is not used for the verdict.
 */
export function matchHostname(facts: Pick<CertificateFacts, 'dnsNames' | 'ipAddresses'>, host: string): HostnameMatch {
  const wanted = normalise(host);
  if (facts.dnsNames.length === 0 && facts.ipAddresses.length === 0) return { matches: false, reason: 'no-subject-alt-name' };
  for (const pattern of facts.dnsNames) {
    const normalised = normalise(pattern);
    if (normalised.includes('*') && !validWildcard(normalised)) {
      return { matches: false, reason: 'invalid-wildcard', invalidPattern: pattern };
    }
  }
  for (const pattern of facts.dnsNames) {
    if (dnsPatternMatches(normalise(pattern), wanted)) return { matches: true, matchedName: pattern };
  }
  for (const address of facts.ipAddresses) {
    if (address === wanted) return { matches: true, matchedName: address };
  }
  return { matches: false, reason: 'no-match' };
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

function validWildcard(pattern: string): boolean {
  const labels = pattern.split('.');
  if ((pattern.match(/\*/g) ?? []).length > 1) return false;
  if (labels.length < 3) return false;
  if (!(labels[0] ?? '').includes('*')) return false;
  return labels.every((label) => label.length > 0);
}

function dnsPatternMatches(pattern: string, host: string): boolean {
  if (!pattern.includes('*')) return pattern === host;
  const dot = pattern.indexOf('.');
  const hostDot = host.indexOf('.');
  if (hostDot < 0) return false;
  const [head, tail] = [pattern.slice(0, dot), pattern.slice(dot + 1)];
  const [hostHead, hostTail] = [host.slice(0, hostDot), host.slice(hostDot + 1)];
  if (tail !== hostTail) return false;
  // No wildcard matching into internationalised labels (RFC 6125 6.4.3).
  if (hostHead.startsWith('xn--')) return false;
  // A partial wildcard such as `f*` is valid syntax but only matches itself literally.
  return head === '*' || head === hostHead;
}
