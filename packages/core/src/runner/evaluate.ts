import type { AnyCheck } from '../model/check.js';
import type { Evidence } from '../model/evidence.js';
import type { EvidenceBundle } from '../model/report.js';
import type { Verdict } from '../model/verdict.js';
import { type GatheredEvidence, judge } from './judge.js';
import { addressSelection, ScanInputError, validateChecks } from './input.js';

/**
 * Re-evaluates checks over a saved evidence bundle (a scan report, or its JSON parsed back),
 * offline and synchronously. The clock is the bundle's `startedAt`, so the verdicts equal the
 * live run's; a newer check version or a policy change can be applied to old evidence this way.
 * A check whose probe is absent from the bundle gets an `error` verdict (`missing-evidence`).
 * It needs the checks and their probe declarations only: no probe implementation, no I/O. The
 * bundle's `addresses` (absent: `first`) says which addresses per-address checks judge.
 */
export function evaluate(checks: readonly AnyCheck[], bundle: EvidenceBundle): readonly Verdict[] {
  validateChecks(checks);
  const { byProbe, now } = indexBundle(bundle);
  const context = { target: bundle.target, now, addresses: addressSelection(bundle.addresses) };
  return checks.map((check) => {
    const gathered: Record<string, Evidence<unknown> | readonly Evidence<unknown>[] | undefined> = {};
    for (const [name, probe] of Object.entries(check.probes)) {
      const items = byProbe.get(probe.id);
      gathered[name] = items === undefined ? undefined : probe.scope === 'each' ? items : items[0];
    }
    return judge(check, gathered as GatheredEvidence, context);
  });
}

function indexBundle(bundle: EvidenceBundle): { byProbe: Map<string, Evidence<unknown>[]>; now: Date } {
  if (typeof bundle !== 'object' || bundle === null) throw new ScanInputError('the evidence bundle is not an object');
  if (!Array.isArray(bundle.evidence) || !Array.isArray(bundle.probes)) {
    throw new ScanInputError('the evidence bundle lacks its "probes" and "evidence" lists; is it a pastoe report?');
  }
  if (typeof bundle.target?.domain !== 'string') throw new ScanInputError('the evidence bundle has no target domain');
  const now = new Date(bundle.startedAt);
  if (Number.isNaN(now.getTime())) throw new ScanInputError('the evidence bundle has no valid "startedAt" time');
  const byProbe = new Map<string, Evidence<unknown>[]>();
  for (const id of bundle.probes) if (typeof id === 'string') byProbe.set(id, []);
  for (const item of bundle.evidence) {
    if (typeof item !== 'object' || item === null || typeof item.probe !== 'string' || typeof item.ok !== 'boolean') {
      throw new ScanInputError('the evidence bundle holds an item that is not evidence');
    }
    byProbe.get(item.probe)?.push(item);
  }
  return { byProbe, now };
}
