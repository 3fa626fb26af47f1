/**
 * The trust store: which roots certificate validation starts from. By default Mozilla's (Node's
 * `tls.rootCertificates` is Mozilla's bundle, the same roots Internet.nl trusts), plus any CAs the
 * user adds (a corporate root, the lab CA). One object serves every TLS client of a scan: the TLS
 * scanner, the HTTP client, DoH, so they all trust the same roots and a report can say which.
 */
import tls from 'node:tls';
import type { ParsedCertificate } from '../x509/certificate.js';
import { tryParseCertificate } from '../x509/certificate.js';
import { loadsInNode } from '../x509/signatures.js';
import { readPemCertificates } from './pem.js';
import type { TrustStore, TrustStoreDescription, TrustStoreKind } from './types.js';
import { type AnchorIndex, type ChainVerification, type VerifyChainOptions, indexAnchors, verifyChainAgainst } from './verify.js';

export type { TrustStore, TrustStoreDescription, TrustStoreKind, TrustedCertificate } from './types.js';

/** Options for {@link createTrustStore}. */
export interface TrustStoreOptions {
  /**
   * Extra trusted CAs, PEM: one text or a list, each with one or more certificates. Each must
   * parse and load in Node; a self-signed server certificate may be added to trust it as is.
   */
  readonly ca?: string | readonly string[];
  /** Whether Mozilla's roots are trusted. Default true; `false` needs `ca`. */
  readonly mozilla?: boolean;
}

/**
 * Creates a trust store: Mozilla's roots unless `mozilla: false`, plus the CAs in `ca`.
 *
 * @param options - extra CAs, and whether Mozilla's roots count
 * @returns an immutable trust store
 * @throws TypeError when `ca` is not PEM certificates that parse (the message says which one and
 *   why), when it is too large (4 000 000 characters, 1 000 certificates), or when `mozilla: false`
 *   comes without `ca`
 */
export function createTrustStore(options: TrustStoreOptions = {}): TrustStore {
  if (typeof options !== 'object' || options === null) throw new TypeError('createTrustStore takes an options object');
  const mozilla = options.mozilla ?? true;
  if (typeof mozilla !== 'boolean') throw new TypeError('mozilla must be true or false');
  const texts: readonly unknown[] = options.ca === undefined ? [] : typeof options.ca === 'string' ? [options.ca] : options.ca;
  if (!Array.isArray(texts)) throw new TypeError('ca must be PEM text or a list of PEM texts');
  if (texts.some((text) => typeof text !== 'string')) throw new TypeError('ca must be PEM text or a list of PEM texts');
  const custom = readPemCertificates(texts as readonly string[], 'ca');
  if (!mozilla && custom.length === 0) throw new TypeError('mozilla: false needs at least one CA in ca, or nothing would be trusted');

  const mozillaRoots = mozilla ? tls.rootCertificates : [];
  const kind: TrustStoreKind = !mozilla ? 'custom' : custom.length > 0 ? 'mozilla+custom' : 'mozilla';
  const ca = Object.freeze([...mozillaRoots, ...custom.map((c) => c.pem)]);
  const description: TrustStoreDescription = Object.freeze({
    kind,
    mozillaRoots: mozillaRoots.length,
    custom: Object.freeze(
      custom.map(({ parsed }) =>
        Object.freeze({
          subject: parsed.facts.subject,
          sha256: parsed.facts.sha256,
          notAfter: parsed.facts.notAfter,
          isCa: parsed.facts.isCa,
        }),
      ),
    ),
  });
  // Parsing Mozilla's ~150 roots costs tens of milliseconds; only chain verification needs them.
  let anchors: AnchorIndex | undefined;
  const anchorIndex = (): AnchorIndex => {
    if (anchors === undefined) {
      const roots = mozillaRoots
        .map((pem) => tryParseCertificate(pem))
        .filter((c): c is ParsedCertificate => c !== undefined && loadsInNode(c));
      anchors = indexAnchors([...roots, ...custom.map((c) => c.parsed)]);
    }
    return anchors;
  };

  return Object.freeze({
    kind,
    ca,
    describe: (): TrustStoreDescription => description,
    verifyChain: (chain: readonly (string | Uint8Array)[], verifyOptions?: VerifyChainOptions): ChainVerification =>
      verifyChainAgainst(chain, anchorIndex(), verifyOptions),
  });
}

/** Mozilla's roots alone, made on first use by {@link mozillaTrustStore} and never changed after. */
let sharedMozillaStore: TrustStore | undefined;

/**
 * The trust store of Mozilla's roots alone (what `createTrustStore()` makes), one for the whole
 * process. A trust store is immutable, so every caller that wants the default roots can share
 * this one, and with it the node:tls secure contexts made for it and its parsed roots: a new store
 * costs about 55 ms on first use (the secure context loads ~150 roots, chain verification parses
 * them), which `scanTls`, the HTTP client and the scan runner paid on every call made without a
 * `trust` of the caller's.
 *
 * @returns the same frozen store on every call
 */
export function mozillaTrustStore(): TrustStore {
  sharedMozillaStore ??= createTrustStore();
  return sharedMozillaStore;
}

/**
 * Checks that a value is a trust store (an object with a `ca` list of strings and `kind`), for
 * functions that take one from their caller.
 *
 * @throws TypeError when it is not
 */
export function assertTrustStore(value: unknown, what: string): asserts value is TrustStore {
  const store = value as Partial<TrustStore> | null;
  if (
    typeof store !== 'object' ||
    store === null ||
    !Array.isArray(store.ca) ||
    store.ca.some((pem) => typeof pem !== 'string') ||
    (store.kind !== 'mozilla' && store.kind !== 'mozilla+custom' && store.kind !== 'custom')
  ) {
    throw new TypeError(`${what} must be a TrustStore from createTrustStore`);
  }
}
