/**
 * The chain walk: from the closest trust anchor down to the zone that holds a name, one label at
 * a time, establishing each zone's keys ({@link establishKeys}) or finding where the chain of
 * trust ends ({@link probeChild}).
 */
import { askAhead } from './ask.js';
import { type ValidationContext, shared } from './context.js';
import { probeChild } from './delegation.js';
import { childToward, displayName } from './names.js';
import { closestTrustAnchor, type ZoneTrustAnchor } from './trust-anchors.js';
import { T } from './rrtypes.js';
import { establishKeys } from './zone-keys.js';
import type { ZoneState } from './zone-state.js';

const isIndeterminate = (state: ZoneState): boolean => state.status === 'indeterminate';

/** Notes the zone's chain step in the validation, the first time the validation meets it. */
function record(ctx: ValidationContext, state: ZoneState): ZoneState {
  if (state.step !== undefined && !ctx.steps.has(state.step.zone)) ctx.steps.set(state.step.zone, state.step);
  return state;
}

async function anchorState(ctx: ValidationContext, anchor: ZoneTrustAnchor): Promise<ZoneState> {
  const cached = ctx.cache.zone(anchor.zone);
  if (cached !== undefined) {
    ctx.counters.cacheHits += 1;
    return record(ctx, cached);
  }
  ctx.counters.cacheMisses += 1;
  const state = await shared(
    ctx,
    `anchor/${anchor.zone}`,
    () => establishKeys(ctx, anchor.zone, anchor, 'trust-anchor', Number.POSITIVE_INFINITY),
    isIndeterminate,
  );
  return record(ctx, state);
}

/**
 * One step down from a secure zone to `child`: the child's zone state, or `undefined` when
 * `child` is no zone cut, or `'no-name'` when it does not exist. From the cache when it can.
 */
async function stepDown(
  ctx: ValidationContext,
  parent: ZoneState & { status: 'secure' },
  child: string,
): Promise<ZoneState | 'not-a-cut' | 'no-name'> {
  const cachedZone = ctx.cache.zone(child);
  if (cachedZone !== undefined) {
    ctx.counters.cacheHits += 1;
    return record(ctx, cachedZone);
  }
  const cachedCut = ctx.cache.cut(child);
  if (cachedCut !== undefined) {
    ctx.counters.cacheHits += 1;
    return cachedCut.kind;
  }
  ctx.counters.cacheMisses += 1;
  const probe = await shared(
    ctx,
    `probe/${child}`,
    () => probeChild(ctx, parent, child),
    (p) => p.kind === 'zone' && isIndeterminate(p.state),
  );
  if (probe.kind === 'zone') return record(ctx, probe.state);
  ctx.cache.setCut(child, { kind: probe.kind, expiresAt: probe.expiresAt });
  return probe.kind;
}

/**
 * Sends side by side the queries the walk from `anchor` down to `target` asks one after another
 * when every step is a secure zone cut: the anchor's DNSKEY RRset, and the DS and DNSKEY RRsets
 * of every name between that the cache does not know. The walk takes their answers as it goes, so
 * a name four zones deep waits for two rounds of queries (the answer, then the chain) rather than
 * two per zone. It runs only once the answer's signer is known (a failed answer sends nothing
 * more), skips names another validation is working on, and keeps to half the query budget.
 *
 * What it may ask in vain, one or two queries a name: the DNSKEY RRset of a name between that is
 * no zone cut, and the names below a delegation that turns out insecure or bogus. A signed answer
 * is what starts it, and above a signer every name is usually a secure cut, so this is rare;
 * asking each DNSKEY RRset only once its DS RRset came back cost a third round on every
 * validation instead.
 */
function askChainAhead(ctx: ValidationContext, anchor: ZoneTrustAnchor, target: string): void {
  const names: string[] = [];
  for (let current = anchor.zone; current !== target && names.length < ctx.settings.maxZoneDepth; ) {
    current = childToward(current, target);
    names.push(current);
  }
  const unknown = (name: string): boolean => ctx.cache.zone(name) === undefined && !ctx.inflight.has(`probe/${name}`);
  const toProbe = names.filter((name) => unknown(name) && ctx.cache.cut(name) === undefined);
  const anchorKeys = ctx.cache.zone(anchor.zone) === undefined && !ctx.inflight.has(`anchor/${anchor.zone}`);
  if (toProbe.length === 0) return;
  if (ctx.queries + 2 * toProbe.length + (anchorKeys ? 1 : 0) > ctx.settings.maxQueries / 2) return;
  if (anchorKeys) askAhead(ctx, anchor.zone, T.DNSKEY, 'DNSKEY fetch');
  for (const name of toProbe) {
    askAhead(ctx, name, T.DS, 'DS fetch');
    askAhead(ctx, name, T.DNSKEY, 'DNSKEY fetch');
  }
}

/**
 * The state of the zone that holds `target`: walks from the closest trust anchor down, one label
 * at a time, asking each next name for its DS RRset, until it reaches `target`, an insecure
 * delegation, a failure, or a name that does not exist. For a secure result, `zone` is the
 * deepest zone at or above `target`. Every step is cached.
 */
export async function zoneFor(ctx: ValidationContext, target: string): Promise<ZoneState> {
  const anchor = closestTrustAnchor(ctx.settings.anchors, target);
  if (anchor === undefined) {
    return { status: 'insecure', zone: '', reason: 'no-trust-anchor', detail: `no trust anchor covers ${displayName(target)}` };
  }
  askChainAhead(ctx, anchor, target);
  let state = await anchorState(ctx, anchor);
  let current = anchor.zone;
  let depth = 0;
  while (state.status === 'secure' && current !== target) {
    depth += 1;
    if (depth > ctx.settings.maxZoneDepth) {
      return {
        status: 'indeterminate',
        zone: current,
        reason: 'work-limit-exceeded',
        detail: `more than ${ctx.settings.maxZoneDepth} labels below the trust anchor`,
      };
    }
    const child = childToward(current, target);
    const below = await stepDown(ctx, state, child);
    if (below === 'no-name') break;
    if (below !== 'not-a-cut') state = below;
    current = child;
  }
  return state;
}
