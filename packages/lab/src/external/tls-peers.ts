/**
 * The TLS peer lab: TLS servers that pastoe did not write, for checking pastoe's TLS scanner
 * against independent implementations. nginx serves the TLS spec's two measured anchors (§4: A
 * modern, B legacy) over HTTPS and SMTP STARTTLS; `openssl s_server -client_renegotiation` is a
 * server that allows client-initiated renegotiation; gnutls-serv serves 3DES and RC4, which
 * OpenSSL 3 cannot, from a loopback-only network namespace. Everything listens on loopback, on
 * ports chosen at run time, with certificates from a fresh lab CA.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLabCa, issueCertificate } from '../pki/ca.js';
import { fixedLabKey } from '../pki/fixed-keys.js';
import {
  type ExternalTool,
  ExternalToolMissingError,
  type GuardedProcess,
  missingTools,
  runTool,
  startGuarded,
  startOnFreePorts,
  whichTool,
} from './process.js';
import { findNginxMailModule, legacyProfile, modernProfile, writeNginxConfig } from './tls-peer-nginx.js';
import { type NetnsGnutls, startNetnsGnutls } from './tls-peer-netns.js';

/** The programs {@link startTlsPeerLab} cannot do without, with the packages that provide them. */
export const tlsPeerLabTools: readonly ExternalTool[] = Object.freeze([
  { name: 'nginx', debianPackage: 'nginx' },
  { name: 'openssl', debianPackage: 'openssl' },
]);

/** One TLS endpoint of the lab, in the shape `scanTls` takes. */
export interface TlsPeerEndpoint {
  /** The host name: SNI, and a name the certificate is for. */
  readonly host: string;
  /** The loopback address. */
  readonly ip: string;
  /** The port, chosen at run time. */
  readonly port: number;
  /** `smtp` for the STARTTLS endpoints. */
  readonly starttls?: 'smtp';
}

/** The lab's endpoints. */
export interface TlsPeerEndpoints {
  /** nginx, server A (modern: TLS 1.2 and 1.3, four suites, server order, RSA-3072), HTTPS. */
  readonly httpsModern: TlsPeerEndpoint;
  /** nginx, server B (legacy: TLS 1.0 to 1.3, every suite OpenSSL 3.0 has, client order, DH-1024, RSA-2048), HTTPS. */
  readonly httpsLegacy: TlsPeerEndpoint;
  /** nginx mail module, server A's TLS settings, SMTP with `starttls only`. */
  readonly smtpModern: TlsPeerEndpoint;
  /** nginx mail module, server B's TLS settings, SMTP with `starttls only`. */
  readonly smtpLegacy: TlsPeerEndpoint;
  /** `openssl s_server -client_renegotiation`: allows client-initiated renegotiation without limit (TLS 1.2 and 1.3). */
  readonly renegotiation: TlsPeerEndpoint;
  /** gnutls-serv with 3DES and RC4 (TLS 1.0 to 1.2), behind a relay; absent when it could not start (see `skipped`). */
  readonly gnutlsLegacy?: TlsPeerEndpoint;
}

/** A running TLS peer lab. */
export interface TlsPeerLab {
  /** The lab CA's certificate (PEM): pass it as `ca` to `scanTls` for a verified chain. */
  readonly caPem: string;
  /** The host name every endpoint's certificate is for (and the SNI to send). */
  readonly host: string;
  /** The endpoints. */
  readonly endpoints: TlsPeerEndpoints;
  /** Why an optional endpoint is absent, one line each (e.g. no permission for a network namespace). */
  readonly skipped: string[];
  /** Stops every server and removes the lab's directory. Safe to call more than once. */
  close(): Promise<void>;
}

/** Options of {@link startTlsPeerLab}. */
export interface TlsPeerLabOptions {
  /**
   * Closes the lab when aborted. Aborted during start-up, the start rejects (with the signal's
   * reason) once the servers already starting are up, and stops them.
   */
  readonly signal?: AbortSignal;
}

/** The host name of the lab's certificates. `localhost` resolves everywhere, for tools that insist on a name. */
const labHost = 'localhost';
/** Every listener is on IPv4 loopback. */
const listenAddress = '127.0.0.1';
/** How long start-up may take. */
const startTimeoutMs = 20_000;

/**
 * The GnuTLS priority of the gnutls-serv endpoint (the TLS spec, §5): GnuTLS's defaults plus 3DES,
 * RC4, TLS 1.0 and 1.1, SHA-1 and MD5 MACs, static RSA and DHE key exchange, CAMELLIA-CBC and NULL.
 */
