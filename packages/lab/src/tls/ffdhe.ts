/**
 * The RFC 7919 finite-field groups (ffdhe2048 … ffdhe8192) and Diffie-Hellman parameter PEM for
 * node:tls servers. Node can name the RFC 3526 MODP groups but not these, and the scanner's
 * verdicts depend on telling them apart from self-made primes, so the lab computes them from the
 * RFC's formula rather than carrying kilobytes of hex.
 */
import { sequence, toPem, unsignedInteger } from '../pki/der.js';

/** The sizes of the RFC 7919 groups. */
export type FfdheBits = 2048 | 3072 | 4096 | 6144 | 8192;

/** The name of an RFC 7919 group. */
export type FfdheName = `ffdhe${FfdheBits}`;

/** The X of each group in p = 2^b − 2^(b−64) + (⌊2^(b−130)·e⌋ + X)·2^64 − 1 (RFC 7919 appendix A). */
const offsets: Readonly<Record<FfdheBits, bigint>> = {
  2048: 560316n,
  3072: 2625351n,
  4096: 5736041n,
  6144: 15705020n,
  8192: 10965728n,
};

/** ⌊2^bits · e⌋ from the series Σ 1/k!, with guard bits so that truncation in the terms cannot reach the result. */
function scaledE(bits: number): bigint {
  const guard = 64n;
  let term = 1n << (BigInt(bits) + guard);
  let sum = 0n;
  for (let k = 1n; term > 0n; k++) {
    sum += term;
    term /= k;
  }
  return sum >> guard;
}

/** The prime of an RFC 7919 group, big-endian, exactly `bits / 8` bytes. The generator is 2. */
export function ffdhePrime(bits: FfdheBits): Buffer {
  const b = BigInt(bits);
  const p = (1n << b) - (1n << (b - 64n)) + (scaledE(bits - 130) + offsets[bits]) * (1n << 64n) - 1n;
  return Buffer.from(p.toString(16).padStart(bits / 4, '0'), 'hex');
}

/** Whether a name is one of the RFC 7919 groups. */
export function isFfdheName(name: string): name is FfdheName {
  return /^ffdhe(2048|3072|4096|6144|8192)$/.test(name);
}

/** PKCS #3 DHParameter PEM (`-----BEGIN DH PARAMETERS-----`) for a prime and generator, as node's `dhparam` takes. */
export function dhParametersPem(prime: Uint8Array, generator: Uint8Array = Buffer.from([2])): string {
  return toPem('DH PARAMETERS', sequence(unsignedInteger(prime), unsignedInteger(generator)));
}
