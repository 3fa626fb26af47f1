/**
 * The Postfix mail peer: Debian's Postfix as an SMTP server with STARTTLS that pastoe did not
 * write, serving two TLS profiles on two ports of 127.0.0.1 chosen at run time, with a
 * certificate from a fresh lab CA.
 *
 * How it runs without touching the system's Postfix (/etc/postfix, /var/spool/postfix,
 * /var/lib/postfix stay as they are, and no system service is started):
 * - Its own `config_directory` in a temporary directory: a `main.cf` that names a
 *   `queue_directory` and `data_directory` in that directory too, and a `master.cf` with only the
 *   services an SMTP session up to STARTTLS needs: two `smtpd` listeners (one per profile, the
 *   profile's settings as `-o` overrides), `proxymap` (smtpd opens its maps through it at start),
 *   `anvil` (connection counting), `tlsmgr` and `postlog` (`postlogd` writes the log to
 *   `postfix.log` in the directory, named in `maillog_file`). No chroot, no queue manager: nothing
 *   is ever delivered. Not `maillog_file = /dev/stdout`: postlogd runs as the mail owner and
 *   cannot reopen a pipe of root's, and the services then stall on logging.
 * - Postfix's `master` daemon (`$daemon_directory/master -c <dir> -d`), in the foreground under
 *   the harness's guard, rather than `postfix start`, which runs the postfix-script checks and
 *   detaches. The guard's SIGTERM makes master stop its children.
 * - master must run as root: it binds the listeners and drops the services to `mail_owner`
 *   (Debian's `postfix` user, which the package creates). The queue directory's `private` and
 *   `public` subdirectories (where master makes the services' sockets) and the data directory are
 *   owned by that user; the TLS key stays root's (smtpd reads it before dropping privileges).
 *   {@link postfixPeerUnavailable} says why the peer cannot run elsewhere.
 * - Found to work with Postfix 3.7 and OpenSSL 3.0 (Debian 12). TLS 1.0 and 1.1 need
 *   `@SECLEVEL=0` in the cipher list: Debian's OpenSSL refuses them at its default level 2.
 *   Postfix 3.7 has no setting for the TLS 1.3 suites; both profiles offer OpenSSL's three
 *   defaults (AES-256-GCM, CHACHA20-POLY1305, AES-128-GCM), all AEAD.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLabCa, issueCertificate } from '../pki/ca.js';
import { fixedLabKey } from '../pki/fixed-keys.js';
import {
  type ExternalTool,
  ExternalToolError,
  ExternalToolMissingError,
  type GuardedProcess,
  missingTools,
  runTool,
  startGuarded,
  startOnFreePorts,
  whichTool,
} from './process.js';
import type { TlsPeerEndpoint } from './tls-peers.js';

/** The programs {@link startPostfixPeer} needs, with the package that provides them. */
export const postfixPeerTools: readonly ExternalTool[] = Object.freeze([
  { name: 'postfix', debianPackage: 'postfix' },
  { name: 'postconf', debianPackage: 'postfix' },
]);

/** The TLS settings of one smtpd listener, in Postfix's words (its `main.cf` parameters). */
export interface PostfixTlsProfile {
  /** `smtpd_tls_protocols`, e.g. `>=TLSv1.2`. */
  readonly protocols: string;
  /** The OpenSSL cipher string for TLS ≤ 1.2: `tls_high_cipherlist`, with `smtpd_tls_ciphers = high`. */
  readonly ciphers: string;
  /** `tls_preempt_cipherlist`: the server's cipher order rather than the client's. */
  readonly preferServerCiphers: boolean;
  /** `tls_eecdh_auto_curves`: the ECDHE groups, in OpenSSL's names. */
  readonly groups: readonly string[];
}

/**
 * Modern: TLS 1.2 and 1.3; at TLS 1.2 only ECDHE with AES-GCM or CHACHA20-POLY1305 (AEAD, forward
 * secret); server order; X25519, P-256, P-384. `@SECLEVEL=3`: Postfix's cipher list replaces
 * Debian's OpenSSL `CipherString` (and its level 2), and a TLS 1.2 server signs its key exchange
 * with SHA-1 when a client offers only SHA-1 at OpenSSL's built-in level 1, with SHA-224 at level
 * 2 (the kex-hash subtest's `bad` and `phase-out`). Level 3 needs the RSA-3072 key the peer has.
 */
export const postfixModernProfile: PostfixTlsProfile = Object.freeze({
  protocols: '>=TLSv1.2',
  ciphers: 'ECDHE+AESGCM:ECDHE+CHACHA20:@SECLEVEL=3',
  preferServerCiphers: true,
  groups: Object.freeze(['X25519', 'prime256v1', 'secp384r1']),
});

/**
 * Legacy: TLS 1.0 to 1.2 (no 1.3); ECDHE with AES-GCM, CHACHA20-POLY1305 and AES-CBC (SHA-1 and
 * SHA-2 MACs); the client's order; X25519, P-256, P-384. `@SECLEVEL=0`, which TLS 1.0 and 1.1
 * need, also lets the server sign with SHA-1.
 */
