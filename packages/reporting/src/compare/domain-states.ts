import type { TargetStateResult } from '@pastoe/core';
import { verdictsByCheck } from '../check-order.js';
import type { SummarisableReport } from '../summary/group.js';
import { notPassing } from '../summary/accumulator.js';
import type { ChangedItems, UnmatchedDomain } from './types.js';

/** The kinds of thing a domain meets or not, as a state key's prefix. */
type ItemKind = keyof ChangedItems;

/** What a domain's report says of one thing: 0 undecided, not applicable or absent; 1 meets; 2 does not. */
type State = 0 | 1 | 2;
const meets = 1;
const notMeets = 2;

/**
 * What a report decides, by `summarize`'s rules: a check meets on `pass` and does not on a
 * not-passing status; a standard or suite meets on `yes` and does not on `no`. Everything else
 * (`error`, `not-applicable`, `unknown`, no verdict) is left out: it is neither.
 */
function* decisions(report: SummarisableReport, decision: TargetStateResult): Generator<readonly [ItemKind, string, State]> {
  for (const [check, verdict] of verdictsByCheck(report)) {
    if (verdict.status === 'pass') yield ['checks', check, meets];
    else if (notPassing.includes(verdict.status)) yield ['checks', check, notMeets];
  }
  for (const suite of decision.suites) {
    if (typeof suite.meets === 'boolean') yield ['streefbeeld', suite.id, suite.meets ? meets : notMeets];
    for (const standard of suite.standards)
      if (typeof standard.meets === 'boolean') yield ['standards', standard.id, standard.meets ? meets : notMeets];
  }
}

/** One domain of measurement A, compact: its group and a state byte per interned item. */
interface HeldDomain {
  readonly group: string | undefined;
  readonly states: Uint8Array;
}

/** Improvements and regressions of one domain, as {@link DomainStates.diff} finds them. */
export interface DomainDiff {
  readonly improved: ChangedItems;
  readonly regressed: ChangedItems;
}

function emptyItems(): { checks: string[]; standards: string[]; streefbeeld: string[] } {
  return { checks: [], standards: [], streefbeeld: [] };
}

/**
 * The decisions of every domain of one measurement, each as a byte per thing decided (items are
 * interned once for all domains), so comparing a large measurement holds a few dozen bytes per
 * domain and never a report.
 */
export class DomainStates {
  readonly #items: (readonly [ItemKind, string])[] = [];
  readonly #index = new Map<string, number>();
  readonly #domains = new Map<string, HeldDomain>();

  /** Holds a report's decisions; a second report of the same domain replaces the first. */
  hold(report: SummarisableReport, decision: TargetStateResult, group: string | undefined): void {
    const states = this.#states(report, decision);
    this.#domains.delete(report.target.domain);
    this.#domains.set(report.target.domain, { group, states });
  }

  /**
   * Compares a later report of a held domain with it and lets the domain go; `undefined` when the
   * domain is not held (only the later measurement has it).
   */
  diff(report: SummarisableReport, decision: TargetStateResult): DomainDiff | undefined {
    const held = this.#domains.get(report.target.domain);
    if (held === undefined) return undefined;
    this.#domains.delete(report.target.domain);
    const later = this.#states(report, decision);
    const improved = emptyItems();
    const regressed = emptyItems();
    for (const [index, [kind, id]] of this.#items.entries()) {
      const before = held.states[index] ?? 0;
      const after = later[index] ?? 0;
      if (before === notMeets && after === meets) improved[kind].push(id);
      else if (before === meets && after === notMeets) regressed[kind].push(id);
    }
    return { improved, regressed };
  }

  /** The domains still held (those the later measurement lacked), in the order they were held. */
  remaining(): UnmatchedDomain[] {
    return [...this.#domains].map(([domain, held]) => (held.group === undefined ? { domain } : { domain, group: held.group }));
  }

  #states(report: SummarisableReport, decision: TargetStateResult): Uint8Array {
    const found: [number, State][] = [];
    for (const [kind, id, state] of decisions(report, decision)) {
      const key = `${kind}:${id}`;
      let index = this.#index.get(key);
      if (index === undefined) {
        index = this.#items.length;
        this.#items.push([kind, id]);
        this.#index.set(key, index);
      }
      found.push([index, state]);
    }
    const states = new Uint8Array(this.#items.length);
    for (const [index, state] of found) states[index] = state;
    return states;
  }
}
