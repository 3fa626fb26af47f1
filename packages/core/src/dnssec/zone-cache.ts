import { TtlCache } from '../util/ttl-cache.js';
import type { ZoneState } from './zone-state.js';

/** A name proven not to be a zone cut, or not to exist, until `expiresAt` (seconds since the epoch). */
export type CutEntry = { readonly kind: 'not-a-cut' | 'no-name'; readonly expiresAt: number };

/**
 * The per-validator cache: verified zone states (keys, insecure delegations, bogus zones) and
 * names proven not to be zone cuts, in two {@link TtlCache}s on the validator's clock. Expiry
 * times are absolute, in seconds, because they come from signature expirations as well as TTLs.
 */
export class ZoneCache {
  readonly #zones: TtlCache<string, ZoneState>;
  readonly #cuts: TtlCache<string, CutEntry>;
  readonly #clock: () => number;

  /**
   * @param maxEntries - the bound on each of the two maps
   * @param clock - the validator's clock, in milliseconds
   */
  constructor(maxEntries: number, clock: () => number) {
    this.#clock = clock;
    this.#zones = new TtlCache({ maxEntries, now: clock });
    this.#cuts = new TtlCache({ maxEntries, now: clock });
  }

  #ttlMs(expiresAt: number): number {
    return expiresAt * 1000 - this.#clock();
  }

  /** The cached state of a zone apex, if fresh. */
  zone(name: string): ZoneState | undefined {
    return this.#zones.get(name);
  }

  /** Caches a zone state until `expiresAt` (seconds); indeterminate states are never cached. */
  setZone(name: string, state: ZoneState, expiresAt: number): void {
    if (state.status !== 'indeterminate') this.#zones.set(name, state, this.#ttlMs(expiresAt));
  }

  /** The cached classification of a name that is not a zone, if fresh. */
  cut(name: string): CutEntry | undefined {
    return this.#cuts.get(name);
  }

  /** Caches that a name is not a zone cut, or does not exist. */
  setCut(name: string, entry: CutEntry): void {
    this.#cuts.set(name, entry, this.#ttlMs(entry.expiresAt));
  }

  /** The number of cached zones (expired ones included until next touched). */
  get size(): number {
    return this.#zones.size;
  }

  /** Drops everything. */
  clear(): void {
    this.#zones.clear();
    this.#cuts.clear();
  }
}
