/**
 * Chain verification against a set of trust anchors, in pastoe's own code: from the leaf, through
 * the certificates the server sent (in any order), to an anchor. Every link's signature is checked
 * with node:crypto, every certificate above the leaf must be a CA, and every certificate on the
 * path, the anchor included, must be within its validity period. This answers "does this saved
 * chain validate" without a handshake; live connections use OpenSSL's verdict instead. Name
 * checks, policies, name constraints and revocation are not part of it.
 */
import { bytesEqual, toHex } from '../util/bytes.js';
import { type ParsedCertificate, tryParseCertificate } from '../x509/certificate.js';
import { isWithinValidity } from '../x509/chain.js';
import { isIssuedBy, loadsInNode } from '../x509/signatures.js';

/** Why a chain does not validate. */
export type ChainProblem =
  /** No certificate was given. */
  | 'empty'
  /** A certificate does not parse, or Node cannot load it to check signatures. */
  | 'unparsable'
  /** More certificates than a chain may have (32). */
  | 'too-long'
  /** No path leads from the leaf to a trusted anchor. */
  | 'no-trusted-root'
  /** A path exists, but a certificate on it is not yet valid. */
  | 'not-yet-valid'
  /** A path exists, but a certificate on it has expired. */
  | 'expired'
  /** A path exists, but a certificate that issues another on it is not a CA. */
  | 'not-a-ca';

/** The answer to "does this chain validate". */
export type ChainVerification =
  | {
      /** The chain leads to a trusted anchor. */
      readonly trusted: true;
      /** The path, leaf first, anchor last, as SHA-256 fingerprints (lowercase hex). */
      readonly path: readonly string[];
      /** The anchor's subject. */
      readonly anchor: string;
    }
  | {
      /** The chain does not validate. */
      readonly trusted: false;
      /** Why. */
      readonly problem: ChainProblem;
      /** One line for people. */
      readonly message: string;
    };

/** Options for a chain verification. */
export interface VerifyChainOptions {
  /** The time at which the certificates must be valid. Default now. */
  readonly at?: Date;
}

/** The most certificates a chain may hold. */
const maxChainCertificates = 32;
/** The most certificates a path may hold, anchor included (OpenSSL's default depth is 100; real paths hold 2 to 5). */
const maxPathLength = 10;
/** The most signature checks one verification may spend: a hostile chain of look-alike issuers cannot make it slow. */
const maxSignatureChecks = 512;

/** Trust anchors indexed by subject, for issuer lookups. */
export interface AnchorIndex {
  /** Anchors whose subject (DER, hex) is the key. */
  readonly bySubject: ReadonlyMap<string, readonly ParsedCertificate[]>;
  /** SHA-256 fingerprints of every anchor: a certificate that is itself an anchor is trusted as is. */
  readonly fingerprints: ReadonlySet<string>;
}

/** Builds the index over anchors. */
export function indexAnchors(anchors: readonly ParsedCertificate[]): AnchorIndex {
  const bySubject = new Map<string, ParsedCertificate[]>();
  const fingerprints = new Set<string>();
  for (const anchor of anchors) {
    const key = toHex(anchor.subjectDer);
    const list = bySubject.get(key);
    if (list === undefined) bySubject.set(key, [anchor]);
    else list.push(anchor);
    fingerprints.add(anchor.facts.sha256);
  }
  return { bySubject, fingerprints };
}

/** What is wrong with a path whose links all verify, if anything. */
function pathProblem(path: readonly ParsedCertificate[], at: Date): { problem: ChainProblem; message: string } | undefined {
  for (const [index, certificate] of path.entries()) {
    if (index > 0 && !certificate.facts.isCa) {
      return { problem: 'not-a-ca', message: `${certificate.facts.subject} issues a certificate on the path but is not a CA` };
    }
    if (!isWithinValidity(certificate, at)) {
      const early = at.getTime() < Date.parse(certificate.facts.notBefore);
      return early
        ? { problem: 'not-yet-valid', message: `${certificate.facts.subject} is not valid before ${certificate.facts.notBefore}` }
        : { problem: 'expired', message: `${certificate.facts.subject} expired at ${certificate.facts.notAfter}` };
    }
  }
  return undefined;
}

