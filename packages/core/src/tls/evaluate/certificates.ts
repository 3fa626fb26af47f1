import type { Finding } from '../../model/finding.js';
import { type ParsedCertificate, tryParseCertificate } from '../../x509/certificate.js';
import { isSelfSigned } from '../../x509/chain.js';
import type { CertificateChainObservation, TlsEvidence } from '../types.js';
import { finding, type TlsEvaluationContext } from './shared.js';

/** One certificate chain the server sent, parsed. */
export interface ParsedChain {
  /** Where it came from. */
  readonly observation: CertificateChainObservation;
  /** The certificates that parsed, in the order sent (leaf first). */
  readonly certificates: readonly ParsedCertificate[];
  /** How many certificates could not be parsed. */
  readonly unparsable: number;
}

/** The chains of an endpoint: the one Internet.nl evaluates and the others pastoe adds. */
export interface ChainSelection {
  /**
   * The chain Internet.nl would evaluate: sslyze takes the first certificate deployment of its
   * own full handshake, so pastoe takes the first chain from a full handshake, else the first.
   */
  readonly primary?: ParsedChain;
  /** Every other distinct chain (by leaf), e.g. an RSA certificate beside an ECDSA one. */
  readonly others: readonly ParsedChain[];
}

function parseChain(observation: CertificateChainObservation): ParsedChain {
  const certificates: ParsedCertificate[] = [];
  let unparsable = 0;
  for (const base64 of observation.certificates) {
    const parsed = tryParseCertificate(base64);
    if (parsed === undefined) unparsable++;
    else certificates.push(parsed);
  }
  return { observation, certificates, unparsable };
}

/** Selects and parses the chains of an endpoint. */
export function selectChains(evidence: TlsEvidence): ChainSelection {
  const chains = evidence.certificateChains.filter((chain) => chain.certificates.length > 0);
  const first = chains.find((chain) => chain.source === 'handshake') ?? chains[0];
  if (first === undefined) return { others: [] };
  const primary = parseChain(first);
  const leaves = new Set([primary.certificates[0]?.facts.sha256]);
  const others: ParsedChain[] = [];
  for (const chain of chains) {
    if (chain === first) continue;
    const parsed = parseChain(chain);
    const leaf = parsed.certificates[0]?.facts.sha256;
    if (leaf === undefined || leaves.has(leaf)) continue;
    leaves.add(leaf);
    others.push(parsed);
  }
  return { primary, others };
}

/**
 * True when a certificate is skipped as a root. Internet.nl skips certificates whose SHA-1
 * fingerprint is on its root list; without such a list pastoe skips a self-signed certificate
 * after the leaf (a root the server sent along). A self-signed leaf is always judged.
 */
export function isRoot(certificate: ParsedCertificate, index: number, context: TlsEvaluationContext): boolean {
  if (context.rootFingerprints !== undefined) return context.rootFingerprints.has(certificate.facts.sha1);
  return index > 0 && isSelfSigned(certificate);
}

/** A short label for a certificate in findings: its first common name, else its subject. */
export function certificateLabel(certificate: ParsedCertificate): string {
  return certificate.facts.commonNames[0] ?? (certificate.facts.subject || certificate.facts.sha256.slice(0, 16));
}

/** Findings for chains with certificates pastoe could not parse. */
export function unparsableFindings(selection: ChainSelection, context: TlsEvaluationContext): Finding[] {
  return [selection.primary, ...selection.others]
    .filter((chain): chain is ParsedChain => chain !== undefined && chain.unparsable > 0)
    .map((chain) => finding(context, 'unparsable-certificate', { count: chain.unparsable, source: chain.observation.source }, true));
}
