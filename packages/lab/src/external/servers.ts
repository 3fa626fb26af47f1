/**
 * Configuration and start-up of the two servers of the Unbound lab: Knot DNS as the one
 * authoritative server for every zone, and Unbound as the validating resolver in front of it.
 * Both listen on loopback only, on ports chosen at run time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toFqdn } from '../dns/names.js';
import { type GuardedProcess, startGuarded } from './process.js';
import type { SignedZoneFile } from './signing.js';

/** A loopback listener. */
export interface Endpoint {
  /** The loopback address. */
  readonly ip: string;
  /** The UDP and TCP port. */
  readonly port: number;
}

/** Quotes a path or name for Knot's YAML and Unbound's configuration. */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

function at(endpoint: Endpoint): string {
  return `${endpoint.ip}@${endpoint.port}`;
}

/** Writes knotd's configuration: one server, every zone from its file, no signing of its own. */
export async function writeKnotConfig(dir: string, listen: Endpoint, zones: readonly SignedZoneFile[]): Promise<string> {
  await mkdir(join(dir, 'db'), { recursive: true });
  const lines = [
    'server:',
    `    rundir: ${quoted(dir)}`,
    `    pidfile: ${quoted(join(dir, 'knot.pid'))}`,
    `    listen: ${at(listen)}`,
    // Few threads: the lab is tiny, and CI machines are small.
    '    udp-workers: 2',
    '    tcp-workers: 2',
    '    background-workers: 2',
    'control:',
    `    listen: ${quoted(join(dir, 'knot.sock'))}`,
    'database:',
    `    storage: ${quoted(join(dir, 'db'))}`,
    'log:',
    '  - target: stderr',
    '    any: warning',
    'mod-stats:',
    '  - id: counts',
    '    request-protocol: on',
    '    server-operation: on',
    '    query-type: on',
    'template:',
    '  - id: default',
    `    storage: ${quoted(dir)}`,
    // The zones are signed already and never change: load them whole, keep no journal.
    '    zonefile-sync: -1',
    '    zonefile-load: whole',
    '    journal-content: none',
    '    semantic-checks: off',
    '    dnssec-signing: off',
    '    global-module: mod-stats/counts',
    'zone:',
    ...zones.flatMap((zone) => [`  - domain: ${quoted(toFqdn(zone.origin))}`, `    file: ${quoted(zone.file)}`]),
  ];
  const file = join(dir, 'knot.conf');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** Starts knotd with a configuration from {@link writeKnotConfig}. */
export function startKnot(knotd: string, dir: string, config: string): GuardedProcess {
  return startGuarded('knotd', knotd, ['-c', config], { cwd: dir, pidFile: join(dir, 'knot.pid') });
}

/**
 * IPv4 space outside 127.0.0.0/8, as netblocks for Unbound's `do-not-query-address`: the
 * catalogue's glue points at documentation addresses, and whatever a zone says, Unbound must
 * never send a packet off the machine.
 */
const nonLoopbackV4 = ['0.0.0.0/2', '64.0.0.0/3', '96.0.0.0/4', '112.0.0.0/5', '120.0.0.0/6', '124.0.0.0/7', '126.0.0.0/8', '128.0.0.0/1'];

/** Paths and ports of an Unbound configuration. */
export interface UnboundConfig {
  /** The configuration file. */
  readonly file: string;
  /** The remote-control endpoint (no TLS, loopback only). */
  readonly control: Endpoint;
}

/**
 * Writes Unbound's configuration: validating from the given root trust anchor, every query for
 * the root (and so for every zone) sent to Knot as a stub, Extended DNS Errors on, remote
 * control on loopback for flushing the cache and reading statistics.
 */
export async function writeUnboundConfig(
  dir: string,
  listen: Endpoint,
  knot: Endpoint,
  control: Endpoint,
  trustAnchorDs: string,
  zones: readonly string[],
): Promise<UnboundConfig> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'root.ds'), `${trustAnchorDs}\n`);
  const lines = [
    'server:',
    '    verbosity: 0',
    '    username: ""',
    '    chroot: ""',
    `    directory: ${quoted(dir)}`,
    `    pidfile: ${quoted(join(dir, 'unbound.pid'))}`,
    '    use-syslog: no',
    '    logfile: ""',
    `    interface: ${at(listen)}`,
    `    outgoing-interface: ${listen.ip}`,
    '    do-ip4: yes',
    '    do-ip6: no',
    '    do-udp: yes',
    '    do-tcp: yes',
    '    num-threads: 1',
    '    so-reuseport: no',
    '    outgoing-range: 256',
    '    access-control: 127.0.0.0/8 allow',
    '    do-not-query-localhost: no',
    ...nonLoopbackV4.map((block) => `    do-not-query-address: ${block}`),
    `    trust-anchor-file: ${quoted(join(dir, 'root.ds'))}`,
    '    trust-anchor-signaling: no',
    '    root-key-sentinel: no',
    '    module-config: "validator iterator"',
    // Unbound answers .test (RFC 6761) itself unless told not to.
    '    local-zone: "test." nodefault',
    '    ede: yes',
    '    val-log-level: 2',
    '    log-servfail: no',
    '    extended-statistics: yes',
    '    statistics-cumulative: no',
    '    statistics-interval: 0',
    // Stub zones take the place of root hints and glue, which carry no port: every zone Knot
    // serves is a stub at Knot's address and port. A stub at each zone (not only the root)
    // matters because Unbound caches the NS records it sees and would otherwise follow their
    // glue (documentation addresses, which it may not query) for the next query to that zone.
    ...zones.flatMap((origin) => ['stub-zone:', `    name: ${quoted(origin === '' ? '.' : toFqdn(origin))}`, `    stub-addr: ${at(knot)}`]),
    'remote-control:',
    '    control-enable: yes',
    `    control-interface: ${control.ip}`,
    `    control-port: ${control.port}`,
    '    control-use-cert: no',
  ];
  const file = join(dir, 'unbound.conf');
  await writeFile(file, `${lines.join('\n')}\n`);
  return { file, control };
}

/** Starts unbound in the foreground with a configuration from {@link writeUnboundConfig}. */
export function startUnbound(unbound: string, dir: string, config: string): GuardedProcess {
  return startGuarded('unbound', unbound, ['-d', '-c', config], { cwd: dir, pidFile: join(dir, 'unbound.pid') });
}
