import dgram from 'node:dgram';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the loopback-only test guard', () => {
  it('refuses a TCP connection to an address off the machine before any packet is sent', () => {
    // 192.0.2.1 is TEST-NET-1: nothing would answer, and the guard throws before connecting.
    expect(() => net.connect({ host: '192.0.2.1', port: 9 })).toThrow(/test guard/);
    expect(() => net.connect(9, '2001:db8::1')).toThrow(/test guard/);
  });

  it('refuses a UDP datagram to an address off the machine', () => {
    const socket = dgram.createSocket('udp4');
    try {
      expect(() => socket.send(Buffer.from('x'), 9, '192.0.2.1')).toThrow(/test guard/);
    } finally {
      socket.close();
    }
  });

  it('lets loopback through', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const client = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('error', reject);
    });
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
