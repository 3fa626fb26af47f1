import type { ParsedCertificate } from './certificate.js';

/**
 * Which certificates of a chain signed which, as the probe found with node:crypto
 * ({@link chainSignatures} in `signatures.ts`): entry `i` lists the indexes `j` of the
 * certificates in the same chain whose subject is certificate `i`'s issuer and whose key verifies
 * its signature. Checks read chains through it, so they need no signature code of their own.
 */
export type ChainSignatures = readonly (readonly number[])[];

/** True when the certificate at `index` is self-issued and its own key verifies its signature (a root). */
export function isSelfSignedAt(signedBy: ChainSignatures, index: number): boolean {
  return signedBy[index]?.includes(index) === true;
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
export function verifiedPrefix(signedBy: ChainSignatures): number {
  let links = 0;
  while (signedBy[links]?.includes(links + 1) === true) links++;
  return links;
}

/**
 * Finds a path from the leaf (index 0) to the certificate at `target` using only links within
 * the chain, in any order (servers send intermediates out of order). Returns the indexes, leaf
 * first, target last, or `undefined` when no such path exists. Breadth-first, so the path is a
 * shortest one; bounded by the chain length.
 */
export function pathTo(signedBy: ChainSignatures, target: number): number[] | undefined {
  if (signedBy.length === 0) return undefined;
  const previous = new Map<number, number>([[0, -1]]);
  const queue = [0];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next === target) {
      const path: number[] = [];
      for (let at = target; at >= 0; at = previous.get(at) ?? -1) path.unshift(at);
      return path;
    }
    for (const issuer of signedBy[next] ?? []) {
      if (previous.has(issuer)) continue;
      previous.set(issuer, next);
      queue.push(issuer);
    }
  }
  return undefined;
}