export const gnutlsLegacyPriority =
  'NORMAL:+3DES-CBC:+ARCFOUR-128:+VERS-TLS1.0:+VERS-TLS1.1:+SHA1:+MD5:+RSA:+DHE-RSA:+CAMELLIA-128-CBC:+NULL:%SERVER_PRECEDENCE';

/** TLS ≤ 1.2 suites of the renegotiation server: two, so that its sweep stays short. */
const renegotiationCiphers = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';
/** TLS 1.3 suites of the renegotiation server. */
const renegotiationCiphersuites = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';

/**
 * Starts the TLS peer lab (about a second): a lab CA and three server certificates (RSA-3072 for
 * A, RSA-2048 for the others, for `localhost` and 127.0.0.1), 1024-bit DH parameters from
 * `openssl dhparam`, then one nginx for A and B over HTTPS and SMTP STARTTLS,
 * `openssl s_server -client_renegotiation` and, where a network namespace can be made,
 * gnutls-serv with 3DES and RC4. All listen on 127.0.0.1 only.
 *
 * Every server runs under the harness's guard, which stops it when this process ends in any way;
 * `close()` stops them and removes the directory, which a process exit or SIGINT/SIGTERM does too.
 *
 * @throws ExternalToolMissingError naming the Debian packages when nginx, its mail module or openssl is missing
 * @throws ExternalToolError when a server does not come up in time
 */
