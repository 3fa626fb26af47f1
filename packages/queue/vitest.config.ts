import { defineProject } from 'vitest/config';
import { sourceAliases, testSetupFiles } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    setupFiles: testSetupFiles,
    name: 'queue',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
