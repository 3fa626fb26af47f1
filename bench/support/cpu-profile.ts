/**
 * Reading a V8 `.cpuprofile` for the benches: the main thread's busy and idle time, self time by
 * function and inclusive time by pastoe module, printed per unit of work (per domain, per scan).
 */

/** The parts of a `.cpuprofile` this reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A script URL as a short path: `core/src/tls/…` for pastoe's own files, `node:…` for Node's. */
function shortUrl(url: string): string {
  const own = /\/packages\/([^/]+)\/(?:src|dist)\/(.*)$/.exec(url);
  if (own !== null) return `${own[1]}/${own[2]}`;
  const dependency = /\/node_modules\/(.*)$/.exec(url);
  return dependency?.[1] ?? url;
}

/** The pastoe module a script belongs to (`core/tls`, `store`), or undefined for Node's and the bench's. */
function moduleOf(url: string): string | undefined {
  const own = /\/packages\/([^/]+)\/(?:src|dist)\/(?:([^/]+)\/)?/.exec(url);
  if (own === null) return undefined;
  return own[2] === undefined ? own[1] : `${own[1]}/${own[2]}`;
}

function table(rows: readonly (readonly [string, number])[], perUnit: number, total: number): void {
  for (const [label, microseconds] of rows) {
    const ms = microseconds / 1000 / perUnit;
    console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${((100 * microseconds) / total).toFixed(1).padStart(5)} %  ${label}`);
  }
}

/**
 * Prints where the profiled thread spent its time, divided by `units` (domains or scans):
 * busy and idle time, the top 20 functions by self time and the top 15 pastoe modules inclusive.
 */
export function printProfile(profile: CpuProfile, units: number, heading: string): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfTime = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
    total += delta;
  });

  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let idle = 0;
  for (const [id, time] of selfTime) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    if (frame.functionName === '(idle)') {
      idle += time;
      continue;
    }
    const label =
      frame.url === '' ? frame.functionName : `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + time);
    // Inclusive: each pastoe module on the stack once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const module = moduleOf(byId.get(at)?.callFrame.url ?? '');
      if (module !== undefined && !seen.has(module)) {
        seen.add(module);
        byModule.set(module, (byModule.get(module) ?? 0) + time);
      }
    }
  }
  const busy = total - idle;
  console.log(`\n${heading}`);
  console.log(
    `  busy ${(busy / 1000 / units).toFixed(1)} ms, idle ${(idle / 1000 / units).toFixed(1)} ms (waiting for the network and the lab)`,
  );
  console.log('\nby function (self time; share of the busy time):');
  table([...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20), units, busy);
  console.log('\nby pastoe module (inclusive: the module or what it calls):');
  table([...byModule].sort((a, b) => b[1] - a[1]).slice(0, 15), units, busy);
}