export async function startTlsPeerLab(options: TlsPeerLabOptions = {}): Promise<TlsPeerLab> {
  const { signal } = options;
  signal?.throwIfAborted();
  const mailModule = findNginxMailModule();
  const missing = [
    ...missingTools(tlsPeerLabTools),
    ...(mailModule === undefined ? [{ name: 'ngx_mail_module.so', debianPackage: 'libnginx-mod-mail' }] : []),
  ];
  if (missing.length > 0 || mailModule === undefined) throw new ExternalToolMissingError(missing);
  const nginx = whichTool('nginx') as string;
  const openssl = whichTool('openssl') as string;
  const deadline = Date.now() + startTimeoutMs;

  const dir = mkdtempSync(join(tmpdir(), 'pastoe-tls-peers-'));
  const servers: GuardedProcess[] = [];
  let gnutls: NetnsGnutls | undefined;
  let closing: Promise<void> | undefined;
  /** Synchronous, for exit and signal handlers: the guard stops each server, this removes the files. */
  const cleanupNow = (): void => {
    for (const server of servers) server.stopNow();
    gnutls?.stopNow();
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = (): void => cleanupNow();
  const onSignal = (name: NodeJS.Signals): void => {
    cleanupNow();
    detach();
    // Without other listeners, do what the signal would have done had nobody listened.
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
      await Promise.all([gnutls?.close(), ...servers.map((server) => server.stop())]);
      rmSync(dir, { recursive: true, force: true });
    })();
    return closing;
  }
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const ca = await createLabCa({ commonName: 'pastoe TLS peer lab CA' });
    const names = { names: [labHost], ips: [listenAddress] };
    const [modernCert, legacyCert, otherCert] = await Promise.all([
      issueCertificate(ca, { ...names, privateKey: fixedLabKey('rsa3072') }),
      issueCertificate(ca, { ...names, privateKey: fixedLabKey('rsa2048a') }),
      issueCertificate(ca, { ...names, privateKey: fixedLabKey('rsa2048b') }),
    ]);
    const files = {
      modernCert: join(dir, 'modern.crt'),
      modernKey: join(dir, 'modern.key'),
      legacyCert: join(dir, 'legacy.crt'),
      legacyKey: join(dir, 'legacy.key'),
      otherCert: join(dir, 'other.crt'),
      otherKey: join(dir, 'other.key'),
      dh: join(dir, 'dh1024.pem'),
    };
    await Promise.all([
      writeFile(files.modernCert, modernCert.chainPem),
      writeFile(files.modernKey, modernCert.privateKeyPem, { mode: 0o600 }),
      writeFile(files.legacyCert, legacyCert.chainPem),
      writeFile(files.legacyKey, legacyCert.privateKeyPem, { mode: 0o600 }),
      writeFile(files.otherCert, otherCert.chainPem),
      writeFile(files.otherKey, otherCert.privateKeyPem, { mode: 0o600 }),
    ]);
    signal?.throwIfAborted();

    const startNginx = async (): Promise<readonly number[]> => {
      // A fresh prime each time: "custom" DH, as a server that ran `openssl dhparam` has.
      await runTool(openssl, ['dhparam', '-out', files.dh, '1024'], { timeoutMs: Math.max(1000, deadline - Date.now()) });
      const logFile = join(dir, 'nginx-error.log');
      const { ports } = await startOnFreePorts(listenAddress, 4, deadline, async ([modernHttps, legacyHttps, modernSmtp, legacySmtp]) => {
        rmSync(logFile, { force: true });
        const config = await writeNginxConfig({
          dir,
          listen: listenAddress,
          serverName: labHost,
          mailModule,
          dhFile: files.dh,
          sites: [
            {
              profile: modernProfile,
              certificateFile: files.modernCert,
              keyFile: files.modernKey,
              httpsPort: modernHttps as number,
              smtpPort: modernSmtp as number,
            },
            {
              profile: legacyProfile,
              certificateFile: files.legacyCert,
              keyFile: files.legacyKey,
              httpsPort: legacyHttps as number,
              smtpPort: legacySmtp as number,
            },
          ],
        });
        const server = startGuarded('nginx', nginx, ['-p', `${dir}/`, '-c', config, '-e', logFile], {
          cwd: dir,
          pidFile: join(dir, 'nginx.pid'),
        });
        servers.push(server);
        return { server, logFile };
      });
      return ports;
    };

    const startRenegotiation = async (): Promise<number> => {
      // s_server's interactive mode, the one that keeps up with renegotiations (-www and -rev
      // sleep a second whenever a read would block, longer than a scanner waits for one), ends
      // each connection when its standard input ends. The guard gives it /dev/null; a FIFO opened
      // for reading and writing never ends and never has anything to read.
      const fifo = join(dir, 's_server.stdin');
      await runTool('mkfifo', ['-m', '600', fifo], { timeoutMs: 5000 });
      const { ports } = await startOnFreePorts(listenAddress, 1, deadline, async ([port]) => {
        // Connections are served one at a time.
        const server = startGuarded('openssl s_server', '/bin/sh', [
          '-c',
          'exec "$@" 0<>"$0"',
          fifo,
          openssl,
          's_server',
          '-accept',
          `${listenAddress}:${port}`,
          '-cert',
          files.otherCert,
          '-key',
          files.otherKey,
          '-client_renegotiation',
          '-quiet',
          '-cipher',
          renegotiationCiphers,
          '-ciphersuites',
          renegotiationCiphersuites,
        ]);
        servers.push(server);
        return { server };
      });
      return ports[0] as number;
    };

    const startGnutls = async (): Promise<string | undefined> => {
      const started = await startNetnsGnutls({
        dir,
        listen: listenAddress,
        certificateFile: files.otherCert,
        keyFile: files.otherKey,
        priority: gnutlsLegacyPriority,
        deadline,
      });
      if (!started.ok) return `gnutlsLegacy: ${started.reason}`;
      gnutls = started.server;
      return undefined;
    };

    // Settled, not all: a failure must not close the lab while another server is still starting
    // (it would come up after the close and outlive it).
    const [nginxStart, renegotiationStart, gnutlsStart] = await Promise.allSettled([startNginx(), startRenegotiation(), startGnutls()]);
    for (const result of [nginxStart, renegotiationStart, gnutlsStart]) if (result.status === 'rejected') throw result.reason;
    signal?.throwIfAborted();
    const nginxPorts = (nginxStart as PromiseFulfilledResult<readonly number[]>).value;
    const renegotiationPort = (renegotiationStart as PromiseFulfilledResult<number>).value;
    const gnutlsSkipped = (gnutlsStart as PromiseFulfilledResult<string | undefined>).value;
    const [modernHttps, legacyHttps, modernSmtp, legacySmtp] = nginxPorts as [number, number, number, number];
    const at = (port: number, starttls?: 'smtp'): TlsPeerEndpoint =>
      Object.freeze({ host: labHost, ip: listenAddress, port, ...(starttls === undefined ? {} : { starttls }) });
    const endpoints: TlsPeerEndpoints = Object.freeze({
      httpsModern: at(modernHttps),
      httpsLegacy: at(legacyHttps),
      smtpModern: at(modernSmtp, 'smtp'),
      smtpLegacy: at(legacySmtp, 'smtp'),
      renegotiation: at(renegotiationPort),
      ...(gnutls === undefined ? {} : { gnutlsLegacy: at(gnutls.port) }),
    });
    // Only now: an abort during start-up is seen at the checks above, once every server that was
    // starting has started, so that close() finds them all.
    signal?.addEventListener('abort', onAbort, { once: true });
    return {
      caPem: ca.certificatePem,
      host: labHost,
      endpoints,
      skipped: gnutlsSkipped === undefined ? [] : [gnutlsSkipped],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
