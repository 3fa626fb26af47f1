import { policies, type ScanReport, type StandardId, score } from '@pastoe/core';

/**
 * `--fail-under SCORE`: one line for each tested suite of each report whose Internet.nl score is
 * below the threshold; none without a threshold.
 */
export function scoreShortfalls(reports: readonly ScanReport[], threshold: number | undefined): string[] {
  if (threshold === undefined) return [];
  return reports.flatMap((report) =>
    score(report, policies.internetnl)
      .suites.filter((suite) => suite.percentage < threshold)
      .map((suite) => `${report.target.domain}: Internet.nl ${suite.id} score ${suite.percentage}% is below ${threshold}`),
  );
}

/**
 * `--require STANDARD,...`: one line for each named standard a report does not meet under the
 * streefbeeld, in any tested suite. `unknown` (a needed test without a verdict) is not met; not
 * applicable (no mail servers) is; a standard no tested suite decides is not met either, so a
 * monitor that requires `dane` of a website-only scan learns that it was never judged.
 */
export function standardShortfalls(reports: readonly ScanReport[], required: readonly StandardId[] | undefined): string[] {
  if (required === undefined) return [];
  return reports.flatMap((report) => {
    const standards = score(report, policies.streefbeeld).suites.flatMap((suite) =>
      suite.standards.map((standard) => ({ suite: suite.id, standard })),
    );
    return required.flatMap((id) => {
      const decided = standards.filter(({ standard }) => standard.standard === id);
      if (decided.length === 0) return [`${report.target.domain}: standard ${id} was not tested`];
      return decided
        .filter(({ standard }) => standard.meets !== true && standard.meets !== 'not-applicable')
        .map(({ suite, standard }) => `${report.target.domain}: standard ${id} (${suite}) is not met (${String(standard.meets)})`);
    });
  });
}
