import { adoptionOf, emptyTally } from '../summary/tally.js';
import type { Adoption, AdoptionStats, CheckAdoption } from '../summary/types.js';
import type { AdoptionChange, AdoptionStatsChange, CheckChange } from './types.js';

/** No domain counted: every one of `domains` absent. */
function none(domains: number): Adoption {
  return adoptionOf(emptyTally(), domains);
}

/** The counts of an adoption without the fields that describe what was counted. */
function counts(adoption: Adoption): Adoption {
  const { yes, no, undecided, notApplicable, absent, share } = adoption;
  return { yes, no, undecided, notApplicable, absent, share };
}

/** A and B side by side, with the change of the share. */
function adoptionChange(a: Adoption, b: Adoption): AdoptionChange {
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
  const bStandards = new Map(b.standards.map((standard) => [standard.policyStandard, standard]));
  return {
    domains: { a: a.domains, b: b.domains },
    checks: [
      ...a.checks.map((check) => checkChange(check, check, inB.get(check.check) ?? none(b.domains))),
      ...b.checks.filter((check) => !inA.has(check.check)).map((check) => checkChange(check, none(a.domains), check)),
    ],
    standards: a.standards.map((standard) => ({
      suite: standard.suite,
      standard: standard.standard,
      policyStandard: standard.policyStandard,
      ...adoptionChange(standard, bStandards.get(standard.policyStandard) ?? none(b.domains)),
    })),
    streefbeeld: {
      web: adoptionChange(a.streefbeeld.web, b.streefbeeld.web),
      mail: adoptionChange(a.streefbeeld.mail, b.streefbeeld.mail),
    },
  };
}
