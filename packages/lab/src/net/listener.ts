/**
 * Listening on loopback with every accepted socket tracked, so that closing a lab server also
 * ends its open connections (keep-alive HTTP, idle SMTP, half-finished TLS) and a test run never
 * leaks a socket or waits on one.
 */
import type { AddressInfo, Server, Socket } from 'node:net';

/** A server listening on loopback. */
export interface LabListener {
  /** The loopback address it listens on. */
  readonly host: string;
  /** The port the system gave it. */
  readonly port: number;
  /** Stops listening and destroys every open connection; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Starts `server` listening on `host` (an ephemeral port unless given) and tracks the sockets
 * it accepts. Rejects when listening fails (e.g. the address is not local).
 */
export async function listenTracked(server: Server, host: string, port = 0): Promise<LabListener> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    host,
    port: address.port,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
      return closing;
    },
  };
}

/** Destroys a socket with a TCP reset where the platform allows it, else plainly. */
export function resetSocket(socket: Socket): void {
  if (socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    // resetAndDestroy throws when the handle is not a connected TCP handle; a plain destroy still releases it.
    socket.destroy();
  }
}
