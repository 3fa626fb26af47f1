import type { TlsVersion } from '../types.js';
import type { NcscLevel } from './levels.js';

/**
 * Protocol versions by NCSC level (NCSC 3.3.1, 2025-05; Internet.nl `PROTOCOLS_*`). TLS 1.0 and
 * 1.1 moved from phase-out to insufficient in 2025; the phase-out list is now empty.
 */
export const tlsVersionLevels: Readonly<Record<TlsVersion, NcscLevel>> = Object.freeze({
  'TLSv1.3': 'good',
  'TLSv1.2': 'sufficient',
  'TLSv1.1': 'insufficient',
  'TLSv1.0': 'insufficient',
  SSLv3: 'insufficient',
  SSLv2: 'insufficient',
});

/** The wire version number (`0x0303` for TLS 1.2; SSL 2 as `0x0002`) by version. */
export const tlsVersionCodes: Readonly<Record<TlsVersion, number>> = Object.freeze({
  SSLv2: 0x0002,
  SSLv3: 0x0300,
  'TLSv1.0': 0x0301,
  'TLSv1.1': 0x0302,
  'TLSv1.2': 0x0303,
  'TLSv1.3': 0x0304,
});
