import type { Finding } from '../../model/finding.js';
import type { JsonValue } from '../../model/json.js';
import { certificateSignatureLevel } from '../tables/certificates.js';
import { type NcscLevel, worstLevel } from '../tables/levels.js';
import type { TlsEvidence } from '../types.js';
import { certificateLabel, isRoot, selectChains, unparsableFindings } from './certificates.js';
import { finding, judgement, levelVerdict, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Certificate signatures (Internet.nl `cert_signature`, NCSC 3.3.2/3.3.5), for every
 * certificate the server sent except roots, by the outer signature algorithm OID: SHA-256/384/512
 * with RSA or ECDSA, Ed25519 and Ed448 `good`; SHA-224 with RSA or ECDSA `phase-out`; anything
 * else (SHA-1, MD5, DSA, and RSASSA-PSS) `bad`.
 *
 * Deviations: RSASSA-PSS counts as bad in Internet.nl because its OID is not on the list; pastoe
 * keeps that verdict and judges PSS by its hash in its own (`facts.pastoe`, finding
 * `rsassa-pss-signature`). pastoe judges every chain it saw, not only the first.
 */
export function evaluateCertSignature(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const selection = selectChains(evidence);
  if (selection.primary === undefined || selection.primary.certificates.length === 0) return notTested(context, 'no-chain');
  const findings: Finding[] = unparsableFindings(selection, context);
  const internetnl: NcscLevel[] = [];
  const pastoe: NcscLevel[] = [];
  const signatures: JsonValue[] = [];
  for (const chain of [selection.primary, ...selection.others]) {
    const primary = chain === selection.primary;
    chain.certificates.forEach((certificate, index) => {
      if (isRoot(certificate, index, context)) return;
      const signature = certificate.facts.signature;
      const level = certificateSignatureLevel(signature);
      const params = { certificate: certificateLabel(certificate), algorithm: signature.name, hash: signature.hash };
      signatures.push({ ...params, level: level.pastoe, internetnlLevel: level.internetnl, chain: primary ? 'primary' : 'other' });
      pastoe.push(level.pastoe);
      if (primary) {
        internetnl.push(level.internetnl);
        if (level.internetnl !== 'sufficient' && level.internetnl !== 'good') {
          findings.push(finding(context, `${level.internetnl}-signature`, params));
        }
        if (level.deviation !== undefined) findings.push(finding(context, level.deviation, params, true));
      } else if (level.pastoe !== 'sufficient' && level.pastoe !== 'good') {
        findings.push(finding(context, `${level.pastoe}-signature`, { ...params, chain: 'other' }, true));
      }
    });
  }
  return judgement(levelVerdict(worstLevel(internetnl)), findings, { signatures }, levelVerdict(worstLevel(pastoe)));
}
