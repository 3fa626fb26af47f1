/**
 * The lab for the queue test, in a process of its own as a real deployment's network would be:
 * starts the lab with `<count>` bulk domains, writes their list and the trust anchor and CA files
 * into `<dir>`, prints one line of JSON with the `pastoe worker` flags that reach it, then answers
 * each `sessions` line on stdin with a line of JSON: every SMTP server's sessions and the most
 * open at once. Stops when stdin closes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startLab, writeBulkDomainList } from '@pastoe/lab';
import { formatEndpoint, formatMapRoute } from '../../../cli/src/flags.js';

const [dir = '', countText = '300'] = process.argv.slice(2);
const lab = await startLab({ bulk: Number(countText) });
const files = { list: join(dir, 'domains.csv'), trustAnchor: join(dir, 'trust-anchor.txt'), ca: join(dir, 'ca.pem') };
await Promise.all([
  writeBulkDomainList(lab, files.list),
  writeFile(files.trustAnchor, `${lab.trustAnchors}\n`),
  writeFile(files.ca, lab.caPem),
]);
const { tcpEndpoints = [], tcp6Endpoints = [], smtpEndpoints = [] } = lab.vantage;
const workerFlags = [
  ['--resolver', lab.resolverUrl],
  ['--trust-anchor', files.trustAnchor],
  ['--ca', files.ca],
  ['--allow-private'],
  ['--vantage', [...tcpEndpoints, ...tcp6Endpoints, ...smtpEndpoints].map(formatEndpoint).join(',')],
  ['--routinator', lab.rpki.routinatorUrl],
  ['--ripestat', lab.rpki.ripestatUrl],
  ...lab.addressMap.routes.map((route) => ['--map', formatMapRoute({ from: route.public, to: route.local, protocol: route.protocol })]),
].flat();
process.stdout.write(`${JSON.stringify({ list: files.list, workerFlags })}\n`);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'sessions') process.stdout.write(`${JSON.stringify(lab.smtpSessions())}\n`);
});
lines.on('close', () => {
  void lab.close().then(() => process.exit(0));
});
