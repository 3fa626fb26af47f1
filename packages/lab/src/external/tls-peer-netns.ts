/**
 * gnutls-serv for the suites OpenSSL 3 no longer serves (3DES, RC4), kept off every network but
 * loopback. gnutls-serv has no bind-address option: it listens on all interfaces. So it runs in
 * a network namespace of its own (`unshare -n`) whose only interface is loopback.
 *
 * This process cannot connect into that namespace, but a Unix socket is a file, and files are
 * shared across network namespaces. So a small relay runs inside the namespace beside
 * gnutls-serv (Unix socket → its 127.0.0.1 port), and one in this process listens on loopback
 * here (TCP → the Unix socket). Bytes pass unchanged; only how a connection ends (reset or
 * close) is not carried across.
 */
import { writeFile } from 'node:fs/promises';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { join } from 'node:path';
import { type GuardedProcess, startGuarded, whichTool } from './process.js';

/** What {@link startNetnsGnutls} needs. */
export interface NetnsGnutlsInput {
  /** A private directory for the relay script and the Unix socket (its path must be short: ≤ 100 bytes). */
  readonly dir: string;
  /** The loopback address the outer relay listens on, in this process's namespace. */
  readonly listen: string;
  /** The certificate chain file (PEM). */
  readonly certificateFile: string;
  /** The private key file (PEM). */
  readonly keyFile: string;
  /** The GnuTLS priority string. */
  readonly priority: string;
  /** Start-up must be done by then (a `Date.now()` value). */
  readonly deadline: number;
}

/** A running gnutls-serv behind the relays. */
export interface NetnsGnutls {
  /** The loopback port of the outer relay. */
  readonly port: number;
  /** Stops the relays and gnutls-serv. */
  close(): Promise<void>;
  /** Stops gnutls-serv without waiting, for process exit handlers. */
  stopNow(): void;
}

/** The outcome of {@link startNetnsGnutls}: running, or why not. */
export type NetnsGnutlsStart = { readonly ok: true; readonly server: NetnsGnutls } | { readonly ok: false; readonly reason: string };

/**
 * The relay inside the namespace, as a CommonJS script for a plain `node`. It picks a free port in
 * the namespace, starts gnutls-serv there (under `setpriv --pdeathsig KILL` when available, so
 * that gnutls-serv dies with the relay even when the relay is killed), waits until it accepts
 * connections, then relays connections from the Unix socket to it and prints `ready`.
 */
const innerRelayScript = `'use strict';
const { spawn } = require('node:child_process');
const net = require('node:net');
const config = JSON.parse(process.argv[2]);
let child;
let server;
let stopping = false;
let log = '';
function stop(code) {
  if (stopping) return;
  stopping = true;
  if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (server !== undefined) server.close();
  process.exit(code);
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(0));
function fail(message) {
  process.stderr.write(message + '\\n' + log.trim() + '\\n');
  stop(1);
}
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = probe.address().port;
      probe.close(() => resolve(port));
    });
  });
}
function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
function join(a, b) {
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
  a.on('close', () => b.destroy());
  b.on('close', () => a.destroy());
  a.pipe(b);
  b.pipe(a);
}
async function main() {
  const port = await freePort();
  const args = [...config.args, '--port', String(port)];
  child = config.setpriv
    ? spawn(config.setpriv, ['--pdeathsig', 'KILL', '--', config.gnutlsServ, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(config.gnutlsServ, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk) => { log = (log + chunk.toString('utf8')).slice(-4000); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.on('error', (error) => fail('gnutls-serv did not start: ' + error.message));
  child.on('exit', (code, signal) => { if (!stopping) fail('gnutls-serv exited (' + (code === null ? signal : code) + ')'); });
  for (let attempt = 0; !(await accepts(port)); attempt++) {
    if (attempt > 400) return fail('gnutls-serv did not listen within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  server = net.createServer({ allowHalfOpen: true }, (outer) => {
    join(outer, net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }));
  });
  server.once('error', (error) => fail('relay: ' + error.message));
  server.listen(config.socket, () => process.stdout.write('ready\\n'));
}
main().catch((error) => fail(String(error)));
`;

