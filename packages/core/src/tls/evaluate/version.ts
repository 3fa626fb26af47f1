import type { Finding } from '../../model/finding.js';
import { worstLevel } from '../tables/levels.js';
import { tlsVersionLevels } from '../tables/versions.js';
import type { TlsEvidence } from '../types.js';
import { finding, judgement, levelVerdict, supportedVersions, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * TLS version (Internet.nl `tls_version`, NCSC 3.3.1): TLS 1.3 good, 1.2 sufficient, SSL 2/3
 * and TLS 1.0/1.1 insufficient, so any of those fails (`bad`). The phase-out outcome exists in
 * the catalogue but its list is empty at NCSC 2025-05. Versions whose support could not be
 * decided are listed in the facts and do not count.
 */
export function evaluateTlsVersion(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const supported = supportedVersions(evidence);
  const findings: Finding[] = [];
  for (const version of supported) {
    const level = tlsVersionLevels[version];
    if (level === 'insufficient' || level === 'phase-out') findings.push(finding(context, `${level}-version`, { version }));
  }
  const undecided = evidence.versions.filter((v) => v.supported === null);
  for (const v of undecided) findings.push(finding(context, 'version-undecided', { version: v.version, detail: v.detail ?? '' }, true));
  const level = worstLevel(supported.map((version) => tlsVersionLevels[version]));
  return judgement(levelVerdict(level), findings, {
    versions: supported.map((version) => ({ version, level: tlsVersionLevels[version] })),
    ...(undecided.length === 0 ? {} : { undecided: undecided.map((v) => v.version) }),
  });
}
