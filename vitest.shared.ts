import { fileURLToPath } from 'node:url';

const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Tests run against the TypeScript sources of every workspace package, never a stale build. */
// A subpath comes before its package: Vite matches `@pastoe/core` as a prefix of `@pastoe/core/model`.
export const sourceAliases: Record<string, string> = {
  '@pastoe/core/model': at('./packages/core/src/model.ts'),
  '@pastoe/core': at('./packages/core/src/index.ts'),
  '@pastoe/lab': at('./packages/lab/src/index.ts'),
  '@pastoe/checks-web': at('./packages/checks-web/src/index.ts'),
  '@pastoe/checks-mail': at('./packages/checks-mail/src/index.ts'),
  '@pastoe/reporting': at('./packages/reporting/src/index.ts'),
  '@pastoe/store': at('./packages/store/src/index.ts'),
  '@pastoe/queue': at('./packages/queue/src/index.ts'),
};

/** Every test project loads this guard first: tests contact loopback only, never another address. */
export const testSetupFiles: string[] = [at('./scripts/test-setup/loopback-only.ts')];
