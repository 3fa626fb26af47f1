import type { Finding, MessageParams } from '../../model/finding.js';
import type { JsonValue } from '../../model/json.js';
import { type ParsedCertificate, tryParseCertificate } from '../../x509/certificate.js';
import { bytesEqual } from '../../util/bytes.js';
import { isSelfSignedAt } from '../../x509/chain.js';
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
  /** Where each of them stood in the chain as sent: the indexes `observation.signedBy` uses. */
  readonly positions: readonly number[];
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

/**
 * Parsed chains by the observation they came from. Every certificate check of a scan (and every
 * scan that shares a cached endpoint's evidence) reads the same observation objects, and parsing,
 * with its SHA digests, was the largest single cost of judging a domain. Weak keys: a parse lives
 * exactly as long as its evidence, and since both are immutable, memoising changes no result.
 */
const parsedChains = new WeakMap<CertificateChainObservation, ParsedChain>();

function parseChain(observation: CertificateChainObservation): ParsedChain {
  const known = parsedChains.get(observation);
  if (known !== undefined) return known;
  const parsed = parseChainOnce(observation);
  parsedChains.set(observation, parsed);
  return parsed;
}

function parseChainOnce(observation: CertificateChainObservation): ParsedChain {
  const certificates: ParsedCertificate[] = [];
  const positions: number[] = [];
  let unparsable = 0;
  for (const [position, base64] of observation.certificates.entries()) {
    const parsed = tryParseCertificate(base64);
    if (parsed === undefined) unparsable++;
    else {
      certificates.push(parsed);
      positions.push(position);
    }
  }
  return { observation, certificates, positions, unparsable };
}

/** Selects and parses the chains of an endpoint (the probe does too, to know which issuer signs a staple). */
export function selectChains(evidence: Pick<TlsEvidence, 'certificateChains'>): ChainSelection {
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
 * The leaf of a chain and the certificate after it that names the leaf's issuer: the pair a
 * stapled OCSP response is checked against, by the probe (its signature) and the check alike.
 */
export function leafAndIssuer(chain: ParsedChain | undefined): { leaf: ParsedCertificate; issuer?: ParsedCertificate } | undefined {
  const leaf = chain?.certificates[0];
  if (leaf === undefined) return undefined;
  const issuer = chain?.certificates.slice(1).find((candidate) => bytesEqual(candidate.subjectDer, leaf.issuerDer));
  return issuer === undefined ? { leaf } : { leaf, issuer };
}

/**
 * True when the certificate at `index` of a chain is skipped as a root. Internet.nl skips
 * certificates whose SHA-1 fingerprint is on its root list; without such a list pastoe skips a
 * self-signed certificate after the leaf (a root the server sent along), as the probe's
 * signature checks found it. A self-signed leaf is always judged.
 */
function isRoot(chain: ParsedChain, index: number, context: TlsEvaluationContext): boolean {
  const certificate = chain.certificates[index] as ParsedCertificate;
  if (context.rootFingerprints !== undefined) return context.rootFingerprints.has(certificate.facts.sha1);
  const position = chain.positions[index] ?? 0;
  return position > 0 && isSelfSignedAt(chain.observation.signedBy ?? [], position);
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
      if (isRoot(chain, index, context)) continue;
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
