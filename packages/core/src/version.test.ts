import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pastoeVersion } from './version.js';

describe('pastoeVersion', () => {
  it('equals the version of every published package (changesets bumps them together)', () => {
    for (const dir of ['core', 'lab', 'checks-web', 'checks-mail', 'reporting', 'cli']) {
      const pkg = JSON.parse(readFileSync(new URL(`../../${dir}/package.json`, import.meta.url), 'utf8')) as { version: string };
      expect(pkg.version, dir).toBe(pastoeVersion);
    }
  });
});
