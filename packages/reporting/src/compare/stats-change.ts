import { adoptionOf, emptyTally } from '../summary/tally.js';
import type { Adoption, AdoptionStats, CheckAdoption, StandardAdoption } from '../summary/types.js';
import type { AdoptionChange, AdoptionStatsChange, CheckChange, StandardChange } from './types.js';

/** No domain counted: every one of `domains` absent. */
export function none(domains: number): Adoption {
  return adoptionOf(emptyTally(), domains);
}

/** The counts of an adoption without the fields that describe what was counted. */
function counts(adoption: Adoption): Adoption {
  const { yes, no, undecided, notApplicable, absent, share } = adoption;
  return { yes, no, undecided, notApplicable, absent, share };
}

/** A and B side by side, with the change of the share. */
export function adoptionChange(a: Adoption, b: Adoption): AdoptionChange {
  return { a: counts(a), b: counts(b), change: a.share === null || b.share === null ? null : b.share - a.share };
}

/** Statistics with every count zero, for a group only the other measurement has. */
export function emptyStats(like: AdoptionStats): AdoptionStats {
  return {
    domains: 0,
    checks: [],
    standards: like.standards.map((standard) => ({ ...standard, ...none(0) })),
    streefbeeld: { web: none(0), mail: none(0) },
  };
}

/**
 * The change of each streefbeeld standard, matched by policy id: A's in A's order, then those only
 * B has; a standard one side lacks counts every one of its `domains` absent there.
 */
export function standardChanges(
  a: readonly StandardAdoption[],
  aDomains: number,
  b: readonly StandardAdoption[],
  bDomains: number,
): StandardChange[] {
  const inA = new Map(a.map((standard) => [standard.policyStandard, standard]));
  const inB = new Map(b.map((standard) => [standard.policyStandard, standard]));
  return [...a, ...b.filter((standard) => !inA.has(standard.policyStandard))].map((standard) => ({
    suite: standard.suite,
    standard: standard.standard,
    policyStandard: standard.policyStandard,
    ...adoptionChange(inA.get(standard.policyStandard) ?? none(aDomains), inB.get(standard.policyStandard) ?? none(bDomains)),
  }));
}

/**
 * The change between the statistics of the same set of domains in A and in B. Checks are
 * matched by id (A's order, then those only B has) and standards by their policy id; a thing one
 * measurement lacks counts every one of its domains absent there.
 */
export function statsChange(a: AdoptionStats, b: AdoptionStats): AdoptionStatsChange {
  const inB = new Map(b.checks.map((check) => [check.check, check]));
  const inA = new Set(a.checks.map((check) => check.check));
  const checkChange = (first: CheckAdoption, before: Adoption, after: Adoption): CheckChange => ({
    check: first.check,
    standard: first.standard,
    ...(first.internetnl === undefined ? {} : { internetnl: first.internetnl }),
    ...adoptionChange(before, after),
  });
  return {
    domains: { a: a.domains, b: b.domains },
    checks: [
      ...a.checks.map((check) => checkChange(check, check, inB.get(check.check) ?? none(b.domains))),
      ...b.checks.filter((check) => !inA.has(check.check)).map((check) => checkChange(check, none(a.domains), check)),
    ],
    standards: standardChanges(a.standards, a.domains, b.standards, b.domains),
    streefbeeld: {
      web: adoptionChange(a.streefbeeld.web, b.streefbeeld.web),
      mail: adoptionChange(a.streefbeeld.mail, b.streefbeeld.mail),
    },
  };
}
