import { readFile } from 'node:fs/promises';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import {
  type AddressCategory,
  type AddressMap,
  type ClosableResolver,
  classifyAddress,
  createAddressPolicy,
  createNodeNetwork,
  createResolver,
  createRipestatRouteSource,
  createRoutinatorVrpSource,
  createTrustStore,
  createValidator,
  type ScanManyOptions,
  type Transports,
  type VantageSettings,
} from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { type Command, Option } from 'commander';
import { httpUrl, type MapRoute, mapRoute, positiveInteger, resolverSpec, timeoutMs, type VantageFlag, vantageEndpoints } from './flags.js';
import { UsageError } from './usage-error.js';

/** The scoring policies `--policy` names. */
export type PolicyName = 'internetnl' | 'streefbeeld';

/** The common scan flags as commander parses them (see {@link addScanOptions}). */
export interface ScanFlags {
  /** `--resolver URL`: the resolver spec. */
  readonly resolver?: string;
  /** `--trust-anchor FILE`: DNSSEC root trust anchors (zone-file DS or DNSKEY records). */
  readonly trustAnchor?: string;
  /** `--ca FILE`: the CA certificates (PEM) trusted instead of Mozilla's roots. */
  readonly ca?: string;
  /** `--map`: the address routes. */
  readonly map?: readonly MapRoute[];
  /** `--routinator URL`: the Routinator whose VRPs judge route origins (RPKI); without it RPKI is not tested. */
  readonly routinator?: string;
  /** `--ripestat URL`: the RIPEstat-like data API routes are looked up in (default RIPEstat's). */
  readonly ripestat?: string;
  /** `--allow-private`: contact private, loopback and documentation addresses too. */
  readonly allowPrivate?: boolean;
  /** `--tls-per-name`: scan TLS in full for every name, never building on another name's scan of the same server. */
  readonly tlsPerName?: boolean;
  /** `--vantage`: the vantage check's endpoints, or `skip`. */
  readonly vantage?: VantageFlag;
  /** `--timeout`: the time limit per domain, in milliseconds (the flag is in seconds). */
  readonly timeout?: number;
  /** `--concurrency`: domains scanned at once. */
  readonly concurrency?: number;
  /** `--policy`: the scoring policy reports lead with. */
  readonly policy?: PolicyName;
  /** `--lab`: scan against an in-process lab. */
  readonly lab?: boolean;
  /** `--web`: run the website test (with neither `web` nor `mail`, both run). */
  readonly web?: boolean;
  /** `--mail`: run the email test. */
  readonly mail?: boolean;
}

/** What a command scans with: the options for `scanMany`, and how to release what was opened for them. */
export interface ScanSetup {
  /** The options for `scanMany`, all but the signal. */
  readonly scan: Omit<ScanManyOptions, 'signal'>;
  /** The in-process lab with `--lab`. */
  readonly lab?: Lab;
  /** The address map the network applies (`--map`, or the lab's), if any. */
  readonly addressMap?: AddressMap;
  /** Stops the lab and closes the resolver this setup opened. */
  close(): Promise<void>;
}

/** The flags that name a world `--lab` brings its own of. */
const labConflicts = ['resolver', 'trustAnchor', 'ca', 'map', 'routinator', 'ripestat'];

/** The most concurrent domains and the largest file a flag may name. */
const maxConcurrency = 256;
const maxFileBytes = 4_000_000;

/** Adds the common scan flags to a command (`check`, `bulk`). */
export function addScanOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--resolver <url>',
        'resolver: udp://IP[:PORT], tcp://IP[:PORT], https://HOST/dns-query or system (default: public DoH)',
      ).argParser(resolverSpec),
    )
    .addOption(new Option('--trust-anchor <file>', 'DNSSEC root trust anchors, zone-file DS or DNSKEY records (default: IANA’s)'))
    .addOption(new Option('--ca <file>', 'CA certificates (PEM) to trust instead of Mozilla’s roots'))
    .addOption(
      new Option(
        '--map <addr:port=addr:port>',
        'connect to the second endpoint when a scan contacts the first (repeatable; IPv6 in brackets; /tcp or /udp for one protocol)',
      ).argParser(mapRoute),
    )
    .addOption(
      new Option('--routinator <url>', 'a Routinator whose VRPs judge route origins (without it RPKI is not tested)').argParser(httpUrl),
    )
    .addOption(
      new Option('--ripestat <url>', 'the RIPEstat data API routes are looked up in (default https://stat.ripe.net)').argParser(httpUrl),
    )
    .addOption(new Option('--allow-private', 'also contact private, loopback and documentation addresses'))
    .addOption(
      new Option(
        '--tls-per-name',
        'scan TLS in full for every name, as Internet.nl does (default: a name on a server already scanned for another name is confirmed with a few hellos)',
      ),
    )
    .addOption(
      new Option('--vantage <skip|addr:port,...>', 'endpoints of pastoe’s own vantage check (port 25: SMTP), or skip').argParser(
        vantageEndpoints,
      ),
    )
    .addOption(new Option('--timeout <seconds>', 'time limit per domain (default 120)').argParser(timeoutMs))
    .addOption(new Option('--concurrency <n>', 'domains scanned at once (default 4)').argParser(positiveInteger(maxConcurrency)))
    .addOption(
      new Option('--policy <name>', 'the scoring policy reports lead with').choices(['internetnl', 'streefbeeld']).default('internetnl'),
    )
    .addOption(new Option('--lab', 'scan against an in-process lab on loopback (implies --allow-private)').conflicts(labConflicts));
}

