import { type CheckResult, defineCheck } from '@pastoe/core/model';
import { wildcardBelowDomainkey, wildcardFindings } from '../../dkim/evidence-facts.js';
import { combineDkimSelectors, judgeDkimSelector } from '../../dkim/judge-selector.js';
import { type DkimEvidence, dkimDeclaration } from '../../probes/dkim.declaration.js';

const id = 'mail-auth-dkim-selectors';

function judgeSelectors(evidence: DkimEvidence): CheckResult {
  if (evidence.selectors.length === 0) {
    return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${id}.no-selectors` }] };
  }
  const wildcardTexts = wildcardBelowDomainkey(evidence) === 'yes' ? evidence.wildcardProbe.texts : undefined;
  const combined = combineDkimSelectors(
    id,
    evidence.selectors.map((selector) => judgeDkimSelector(id, selector, wildcardTexts)),
  );
  return { ...combined, findings: [...(combined.findings ?? []), ...wildcardFindings(id, evidence)] };
}

/**
 * Beyond Internet.nl: the DKIM key records of the selectors the scan was given
 * (`createDkimProbe({ selectors })`), each at `<selector>._domainkey.<domain>`. A missing record, a
 * syntax error, an RSA key under 1024 bits or a record a wildcard gave fails; an RSA key under
 * 2048 bits or test mode (`t=y`) warns; a revoked key (`p=`) is info, and fails when no selector
 * has a usable key. Not tested when the scan was given no selectors.
 */
export const mailAuthDkimSelectors = defineCheck({
  id,
  standard: 'dkim',
  level: 'recommended',
  references: [
    { kind: 'rfc', id: 'RFC 6376', section: '3.6.1' },
    { kind: 'rfc', id: 'RFC 8301', section: '3.2' },
    { kind: 'rfc', id: 'RFC 8463' },
  ],
  probes: { dkim: dkimDeclaration },
  evaluate: ({ dkim }) => judgeSelectors(dkim.data),
});
