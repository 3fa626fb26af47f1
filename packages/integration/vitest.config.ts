import { defineProject } from 'vitest/config';
import { sourceAliases, testSetupFiles } from '../../vitest.shared.js';

/**
 * Integration tests: pastoe's engines against the lab's servers and real TLS servers on loopback.
 * They need both @pastoe/core and @pastoe/lab, and the lab depends on core, so they live here and
 * not in core: core's own tests never import the lab.
 */
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    setupFiles: testSetupFiles,
    name: 'integration',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
