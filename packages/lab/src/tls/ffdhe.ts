/**
 * The RFC 7919 finite-field groups (ffdhe2048 … ffdhe8192) as the lab's servers use them, and
 * Diffie-Hellman parameter PEM for node:tls servers (node can name the RFC 3526 MODP groups but
 * not these). The primes are \@pastoe/core's (`ffdheGroups`).
 */
import { ffdheGroups } from '@pastoe/core';
import { sequence, toPem, unsignedInteger } from '../pki/der.js';

/** The sizes of the RFC 7919 groups. */
export type FfdheBits = 2048 | 3072 | 4096 | 6144 | 8192;

/** The name of an RFC 7919 group. */
export type FfdheName = `ffdhe${FfdheBits}`;

/** The prime of an RFC 7919 group, big-endian, exactly `bits / 8` bytes. The generator is 2. */
export function ffdhePrime(bits: FfdheBits): Buffer {
  const group = ffdheGroups.find((candidate) => candidate.bits === bits);
  if (group === undefined) throw new Error(`no RFC 7919 group of ${bits} bits`);
  return Buffer.from(group.primeHex.padStart(bits / 4, '0'), 'hex');
}

/** Whether a name is one of the RFC 7919 groups. */
export function isFfdheName(name: string): name is FfdheName {
  return /^ffdhe(2048|3072|4096|6144|8192)$/.test(name);
}

/** PKCS #3 DHParameter PEM (`-----BEGIN DH PARAMETERS-----`) for a prime and generator, as node's `dhparam` takes. */
export function dhParametersPem(prime: Uint8Array, generator: Uint8Array = Buffer.from([2])): string {
  return toPem('DH PARAMETERS', sequence(unsignedInteger(prime), unsignedInteger(generator)));
}
