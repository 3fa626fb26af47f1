/**
 * VRPs from Routinator's HTTP API (`/api/v1/validity/<asn>/<prefix>`,
 * https://routinator.docs.nlnetlabs.nl/en/stable/api-endpoints.html): validating the prefix against
 * AS0 lists every covering VRP (matched, unmatched_as, unmatched_length), as Internet.nl does for
 * an address without a route. pastoe then validates each route itself.
 */
import { ProbeFailure } from '../../model/evidence.js';
import { parseAsn, type Vrp } from '../origin-validation.js';
import { formatPrefix, parsePrefix } from '../prefix.js';
import type { VrpSource } from '../types.js';
import { fetchRpkiJson, isJsonObject, type RpkiHttpLimits } from './http-json.js';

/** Options for {@link createRoutinatorVrpSource}. */
export interface RoutinatorVrpSourceOptions {
  /** Where Routinator's HTTP service listens, e.g. `http://127.0.0.1:8323`. */
  readonly baseUrl: string | URL;
  /** Time limit per request in milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** The most response bytes. Default 262 144. */
  readonly maxBytes?: number;
}

/** The most covering VRPs accepted for one prefix. */
const maxVrps = 1_000;

/** Reads one VRP of a validity answer (`asn` `"AS64500"`, `max_length` a string or number). */
function readVrp(value: unknown): Vrp {
  if (!isJsonObject(value)) throw new ProbeFailure('malformed', 'Routinator listed a VRP that is not an object');
  const asn = parseAsn(value.asn);
  const maxLength = typeof value.max_length === 'number' ? value.max_length : Number(value.max_length);
  if (asn === undefined || typeof value.prefix !== 'string' || !Number.isInteger(maxLength)) {
    throw new ProbeFailure('malformed', `Routinator listed a malformed VRP ${JSON.stringify(value).slice(0, 200)}`);
  }
  return { prefix: value.prefix, maxLength, asn };
}

/** Reads the VRPs of a Routinator validity answer (`validated_route.validity.VRPs`); throws `malformed` on anything unexpected. */
export function parseRoutinatorValidity(body: unknown): Vrp[] {
  const validated = isJsonObject(body) ? body.validated_route : undefined;
  const validity = isJsonObject(validated) ? validated.validity : undefined;
  const lists = isJsonObject(validity) ? validity.VRPs : undefined;
  if (!isJsonObject(lists)) throw new ProbeFailure('malformed', 'Routinator answered without validated_route.validity.VRPs');
  const vrps: Vrp[] = [];
  for (const key of ['matched', 'unmatched_as', 'unmatched_length']) {
    const list = lists[key] ?? [];
    if (!Array.isArray(list)) throw new ProbeFailure('malformed', `Routinator's ${key} is not a list`);
    if (vrps.length + list.length > maxVrps) throw new ProbeFailure('too-large', `Routinator listed more than ${maxVrps} VRPs`);
    vrps.push(...list.map(readVrp));
  }
  return vrps;
}

/** A VRP source that asks a Routinator instance, through the scan's HTTP client. */
export function createRoutinatorVrpSource(options: RoutinatorVrpSourceOptions): VrpSource {
  const base = new URL(options.baseUrl);
  const limits: RpkiHttpLimits = { timeoutMs: options.timeoutMs ?? 10_000, maxBytes: options.maxBytes ?? 262_144 };
  return {
    description: `Routinator ${base.origin}`,
    async vrpsCovering(prefixText, context) {
      const prefix = parsePrefix(prefixText);
      if (prefix === undefined) throw new TypeError(`not a prefix: ${JSON.stringify(prefixText)}`);
      // The prefix's slash is part of the path, as Routinator's API has it.
      const url = new URL(`api/v1/validity/AS0/${formatPrefix(prefix)}`, base.href.endsWith('/') ? base : `${base.href}/`);
      return parseRoutinatorValidity(await fetchRpkiJson(url, context, limits, `Routinator ${base.host}`));
    },
  };
}
