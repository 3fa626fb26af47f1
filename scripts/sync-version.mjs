// After `changeset version` bumps the fixed group, write the new version into core's source so
// that reports name the version that produced them.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../packages/core/package.json', import.meta.url), 'utf8'));
const file = new URL('../packages/core/src/version.ts', import.meta.url);
const source = readFileSync(file, 'utf8').replace(/pastoeVersion = '[^']*'/, `pastoeVersion = '${version}'`);
writeFileSync(file, source);
console.log(`pastoeVersion = ${version}`);
