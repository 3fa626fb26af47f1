/**
 * node:tls secure contexts that trust a trust store's roots, made once per store and settings.
 * Loading Mozilla's ~150 roots into a new context costs milliseconds, which every connection of a
 * scan (the TLS scanner's handshakes, HTTPS) would otherwise pay. The memo is keyed weakly by the
 * trust store, which is immutable, so a context lives as long as its store and reusing it changes
 * nothing a connection observes.
 */
import tls, { type SecureVersion } from 'node:tls';
import type { TrustStore } from './types.js';

/** The protocol range and ciphers of a context; node:tls's defaults when absent. */
export interface SecureContextSettings {
  /** Lowest version to offer. */
  readonly minVersion?: SecureVersion;
  /** Highest version to offer. */
  readonly maxVersion?: SecureVersion;
  /** OpenSSL cipher list. */
  readonly ciphers?: string;
}

/** A scan uses a handful of settings; the bound only guards against a caller that varies them without end. */
const maxContextsPerStore = 32;

const contexts = new WeakMap<TrustStore, Map<string, tls.SecureContext>>();

/** The secure context for `tls.connect({ secureContext })` that trusts `trust`'s roots, with these settings. */
export function secureContextFor(trust: TrustStore, settings: SecureContextSettings = {}): tls.SecureContext {
  let byKey = contexts.get(trust);
  if (byKey === undefined) {
    byKey = new Map();
    contexts.set(trust, byKey);
  }
  const key = [settings.minVersion ?? '', settings.maxVersion ?? '', settings.ciphers ?? ''].join('|');
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const made = tls.createSecureContext({
    ca: [...trust.ca],
    ...(settings.minVersion === undefined ? {} : { minVersion: settings.minVersion }),
    ...(settings.maxVersion === undefined ? {} : { maxVersion: settings.maxVersion }),
    ...(settings.ciphers === undefined ? {} : { ciphers: settings.ciphers }),
  });
  if (byKey.size < maxContextsPerStore) byKey.set(key, made);
  return made;
}