export const postfixLegacyProfile: PostfixTlsProfile = Object.freeze({
  protocols: '>=TLSv1, <=TLSv1.2',
  ciphers: 'ECDHE+AESGCM:ECDHE+CHACHA20:ECDHE+AES:@SECLEVEL=0',
  preferServerCiphers: false,
  groups: Object.freeze(['X25519', 'prime256v1', 'secp384r1']),
});

/** The peer's endpoints, in the shape `scanTls` takes (`starttls: 'smtp'`). */
export interface PostfixPeerEndpoints {
  /** smtpd with {@link postfixModernProfile}. */
  readonly modern: TlsPeerEndpoint;
  /** smtpd with {@link postfixLegacyProfile}. */
  readonly legacy: TlsPeerEndpoint;
}

/** A running Postfix peer. */
export interface PostfixPeer {
  /** The lab CA's certificate (PEM): pass it as `ca` to `scanTls` for a verified chain. */
  readonly caPem: string;
  /** The host name of the certificate, the SNI to send and the name in Postfix's greeting. */
  readonly host: string;
  /** The endpoints. */
  readonly endpoints: PostfixPeerEndpoints;
  /** Stops Postfix and removes its directory. Safe to call more than once. */
  close(): Promise<void>;
}

/** Options of {@link startPostfixPeer}. */
export interface PostfixPeerOptions {
  /** Closes the peer when aborted; aborted during start-up, the start rejects once Postfix is stopped. */
  readonly signal?: AbortSignal;
}

const labHost = 'localhost';
const listenAddress = '127.0.0.1';
const startTimeoutMs = 20_000;
/** Debian's `mail_owner`, created by the postfix package. */
const mailOwner = 'postfix';

