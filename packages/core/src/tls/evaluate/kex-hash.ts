import type { Finding } from '../../model/finding.js';
import { signatureScheme } from '../tables/signature-schemes.js';
import type { TlsEvidence } from '../types.js';
import { finding, judgement, levelVerdict, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Hash function for key exchange (Internet.nl `kex_hash_func`, NCSC 3.3.5; TLS 1.2 only). As
 * Internet.nl's `test_key_exchange_hash`: a TLS 1.2 hello offering only SHA-1 signature schemes
 * that the server completes with a SHA-1 signature is `bad`; else the same with SHA-224 only is
 * `phase-out`; else `good`, which includes a server without TLS 1.2 (the forced TLS 1.2
 * connection fails). The catalogue's `other` (unknown) is never produced, as in Internet.nl.
 *
 * When the server has TLS 1.2 but the scanner has no SHA-1 result, the subtest is `not-tested`
 * rather than Internet.nl's silent `good` after a failed connection. pastoe also reports, beside
 * the verdict, a server that signs with SHA-1 or SHA-224 even when offered the normal list.
 */
export function evaluateTlsKexHash(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const tls12 = evidence.versions.some((v) => v.version === 'TLSv1.2' && v.supported === true);
  const findings: Finding[] = [];
  if (!tls12) return judgement({ status: 'pass', outcome: 'good' }, [finding(context, 'no-tls-1-2', {}, true)], {});
  const observation = evidence.kexHash;
  if (observation === undefined || observation.sha1 === null) return notTested(context, 'kex-hash-not-tested');
  const defaultScheme = observation.defaultScheme === undefined ? undefined : signatureScheme(observation.defaultScheme);
  const facts = {
    sha1: observation.sha1,
    sha224: observation.sha224,
    ...(defaultScheme === undefined ? {} : { defaultScheme: defaultScheme.name, defaultHash: defaultScheme.hash }),
  };
  let verdict = levelVerdict('good');
  if (observation.sha1) {
    findings.push(finding(context, 'sha1', { hash: 'SHA-1' }));
    verdict = levelVerdict('insufficient');
  } else if (observation.sha224 === true) {
    findings.push(finding(context, 'sha224', { hash: 'SHA-224' }));
    verdict = levelVerdict('phase-out');
  } else if (observation.sha224 === null) {
    findings.push(finding(context, 'sha224-not-tested', {}, true));
  }
  let pastoe = verdict;
  if (defaultScheme !== undefined && defaultScheme.kexHashLevel !== 'good') {
    findings.push(finding(context, 'weak-default-hash', { scheme: defaultScheme.name }, true));
    const own = levelVerdict(defaultScheme.kexHashLevel);
    if (verdict.status === 'pass' || own.status === 'fail') pastoe = own;
  }
  return judgement(verdict, findings, facts, pastoe);
}
