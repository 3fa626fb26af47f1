/**
 * Test-run guard: tests talk to loopback only (127.0.0.0/8, ::1). A test that would open a TCP
 * connection or send a UDP datagram anywhere else fails at once with this error instead of
 * sending traffic off the machine (for example a scan that fell back to the default public DoH
 * resolvers because a test forgot to pass the lab's transports). Unix socket paths are allowed.
 */
import dgram from 'node:dgram';
import net from 'node:net';

function isLoopback(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return true;
  const family = net.isIP(bare);
  if (family === 4) return bare.startsWith('127.');
  if (family === 6) {
    const lower = bare.toLowerCase();
    return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || lower.startsWith('::ffff:127.');
  }
  return false;
}

function refuse(what: string, host: string): never {
  throw new Error(`test guard: refusing ${what} to ${host}: tests may only contact loopback (127.0.0.0/8, ::1)`);
}

type SocketConnect = (this: net.Socket, ...args: unknown[]) => net.Socket;
const originalConnect = net.Socket.prototype.connect as unknown as SocketConnect;
(net.Socket.prototype as unknown as { connect: SocketConnect }).connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const [first, second] = args;
  let host: string | undefined;
  if (Array.isArray(first)) {
    // Node's internal normalised form: [options, callback].
    const options = first[0] as { host?: string; path?: string } | undefined;
    if (options?.path === undefined) host = options?.host ?? 'localhost';
  } else if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    if (options.path === undefined) host = options.host ?? 'localhost';
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    host = typeof second === 'string' ? second : 'localhost';
  }
  if (host !== undefined && !isLoopback(host)) refuse('a TCP connection', host);
  return originalConnect.apply(this, args);
};

type DgramSend = (this: dgram.Socket, ...args: unknown[]) => void;
const originalSend = dgram.Socket.prototype.send as unknown as DgramSend;
(dgram.Socket.prototype as unknown as { send: DgramSend }).send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
  // send(msg, [offset, length,] port, address, callback): the address is the string after the message.
  const address = args.slice(1).find((arg): arg is string => typeof arg === 'string');
  if (address !== undefined && !isLoopback(address)) refuse('a UDP datagram', address);
  return originalSend.apply(this, args);
};

type DgramConnect = (this: dgram.Socket, ...args: unknown[]) => void;
const originalUdpConnect = dgram.Socket.prototype.connect as unknown as DgramConnect;
(dgram.Socket.prototype as unknown as { connect: DgramConnect }).connect = function guardedUdpConnect(
  this: dgram.Socket,
  ...args: unknown[]
) {
  const address = typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!isLoopback(address)) refuse('a UDP association', address);
  return originalUdpConnect.apply(this, args);
};