/**
 * Verifies a chain (leaf first, then intermediates in any order; base64 DER, PEM or DER bytes)
 * against the anchors. Tries every path (bounded) and returns the first that is valid; when
 * none is, the problem of the first complete path, or `no-trusted-root`.
 */
export function verifyChainAgainst(
  chain: readonly (string | Uint8Array)[],
  anchors: AnchorIndex,
  options: VerifyChainOptions = {},
): ChainVerification {
  if (!Array.isArray(chain) || chain.length === 0) return { trusted: false, problem: 'empty', message: 'no certificate was given' };
  if (chain.length > maxChainCertificates) {
    return {
      trusted: false,
      problem: 'too-long',
      message: `the chain holds ${chain.length} certificates; at most ${maxChainCertificates}`,
    };
  }
  const at = options.at ?? new Date();
  const parsed: ParsedCertificate[] = [];
  for (const [index, item] of chain.entries()) {
    const certificate = typeof item === 'string' || item instanceof Uint8Array ? tryParseCertificate(item) : undefined;
    if (certificate === undefined || !loadsInNode(certificate)) {
      return { trusted: false, problem: 'unparsable', message: `certificate ${index + 1} of the chain does not parse` };
    }
    parsed.push(certificate);
  }
  const [leaf, ...pool] = parsed as [ParsedCertificate, ...ParsedCertificate[]];
  let checks = 0;
  let firstFailure: { problem: ChainProblem; message: string } | undefined;

  const issued = (child: ParsedCertificate, parent: ParsedCertificate): boolean => {
    if (checks >= maxSignatureChecks) return false;
    checks++;
    return isIssuedBy(child, parent);
  };
  const judge = (path: readonly ParsedCertificate[], anchor: ParsedCertificate): ChainVerification | undefined => {
    const problem = pathProblem(path, at);
    if (problem === undefined) {
      return { trusted: true, path: path.map((c) => c.facts.sha256), anchor: anchor.facts.subject };
    }
    firstFailure ??= problem;
    return undefined;
  };
  // Depth-first from the leaf: at each step an anchor that issued the certificate ends the path;
  // otherwise each unused certificate from the chain that issued it is tried in turn.
  const search = (path: ParsedCertificate[], used: ReadonlySet<ParsedCertificate>): ChainVerification | undefined => {
    const current = path[path.length - 1] as ParsedCertificate;
    if (anchors.fingerprints.has(current.facts.sha256)) {
      const found = judge(path, current);
      if (found !== undefined) return found;
    }
    for (const anchor of anchors.bySubject.get(toHex(current.issuerDer)) ?? []) {
      if (anchor.facts.sha256 === current.facts.sha256 || !issued(current, anchor)) continue;
      const found = judge([...path, anchor], anchor);
      if (found !== undefined) return found;
    }
    if (path.length >= maxPathLength - 1) return undefined;
    for (const candidate of pool) {
      if (used.has(candidate) || !bytesEqual(candidate.subjectDer, current.issuerDer) || !issued(current, candidate)) continue;
      const found = search([...path, candidate], new Set([...used, candidate]));
      if (found !== undefined) return found;
    }
    return undefined;
  };

  const found = search([leaf], new Set([leaf]));
  if (found !== undefined) return found;
  if (firstFailure !== undefined) return { trusted: false, ...firstFailure };
  return {
    trusted: false,
    problem: 'no-trusted-root',
    message:
      checks >= maxSignatureChecks
        ? `no path to a trusted root within ${maxSignatureChecks} signature checks`
        : `no path leads from ${leaf.facts.subject} to a trusted root`,
  };
}
