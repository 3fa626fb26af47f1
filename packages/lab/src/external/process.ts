/**
 * Running the external DNS programs the harness drives: one-shot tools (key generation,
 * signing) and long-running servers (knotd, unbound) that must never outlive the harness.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

/** A program the harness needs and the Debian package that provides it. */
export interface ExternalTool {
  /** The executable name, looked up on `PATH` (and in /usr/sbin, where Debian puts the servers). */
  readonly name: string;
  /** The Debian package to install for it. */
  readonly debianPackage: string;
}

/** The programs {@link startUnboundLab} needs, with the packages that provide them. */
export const unboundLabTools: readonly ExternalTool[] = Object.freeze([
  { name: 'knotd', debianPackage: 'knot' },
  { name: 'unbound', debianPackage: 'unbound' },
  { name: 'unbound-control', debianPackage: 'unbound' },
  { name: 'dnssec-keygen', debianPackage: 'bind9-utils' },
  { name: 'dnssec-signzone', debianPackage: 'bind9-utils' },
  { name: 'dnssec-dsfromkey', debianPackage: 'bind9-utils' },
]);

/** Raised when an external program is not installed: the message names the package to install. */
export class ExternalToolMissingError extends Error {
  /** The programs that were not found. */
  readonly missing: readonly ExternalTool[];

  constructor(missing: readonly ExternalTool[]) {
    const packages = [...new Set(missing.map((tool) => tool.debianPackage))].join(' ');
    super(
      `not installed: ${missing.map((tool) => tool.name).join(', ')} (Debian/Ubuntu: apt-get install --no-install-recommends ${packages})`,
    );
    this.name = 'ExternalToolMissingError';
    this.missing = missing;
  }
}

/** Raised when an external program fails; the message carries the end of what it printed. */
export class ExternalToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExternalToolError';
  }
}

/** Debian installs the servers in /usr/sbin, which an unprivileged user's PATH often lacks. */
function searchPath(): string {
  const path = process.env.PATH ?? '';
  const parts = path.split(':').filter((part) => part !== '');
  for (const extra of ['/usr/sbin', '/sbin', '/usr/local/sbin']) if (!parts.includes(extra)) parts.push(extra);
  return parts.join(':');
}

/** The environment for child processes: the caller's, with the sbin directories on PATH. */
export function toolEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: searchPath() };
}

/** Resolves a program name to its path, or `undefined` when it is not installed. */
export function whichTool(name: string): string | undefined {
  const result = spawnSync('/bin/sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8', env: toolEnvironment(), timeout: 5000 });
  const found = result.status === 0 ? result.stdout.trim() : '';
  return found === '' ? undefined : found;
}

/** The tools of the list that are not installed. */
export function missingTools(tools: readonly ExternalTool[]): ExternalTool[] {
  return tools.filter((tool) => whichTool(tool.name) === undefined);
}

/** The last `max` characters of a program's output, enough to show why it failed. */
function tail(text: string, max = 1500): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `…${trimmed.slice(-max)}`;
}

/**
 * Runs a program to completion and gives its standard output; rejects with its output when it
 * exits non-zero, is missing or runs over `timeoutMs`.
 */
export function runTool(file: string, args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, env: toolEnvironment(), maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          reject(new ExternalToolError(`${file} is not installed`));
          return;
        }
        reject(new ExternalToolError(`${file} ${args.join(' ')} failed (${error.message.split('\n')[0]}): ${tail(`${stderr}${stdout}`)}`));
      },
    );
  });
}

/** Runs `work` over `items` with at most `limit` in flight; the results keep the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function listenTcp(host: string, port: number): Promise<{ port: number; close: () => Promise<void> } | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ port: bound, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

function udpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind({ address: host, port, exclusive: true }, () => socket.close(() => resolve(true)));
  });
}

/**
 * A port on `host` that is free for both TCP and UDP right now, chosen by the kernel. There is
 * a short window before the server binds it; the callers retry their start on a clash.
 */
export async function freePort(host: string): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tcp = await listenTcp(host, 0);
    if (tcp === undefined) break;
    const free = await udpFree(host, tcp.port);
    await tcp.close();
    if (free) return tcp.port;
  }
  throw new ExternalToolError(`no free port on ${host}`);
}

/**
 * The wrapper every server runs under. Its standard input is a pipe from this Node process; when
 * that pipe closes (the harness closed it, or Node died in any way, SIGKILL included) the wrapper
 * stops the server. A SIGTERM to the wrapper stops the server too. So a server never outlives
 * the process that started it, whatever happens to that process.
 */
const guardScript = `
exec 3<&0
"$@" 3<&- </dev/null &
pid=$!
( read -r _ <&3; kill -TERM "$pid" 2>/dev/null ) &
watcher=$!
exec 3<&-
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT HUP
wait "$pid"
status=$?
while kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done
kill "$watcher" 2>/dev/null
exit "$status"
`;

