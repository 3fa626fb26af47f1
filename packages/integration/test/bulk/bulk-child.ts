/**
 * A bulk run in a process of its own, for the SIGKILL test (resume.test.ts): starts a lab with
 * the generated bulk domains, writes the domain list, and runs `runBulk` into the store given as
 * the first argument, printing `scanned <domain>` for every domain it commits. It is meant to be
 * killed half-way; run to its end it prints `done`.
 */
import { writeFileSync } from 'node:fs';
import { mailPreset } from '@pastoe/checks-mail';
import { startLab } from '@pastoe/lab';
import { openStore } from '@pastoe/store';
import { readDomainList, runBulk } from '../../../cli/src/bulk/index.js';
import { bulkDomains, bulkZones } from './bulk-lab.js';

const [storeFile, listFile, countText] = process.argv.slice(2);
if (storeFile === undefined || listFile === undefined) throw new Error('usage: bulk-child.ts <store> <list> [count]');
const count = Number(countText ?? 40);
writeFileSync(
  listFile,
  `domain,group\n${bulkDomains(count)
    .map(({ domain, group }) => `${domain},${group}`)
    .join('\n')}\n`,
);
const lab = await startLab({ extraZones: bulkZones(count) });
const store = openStore(storeFile);
try {
  const inputs = await readDomainList(listFile, { groupColumn: 'group' });
  await runBulk({
    inputs,
    store,
    resume: false,
    // Two at a time: the parent must find the store with some domains finished and many to go.
    scan: { preset: mailPreset, transports: lab.transports(), vantage: lab.vantage, domainConcurrency: 2 },
    onProgress: (progress) => {
      if (progress.domain !== undefined) process.stdout.write(`scanned ${progress.domain}\n`);
    },
  });
  process.stdout.write('done\n');
} finally {
  store.close();
  await lab.close();
}
