import type { ValidationReason, ValidationStatus } from '../../dnssec/reasons.js';
import type { ValidationResult } from '../../dnssec/validator.js';
import type { EvidenceBundle } from '../../model/report.js';
import type { Preset } from '../../model/preset.js';
import { evaluate } from '../../runner/evaluate.js';
import { findInternetNlCategory, findInternetNlSubtest } from '../internetnl-catalogue.js';

/**
 * What is wrong between a preset's checks and pastoe's Internet.nl catalogue, found by driving
 * every check's evaluator over the fixture bundles: a claimed subtest or category the catalogue
 * lacks, a level that differs from it, an outcome it does not list (or lists with another
 * status), and a check that no fixture got to judge. Verdicts with status `error` (pastoe's own
 * failure, never scored) and outcome `not-tested` (every subtest's initial state) are allowed.
 */
export function presetContractProblems(preset: Preset, bundles: readonly EvidenceBundle[]): string[] {
  const problems: string[] = [];
  const judged = new Set<string>();
  for (const check of preset.checks) {
    if (check.internetnl === undefined) continue;
    const subtest = findInternetNlSubtest(check.internetnl.name);
    if (subtest === undefined) {
      problems.push(`${check.id} claims ${check.internetnl.name}, which the catalogue lacks`);
      continue;
    }
    const category = findInternetNlCategory(subtest.name)?.id;
    if (category !== check.internetnl.category)
      problems.push(`${check.id} puts ${subtest.name} in ${check.internetnl.category}, not ${category}`);
    if (check.level !== subtest.level) problems.push(`${check.id} has level ${check.level}, the catalogue ${subtest.level}`);
  }
  for (const bundle of bundles) {
    for (const verdict of evaluate(preset.checks, bundle)) {
      if (verdict.rawStatus === 'error' || verdict.internetnl === undefined) continue;
      judged.add(verdict.check);
      if (verdict.outcome === 'not-tested') continue;
      const listed = findInternetNlSubtest(verdict.internetnl.name)?.outcomes[verdict.outcome];
      if (listed === undefined) problems.push(`${verdict.check} gave outcome ${verdict.outcome}, which ${verdict.internetnl.name} lacks`);
      else if (listed.status !== verdict.rawStatus) {
        problems.push(`${verdict.check} gave ${verdict.outcome} as ${verdict.rawStatus}; the catalogue says ${listed.status}`);
      }
    }
  }
  for (const check of preset.checks) {
    if (check.internetnl !== undefined && !judged.has(check.id)) problems.push(`${check.id}: no fixture got a judgement from it`);
  }
  return [...new Set(problems)];
}

/** Every DNSSEC state the validator gives, with each kind of answer. */
export const dnssecFixtures: readonly ValidationResult[] = (
  [
    ['secure', 'validated'],
    ['insecure', 'insecure-delegation'],
    ['insecure', 'no-trust-anchor'],
    ['insecure', 'unsupported-dnskey-algorithm'],
    ['bogus', 'signature-expired'],
    ['bogus', 'dnskey-missing'],
    ['indeterminate', 'timeout'],
    ['indeterminate', 'servfail'],
    ['indeterminate', 'network'],
  ] as const satisfies readonly (readonly [ValidationStatus, ValidationReason])[]
).flatMap(([status, reason]) =>
  (['positive', 'nodata', 'nxdomain'] as const).map((answer) => ({
    name: 'example.test',
    type: 'SOA',
    status,
    reason,
    rcode: answer === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR',
    answer,
    wildcard: false,
    records: [],
    chain: [],
    queries: 2,
  })),
);
