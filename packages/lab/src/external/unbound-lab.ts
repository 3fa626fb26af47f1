/**
 * The Unbound lab: the lab's scenario zones signed by BIND's tools, served by Knot DNS, with
 * Unbound validating in front, all on loopback. It gives pastoe's validator an independent
 * signer, an independent authoritative server and an independent validator to agree with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ClosableResolver,
  createAddressPolicy,
  createNodeNetwork,
  createResolver,
  type DnsMessage,
  type RecordType,
  type ValidationStatus,
} from '@pastoe/core';
import { type LabUnsignedZone, type LabZoneSpec, createUnsignedLabZones, labDnsScenarios } from '../dns/catalogue.js';
import { isInBailiwick, labelsOf, normalizeName, toFqdn } from '../dns/names.js';
import {
  ExternalToolError,
  ExternalToolMissingError,
  type GuardedProcess,
  freePort,
  mapLimited,
  missingTools,
  runTool,
  unboundLabTools,
  whichTool,
} from './process.js';
import { type Endpoint, startKnot, startUnbound, writeKnotConfig, writeUnboundConfig } from './servers.js';
import { type SignedLabZones, signLabZones } from './signing.js';

/** Options of {@link startUnboundLab}. */
export interface UnboundLabOptions {
  /** The IPv4 loopback address both servers listen on (127.0.0.0/8). Default `127.0.0.1`. */
  readonly host?: string;
  /** The time the signatures are based on. Default now (Unbound validates against the real clock). */
  readonly now?: Date;
  /** How long start-up may take before it is given up, in milliseconds. Default 20 000. */
  readonly startTimeoutMs?: number;
  /** Closes the lab when aborted. */
  readonly signal?: AbortSignal;
}

/** One question the lab is built for. */
export interface UnboundLabScenario {
  /** The name to ask for. */
  readonly name: string;
  /** The type to ask for. */
  readonly type: RecordType;
  /** What the lab catalogue says a validator should conclude; absent when the harness cannot say. */
  readonly expected?: ValidationStatus;
  /** Why, from the catalogue. */
  readonly reason: string;
}

/** A running Unbound lab. */
export interface UnboundLab {
  /** Knot DNS, authoritative for every lab zone (the root included), on loopback. */
  readonly knot: Endpoint;
  /** Unbound, validating recursive resolver, on loopback (UDP and TCP). */
  readonly unbound: Endpoint;
  /** The lab root's trust anchor as a DS record in zone-file form, freshly made for this lab. */
  readonly trustAnchor: string;
  /** The same trust anchor as a DNSKEY record. */
  readonly trustAnchorDnskey: string;
  /** The catalogue questions this lab can answer the way the catalogue means. */
  readonly scenarios: readonly UnboundLabScenario[];
  /** Zones of the catalogue this lab does not serve, with the reason. */
  readonly leftOut: ReadonlyMap<string, string>;
  /** Other differences from the lab's own DNS server, for people. */
  readonly notes: readonly string[];
  /** The lab's private directory (keys, zone files, configurations); removed on close. */
  readonly dir: string;
  /** Runs `unbound-control` against this lab's Unbound and gives its output. */
  unboundControl(args: readonly string[]): Promise<string>;
  /** Empties Unbound's caches (messages, RRsets, keys, infrastructure), for cold measurements. */
  flushUnbound(): Promise<void>;
  /** Unbound's statistics counters (`unbound-control stats_noreset`). */
  unboundStats(): Promise<Record<string, number>>;
  /**
   * Knot's count of queries received since start (all protocols), from `knotc stats`. The
   * difference over a measurement is how many queries Unbound or pastoe sent upstream.
   */
  knotQueries(): Promise<number>;
  /** Stops both servers and removes the directory. Safe to call more than once. */
  close(): Promise<void>;
}

/** A resolver for readiness checks: no cache, no retries, loopback only. */
function probeResolver(endpoint: Endpoint): ClosableResolver {
  const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });
  return createResolver(`udp://${endpoint.ip}:${endpoint.port}`, {
    network,
    cache: false,
    retries: 0,
    timeoutMs: 500,
  });
}

/** Server output that means start-up has failed for good: a zone that does not load, a bad config. */
const fatalOutput = /failed to load zone|failed to parse zone|fatal error|error in config|could not open ports|cannot bind|failed to bind/i;

