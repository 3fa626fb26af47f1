import { TtlCache } from '../util/ttl-cache.js';
import type { SignatureMemo } from './verify.js';
import type { ZoneState } from './zone-state.js';

/** A name proven not to be a zone cut, or not to exist, until `expiresAt` (seconds since the epoch). */
export type CutEntry = { readonly kind: 'not-a-cut' | 'no-name'; readonly expiresAt: number };

/**
 * The per-validator cache: verified zone states (keys, insecure delegations, bogus zones), names
 * proven not to be zone cuts, and the outcomes of signature checks ({@link SignatureMemo}), in
 * three {@link TtlCache}s on the validator's clock. Expiry times are absolute, in seconds,
 * because they come from signature expirations as well as TTLs.
 */
export class ZoneCache implements SignatureMemo {
  readonly #zones: TtlCache<string, ZoneState>;
  readonly #cuts: TtlCache<string, CutEntry>;
  readonly #signatures: TtlCache<string, boolean>;
  #remembered = 0;
  readonly #clock: () => number;

  /**
   * @param maxEntries - the bound on each of the two maps
   * @param clock - the validator's clock, in milliseconds
   */
  constructor(maxEntries: number, clock: () => number) {
    this.#clock = clock;
    this.#zones = new TtlCache({ maxEntries, now: clock });
    this.#cuts = new TtlCache({ maxEntries, now: clock });
    this.#signatures = new TtlCache({ maxEntries, now: clock });
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

  /** The outcome of a signature check done before, by its fingerprint, if remembered. */
  checked(id: string): boolean | undefined {
    const valid = this.#signatures.get(id);
    if (valid !== undefined) this.#remembered += 1;
    return valid;
  }

  /** How many signature checks were answered from the memo since the validator was created. */
  get remembered(): number {
    return this.#remembered;
  }

  /** Remembers a signature check's outcome until the signature expires (`expiresAt`, seconds). */
  remember(id: string, valid: boolean, expiresAt: number): void {
    this.#signatures.set(id, valid, this.#ttlMs(expiresAt));
  }

  /** The number of cached zones (expired ones included until next touched). */
  get size(): number {
    return this.#zones.size;
  }

  /** Drops everything. */
  clear(): void {
    this.#zones.clear();
    this.#cuts.clear();
    this.#signatures.clear();
  }
}
