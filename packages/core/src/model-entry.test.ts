import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Node modules that do I/O: sockets, DNS, files, processes. */
const ioModules = /^node:(net|dgram|tls|dns|dns\/promises|http|https|http2|fs|fs\/promises|child_process|worker_threads|cluster)$/;

/** The modules a source file loads at run time (type-only imports and exports are erased). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms)) specifiers.push(match[1] ?? '');
  for (const match of source.matchAll(/^import\s+'([^']+)';/gm)) specifiers.push(match[1] ?? '');
  return specifiers;
}

/** Every module reachable at run time from an entry, with the file that first imports it. */
function importGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>([[entry, '(entry)']]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const specifier of runtimeImports(file)) {
      const target = specifier.startsWith('.') ? resolve(dirname(file), specifier.replace(/\.js$/, '.ts')) : specifier;
      if (seen.has(target)) continue;
      seen.set(target, file);
      if (specifier.startsWith('.')) queue.push(target);
    }
  }
  return seen;
}

describe('@pastoe/core/model', () => {
  it('loads no module that does I/O, so a check built on it carries no network code', () => {
    const graph = importGraph(resolve(here, 'model.ts'));
    const io = [...graph].filter(([module]) => ioModules.test(module)).map(([module, from]) => `${module} (from ${from})`);
    expect(io).toEqual([]);
    // The walk really follows the graph: the evaluators and the catalogue are in it.
    expect([...graph.keys()].some((module) => module.endsWith('scoring/internetnl-catalogue.ts'))).toBe(true);
    expect([...graph.keys()].some((module) => module.endsWith('tls/evaluate/index.ts'))).toBe(true);
  });

  it('finds I/O when it is there: the full barrel loads node:net', () => {
    const graph = importGraph(resolve(here, 'index.ts'));
    expect([...graph.keys()].filter((module) => ioModules.test(module))).toContain('node:net');
  });
});
