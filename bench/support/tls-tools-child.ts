/**
 * The other side of bench/tls.ts, in a process of its own: the counting TCP proxies that every
 * tool's connections pass through, and the external tools (sslscan, testssl.sh) run and timed
 * from spawn to exit. Kept out of the bench process for two reasons: pastoe's scan runs on the
 * bench's one JavaScript thread, which would otherwise also pipe every byte of the proxy while
 * an external tool has the proxy working on another core; and a process that forks (spawns a
 * tool) pays afterwards for copy-on-write faults on every page it writes, which slowed the pastoe
 * scan measured next.
 *
 * Protocol: argv[2] is a JSON array of targets ({ ip, port }); the child prints one JSON line
 * with the proxy port of each, then answers each JSON request line from stdin with one JSON
 * line, in order: { op: 'accepted', target } gives the proxy's count, { op: 'settle', target }
 * waits until the proxy's connections have closed, { op: 'run', command, args, timeoutMs } runs a
 * tool. stdin's end stops the proxies and any tool still running. Not a bench by itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serveLines } from './line-child.js';
import type { ToolRun, ToolsRequest } from './tls-tools-process.js';

/** Where a proxy forwards to. */
interface Target {
  readonly ip: string;
  readonly port: number;
}

/**
 * Counts the TCP connections a tool opens to one target: accepts on a loopback port and pipes each
 * connection to the target. A reset on one side is passed on as a reset, so that a tool sees a
 * server's RST as it would without the proxy.
 */
class CountingProxy {
  /** Connections accepted since the proxy started. */
  accepted = 0;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** The loopback port the tools connect to. */
    readonly port: number,
  ) {}

  static async start(target: Target): Promise<CountingProxy> {
    // The instance does not exist yet when the server is made; the handler reaches it through this box.
    const box: { proxy?: CountingProxy } = {};
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => box.proxy?.pipe(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the counting proxy has no TCP address');
    box.proxy = new CountingProxy(server, address.port);
    return box.proxy;
  }

  private pipe(client: Socket, target: Target): void {
    this.accepted += 1;
    const upstream = connect({ host: target.ip, port: target.port, allowHalfOpen: true, noDelay: true });
    for (const socket of [client, upstream]) {
      this.open.add(socket);
      socket.once('close', () => this.open.delete(socket));
    }
    const fail = (from: Socket, to: Socket) => (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'ECONNREFUSED') to.resetAndDestroy();
      else to.destroy();
      from.destroy();
    };
    client.on('error', fail(client, upstream));
    upstream.on('error', fail(upstream, client));
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /**
   * Waits until every piped connection has closed (at most `limitMs`), so that one tool's last
   * connections are neither counted for the next nor still open while it runs.
   */
  async settle(limitMs = 3000): Promise<void> {
    // A connection the kernel completed just before the tool exited may not have been accepted yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const until = performance.now() + limitMs;
    while (this.open.size > 0 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const socket of this.open) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Child processes still running, each the leader of its own process group, killed on the way out. */
const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // Negative pid: the whole group, so testssl.sh's openssl children go too.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

process.on('exit', () => {
  for (const child of children) killGroup(child);
});

/** Runs a program in its own process group and times it from spawn to exit. */
function runTool(command: string, args: readonly string[], timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, TERM: 'dumb' } });
    children.add(child);
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    // 'exit', not 'close': the process is done even if a stray grandchild still holds the pipes.
    child.once('exit', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      killGroup(child);
      children.delete(child);
      // Let the pipes deliver what the process wrote before it exited.
      setTimeout(() => resolve({ ms, code, signal, output: Buffer.concat(chunks).toString('utf8'), timedOut }), 20);
    });
  });
}

const targets = JSON.parse(process.argv[2] ?? '[]') as Target[];
const proxies = await Promise.all(targets.map((target) => CountingProxy.start(target)));
process.stdout.write(`${JSON.stringify({ ports: proxies.map((proxy) => proxy.port) })}\n`);

async function answer(line: string): Promise<unknown> {
  const request = JSON.parse(line) as ToolsRequest;
  switch (request.op) {
    case 'accepted':
      return proxies[request.target]?.accepted;
    case 'settle':
      await proxies[request.target]?.settle();
      return null;
    case 'run':
      return runTool(request.command, request.args, request.timeoutMs);
  }
}

serveLines(answer, () => {
  // The tools are in process groups of their own: Ctrl-C does not reach them.
  for (const child of children) killGroup(child);
  return Promise.allSettled(proxies.map((proxy) => proxy.close()));
});
