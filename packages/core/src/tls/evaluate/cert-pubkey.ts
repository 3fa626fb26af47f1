import type { Finding } from '../../model/finding.js';
import type { JsonValue } from '../../model/json.js';
import type { CertificatePublicKey } from '../../x509/certificate.js';
import { certificateKeyLevel } from '../tables/certificates.js';
import { type NcscLevel, worstLevel } from '../tables/levels.js';
import type { TlsEvidence } from '../types.js';
import { certificateLabel, isRoot, selectChains, unparsableFindings } from './certificates.js';
import { finding, judgement, levelVerdict, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/** A key as Internet.nl writes it in its tech table: `RSA-2048`, `EC-secp224r1`. */
export function keyLabel(key: CertificatePublicKey): string {
  const type = key.type.toUpperCase();
  if (key.curve !== undefined) return `${type}-${key.curve}`;
  return key.bits === undefined ? type : `${type}-${key.bits}`;
}

/**
 * Certificate public keys (Internet.nl `cert_pubkey`, NCSC 3.3.2.1), for every certificate the
 * server sent except roots: RSA below 2048 bits or an unlisted curve fails (`bad`), RSA
 * 2048-3071 or secp224r1 gives `phase-out`, else `good`.
 *
 * Deviations: Ed25519/Ed448 keys count as insufficient in Internet.nl's code (its list names
 * X25519/X448 instead); pastoe keeps that verdict and reports them sufficient in its own. pastoe
 * judges every chain it saw, not only the first (an RSA certificate beside an ECDSA one).
 */
export function evaluateCertPubkey(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const selection = selectChains(evidence);
  if (selection.primary === undefined || selection.primary.certificates.length === 0) return notTested(context, 'no-chain');
  const findings: Finding[] = unparsableFindings(selection, context);
  const internetnl: NcscLevel[] = [];
  const pastoe: NcscLevel[] = [];
  const keys: JsonValue[] = [];
  for (const chain of [selection.primary, ...selection.others]) {
    const primary = chain === selection.primary;
    chain.certificates.forEach((certificate, index) => {
      if (isRoot(certificate, index, context)) return;
      const key = certificate.facts.publicKey;
      const level = certificateKeyLevel(key);
      const params = { certificate: certificateLabel(certificate), key: keyLabel(key) };
      keys.push({ ...params, level: level.pastoe, internetnlLevel: level.internetnl, chain: primary ? 'primary' : 'other' });
      pastoe.push(level.pastoe);
      if (primary) {
        internetnl.push(level.internetnl);
        if (level.internetnl !== 'sufficient' && level.internetnl !== 'good')
          findings.push(finding(context, `${level.internetnl}-key`, params));
        if (level.deviation !== undefined) findings.push(finding(context, level.deviation, params, true));
      } else if (level.pastoe !== 'sufficient' && level.pastoe !== 'good') {
        findings.push(finding(context, `${level.pastoe}-key`, { ...params, chain: 'other' }, true));
      }
    });
  }
  return judgement(levelVerdict(worstLevel(internetnl)), findings, { keys }, levelVerdict(worstLevel(pastoe)));
}