/** The checks and probes of the tests the flags select: `--web`, `--mail`, or both when neither is given. */
export function scanSelection(flags: Pick<ScanFlags, 'web' | 'mail'>): Pick<ScanManyOptions, 'checks' | 'probes'> {
  const both = flags.web !== true && flags.mail !== true;
  const presets = [...(both || flags.web === true ? [webPreset] : []), ...(both || flags.mail === true ? [mailPreset] : [])];
  return { checks: presets.flatMap((preset) => preset.checks), probes: presets.flatMap((preset) => preset.probes) };
}

/**
 * Turns the common flags into options for `scanMany`. With `--lab` it starts an in-process lab
 * and scans with its transports, vantage settings and address map; otherwise it builds what the
 * flags name and leaves the rest to core's real-use defaults (DoH, IANA's trust anchors, Mozilla's
 * roots, public addresses only). A file that cannot be read or parsed is a {@link UsageError}.
 */
export async function scanSetup(flags: ScanFlags, options: { readonly signal?: AbortSignal } = {}): Promise<ScanSetup> {
  const common = {
    ...scanSelection(flags),
    ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout }),
    ...(flags.concurrency === undefined ? {} : { domainConcurrency: flags.concurrency }),
    ...(flags.tlsPerName === true ? { settings: { tlsSharing: 'name' as const } } : {}),
  };
  if (flags.lab === true) {
    const lab = await startLab(options.signal === undefined ? {} : { signal: options.signal });
    return {
      scan: { ...common, transports: lab.transports(), vantage: vantageOption(flags.vantage) ?? lab.vantage },
      lab,
      addressMap: lab.addressMap.map,
      close: () => lab.close(),
    };
  }
  if (flags.ripestat !== undefined && flags.routinator === undefined) throw new UsageError('--ripestat needs --routinator URL');
  const [trustAnchors, ca] = await Promise.all([readFlagFile('--trust-anchor', flags.trustAnchor), readFlagFile('--ca', flags.ca)]);
  const trust = ca === undefined ? undefined : fromText('--ca', flags.ca, () => createTrustStore({ ca, mozilla: false }));
  const map = flags.map === undefined ? undefined : addressMap(flags.map);
  const network = createNodeNetwork({
    policy: createAddressPolicy(flags.allowPrivate === true ? { allow: privateAllowed } : {}),
    ...(map === undefined ? {} : { map }),
  });
  // A resolver of our own only when the flags need one; core's default DoH resolver otherwise.
  const resolver: ClosableResolver | undefined =
    flags.resolver !== undefined || trustAnchors !== undefined
      ? createResolver(flags.resolver, { network, ...(trust === undefined ? {} : { trust }) })
      : undefined;
  const transports: Partial<Transports> = {
    network,
    ...(trust === undefined ? {} : { trust }),
    ...(resolver === undefined ? {} : { resolver }),
    ...(flags.routinator === undefined
      ? {}
      : {
          rpki: {
            routes: createRipestatRouteSource(flags.ripestat === undefined ? {} : { baseUrl: flags.ripestat }),
            vrps: createRoutinatorVrpSource({ baseUrl: flags.routinator }),
          },
        }),
    ...(resolver === undefined || trustAnchors === undefined
      ? {}
      : { validator: fromText('--trust-anchor', flags.trustAnchor, () => createValidator({ resolver, trustAnchors })) }),
  };
  const vantage = vantageOption(flags.vantage);
  return {
    scan: { ...common, transports, ...(vantage === undefined ? {} : { vantage }) },
    ...(map === undefined ? {} : { addressMap: map }),
    close: async () => {
      await resolver?.close();
    },
  };
}

/** What `--allow-private` adds to the public addresses. */
const privateAllowed: readonly AddressCategory[] = ['public', 'private', 'loopback', 'documentation', 'unique-local', 'shared'];

function vantageOption(flag: VantageFlag | undefined): VantageSettings | 'skip' | undefined {
  if (flag === undefined || flag === 'skip') return flag;
  return { tcpEndpoints: flag.tcp, tcp6Endpoints: flag.tcp6, smtpEndpoints: flag.smtp };
}

/**
 * The `--map` routes as an address map. A documentation address without a route is sent to
 * loopback port 1, where the connection is refused: such an address exists only in a simulated
 * network, and must not go out to the real one.
 */
function addressMap(routes: readonly MapRoute[]): AddressMap {
  const table = new Map<string, MapRoute['to']>();
  const key = (ip: string, port: number, protocol: string): string => `${protocol} ${canonicalIp(ip)} ${port}`;
  for (const route of routes) {
    for (const protocol of route.protocol === undefined ? ['tcp', 'udp'] : [route.protocol])
      table.set(key(route.from.ip, route.from.port, protocol), route.to);
  }
  return (target, protocol) => {
    const found = table.get(key(target.ip, target.port, protocol));
    if (found !== undefined) return found;
    return classifyAddress(target.ip) === 'documentation' ? { ip: target.ip.includes(':') ? '::1' : '127.0.0.1', port: 1 } : undefined;
  };
}

/** An IP address in one spelling, so that `2001:DB8::1` and `2001:db8:0::1` find the same route. */
function canonicalIp(ip: string): string {
  return ip.includes(':') ? new URL(`http://[${ip}]`).hostname.slice(1, -1) : ip;
}

/** Reads the file a flag names, bounded in size; a file that cannot be read is a usage error. */
async function readFlagFile(flag: string, file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new UsageError(`cannot read ${flag} ${JSON.stringify(file)}: ${code}`);
  }
  if (text.length > maxFileBytes) throw new UsageError(`${flag} ${JSON.stringify(file)} is larger than ${maxFileBytes} bytes`);
  return text;
}

/** Builds from a file's text; what the builder refuses is a usage error naming the flag and file. */
function fromText<T>(flag: string, file: string | undefined, build: () => T): T {
  try {
    return build();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(`${flag} ${JSON.stringify(file)}: ${reason}`);
  }
}
