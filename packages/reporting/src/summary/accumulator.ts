import { type StandardId, type TargetStateResult, type Verdict, type VerdictStatus, verdictStatuses } from '@pastoe/core';
import { verdictsByCheck } from '../check-order.js';
import { type MeetsTally, adoptionOf, countMeets, emptyTally, share } from './tally.js';
import type { AdoptionStats, CheckAdoption, StandardAdoption } from './types.js';

/** A check as the first verdict for it described it. */
export interface CheckMeta {
  readonly standard: StandardId;
  readonly internetnl: string | undefined;
}

/** A check's description and its status counts. */
interface CheckTally extends CheckMeta {
  readonly statuses: Record<VerdictStatus, number>;
}

/** One standard of a target-state policy, as the summary lists it. */
export interface PolicyStandard {
  readonly suite: string;
  readonly id: string;
  readonly standard: StandardId;
}

/** Statuses that count as not meeting a check: the domain was judged and did not pass. */
export const notPassing: readonly VerdictStatus[] = ['fail', 'warning', 'info', 'not-tested'];

function zeroStatuses(): Record<VerdictStatus, number> {
  return Object.fromEntries(verdictStatuses.map((status) => [status, 0])) as Record<VerdictStatus, number>;
}

function checkAdoption(check: string, meta: CheckMeta, counted: Readonly<Record<VerdictStatus, number>>, domains: number): CheckAdoption {
  const statuses = { ...counted };
  const yes = statuses.pass;
  const no = notPassing.reduce((sum, status) => sum + statuses[status], 0);
  const undecided = statuses.error;
  const notApplicable = statuses['not-applicable'];
  return {
    check,
    standard: meta.standard,
    ...(meta.internetnl === undefined ? {} : { internetnl: meta.internetnl }),
    yes,
    no,
    undecided,
    notApplicable,
    absent: domains - (yes + no + undecided + notApplicable),
    share: share(yes, no),
    statuses,
  };
}

/** Counts the reports of one set of domains (a group, or all) in one pass. */
export class AdoptionAccumulator {
  #domains = 0;
  readonly #checks = new Map<string, CheckTally>();
  readonly #standards = new Map<string, MeetsTally>();
  readonly #suites = new Map<string, MeetsTally>();

  /** Counts one report: its verdicts and its target-state decision. */
  add(verdicts: readonly Verdict[], decision: TargetStateResult): void {
    this.#domains++;
    for (const [check, verdict] of verdictsByCheck({ verdicts })) {
      let tally = this.#checks.get(check);
      if (tally === undefined) {
        tally = { standard: verdict.standard, internetnl: verdict.internetnl?.name, statuses: zeroStatuses() };
        this.#checks.set(check, tally);
      }
      tally.statuses[verdict.status]++;
    }
    for (const suite of decision.suites) {
      countMeets(this.#tally(this.#suites, suite.id), suite.meets);
      for (const standard of suite.standards) countMeets(this.#tally(this.#standards, standard.id), standard.meets);
    }
  }

  /** The checks seen, in the order first seen, each as its first verdict described it. */
  checks(): (readonly [string, CheckMeta])[] {
    return [...this.#checks].map(([check, tally]) => [check, { standard: tally.standard, internetnl: tally.internetnl }]);
  }

  /**
   * The statistics, with a row for each of `checks` (the overall order, so that every group lists
   * the same checks) and each of `standards`.
   */
  result(checks: readonly (readonly [string, CheckMeta])[], standards: readonly PolicyStandard[]): AdoptionStats {
    const domains = this.#domains;
    const suite = (id: string) => adoptionOf(this.#suites.get(id) ?? emptyTally(), domains);
    return {
      domains,
      checks: checks.map(([check, meta]) => checkAdoption(check, meta, this.#checks.get(check)?.statuses ?? zeroStatuses(), domains)),
      standards: standards.map(
        (standard): StandardAdoption => ({
          suite: standard.suite,
          standard: standard.standard,
          policyStandard: standard.id,
          ...adoptionOf(this.#standards.get(standard.id) ?? emptyTally(), domains),
        }),
      ),
      streefbeeld: { web: suite('web'), mail: suite('mail') },
    };
  }

  #tally(map: Map<string, MeetsTally>, key: string): MeetsTally {
    let tally = map.get(key);
    if (tally === undefined) {
      tally = emptyTally();
      map.set(key, tally);
    }
    return tally;
  }
}
