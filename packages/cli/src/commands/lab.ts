import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Lab, type LabRoute, startLab } from '@pastoe/lab';
import { type Command, Option } from 'commander';
import { formatEndpoint, formatMapRoute, type MapRoute, positiveInteger } from '../flags.js';
import { UsageError } from '../usage-error.js';
import { startBulkLab, writeBulkList } from './lab-bulk.js';
import type { CommandRuntime } from './runtime.js';

/** The flags of `pastoe lab`. */
interface LabFlags {
  readonly dir?: string;
  readonly bulk?: number;
  readonly bulkOut?: string;
}

/** The most generated bulk domains. */
const maxBulkDomains = 1_000_000;

/** The line `pastoe lab` prints once everything above it is written: what a script waits for. */
export const labReadyLine = 'The lab is ready; stop it with Ctrl-C (SIGINT) or SIGTERM.';

/** Adds `pastoe lab`. */
export function addLabCommand(program: Command, runtime: CommandRuntime): void {
  program
    .command('lab')
    .description('keep the lab running on loopback and print how to point pastoe or other tools at it')
    .option('--dir <dir>', 'where the trust anchor, CA and address map files go (default: a temporary folder, removed when the lab stops)')
    .addOption(new Option('--bulk <n>', 'also serve N generated domains (d00001.bulk.test, …)').argParser(positiveInteger(maxBulkDomains)))
    .option('--bulk-out <file>', 'where the list of bulk domains goes (CSV with domain,group); default <dir>/bulk-domains.csv')
    .addHelpText(
      'after',
      `
Prints the resolver URL, the trust anchor file, the CA file (PEM), the vantage endpoints, the
RPKI servers and the address map (one ADDR:PORT=ADDR:PORT a line, as --map takes it), then runs
until SIGINT or SIGTERM. Point a scan at it with:

  pastoe check modern.test --resolver URL --trust-anchor FILE --ca FILE --allow-private \\
    --vantage ENDPOINTS --routinator URL --ripestat URL --map ROUTE --map ROUTE ...
`,
    )
    .action(async (flags: LabFlags) => runtime.exit(await runLab(flags, runtime)));
}

async function runLab(flags: LabFlags, { io, signal }: CommandRuntime): Promise<number> {
  if (flags.bulkOut !== undefined && flags.bulk === undefined) throw new UsageError('--bulk-out needs --bulk N');
  const lab = flags.bulk === undefined ? await startLab(signal === undefined ? {} : { signal }) : await startBulkLab(flags.bulk, signal);
  let temporary: string | undefined;
  try {
    const dir = await labDir(flags.dir);
    if (flags.dir === undefined) temporary = dir;
    const routes = mapRoutes(lab.addressMap.routes);
    const files = {
      trustAnchor: join(dir, 'trust-anchor.txt'),
      ca: join(dir, 'ca.pem'),
      map: join(dir, 'address-map.txt'),
    };
    const mapText = routes.map(formatMapRoute).join('\n');
    await Promise.all([
      writeFile(files.trustAnchor, `${lab.trustAnchors}\n`),
      writeFile(files.ca, lab.caPem),
      writeFile(files.map, `${mapText}\n`),
    ]);
    const bulkOut = flags.bulk === undefined ? undefined : resolve(flags.bulkOut ?? join(dir, 'bulk-domains.csv'));
    if (bulkOut !== undefined) await writeBulkList(lab, bulkOut);
    io.out(
      [
        'pastoe lab: a simulated internet on loopback',
        `resolver: ${lab.resolverUrl}`,
        `resolver tcp: ${lab.tcpUrl}`,
        `resolver doh: ${lab.dohUrl}`,
        `trust anchor: ${files.trustAnchor}`,
        `ca: ${files.ca}`,
        `vantage: ${vantageText(lab)}`,
        `routinator: ${lab.rpki.routinatorUrl}`,
        `ripestat: ${lab.rpki.ripestatUrl}`,
        `address map file: ${files.map}`,
        ...(bulkOut === undefined ? [] : [`bulk domains: ${bulkOut}`]),
        `demo domains: ${lab.domains.map((domain) => domain.name).join(' ')}`,
        `web scenarios: ${lab.web.map((scenario) => scenario.domain).join(' ')}`,
        `mail scenarios: ${lab.mail.map((scenario) => scenario.domain).join(' ')}`,
        `address map (${routes.length} routes):`,
        mapText,
        labReadyLine,
        '',
      ].join('\n'),
    );
    if (signal !== undefined && !signal.aborted) await once(signal, 'abort');
    io.err('pastoe lab: stopping\n');
    return 0;
  } finally {
    await lab.close();
    // A temporary folder holds files for this lab only; a --dir folder is the user's.
    if (temporary !== undefined) await rm(temporary, { recursive: true, force: true });
  }
}

/** The folder for the lab's files: `--dir`, created when missing, or a new temporary one. */
async function labDir(dir: string | undefined): Promise<string> {
  if (dir === undefined) return mkdtemp(join(tmpdir(), 'pastoe-lab-'));
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create --dir ${JSON.stringify(dir)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return resolve(dir);
}

/** The lab's vantage settings as `--vantage` takes them. */
function vantageText(lab: Lab): string {
  const { tcpEndpoints = [], tcp6Endpoints = [], smtpEndpoints = [] } = lab.vantage;
  return [...tcpEndpoints, ...tcp6Endpoints, ...smtpEndpoints].map(formatEndpoint).join(',');
}

/** The lab's routes as `--map` routes: one line per endpoint, with a protocol only where TCP and UDP differ. */
function mapRoutes(routes: readonly LabRoute[]): MapRoute[] {
  const byEndpoint = new Map<string, LabRoute[]>();
  for (const route of routes) {
    const key = formatEndpoint(route.public);
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), route]);
  }
  return [...byEndpoint.values()].flatMap((same) => {
    const [first] = same;
    if (first === undefined) return [];
    const oneTarget = same.every((route) => formatEndpoint(route.local) === formatEndpoint(first.local));
    if (oneTarget) return [{ from: first.public, to: first.local }];
    return same.map((route) => ({ from: route.public, to: route.local, protocol: route.protocol }));
  });
}