/** Waits until `ready` holds for a response, the server has died, or time runs out. */
async function waitUntil(
  server: GuardedProcess,
  endpoint: Endpoint,
  deadline: number,
  questions: readonly { readonly name: string; readonly type: RecordType; readonly checkingDisabled: boolean }[],
  ready: (message: DnsMessage) => boolean,
): Promise<void> {
  const resolver = probeResolver(endpoint);
  try {
    let pending = [...questions];
    while (pending.length > 0) {
      if (server.exited())
        throw new ExternalToolError(`${server.label} exited during start-up: ${server.output().trim() || '(no output)'}`);
      if (Date.now() > deadline) {
        throw new ExternalToolError(
          `${server.label} was not ready in time (still waiting for ${pending.map((q) => `${q.name === '.' ? '.' : toFqdn(q.name)} ${q.type}`).join(', ')}): ${server.output().trim() || '(no output)'}`,
        );
      }
      const fatal = fatalOutput.exec(server.output());
      if (fatal !== null) throw new ExternalToolError(`${server.label} failed to start: ${server.output().trim()}`);
      // A few at a time: each query in flight holds a listener on the resolver's close signal.
      const results = await mapLimited(pending, 8, (question) => resolver.query({ ...question, dnssecOk: true, recursionDesired: true }));
      pending = pending.filter((_, i) => {
        const result = results[i];
        return !(result?.ok === true && ready(result.message));
      });
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await resolver.close();
  }
}

/** A small zone's records: an address, SPF, a www name. */
function smallZone(index: number, extra = ''): string {
  return `@ 300 IN A 192.0.2.${index}\n@ 300 IN TXT "v=spf1 -all"\nwww 300 IN A 192.0.2.${index}\n${extra}`;
}

/**
 * Zones only this lab has, for what the catalogue does not cover and BIND's tools can make:
 * the remaining algorithms pastoe validates, SHA-1 and multiple DS digests, DNAME, and a
 * wildcard in an opt-out NSEC3 zone.
 */
const harnessZones: readonly LabZoneSpec[] = [
  { origin: 'rsasha512.test', content: smallZone(60), dnssec: { algorithm: 10, keys: 'csk', rsaBits: 2048 } },
  { origin: 'ed448.test', content: smallZone(61), dnssec: { algorithm: 16, keys: 'ksk-zsk' } },
  { origin: 'sha1-ds.test', content: smallZone(62), dnssec: { algorithm: 13 }, dsDigestTypes: [1] },
  { origin: 'multi-ds.test', content: smallZone(63), dnssec: { algorithm: 13, keys: 'ksk-zsk' }, dsDigestTypes: [1, 2, 4] },
  { origin: 'dname.test', content: smallZone(64, 'alias 300 IN DNAME secure-ed25519.test.\n'), dnssec: { algorithm: 13 } },
  {
    origin: 'optout-wildcard.test',
    content: smallZone(65, '*.w 300 IN TXT "wildcard"\n'),
    dnssec: { algorithm: 13, denial: { kind: 'nsec3', optOut: true } },
  },
];

/** Questions about {@link harnessZones}. */
const harnessQuestions: readonly UnboundLabScenario[] = [
  { name: 'rsasha512.test', type: 'A', expected: 'secure', reason: 'RSA/SHA-512 (algorithm 10) CSK' },
  { name: 'ed448.test', type: 'A', expected: 'secure', reason: 'Ed448 (algorithm 16) KSK and ZSK' },
  { name: 'nothing.ed448.test', type: 'TXT', expected: 'secure', reason: 'NXDOMAIN, Ed448' },
  {
    name: 'sha1-ds.test',
    type: 'A',
    expected: 'secure',
    reason: 'the only DS uses SHA-1 (digest type 1), still required for validators (RFC 8624 §3.3)',
  },
  { name: 'multi-ds.test', type: 'TXT', expected: 'secure', reason: 'DS with SHA-1, SHA-256 and SHA-384 digests' },
  { name: 'www.alias.dname.test', type: 'A', expected: 'secure', reason: 'DNAME into another secure zone; the CNAME is synthesised' },
  { name: 'nothing.alias.dname.test', type: 'A', expected: 'secure', reason: 'DNAME to a name proven absent' },
  {
    name: 'x.w.optout-wildcard.test',
    type: 'TXT',
    expected: 'insecure',
    reason: 'wildcard expansion whose next closer name is covered by an opt-out NSEC3, which may hide an unsigned delegation',
  },
  { name: 'x.w.optout-wildcard.test', type: 'A', expected: 'insecure', reason: 'wildcard NODATA, next closer name under opt-out' },
];

/**
 * More questions about the same zones, for types and shapes the catalogue's list asks about
 * once or not at all: apex SOA and TXT, MX, TLSA, NODATA, NXDOMAIN under each kind of zone,
 * wildcard expansions of other types, CNAME chains and the deep name.
 */
const extraQuestions: readonly UnboundLabScenario[] = [
  { name: '.', type: 'SOA', expected: 'secure', reason: 'the root apex, from the trust anchor' },
  { name: 'test', type: 'SOA', expected: 'secure', reason: 'the TLD apex' },
  { name: 'secure-ecdsa.test', type: 'MX', expected: 'secure', reason: 'MX at a KSK/ZSK apex' },
  { name: '_dmarc.secure-ecdsa.test', type: 'TXT', expected: 'secure', reason: 'DMARC TXT below the apex' },
  { name: '_25._tcp.mail.secure-ecdsa.test', type: 'TLSA', expected: 'secure', reason: 'DANE TLSA' },
  { name: 'secure-rsa.test', type: 'TXT', expected: 'secure', reason: 'SPF TXT, RSA/SHA-256 CSK' },
  { name: 'secure-ed25519.test', type: 'SOA', expected: 'secure', reason: 'Ed25519 apex SOA' },
  { name: 'nothing.secure-ed25519.test', type: 'MX', expected: 'secure', reason: 'NXDOMAIN with Ed25519 NSEC' },
  { name: 'secure-p384.test', type: 'CAA', expected: 'secure', reason: 'CAA, ECDSA P-384' },
  { name: 'nsec3.test', type: 'TXT', expected: 'secure', reason: 'TXT in an NSEC3 zone' },
  { name: 'www.nsec3.test', type: 'MX', expected: 'secure', reason: 'NSEC3 NODATA' },
  { name: 'y.wild.nsec3.test', type: 'TXT', expected: 'secure', reason: 'NSEC3 wildcard NODATA' },
  {
    name: 'nothing.nsec3-optout.test',
    type: 'A',
    expected: 'insecure',
    reason: 'NXDOMAIN whose next closer name is covered by an opt-out NSEC3: an unsigned delegation may hide there (RFC 5155 §6)',
  },
  { name: 'nsec3-salt.test', type: 'AAAA', expected: 'secure', reason: 'salted NSEC3 zone, AAAA' },
  { name: 'insecure.test', type: 'SOA', expected: 'insecure', reason: 'apex of an unsigned zone' },
  { name: 'insecure.test', type: 'MX', expected: 'insecure', reason: 'MX in an unsigned zone' },
  { name: 'expired.test', type: 'SOA', expected: 'bogus', reason: 'expired signatures, SOA' },
  { name: 'nothing.expired.test', type: 'A', expected: 'bogus', reason: 'NXDOMAIN from a zone whose signatures expired' },
  { name: 'future.test', type: 'TXT', expected: 'bogus', reason: 'signatures not valid yet, TXT' },
  { name: 'bad-sig.test', type: 'MX', expected: 'secure', reason: 'only the apex A RRSIG is broken' },
  { name: 'ds-mismatch.test', type: 'TXT', expected: 'bogus', reason: 'DS digest mismatch, any type' },
  { name: 'www.ds-absent-key.test', type: 'AAAA', expected: 'bogus', reason: 'DS for a key not published, below the apex' },
  { name: 'wildcard.test', type: 'SOA', expected: 'secure', reason: 'apex of the wildcard zone' },
  { name: 'a.b.c.wildcard.test', type: 'A', expected: 'secure', reason: 'wildcard expansion three labels down' },
  { name: 'deep.test', type: 'SOA', expected: 'secure', reason: 'the middle zone of the deep chain' },
  { name: 'c.deep.test', type: 'SOA', expected: 'secure', reason: 'the deepest zone apex' },
  { name: 'a.b.c.deep.test', type: 'AAAA', expected: 'secure', reason: 'the deep name, AAAA' },
  { name: 'a.b.c.deep.test', type: 'TXT', expected: 'secure', reason: 'the deep name, NODATA' },
  { name: 'x.a.b.c.deep.test', type: 'A', expected: 'secure', reason: 'below the deep name: NXDOMAIN' },
  { name: 'chain.cname.test', type: 'TXT', expected: 'secure', reason: 'CNAME chain ending in NODATA' },
  { name: 'to-insecure.cname.test', type: 'TXT', expected: 'insecure', reason: 'CNAME into an unsigned zone, NODATA there' },
];

/** The catalogue's scenarios that keep their meaning when the zones are served by Knot. */
function scenariosFor(unsigned: readonly LabUnsignedZone[], signed: SignedLabZones): UnboundLabScenario[] {
  const scenarios: UnboundLabScenario[] = [];
  for (const scenario of labDnsScenarios) {
    const name = normalizeName(scenario.name);
    const home = unsigned
      .filter((zone) => isInBailiwick(name, zone.spec.origin))
      .sort((a, b) => labelsOf(b.spec.origin).length - labelsOf(a.spec.origin).length)[0];
    // Questions about a zone left out test what this lab cannot do (server faults, a missing
    // signer). Unhosted zones stay: the catalogue does not serve them either, and their
    // referrals are the point.
    if (home !== undefined && home.spec.hosted !== false && signed.leftOut.has(home.spec.origin)) continue;
    scenarios.push({ name: scenario.name, type: scenario.type, expected: scenario.status, reason: scenario.reason });
  }
  return [...scenarios, ...extraQuestions, ...harnessQuestions];
}

/**
 * Starts the Unbound lab: signs the lab catalogue's zones with BIND's `dnssec-keygen`,
 * `dnssec-dsfromkey` and `dnssec-signzone` (ldns-signzone for NSEC3 above 150 iterations, when
 * installed) in a temporary directory, with fresh keys and the catalogue's faults made by
 * editing the signed text; serves them all from one knotd; and starts unbound as a validating
 * resolver whose only upstream is that knotd, with the lab's new root trust anchor and EDE on.
 * Everything listens on loopback ports chosen at run time. Takes a second or two.
 *
 * Both servers run under a guard that stops them when this process ends in any way; `close()`
 * stops them at once and removes the directory, which a process exit or SIGINT/SIGTERM does too.
 *
 * @throws ExternalToolMissingError naming the Debian packages to install when a program is missing
 * @throws ExternalToolError when a program fails or a server does not come up in time
 */
export async function startUnboundLab(options: UnboundLabOptions = {}): Promise<UnboundLab> {
  const missing = missingTools(unboundLabTools);
  if (missing.length > 0) throw new ExternalToolMissingError(missing);
  const path = (name: string): string => whichTool(name) as string;
  const ldnsSignzone = whichTool('ldns-signzone');
  const knotc = whichTool('knotc');
  const host = options.host ?? '127.0.0.1';
  // IPv4 only: Unbound runs with do-ip6: no, so that it has no IPv6 path off the machine.
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host))
    throw new RangeError(`the Unbound lab listens on IPv4 loopback (127.0.0.0/8) only, not ${host}`);
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  const deadline = Date.now() + startTimeoutMs;
  const now = options.now ?? new Date();

  const dir = mkdtempSync(join(tmpdir(), 'pastoe-unbound-lab-'));
  const servers: GuardedProcess[] = [];
  let closed = false;
  /** Synchronous, for exit and signal handlers: the guard stops the servers, this removes the files. */
  const cleanupNow = (): void => {
    for (const server of servers) server.stopNow();
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = (): void => cleanupNow();
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanupNow();
    detach();
    // Without other listeners, do what the signal would have done had nobody listened.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  function detach(): void {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    detach();
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const unsigned = createUnsignedLabZones({ now, extraZones: harnessZones });
    const tools = {
      keygen: path('dnssec-keygen'),
      signzone: path('dnssec-signzone'),
      dsfromkey: path('dnssec-dsfromkey'),
      ...(ldnsSignzone === undefined ? {} : { ldnsSignzone }),
    };
    const signed = await signLabZones(unsigned, { dir: join(dir, 'sign'), tools, now });
    const knotDir = join(dir, 'knot');
    const unboundDir = join(dir, 'unbound');
    await mkdir(knotDir, { recursive: true });

    let knot: Endpoint | undefined;
    let knotProcess: GuardedProcess | undefined;
    // A port chosen free can be taken before the server binds it; one more try is enough.
    for (let attempt = 0; knotProcess === undefined; attempt++) {
      const endpoint = { ip: host, port: await freePort(host) };
      const config = await writeKnotConfig(knotDir, endpoint, signed.files);
      const server = startKnot(path('knotd'), knotDir, config);
      servers.push(server);
      try {
        await waitUntil(
          server,
          endpoint,
          deadline,
          signed.files.map((file) => ({ name: file.origin === '' ? '.' : file.origin, type: 'SOA', checkingDisabled: false })),
          (message) => message.rcode === 'NOERROR' && message.flags.aa,
        );
        knot = endpoint;
        knotProcess = server;
      } catch (error) {
        await server.stop();
        servers.splice(servers.indexOf(server), 1);
        if (attempt >= 1 || !/address already in use|cannot bind|failed to bind/i.test(server.output())) throw error;
      }
    }

    let unbound: Endpoint | undefined;
    let controlConfig = '';
    let control: Endpoint | undefined;
    for (let attempt = 0; unbound === undefined; attempt++) {
      const endpoint = { ip: host, port: await freePort(host) };
      const controlEndpoint = { ip: host, port: await freePort(host) };
      const config = await writeUnboundConfig(
        unboundDir,
        endpoint,
        knot as Endpoint,
        controlEndpoint,
        signed.trustAnchorDs,
        signed.files.map((file) => file.origin),
      );
      const server = startUnbound(path('unbound'), unboundDir, config.file);
      servers.push(server);
      try {
        // The root's keys validate from the new trust anchor: the resolver is ready.
        await waitUntil(server, endpoint, deadline, [{ name: '.', type: 'SOA', checkingDisabled: false }], (message) => message.flags.ad);
        unbound = endpoint;
        controlConfig = config.file;
        control = controlEndpoint;
      } catch (error) {
        await server.stop();
        servers.splice(servers.indexOf(server), 1);
        if (attempt >= 1 || !/address already in use|can't bind|could not open ports/i.test(server.output())) throw error;
      }
    }
    const controlAddress = `${(control as Endpoint).ip}@${(control as Endpoint).port}`;
    const unboundControl = (args: readonly string[]): Promise<string> =>
      runTool(path('unbound-control'), ['-c', controlConfig, '-s', controlAddress, ...args], { timeoutMs: 10_000 });

    const lab: UnboundLab = {
      knot: knot as Endpoint,
      unbound,
      trustAnchor: signed.trustAnchorDs,
      trustAnchorDnskey: signed.trustAnchorDnskey,
      scenarios: scenariosFor(unsigned, signed),
      leftOut: signed.leftOut,
      notes: signed.notes,
      dir,
      unboundControl,
      async flushUnbound() {
        // flush_zone . drops messages, RRsets and validated keys below the root; the others
        // drop what it keeps elsewhere (bogus and negative entries, server timing data).
        await unboundControl(['flush_zone', '.']);
        await unboundControl(['flush_bogus']);
        await unboundControl(['flush_negative']);
        await unboundControl(['flush_infra', 'all']);
      },
      async unboundStats() {
        const text = await unboundControl(['stats_noreset']);
        const stats: Record<string, number> = {};
        for (const line of text.split('\n')) {
          const match = /^([^=\s]+)=([-\d.]+)$/.exec(line.trim());
          if (match !== null) stats[match[1] as string] = Number(match[2]);
        }
        return stats;
      },
      async knotQueries() {
        if (knotc === undefined) throw new ExternalToolMissingError([{ name: 'knotc', debianPackage: 'knot' }]);
        const text = await runTool(knotc, ['-s', join(knotDir, 'knot.sock'), 'stats', 'mod-stats.request-protocol'], { timeoutMs: 10_000 });
        let total = 0;
        for (const match of text.matchAll(/=\s*(\d+)/g)) total += Number(match[1]);
        return total;
      },
      close,
    };
    if (options.signal !== undefined) {
      if (options.signal.aborted) await close();
      else options.signal.addEventListener('abort', () => void close(), { once: true });
    }
    return lab;
  } catch (error) {
    await close();
    throw error;
  }
}
