import type { Finding } from '../../model/finding.js';
import { cipherSuite } from '../tables/cipher-suites.js';
import type { TlsEvidence } from '../types.js';
import { suiteScope } from './ciphers.js';
import { finding, judgement, supportedVersions, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Cipher order (Internet.nl `tls_cipher_order`, NCSC 2025-05): the server must prefer its good
 * and sufficient suites over phase-out ones. Reproduces Internet.nl's `test_cipher_order`:
 *
 * - `na` (pass) when the judged suites hold nothing but good ones (no insufficient, phase-out
 *   or sufficient suite), or when TLS 1.3 is the only version;
 * - `good` without probing when there are no phase-out suites, or no good or sufficient suite
 *   below TLS 1.3 to prefer over them (insufficient suites are not part of the order test: the
 *   cipher test already fails them);
 * - otherwise the scanner's probe decides: a violation (`chosen` picked over `expected`) is
 *   `bad`, none is `good`, and a probe that did not run or failed is `na`, as a TLS error
 *   during Internet.nl's probe is.
 *
 * pastoe adds a finding when the server shows no preference of its own at all.
 */
export function evaluateTlsCipherOrder(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const scope = suiteScope(evidence);
  const suites = scope.internetnl.map((s) => s.suite);
  const versions = supportedVersions(evidence);
  const observation = evidence.cipherOrder;
  const findings: Finding[] = [];
  if (observation?.serverPreference === false) findings.push(finding(context, 'no-server-preference', {}, true));
  const facts = {
    ...(observation === undefined ? {} : { tested: observation.tested, serverPreference: observation.serverPreference }),
  };
  const onlyGood = !suites.some((s) => s.level === 'insufficient' || s.level === 'phase-out' || s.level === 'sufficient');
  if (onlyGood || (versions.length === 1 && versions[0] === 'TLSv1.3')) {
    return judgement({ status: 'pass', outcome: 'na' }, findings, facts);
  }
  const below13 = scope.internetnl.filter((s) => s.version !== 'TLSv1.3').map((s) => s.suite);
  const phaseOut = below13.filter((s) => s.level === 'phase-out');
  const better = below13.filter((s) => s.level === 'good' || s.level === 'sufficient');
  if (phaseOut.length === 0 || better.length === 0) return judgement({ status: 'pass', outcome: 'good' }, findings, facts);
  if (observation === undefined || !observation.tested) {
    findings.push(finding(context, 'probe-failed', {}, true));
    return judgement({ status: 'pass', outcome: 'na' }, findings, facts);
  }
  if (observation.violation !== undefined) {
    const chosen = cipherSuite(observation.violation.chosen).iana;
    const expected = cipherSuite(observation.violation.expected).iana;
    findings.push(finding(context, 'violation', { chosen, expected }));
    return judgement({ status: 'fail', outcome: 'bad' }, findings, { ...facts, violation: [chosen, expected] });
  }
  return judgement({ status: 'pass', outcome: 'good' }, findings, facts);
}
