/**
 * Re-judging saved evidence needs no I/O, so core's `evaluate` and `score` and both presets'
 * checks (the checks, not the preset index that binds probe implementations) must bundle for a
 * browser without any Node module. esbuild follows the real import graph and tree-shakes it as a
 * web app's bundler would (core declares `sideEffects: false`).
 */
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packages = fileURLToPath(new URL('../../../', import.meta.url));
const coreSource = join(packages, 'core/src/');

/** The check modules of a checks package: every non-test source file under src/checks/. */
function checkModules(dir: string): readonly string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return checkModules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every Node built-in, bare (`crypto`) and prefixed (`node:crypto`, `node:test`). */
const nodeBuiltins = [...new Set(builtinModules.flatMap((name) => (name.startsWith('node:') ? [name] : [name, `node:${name}`])))];

/** What the bundle still imports, who imports each Node module, the bundle text and the number of checks. */
interface PureBundle {
  readonly imports: readonly string[];
  readonly importersOf: ReadonlyMap<string, readonly string[]>;
  readonly text: string;
  readonly checks: number;
}

/** Bundles `evaluate`, `score` and every check; returns what the bundle still imports and its size. */
async function bundlePure(): Promise<PureBundle> {
  const checks = [...checkModules(join(packages, 'checks-web/src/checks')), ...checkModules(join(packages, 'checks-mail/src/checks'))];
  const contents = [
    "export { evaluate } from './runner/evaluate.ts';",
    "export { score } from './scoring/score.ts';",
    ...checks.map((path, index) => `export * as check${index} from ${JSON.stringify(path)};`),
  ].join('\n');
  const result = await build({
    stdin: { contents, resolveDir: coreSource, sourcefile: 'pure-entry.ts', loader: 'ts' },
    alias: { '@pastoe/core/model': join(coreSource, 'model.ts') },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    // Node modules stay external, bare or prefixed, so one the tree-shaken bundle still needs shows as an import.
    external: ['node:*', ...nodeBuiltins],
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((imported) => imported.path));
  const importersOf = new Map<string, string[]>();
  for (const [input, meta] of Object.entries(result.metafile.inputs)) {
    for (const imported of meta.imports) {
      if (!nodeBuiltins.includes(imported.path)) continue;
      importersOf.set(imported.path, [...(importersOf.get(imported.path) ?? []), input.replace(/^.*packages\//, '')]);
    }
  }
  const text = result.outputFiles.map((file) => file.text).join('');
  return { imports, importersOf, text, checks: checks.length };
}

describe("core's pure half", () => {
  // Certificates are read with core's DER reader and hashed with core's own SHA-1/SHA-256;
  // signatures are checked by the probe, which records the results in the evidence.
  it('bundles evaluate, score and every web and mail check for a browser with no Node module', async () => {
    const { imports, importersOf, text, checks } = await bundlePure();
    expect(checks).toBeGreaterThanOrEqual(7);
    expect(imports).toEqual([]);
    expect(Object.fromEntries(importersOf)).toEqual({});
    expect(text).not.toMatch(/["'`]node:/);
    // Node's globals are no module import, but a browser lacks them just the same.
    expect(text).not.toMatch(/\b(Buffer|process)\./);
    expect(text.length).toBeGreaterThan(1000);
    console.log(`evaluate + score + ${checks} checks, browser bundle (minified): ${text.length} bytes`);
  });
});
