/**
 * The hello fingerprint: what a server's answers to the first hello of every version say about its
 * TLS configuration, without the certificates. A hosting server gives many names one
 * configuration; when a second name's first hellos answer exactly as the first name's did, the
 * expensive part of the scan (suite enumeration and its follow-ups) may not need repeating for it.
 * A server that configures names apart shows it here when any version, chosen suite, extension or
 * key-exchange parameter of a first hello differs; one that accepts other suites behind the same
 * first choices does not, which is what reference-check.ts asks about next.
 */
import { createHash } from 'node:crypto';
import type { HelloProfile } from './client-hello.js';
import type { HelloOutcome } from './dialer.js';

/**
 * The first hello of a version and what the server answered. SSLv2 has no part in the fingerprint:
 * its hello names no server, so the answer is the address's, the same for every name on it.
 */
export interface FirstHello {
  /** The version offered. */
  readonly version: string;
  /** The answer. */
  readonly outcome: HelloOutcome;
}

/** Read failures that a second run would see again; time-outs and dial failures depend on the moment. */
const deterministicFailures: ReadonlySet<string> = new Set(['closed', 'reset', 'malformed', 'too-large']);

/** One answer as text, or undefined when it depended on timing. */
function describe(outcome: HelloOutcome): string | undefined {
  switch (outcome.kind) {
    case 'hello': {
      const { serverHello: hello, keyExchange: kex, keyExchangeSent, certificateRequested, complete } = outcome.flight;
      return [
        'hello',
        hello.version,
        hello.suite,
        hello.compression,
        hello.helloRetry ? 'hrr' : '',
        hello.keyShareGroup ?? '',
        // Sorted: the configuration decides which extensions come back, not the order a library writes them in.
        [...hello.extensions].sort((a, b) => a - b).join('.'),
        keyExchangeSent ? 'ske' : '',
        kex?.kind ?? '',
        kex?.group ?? '',
        kex?.dh === undefined ? '' : `${kex.dh.primeHex}/${kex.dh.generatorHex}`,
        kex?.signatureScheme ?? '',
        certificateRequested ? 'client-cert' : '',
        complete ? 'complete' : 'partial',
      ].join(':');
    }
    case 'alert':
      return `alert:${outcome.level}:${outcome.description}`;
    case 'sslv2':
      return `sslv2:${outcome.hello === undefined ? outcome.message : 'hello'}`;
    case 'failure':
      return deterministicFailures.has(outcome.code) ? `failure:${outcome.code}` : undefined;
    case 'unavailable':
      return undefined;
  }
}

/**
 * The fingerprint of the first hellos of TLS 1.3 down to SSLv3 (hex, 128 bits of SHA-256), or undefined when any answer
 * depended on timing, so that no scan is carried over on the strength of a time-out.
 */
export function helloFingerprint(profile: HelloProfile, hellos: readonly FirstHello[]): string | undefined {
  const parts: string[] = [`profile:${profile}`];
  for (const { version, outcome } of hellos) {
    const answer = describe(outcome);
    if (answer === undefined) return undefined;
    parts.push(`${version}=${answer}`);
  }
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
