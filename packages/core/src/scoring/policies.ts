import { deepFreeze } from './freeze.js';
import { internetnlMailPolicy, internetnlPolicy, internetnlWebPolicy } from './internetnl-policy.js';
import type { PointsPolicy, TargetStatePolicy } from './policy.js';
import { streefbeeldPolicy } from './streefbeeld-policy.js';

/** The built-in policies, by name. */
export interface Policies {
  /** Internet.nl's scoring: the website and email tests as two suites, each with a percentage. */
  readonly internetnl: PointsPolicy;
  /** Internet.nl's website test only. */
  readonly internetnlWeb: PointsPolicy;
  /** Internet.nl's email test only. */
  readonly internetnlMail: PointsPolicy;
  /** The Forum Standaardisatie streefbeeld: yes/no per standard. */
  readonly streefbeeld: TargetStatePolicy;
}

/**
 * The built-in policies, deeply frozen. Pass one to `score`, or derive your own from one
 * (see `derivePointsPolicy`).
 */
export const policies: Policies = deepFreeze({
  internetnl: internetnlPolicy,
  internetnlWeb: internetnlWebPolicy,
  internetnlMail: internetnlMailPolicy,
  streefbeeld: streefbeeldPolicy,
});
