import { defineProject } from 'vitest/config';
import { sourceAliases } from '../vitest.shared.js';

/** Tests of the repository's own scripts and of the documents they generate. */
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'repo',
    include: ['**/*.test.ts'],
  },
});
