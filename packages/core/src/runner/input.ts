import type { AddressSelection, AnyCheck } from '../model/check.js';
import type { Preset } from '../model/preset.js';
import { describeUseCycle, probeUseCycle, unboundProbeIds } from '../model/preset.js';
import type { AnyProbe } from '../model/probe.js';

/** Thrown (as a rejection) by `scan` when its input is unusable: a bad domain or option. */
export class ScanInputError extends Error {
  /** @param message - what is wrong, in words a user can act on */
  constructor(message: string) {
    super(message);
    this.name = 'ScanInputError';
  }
}

/** Checks the check list: an array of well-formed checks with unique ids. */
export function validateChecks(checks: readonly AnyCheck[] | undefined): readonly AnyCheck[] {
  if (!Array.isArray(checks)) throw new ScanInputError('options.checks must be an array of checks (for example webPreset.checks)');
  const seen = new Set<string>();
  for (const check of checks as readonly AnyCheck[]) {
    if (
      typeof check !== 'object' ||
      check === null ||
      typeof check.evaluate !== 'function' ||
      typeof check.id !== 'string' ||
      typeof check.probes !== 'object' ||
      check.probes === null
    ) {
      throw new ScanInputError('options.checks holds something that is not a check made with defineCheck');
    }
    if (seen.has(check.id)) throw new ScanInputError(`the check ${check.id} is listed twice`);
    seen.add(check.id);
  }
  return checks;
}

/** What a scan is asked to run: the checks, a preset, and probe implementations. */
export interface ScanSelection {
  /** The checks; the preset's when absent. */
  readonly checks?: readonly AnyCheck[];
  /** A preset: its checks (unless `checks` is given) and its probe implementations. */
  readonly preset?: Preset;
  /** Probe implementations; each replaces the preset's of the same id. */
  readonly probes?: readonly AnyProbe[];
}

/** The checks to run and the implementation bound to every probe id, checked. */
export interface BoundScan {
  /** The checks, validated. */
  readonly checks: readonly AnyCheck[];
  /** The implementation of each probe id. */
  readonly probes: ReadonlyMap<string, AnyProbe>;
}

/**
 * Binds the checks' probe declarations to implementations: the preset's, replaced by id by
 * `probes`. Throws a {@link ScanInputError} naming every declared probe left without one, for
 * an implementation whose scope differs from the declaration's, and naming the cycle when the
 * bound implementations use each other's evidence in one.
 */
export function bindScan(selection: ScanSelection): BoundScan {
  const preset = selection.preset;
  if (preset !== undefined && (typeof preset !== 'object' || preset === null || !Array.isArray(preset.checks))) {
    throw new ScanInputError('options.preset must be a preset made with definePreset (for example webPreset)');
  }
  if (selection.checks === undefined && preset === undefined) {
    throw new ScanInputError('pass options.preset (for example webPreset), or options.checks with options.probes');
  }
  const checks = validateChecks(selection.checks ?? preset?.checks);
  if (selection.probes !== undefined && !Array.isArray(selection.probes)) {
    throw new ScanInputError('options.probes must be an array of probe implementations');
  }
  const probes = new Map<string, AnyProbe>();
  for (const probe of preset?.probes ?? []) probes.set(probe.id, probe);
  const overrides = new Map<string, AnyProbe>();
  for (const probe of selection.probes ?? []) {
    if (typeof probe !== 'object' || probe === null || typeof probe.id !== 'string' || typeof probe.run !== 'function') {
      throw new ScanInputError('options.probes holds something that is not a probe implementation (implementProbe or defineProbe)');
    }
    // Two presets' lists joined may hold the same implementation twice; two different ones are ambiguous.
    const known = overrides.get(probe.id);
    if (known !== undefined && known !== probe) throw new ScanInputError(`options.probes binds two implementations to probe ${probe.id}`);
    overrides.set(probe.id, probe);
    probes.set(probe.id, probe);
  }
  const unbound = unboundProbeIds(checks, probes);
  if (unbound.length > 0) {
    throw new ScanInputError(
      `no implementation is bound to probe ${unbound.join(', ')}: pass options.preset (for example webPreset) or the implementations in options.probes`,
    );
  }
  for (const check of checks) {
    for (const declaration of Object.values(check.probes)) {
      const bound = probes.get(declaration.id);
      if (bound !== undefined && bound.scope !== declaration.scope) {
        throw new ScanInputError(
          `probe ${declaration.id} is declared ${declaration.scope}-scope but its implementation is ${bound.scope}-scope`,
        );
      }
    }
  }
  const cycle = probeUseCycle(probes);
  if (cycle !== undefined) throw new ScanInputError(`${describeUseCycle(cycle)}: bind an implementation that does not`);
  return { checks, probes };
}

/** Checks the `addresses` option of a scan or an evidence bundle: `first` (the default) or `all`. */
export function addressSelection(value: AddressSelection | undefined): AddressSelection {
  if (value === undefined) return 'first';
  if (value !== 'first' && value !== 'all') {
    throw new ScanInputError(`addresses must be 'first' or 'all', got ${JSON.stringify(value)}`);
  }
  return value;
}