/** Joins two sockets both ways; when one side goes, so does the other. */
function joinSockets(a: Socket, b: Socket): void {
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
  a.on('close', () => b.destroy());
  b.on('close', () => a.destroy());
  a.pipe(b);
  b.pipe(a);
}

/** Listens on `host`, port chosen by the kernel (no window for another process to take it). */
function listenRelay(host: string, socketPath: string, open: Set<Socket>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ allowHalfOpen: true }, (outer) => {
      const inner = connect({ path: socketPath, allowHalfOpen: true });
      for (const socket of [outer, inner]) {
        open.add(socket);
        socket.once('close', () => open.delete(socket));
      }
      joinSockets(outer, inner);
    });
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => resolve(server));
  });
}

/** Waits for the inner relay's `ready`, its exit, or the deadline. */
async function waitReady(relay: GuardedProcess, deadline: number): Promise<string | undefined> {
  while (!/^ready$/m.test(relay.output())) {
    if (relay.exited()) return `it exited during start-up: ${relay.output().trim() || '(no output)'}`;
    if (Date.now() > deadline) return `it was not ready in time: ${relay.output().trim() || '(no output)'}`;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

/**
 * Starts gnutls-serv in a loopback-only network namespace with the relays in front. Resolves with
 * the reason instead when it cannot (a program missing, no permission to make a namespace): the
 * caller reports the endpoint as skipped. gnutls-serv never listens anywhere but in that namespace.
 */
export async function startNetnsGnutls(input: NetnsGnutlsInput): Promise<NetnsGnutlsStart> {
  const gnutlsServ = whichTool('gnutls-serv');
  const unshare = whichTool('unshare');
  const ip = whichTool('ip');
  const missing = [
    ...(gnutlsServ === undefined ? ['gnutls-serv (gnutls-bin)'] : []),
    ...(unshare === undefined ? ['unshare (util-linux)'] : []),
    ...(ip === undefined ? ['ip (iproute2)'] : []),
  ];
  if (gnutlsServ === undefined || unshare === undefined || ip === undefined)
    return { ok: false, reason: `not installed: ${missing.join(', ')}` };
  const setpriv = whichTool('setpriv');
  const socket = join(input.dir, 'gnutls.sock');
  if (Buffer.byteLength(socket) > 100) return { ok: false, reason: `the Unix socket path is too long: ${socket}` };
  const script = join(input.dir, 'netns-relay.cjs');
  await writeFile(script, innerRelayScript);
  const config = {
    socket,
    gnutlsServ,
    setpriv,
    args: ['--x509certfile', input.certificateFile, '--x509keyfile', input.keyFile, '--priority', input.priority],
  };
  // Root may make a network namespace outright; anyone else needs a user namespace around it
  // (`-r`), which some systems forbid: then the reason says so.
  const userNamespace = process.getuid?.() === 0 ? [] : ['-r'];
  const inner = startGuarded('gnutls-serv relay', unshare, [
    ...userNamespace,
    '-n',
    '--',
    '/bin/sh',
    '-c',
    '"$0" link set lo up && exec "$@"',
    ip,
    process.execPath,
    script,
    JSON.stringify(config),
  ]);
  const problem = await waitReady(inner, input.deadline);
  if (problem !== undefined) {
    await inner.stop();
    return { ok: false, reason: `gnutls-serv in a loopback-only network namespace (unshare -n) did not start: ${problem}` };
  }
  const open = new Set<Socket>();
  let relay: Server;
  try {
    relay = await listenRelay(input.listen, socket, open);
  } catch (error) {
    await inner.stop();
    return { ok: false, reason: `the relay to gnutls-serv could not listen on ${input.listen}: ${String(error)}` };
  }
  const address = relay.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let closing: Promise<void> | undefined;
  return {
    ok: true,
    server: {
      port,
      close() {
        closing ??= (async () => {
          const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
          for (const socket of open) socket.destroy();
          await closed;
          await inner.stop();
        })();
        return closing;
      },
      stopNow() {
        inner.stopNow();
      },
    },
  };
}