/** A server process under the guard wrapper. */
export interface GuardedProcess {
  /** A short name for messages, e.g. `knotd`. */
  readonly label: string;
  /** The wrapper process. */
  readonly child: ChildProcess;
  /** What the server printed so far (bounded), for error messages. */
  output(): string;
  /** Whether the server has exited. */
  exited(): boolean;
  /** Resolves when the server has exited. */
  readonly done: Promise<void>;
  /** Stops the server: closes the guard pipe, then SIGTERM, then SIGKILL; resolves when it is gone. */
  stop(): Promise<void>;
  /** Stops the server without waiting, for process exit handlers. */
  stopNow(): void;
}

/** Starts a long-running server under {@link guardScript}. */
export function startGuarded(
  label: string,
  file: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly pidFile?: string } = {},
): GuardedProcess {
  const child = spawn('/bin/sh', ['-c', guardScript, 'sh', file, ...args], {
    cwd: options.cwd,
    env: toolEnvironment(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    // Bounded: a server that logs a lot must not grow this without end.
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // The pipe breaks when the wrapper is gone; that is expected, not an error.
  child.stdin?.on('error', () => undefined);
  let hasExited = false;
  const done = new Promise<void>((resolve) => {
    child.once('exit', () => {
      hasExited = true;
      resolve();
    });
    child.once('error', (error) => {
      collect(Buffer.from(String(error)));
      hasExited = true;
      resolve();
    });
  });
  /** The last resort when the wrapper would not stop: kill the server by the pid it wrote itself. */
  const killServer = (): void => {
    if (options.pidFile === undefined) return;
    try {
      const pid = Number(readFileSync(options.pidFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 1) process.kill(pid, 'SIGKILL');
    } catch {
      // No pid file (the server never got that far) or the process is gone already.
    }
  };
  const waitFor = (ms: number): Promise<boolean> =>
    Promise.race([done.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
  return {
    label,
    child,
    output: () => output,
    exited: () => hasExited,
    done,
    async stop() {
      if (hasExited) return;
      child.stdin?.end();
      if (await waitFor(3000)) return;
      child.kill('SIGTERM');
      if (await waitFor(2000)) return;
      killServer();
      child.kill('SIGKILL');
      await waitFor(2000);
    },
    stopNow() {
      if (hasExited) return;
      child.stdin?.destroy();
      child.kill('SIGTERM');
    },
  };
}

/** Whether something accepts TCP connections on the port. */
function acceptsTcp(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** What a server wrote to its log file, for error messages; empty when there is none yet. */
function readLog(file: string | undefined): string {
  if (file === undefined) return '';
  try {
    return readFileSync(file, 'utf8').trim().slice(-3000);
  } catch {
    return '';
  }
}

/** Waits until every port on `host` accepts connections; rejects with the server's output when it dies or time runs out. */
export async function waitListening(
  server: GuardedProcess,
  host: string,
  ports: readonly number[],
  deadline: number,
  logFile?: string,
): Promise<void> {
  const pending = new Set(ports);
  while (pending.size > 0) {
    const said = (): string => [server.output().trim(), readLog(logFile)].filter((text) => text !== '').join('\n') || '(no output)';
    if (server.exited()) throw new ExternalToolError(`${server.label} exited during start-up: ${said()}`);
    if (Date.now() > deadline) throw new ExternalToolError(`${server.label} did not listen in time: ${said()}`);
    for (const port of [...pending]) if (await acceptsTcp(host, port)) pending.delete(port);
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Output that means a port chosen free was taken before the server could bind it: try other ports. */
const portTaken = /address already in use|bind\(\) to .* failed|unable to bind/i;

/**
 * Starts a server on ports of `host` chosen at run time; when one was taken in the moment between choosing
 * and binding, starts it again on others (twice at most).
 */
export async function startOnFreePorts(
  host: string,
  count: number,
  deadline: number,
  start: (ports: readonly number[]) => Promise<{ server: GuardedProcess; logFile?: string }>,
): Promise<{ server: GuardedProcess; ports: readonly number[] }> {
  for (let attempt = 0; ; attempt++) {
    const ports: number[] = [];
    while (ports.length < count) {
      const port = await freePort(host);
      if (!ports.includes(port)) ports.push(port);
    }
    const { server, logFile } = await start(ports);
    try {
      await waitListening(server, host, ports, deadline, logFile);
      return { server, ports };
    } catch (error) {
      await server.stop();
      const said = `${server.output()}\n${readLog(logFile)}`;
      if (attempt >= 2 || !portTaken.test(said)) throw error;
    }
  }
}
