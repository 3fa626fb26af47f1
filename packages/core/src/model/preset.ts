import type { AnyCheck } from './check.js';

/** A named set of checks that together make a test, such as Internet.nl's website test. */
export interface Preset {
  /** Unique id, e.g. `web`. */
  readonly id: string;
  /** Message id of its title. */
  readonly title: string;
  /** The checks, in report order. */
  readonly checks: readonly AnyCheck[];
}

/** Defines a preset; check ids must be unique within it. */
export function definePreset(preset: Preset): Preset {
  const ids = new Set<string>();
  for (const check of preset.checks) {
    if (ids.has(check.id)) throw new TypeError(`preset ${preset.id} lists ${check.id} twice`);
    ids.add(check.id);
  }
  return Object.freeze({ ...preset, checks: Object.freeze([...preset.checks]) });
}
