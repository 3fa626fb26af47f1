/**
 * The nginx web peer: Debian's nginx serving the sites of `packages/lab/nginx/web-sites.conf` on
 * ports 80 and 443 of a loopback address of its own, and a DNS server that maps every site name
 * to that address. Nothing of pastoe's lab serves HTTP here: headers, HSTS, CSP, redirects and
 * security.txt are nginx's, set in its configuration file, and the expected verdicts are written
 * beside them in that file. A scan reaches the peer with transports a user would build
 * (`{ network, resolver, trust }`), not with the lab's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DnsServerHandle, startDnsServer } from '../dns/server.js';
import type { ExpectedSubtests, ExpectedVerdict } from '../net/scenarios/expected/types.js';
import { createLabCa, issueCertificate } from '../pki/ca.js';
import {
  ExternalToolError,
  ExternalToolMissingError,
  type GuardedProcess,
  missingTools,
  startGuarded,
  waitListening,
  whichTool,
} from './process.js';

/** One site of the configuration file and what pastoe must conclude of it. */
export interface NginxWebSite {
  /** The site's name (its `server_name`), also the domain a scan tests. */
  readonly domain: string;
  /** The verdicts the configuration file expects, by Internet.nl subtest name. */
  readonly expected: ExpectedSubtests;
}

/** A running nginx web peer. */
export interface NginxWebPeer {
  /** The loopback address nginx listens on (ports 80 and 443) and every site name resolves to. */
  readonly address: string;
  /** The sites, in the order of the configuration file. */
  readonly sites: readonly NginxWebSite[];
  /** The DNS server for the sites' zone, as a resolver spec (`udp://127.0.0.1:port`). */
  readonly resolverUrl: string;
  /** The certificate of the CA that issued the sites' certificate (PEM), for a trust store. */
  readonly caPem: string;
  /** Stops nginx and the DNS server and removes the files. */
  close(): Promise<void>;
}

/** Options for {@link startNginxWebPeer}. */
export interface NginxWebPeerOptions {
  /** Stops start-up; after start-up, closes the peer. */
  readonly signal?: AbortSignal;
}

/** The configuration file, in the lab package (two levels above this module in src/ and in dist/). */
function configTemplatePath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '..']) {
    const candidate = join(here, up, 'nginx', 'web-sites.conf');
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not here; try the next place
    }
  }
  throw new ExternalToolError('the nginx web peer configuration (nginx/web-sites.conf) is missing from @pastoe/lab');
}

const expectLine = /^#\s*expect\s+(\S+)\s+(\S+\/\S+)\s*$/;
const siteLine = /^#\s*site\s+(\S+)\s*$/;

/** The sites of the configuration file and their expectations, from its `# site` and `# expect` lines. */
export function parseNginxWebSites(text: string): NginxWebSite[] {
  const sites: { domain: string; expected: Record<string, ExpectedVerdict> }[] = [];
  for (const line of text.split('\n')) {
    const site = siteLine.exec(line.trim());
    if (site?.[1] !== undefined) {
      sites.push({ domain: site[1], expected: {} });
      continue;
    }
    const expectation = expectLine.exec(line.trim());
    if (expectation?.[1] === undefined || expectation[2] === undefined) continue;
    const current = sites[sites.length - 1];
    if (current === undefined) throw new ExternalToolError(`an expect line before any site line: ${line}`);
    current.expected[expectation[1]] = expectation[2] as ExpectedVerdict;
  }
  return sites;
}

/** A loopback address of the peer's own, away from 127.0.0.1, so that ports 80 and 443 are free. */
function randomLoopbackAddress(): string {
  const octet = (low: number, high: number): number => low + Math.floor(Math.random() * (high - low + 1));
  return `127.${octet(100, 250)}.${octet(0, 255)}.${octet(1, 254)}`;
}

/** The security.txt nginx serves for a site: valid for half a year from now. */
function securityTxt(domain: string, now: Date): string {
  const expires = new Date(now.getTime() + 182 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    `Contact: https://${domain}/contact`,
    `Expires: ${expires}`,
    'Preferred-Languages: nl, en',
    `Canonical: https://${domain}/.well-known/security.txt`,
    `Policy: https://${domain}/disclosure-policy`,
    '',
  ].join('\n');
}

