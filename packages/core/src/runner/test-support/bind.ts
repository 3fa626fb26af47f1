import type { AnyCheck } from '../../model/check.js';
import type { AnyProbe } from '../../model/probe.js';

/**
 * Tests define checks over `defineProbe` objects (declaration and implementation in one): this
 * binds those implementations, plus `extra` ones that only plans ask for, as `scan` expects.
 */
export function bound(
  checks: readonly AnyCheck[],
  ...extra: readonly AnyProbe[]
): { checks: readonly AnyCheck[]; probes: readonly AnyProbe[] } {
  const probes = new Map<string, AnyProbe>();
  for (const check of checks) {
    for (const declaration of Object.values(check.probes)) {
      if (typeof (declaration as Partial<AnyProbe>).run === 'function') probes.set(declaration.id, declaration as AnyProbe);
    }
  }
  for (const probe of extra) probes.set(probe.id, probe);
  return { checks, probes: [...probes.values()] };
}