/** The numeric user and group ids of a system user, or `undefined` when there is none. */
function systemUser(name: string): { uid: number; gid: number } | undefined {
  const id = (flag: string): number => Number(spawnSync('id', [flag, name], { encoding: 'utf8', timeout: 5000 }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  return Number.isInteger(uid) && uid > 0 && Number.isInteger(gid) ? { uid, gid } : undefined;
}

/**
 * Why the Postfix peer cannot run here, or `undefined` when it can: Postfix is not installed,
 * this process is not root (Postfix's master must be), or there is no `postfix` user.
 */
export function postfixPeerUnavailable(): string | undefined {
  const missing = missingTools(postfixPeerTools);
  if (missing.length > 0) return new ExternalToolMissingError(missing).message;
  if (process.getuid?.() !== 0) return "Postfix's master daemon must run as root";
  if (systemUser(mailOwner) === undefined) return `no ${mailOwner} user (the postfix package creates it)`;
  return undefined;
}

/** `-o` overrides that put a profile on one smtpd listener; `{ … }` lets a value hold spaces and commas. */
function profileOverrides(profile: PostfixTlsProfile): string {
  return [
    `-o { smtpd_tls_protocols = ${profile.protocols} }`,
    '-o smtpd_tls_ciphers=high',
    `-o { tls_high_cipherlist = ${profile.ciphers} }`,
    `-o tls_preempt_cipherlist=${profile.preferServerCiphers ? 'yes' : 'no'}`,
    `-o { tls_eecdh_auto_curves = ${profile.groups.join(' ')} }`,
  ].join(' ');
}

/** What {@link writePostfixConfig} needs. */
interface PostfixConfigInput {
  readonly configDir: string;
  readonly queueDir: string;
  readonly dataDir: string;
  readonly logFile: string;
  readonly certificateFile: string;
  readonly keyFile: string;
  readonly listeners: readonly { readonly port: number; readonly profile: PostfixTlsProfile }[];
}

/** Writes `main.cf` and `master.cf` into the configuration directory. */
async function writePostfixConfig(input: PostfixConfigInput): Promise<void> {
  const main = [
    'compatibility_level = 3.6',
    `queue_directory = ${input.queueDir}`,
    `data_directory = ${input.dataDir}`,
    `mail_owner = ${mailOwner}`,
    `myhostname = ${labHost}`,
    `mydomain = ${labHost}`,
    `inet_interfaces = ${listenAddress}`,
    'inet_protocols = ipv4',
    `mynetworks = ${listenAddress}/32`,
    `maillog_file = ${input.logFile}`,
    `maillog_file_prefixes = ${dirname(input.logFile)}`,
    // No reverse lookups of the client, and no local recipients to look up: this server only talks TLS.
    'smtpd_peername_lookup = no',
    'local_recipient_maps =',
    'smtpd_tls_security_level = may',
    `smtpd_tls_cert_file = ${input.certificateFile}`,
    `smtpd_tls_key_file = ${input.keyFile}`,
    'smtpd_tls_loglevel = 0',
  ];
  const master = [
    ...input.listeners.map(({ port, profile }) => `${listenAddress}:${port} inet n - n - - smtpd ${profileOverrides(profile)}`),
    'proxymap unix - - n - - proxymap',
    'anvil unix - - n - 1 anvil',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'postlog unix-dgram n - n - 1 postlogd',
  ];
  await writeFile(join(input.configDir, 'main.cf'), `${main.join('\n')}\n`);
  await writeFile(join(input.configDir, 'master.cf'), `${master.join('\n')}\n`);
}

/**
 * Starts the Postfix peer (one to two seconds): a lab CA and an RSA-3072 certificate for
 * `localhost` and 127.0.0.1, then Postfix's master with two smtpd listeners on 127.0.0.1, one per
 * profile ({@link postfixModernProfile}, {@link postfixLegacyProfile}). Postfix runs under the
 * harness's guard, which stops it when this process ends in any way; `close()` stops it and removes
 * its directory.
 *
 * @throws ExternalToolMissingError naming the Debian package when Postfix is missing
 * @throws ExternalToolError when not root, or when Postfix does not come up in time
 */
export async function startPostfixPeer(options: PostfixPeerOptions = {}): Promise<PostfixPeer> {
  const { signal } = options;
  signal?.throwIfAborted();
  const missing = missingTools(postfixPeerTools);
  if (missing.length > 0) throw new ExternalToolMissingError(missing);
  const unavailable = postfixPeerUnavailable();
  if (unavailable !== undefined) throw new ExternalToolError(`cannot start Postfix: ${unavailable}`);
  const owner = systemUser(mailOwner) as { uid: number; gid: number };
  const deadline = Date.now() + startTimeoutMs;

  const dir = mkdtempSync(join(tmpdir(), 'pastoe-postfix-'));
  // The services run as the mail owner and must reach the queue directory below this one.
  chmodSync(dir, 0o755);
  const configDir = join(dir, 'conf');
  const queueDir = join(dir, 'queue');
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postfix.log');
  let server: GuardedProcess | undefined;
  let closing: Promise<void> | undefined;
  const cleanupNow = (): void => {
    server?.stopNow();
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = (): void => cleanupNow();
  const onSignal = (name: NodeJS.Signals): void => {
    cleanupNow();
    detach();
    if (process.listenerCount(name) === 0) process.kill(process.pid, name);
  };
  const onAbort = (): void => void close();
  function detach(): void {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    signal?.removeEventListener('abort', onAbort);
  }
  function close(): Promise<void> {
    closing ??= (async () => {
      detach();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    })();
    return closing;
  }
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    mkdirSync(configDir);
    mkdirSync(join(queueDir, 'pid'), { recursive: true });
    for (const [sub, mode] of [
      ['private', 0o700],
      ['public', 0o710],
    ] as const) {
      mkdirSync(join(queueDir, sub), { mode });
      chownSync(join(queueDir, sub), owner.uid, owner.gid);
    }
    mkdirSync(dataDir, { mode: 0o700 });
    chownSync(dataDir, owner.uid, owner.gid);
    writeFileSync(logFile, '', { mode: 0o640 });
    chownSync(logFile, owner.uid, owner.gid);

    const ca = await createLabCa({ commonName: 'pastoe Postfix peer CA' });
    const certificate = await issueCertificate(ca, { names: [labHost], ips: [listenAddress], privateKey: fixedLabKey('rsa3072') });
    const certificateFile = join(configDir, 'server.crt');
    const keyFile = join(configDir, 'server.key');
    await writeFile(certificateFile, certificate.chainPem);
    await writeFile(keyFile, certificate.privateKeyPem, { mode: 0o600 });
    signal?.throwIfAborted();

    // postconf needs the main.cf to read; a first one without listeners does.
    const base = { configDir, queueDir, dataDir, logFile, certificateFile, keyFile };
    await writePostfixConfig({ ...base, listeners: [] });
    const daemonDirectory = (
      await runTool('postconf', ['-c', configDir, '-h', 'daemon_directory'], { timeoutMs: Math.max(1000, deadline - Date.now()) })
    ).trim();
    const master = join(daemonDirectory, 'master');
    if (whichTool(master) === undefined) throw new ExternalToolError(`Postfix's master is not at ${master}`);

    const { ports } = await startOnFreePorts(listenAddress, 2, deadline, async ([modernPort, legacyPort]) => {
      await writePostfixConfig({
        ...base,
        listeners: [
          { port: modernPort as number, profile: postfixModernProfile },
          { port: legacyPort as number, profile: postfixLegacyProfile },
        ],
      });
      server = startGuarded('postfix master', master, ['-c', configDir, '-d'], { cwd: dir, pidFile: join(queueDir, 'pid', 'master.pid') });
      return { server, logFile };
    });
    signal?.throwIfAborted();
    const at = (port: number): TlsPeerEndpoint => Object.freeze({ host: labHost, ip: listenAddress, port, starttls: 'smtp' as const });
    const endpoints: PostfixPeerEndpoints = Object.freeze({ modern: at(ports[0] as number), legacy: at(ports[1] as number) });
    signal?.addEventListener('abort', onAbort, { once: true });
    return { caPem: ca.certificatePem, host: labHost, endpoints, close };
  } catch (error) {
    await close();
    throw error;
  }
}
