import { afterEach, beforeEach, expect } from 'vitest';
import type { HttpClient } from '../../../core/src/http/client.js';
import { resourceCounts, settle } from '../../../core/src/tls/scanner/test-support/leaks.js';

/** A server a test started and must stop. */
interface Closable {
  close(): Promise<void> | void;
}

/**
 * Registers hooks that close every HTTP client and server a test registered and then assert that
 * no pooled connection and no socket outlived it. Both counts are needed: idle pooled sockets are
 * unref'd and do not show in the socket count.
 */
export function closedAfterEachTest(): { readonly clients: HttpClient[]; readonly servers: Closable[] } {
  const clients: HttpClient[] = [];
  const servers: Closable[] = [];
  let socketsBefore = 0;
  beforeEach(() => {
    socketsBefore = resourceCounts().sockets;
  });
  afterEach(async () => {
    await Promise.all(clients.map((client) => client.close()));
    for (const client of clients) expect(client.stats().open).toBe(0);
    await Promise.all(servers.map((server) => server.close()));
    clients.length = 0;
    servers.length = 0;
    await settle();
    expect(resourceCounts().sockets).toBe(socketsBefore);
  });
  return { clients, servers };
}
