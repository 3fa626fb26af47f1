import type { ParsedCertificate } from './certificate.js';

/**
 * True when `child` names `parent` as its issuer and `parent`'s key verifies `child`'s signature.
 * Uses node:crypto for the signature (every algorithm OpenSSL knows, RSASSA-PSS included);
 * false when either certificate could not be loaded by Node.
 */
export function isIssuedBy(child: ParsedCertificate, parent: ParsedCertificate): boolean {
  if (!child.issuerDer.equals(parent.subjectDer)) return false;
  if (child.x509 === undefined || parent.x509 === undefined) return false;
  try {
    return child.x509.verify(parent.x509.publicKey);
  } catch {
    return false;
  }
}

/** True when the certificate is self-issued and its own key verifies its signature (a root). */
export function isSelfSigned(certificate: ParsedCertificate): boolean {
  return certificate.facts.selfIssued && isIssuedBy(certificate, certificate);
}

/** True when `now` lies within the certificate's validity period. */
export function isWithinValidity(certificate: ParsedCertificate, now: Date): boolean {
  const time = now.getTime();
  return Date.parse(certificate.facts.notBefore) <= time && time <= Date.parse(certificate.facts.notAfter);
}

/**
 * Follows the chain as sent from the leaf upwards: certificate `i + 1` must have issued
 * certificate `i`. Returns how many links verify, starting at the leaf (0 when the second
 * certificate did not issue the leaf); servers often send chains out of order or with extras,
 * so callers decide what a short count means.
 */
export function verifiedPrefix(chain: readonly ParsedCertificate[]): number {
  let links = 0;
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!isIssuedBy(chain[i] as ParsedCertificate, chain[i + 1] as ParsedCertificate)) break;
    links++;
  }
  return links;
}

/**
 * Finds a path from the leaf (`chain[0]`) to `target` using only certificates from the chain,
 * in any order (servers send intermediates out of order). Returns the path leaf first, target
 * last, or `undefined` when no such path exists. Bounded by the chain length.
 */
export function pathTo(chain: readonly ParsedCertificate[], target: ParsedCertificate): ParsedCertificate[] | undefined {
  const leaf = chain[0];
  if (leaf === undefined) return undefined;
  const path: ParsedCertificate[] = [leaf];
  const used = new Set<ParsedCertificate>([leaf]);
  let current = leaf;
  for (let steps = 0; steps <= chain.length; steps++) {
    if (current.der.equals(target.der)) return path;
    if (current !== target && isIssuedBy(current, target)) return [...path, target];
    const next = chain.find((candidate) => !used.has(candidate) && isIssuedBy(current, candidate));
    if (next === undefined) return undefined;
    path.push(next);
    used.add(next);
    current = next;
  }
  return undefined;
}
