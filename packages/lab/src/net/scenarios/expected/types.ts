/**
 * The shape in which the lab writes down what pastoe's website test should conclude of each web
 * scenario, one file per area of the test so that each area's expectations sit beside each other.
 */

/**
 * The expected verdict of one subtest as `<status>/<outcome>`: the pastoe verdict status (after
 * the level's clamp) and outcome code, e.g. `pass/good`, `warning/bad`, `not-tested/no-https`.
 */
export type ExpectedVerdict = `${'error' | 'fail' | 'warning' | 'info' | 'not-tested' | 'not-applicable' | 'pass'}/${string}`;

/** Expected verdicts by Internet.nl subtest name (e.g. `web_https_http_hsts`). */
export type ExpectedSubtests = Readonly<Record<string, ExpectedVerdict>>;

/** The expectations of one area of the website test over every web scenario. */
export interface WebAreaExpectations {
  /** The Internet.nl subtests (and pastoe-only check ids) this area covers. */
  readonly subtests: readonly string[];
  /** What a web scenario gets when `byDomain` does not name it or the subtest. */
  readonly default: ExpectedSubtests;
  /** Per scenario domain, the subtests whose verdict differs from the default. */
  readonly byDomain: Readonly<Record<string, ExpectedSubtests>>;
}
