/*
 * `npm run docs:check`: compiles every ```ts sample of the guides and READMEs against the workspace
 * packages and checks every link of docs/ and the READMEs (offline: external links are listed, not
 * fetched). packages/integration/test/docs/guides.test.ts runs the same checks in the test suite.
 */
import { checkLinks } from './docs-check/links.js';
import { compileSamples } from './docs-check/samples.js';

const samples = compileSamples();
const links = checkLinks();

process.stdout.write(
  `samples: ${samples.compiled.length} compiled, ${samples.ignored.length} ignored (ts ignore), ${samples.pending.length} pending\n`,
);
for (const sample of samples.pending) process.stdout.write(`  pending ${sample.name}: ${sample.file}:${sample.line}\n`);
process.stdout.write(`links: ${links.checked} relative links resolved in ${links.files.length} files\n`);
process.stdout.write(`external links (not fetched): ${links.external.length}\n`);
const hosts = new Map<string, number>();
for (const link of links.external) {
  const host = URL.canParse(link.url) ? new URL(link.url).hostname : link.url;
  hosts.set(host, (hosts.get(host) ?? 0) + 1);
}
for (const [host, count] of [...hosts].sort()) process.stdout.write(`  ${host}: ${count}\n`);

const errors = [...samples.errors, ...links.errors];
for (const error of errors) process.stderr.write(`${error}\n`);
if (errors.length > 0) {
  process.stderr.write(`docs-check: ${errors.length} problem(s)\n`);
  process.exitCode = 1;
}
