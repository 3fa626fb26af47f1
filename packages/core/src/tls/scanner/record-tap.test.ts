import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tapRecords } from './record-tap.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const close of cleanup.splice(0)) close();
});

/** A loopback connection pair: the client side, and the server side that writes what the test tells it. */
async function pair(): Promise<{ client: Socket; server: Socket }> {
  const listener = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const accepted = once(listener, 'connection');
  const client = connect((listener.address() as AddressInfo).port, '127.0.0.1');
  const [server] = (await accepted) as [Socket];
  await once(client, 'connect');
  cleanup.push(() => {
    client.destroy();
    server.destroy();
    listener.close();
  });
  return { client, server };
}

const record = (type: number, body: number[]): number[] => [type, 3, 3, body.length >> 8, body.length & 0xff, ...body];

describe('tapRecords', () => {
  it('passes the bytes on unchanged and names each record type, however the chunks split them', async () => {
    const { client, server } = await pair();
    const tap = tapRecords(client);
    const seen: number[] = [];
    tap.onRecord((type) => seen.push(type));
    const bytes = Buffer.from([...record(22, [1, 2, 3]), ...record(21, [1, 100]), ...record(23, new Array(300).fill(7))]);
    const received: Buffer[] = [];
    tap.stream.on('data', (chunk: Buffer) => received.push(chunk));
    // Split inside a header and inside a body.
    for (const cut of [
      [0, 2],
      [2, 9],
      [9, 40],
      [40, bytes.length],
    ] as const) {
      server.write(bytes.subarray(cut[0], cut[1]));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Buffer.concat(received)).toEqual(bytes);
    expect(seen).toEqual([22, 21, 23]);
  });

  it('writes through to the connection and detaches when destroyed, leaving the connection open', async () => {
    const { client, server } = await pair();
    const tap = tapRecords(client);
    const arrived = once(server, 'data');
    tap.stream.write(Buffer.from('hello'));
    expect(String((await arrived)[0])).toBe('hello');
    tap.stream.destroy();
    expect(client.listenerCount('data')).toBe(0);
    expect(client.destroyed).toBe(false);
  });
});