/**
 * Starts the nginx web peer: a CA of its own and one certificate for every site name (and its
 * `www.`), a DNS server for the sites' zone, and nginx with the configuration file on ports 80
 * and 443 of a loopback address away from 127.0.0.1. Binding ports below 1024 needs root (or
 * CAP_NET_BIND_SERVICE), as CI has.
 *
 * @throws ExternalToolMissingError naming the Debian package when nginx is missing
 * @throws ExternalToolError when nginx does not come up in time
 */
export async function startNginxWebPeer(options: NginxWebPeerOptions = {}): Promise<NginxWebPeer> {
  const { signal } = options;
  signal?.throwIfAborted();
  const missing = missingTools([{ name: 'nginx', debianPackage: 'nginx' }]);
  if (missing.length > 0) throw new ExternalToolMissingError(missing);
  const nginx = whichTool('nginx') as string;
  const template = readFileSync(configTemplatePath(), 'utf8');
  const sites = parseNginxWebSites(template);
  const dir = mkdtempSync(join(tmpdir(), 'pastoe-nginx-web-'));
  let server: GuardedProcess | undefined;
  let dns: DnsServerHandle | undefined;
  const onExit = (): void => {
    server?.stopNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const close = async (): Promise<void> => {
    process.off('exit', onExit);
    await Promise.all([server?.stop(), dns?.close()]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const names = sites.flatMap((site) => [site.domain, `www.${site.domain}`]);
    const ca = await createLabCa({ commonName: 'pastoe nginx web peer CA' });
    const certificate = await issueCertificate(ca, { names });
    const files = { cert: join(dir, 'sites.crt'), key: join(dir, 'sites.key'), root: join(dir, 'www') };
    await writeFile(files.cert, certificate.chainPem);
    await writeFile(files.key, certificate.privateKeyPem, { mode: 0o600 });
    const now = new Date();
    for (const site of sites) {
      const siteRoot = join(files.root, site.domain.split('.')[0] ?? site.domain);
      await mkdir(siteRoot, { recursive: true });
      await writeFile(join(siteRoot, 'security.txt'), securityTxt(site.domain, now));
    }
    const deadline = Date.now() + 15_000;
    let address = '';
    for (let attempt = 0; ; attempt++) {
      address = randomLoopbackAddress();
      const config = join(dir, 'nginx.conf');
      const logFile = join(dir, 'error.log');
      const body = template
        .replaceAll('@LISTEN@', address)
        .replaceAll('@CERT@', files.cert)
        .replaceAll('@KEY@', files.key)
        .replaceAll('@ROOT@', files.root);
      await writeFile(
        config,
        [
          'daemon off;',
          'master_process off;',
          'worker_processes 1;',
          `pid ${join(dir, 'nginx.pid')};`,
          `error_log ${logFile} warn;`,
          'events { worker_connections 256; }',
          'http {',
          '  access_log off;',
          ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, `${kind}-temp`)};`),
          '  default_type text/plain;',
          body,
          '}',
          '',
        ].join('\n'),
      );
      server = startGuarded('nginx', nginx, ['-p', `${dir}/`, '-c', config, '-e', logFile], { cwd: dir, pidFile: join(dir, 'nginx.pid') });
      try {
        await waitListening(server, address, [80, 443], deadline, logFile);
        break;
      } catch (error) {
        await server.stop();
        if (attempt >= 2) throw error;
      }
    }
    signal?.throwIfAborted();
    dns = await startDnsServer({
      zones: [
        {
          origin: 'nginx.test',
          records: [
            { name: 'nginx.test', type: 'SOA', ttl: 300, data: soa },
            { name: 'nginx.test', type: 'NS', ttl: 300, data: { type: 'NS', target: 'ns.nginx.test' } },
            { name: 'ns.nginx.test', type: 'A', ttl: 300, data: { type: 'A', address: '127.0.0.1' } },
            ...names.map((name) => ({ name, type: 'A' as const, ttl: 300, data: { type: 'A' as const, address } })),
          ],
        },
      ],
    });
    signal?.addEventListener('abort', () => void close(), { once: true });
    return { address, sites, resolverUrl: `udp://${dns.udp.ip}:${dns.udp.port}`, caPem: ca.certificatePem, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const soa = {
  type: 'SOA',
  mname: 'ns.nginx.test',
  rname: 'hostmaster.nginx.test',
  serial: 1,
  refresh: 3600,
  retry: 600,
  expire: 86_400,
  minimum: 300,
} as const;
