/**
 * Re-judging saved evidence needs no I/O, so core's `evaluate` and `score` and both presets'
 * checks (the checks, not the preset index that binds probe implementations) must bundle for a
 * browser without any Node module. esbuild follows the real import graph and tree-shakes it as a
 * web app's bundler would (core declares `sideEffects: false`).
 */
import { readdirSync } from 'node:fs';
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
    // Node modules stay external, so a module the tree-shaken bundle still needs shows as an import.
    external: ['node:*'],
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((imported) => imported.path));
  const importersOf = new Map<string, string[]>();
  for (const [input, meta] of Object.entries(result.metafile.inputs)) {
    for (const imported of meta.imports) {
      if (!imported.path.startsWith('node:')) continue;
      importersOf.set(imported.path, [...(importersOf.get(imported.path) ?? []), input.replace(/^.*packages\//, '')]);
    }
  }
  const text = result.outputFiles.map((file) => file.text).join('');
  return { imports, importersOf, text, checks: checks.length };
}

describe("core's pure half", () => {
  // The certificate checks read X.509 facts (fingerprint, public key) from the DER in the
  // evidence with node:crypto, and the DANE checks hash certificates to match TLSA records
  // (core's dane/tlsa.ts); those imports, from core's x509/ and dane/tlsa.ts only, are the known
  // gap (a browser build needs WebCrypto or pure-JS hashing there). Anything else fails this test.
  it('bundles evaluate, score and every web and mail check for a browser with no node: module but x509 crypto', async () => {
    const { imports, importersOf, text, checks } = await bundlePure();
    expect(checks).toBeGreaterThanOrEqual(7);
    expect(imports.filter((path) => path !== 'node:crypto')).toEqual([]);
    const knownGap = (importer: string): boolean => importer.startsWith('core/src/x509/') || importer === 'core/src/dane/tlsa.ts';
    expect((importersOf.get('node:crypto') ?? []).filter((importer) => !knownGap(importer))).toEqual([]);
    expect(text.replaceAll('"node:crypto"', '')).not.toMatch(/["'`]node:/);
    expect(text.length).toBeGreaterThan(1000);
    console.log(`evaluate + score + ${checks} checks, browser bundle (minified): ${text.length} bytes`);
  });
});
