import type { Finding, MessageParams } from '../../model/finding.js';
import type { JsonValue } from '../../model/json.js';
import { type ParsedCertificate, tryParseCertificate } from '../../x509/certificate.js';
import { isSelfSigned } from '../../x509/chain.js';
import type { CertificateLevel } from '../tables/certificates.js';
import { type NcscLevel, worstLevel } from '../tables/levels.js';
import type { CertificateChainObservation, TlsEvidence } from '../types.js';
import { finding, judgement, levelVerdict, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

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
function isRoot(certificate: ParsedCertificate, index: number, context: TlsEvaluationContext): boolean {
  if (context.rootFingerprints !== undefined) return context.rootFingerprints.has(certificate.facts.sha1);
  return index > 0 && isSelfSigned(certificate);
}

/** A short label for a certificate in findings: its first common name, else its subject. */
export function certificateLabel(certificate: ParsedCertificate): string {
  return certificate.facts.commonNames[0] ?? (certificate.facts.subject || certificate.facts.sha256.slice(0, 16));
}

/** Findings for chains with certificates pastoe could not parse. */
function unparsableFindings(selection: ChainSelection, context: TlsEvaluationContext): Finding[] {
  return [selection.primary, ...selection.others]
    .filter((chain): chain is ParsedChain => chain !== undefined && chain.unparsable > 0)
    .map((chain) => finding(context, 'unparsable-certificate', { count: chain.unparsable, source: chain.observation.source }, true));
}

/** How {@link judgeEachCertificate} rates one certificate and labels it in findings and facts. */
export interface CertificateRating {
  /** The levels Internet.nl and pastoe give the certificate. */
  readonly level: CertificateLevel;
  /** Finding parameters naming the certificate and what was rated. */
  readonly params: MessageParams;
}

/**
 * Rates every non-root certificate of every chain the server sent, as the key and signature
 * subtests do: Internet.nl's verdict from the primary chain only, pastoe's from all chains, a
 * finding per weak certificate (`<level>-<subject>`), and one fact row per certificate.
 */
export function judgeEachCertificate(
  evidence: TlsEvidence,
  context: TlsEvaluationContext,
  subject: 'key' | 'signature',
  rate: (certificate: ParsedCertificate) => CertificateRating,
): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const selection = selectChains(evidence);
  if (selection.primary === undefined || selection.primary.certificates.length === 0) return notTested(context, 'no-chain');
  const findings: Finding[] = unparsableFindings(selection, context);
  const internetnl: NcscLevel[] = [];
  const pastoe: NcscLevel[] = [];
  const rows: JsonValue[] = [];
  const weak = (level: NcscLevel): boolean => level !== 'sufficient' && level !== 'good';
  for (const chain of [selection.primary, ...selection.others]) {
    const primary = chain === selection.primary;
    for (const [index, certificate] of chain.certificates.entries()) {
      if (isRoot(certificate, index, context)) continue;
      const { level, params } = rate(certificate);
      rows.push({ ...params, level: level.pastoe, internetnlLevel: level.internetnl, chain: primary ? 'primary' : 'other' });
      pastoe.push(level.pastoe);
      if (primary) {
        internetnl.push(level.internetnl);
        if (weak(level.internetnl)) findings.push(finding(context, `${level.internetnl}-${subject}`, params));
        if (level.deviation !== undefined) findings.push(finding(context, level.deviation, params, true));
      } else if (weak(level.pastoe)) {
        findings.push(finding(context, `${level.pastoe}-${subject}`, { ...params, chain: 'other' }, true));
      }
    }
  }
  const facts: Record<string, JsonValue> = { [subject === 'key' ? 'keys' : 'signatures']: rows };
  return judgement(levelVerdict(worstLevel(internetnl)), findings, facts, levelVerdict(worstLevel(pastoe)));
}
