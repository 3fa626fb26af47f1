/*
 * `npm run status`: writes docs/status.md from the presets and the Internet.nl catalogue.
 * scripts/status/status.test.ts fails while the committed file differs.
 */
import { writeFileSync } from 'node:fs';
import { currentStatus, statusPath } from './status/current-status.js';

writeFileSync(statusPath, currentStatus());
process.stdout.write(`wrote ${statusPath}\n`);
