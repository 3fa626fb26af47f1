import type { Options } from 'tsup';

/** The build every package shares: ESM + CJS + declarations for Node 20, one entry per public subpath. */
export function packageBuild(entries: readonly string[]): Options {
  return {
    entry: entries.map((entry) => `src/${entry}.ts`),
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    tsconfig: 'tsconfig.json',
  };
}
