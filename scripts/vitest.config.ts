import { defineProject } from 'vitest/config';
import { sourceAliases, testSetupFiles } from '../vitest.shared.js';

/** Tests of the repository's own scripts and of the documents they generate. */
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    setupFiles: testSetupFiles,
    name: 'repo',
    include: ['**/*.test.ts'],
  },
});
