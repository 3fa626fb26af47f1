/**
 * TLS and TCP servers on loopback for the scanner's tests: node:tls servers of any configuration,
 * `openssl s_server` for what node cannot serve, and a plain TCP server (SMTP). Servers that
 * must answer with bytes no TLS library sends are the lab's scripted TLS server, used from the
 * integration tests (packages/integration). Test code only; nothing in the library imports this.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, type Server, Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { createAddressPolicy } from '../../../transport/address-policy.js';
import type { Network } from '../../../transport/network.js';
import { createNodeNetwork } from '../../../transport/node-network.js';

/** A network that may contact loopback only. */
export function loopbackNetwork(): Network {
  return createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });
}

/** A running test server. */
export interface TestServer {
  /** The port on 127.0.0.1. */
  readonly port: number;
  /** TCP connections the server accepted. */
  readonly connections: () => number;
  /** Stops the server and destroys its connections. */
  close(): Promise<void>;
}

function track(server: Server): { sockets: Set<Socket>; count: () => number } {
  const sockets = new Set<Socket>();
  let count = 0;
  server.on('connection', (socket: Socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  return { sockets, count: () => count };
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function stop(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Starts a node:tls server with the given options; `setup` may add listeners (OCSPRequest...). */
export async function startNodeTlsServer(options: tls.TlsOptions, setup?: (server: tls.Server) => void): Promise<TestServer> {
  const server = tls.createServer(options, (socket) => {
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  setup?.(server);
  const tracked = track(server);
  const port = await listen(server);
  return { port, connections: tracked.count, close: () => stop(server, tracked.sockets) };
}

/** A plain TCP server that runs `handler` on each connection (for SMTP tests). */
export async function startTcpServer(handler: (socket: Socket) => void): Promise<TestServer> {
  const server = createServer(handler);
  const tracked = track(server);
  const port = await listen(server);
  return { port, connections: tracked.count, close: () => stop(server, tracked.sockets) };
}

/** A free TCP port on 127.0.0.1 (for processes that need a port number up front). */
async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Options for {@link startOpenSslServer}. */
export interface OpenSslServerOptions {
  /** Certificate chain PEM. */
  readonly certPem: string;
  /** Private key PEM. */
  readonly keyPem: string;
  /** More `s_server` arguments. */
  readonly args: readonly string[];
  /** Extra files to write into the server's directory (name → content), e.g. DH parameters. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
}

/** Starts `openssl s_server` on 127.0.0.1; resolves once it accepts connections. */
export async function startOpenSslServer(
  options: OpenSslServerOptions,
): Promise<TestServer & { readonly dir: string; readonly output: () => string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pastoe-sserver-'));
  await writeFile(join(dir, 'cert.pem'), options.certPem);
  await writeFile(join(dir, 'key.pem'), options.keyPem);
  for (const [name, content] of Object.entries(options.files ?? {})) await writeFile(join(dir, name), content);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'openssl',
    ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', 'cert.pem', '-key', 'key.pem', '-quiet', '-naccept', '100000', ...options.args],
    { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  // Poll the port: s_server's own start-up message depends on its flags.
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`openssl s_server exited: ${output}`);
    const ok = await new Promise<boolean>((resolve) => {
      const probe = new Socket();
      probe.once('connect', () => {
        probe.destroy();
        resolve(true);
      });
      probe.once('error', () => resolve(false));
      probe.connect(port, '127.0.0.1');
    });
    if (ok) break;
    if (Date.now() - started > 10_000) {
      child.kill();
      throw new Error(`openssl s_server did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    dir,
    output: () => output,
    connections: () => -1,
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
