import type { AnyCheck } from './check.js';
import type { AnyProbe } from './probe.js';

/**
 * A named set of checks that together make a test, such as Internet.nl's website test, with the
 * probe implementations bound to the declarations its checks (and their probes' plans) name.
 */
export interface Preset {
  /** Unique id, e.g. `web`. */
  readonly id: string;
  /** Message id of its title. */
  readonly title: string;
  /** The checks, in report order. */
  readonly checks: readonly AnyCheck[];
  /**
   * The probe implementations, one per declared id. `scan`'s own `probes` option replaces any
   * of them by id, as a user swaps one gatherer for another.
   */
  readonly probes: readonly AnyProbe[];
}

/**
 * Defines a preset. Throws a TypeError when a check id is listed twice, two implementations share
 * an id, a check names a probe that no implementation binds, or the implementations use each other
 * in a cycle.
 */
export function definePreset(preset: Preset): Preset {
  const ids = new Set<string>();
  for (const check of preset.checks) {
    if (ids.has(check.id)) throw new TypeError(`preset ${preset.id} lists ${check.id} twice`);
    ids.add(check.id);
  }
  const bound = new Map<string, AnyProbe>();
  for (const probe of preset.probes) {
    if (bound.has(probe.id)) throw new TypeError(`preset ${preset.id} binds probe ${probe.id} twice`);
    bound.set(probe.id, probe);
  }
  const unbound = unboundProbeIds(preset.checks, bound);
  if (unbound.length > 0) throw new TypeError(`preset ${preset.id} binds no implementation for probe ${unbound.join(', ')}`);
  const cycle = probeUseCycle(bound);
  if (cycle !== undefined) throw new TypeError(`preset ${preset.id}: ${describeUseCycle(cycle)}`);
  return Object.freeze({ ...preset, checks: Object.freeze([...preset.checks]), probes: Object.freeze([...preset.probes]) });
}

/** The ids of the probes the checks declare that have no implementation among `bound`, sorted. */
export function unboundProbeIds(checks: readonly AnyCheck[], bound: ReadonlyMap<string, unknown>): readonly string[] {
  const missing = new Set<string>();
  for (const check of checks)
    for (const declaration of Object.values(check.probes)) if (!bound.has(declaration.id)) missing.add(declaration.id);
  return [...missing].sort();
}

/**
 * A cycle among the bound implementations' `uses` (each id bound to the implementation that
 * serves it), as the ids along it with the first repeated at the end (`a → b → a`), or
 * `undefined`. Uses of unbound ids are left out: those fail at run time as `dependency`.
 */
export function probeUseCycle(bound: ReadonlyMap<string, AnyProbe>): readonly string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): readonly string[] | undefined => {
    const at = path.indexOf(id);
    if (at >= 0) return [...path.slice(at), id];
    if (done.has(id)) return undefined;
    path.push(id);
    for (const used of bound.get(id)?.uses ?? []) {
      if (!bound.has(used.id)) continue;
      const cycle = visit(used.id);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    done.add(id);
    return undefined;
  };
  for (const id of [...bound.keys()].sort()) {
    const cycle = visit(id);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/** One sentence on a cycle {@link probeUseCycle} found. */
export function describeUseCycle(cycle: readonly string[]): string {
  return `probe implementations use each other's evidence in a cycle (${cycle.join(' → ')}), so none of them could run`;
}
