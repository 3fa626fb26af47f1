import { createServer } from 'node:net';
import { createAddressPolicy, createNodeNetwork } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { canonicalIp, createLabAddressMap } from './address-map.js';
import { listenTracked } from './listener.js';

describe('lab address map', () => {
  it('maps documentation endpoints to loopback per protocol, whatever the IPv6 spelling', () => {
    const book = createLabAddressMap();
    book.route({ ip: '192.0.2.10', port: 443 }, { ip: '127.0.0.1', port: 40001 });
    book.route({ ip: '2001:DB8:0:0::A', port: 443 }, { ip: '127.0.0.1', port: 40001 });
    book.route({ ip: '192.0.2.53', port: 53 }, { ip: '127.0.0.1', port: 40053 }, 'both');
    expect(book.map({ ip: '192.0.2.10', port: 443 }, 'tcp')).toEqual({ ip: '127.0.0.1', port: 40001 });
    expect(book.map({ ip: '2001:db8::a', port: 443 }, 'tcp')).toEqual({ ip: '127.0.0.1', port: 40001 });
    expect(book.map({ ip: '192.0.2.53', port: 53 }, 'udp')).toEqual({ ip: '127.0.0.1', port: 40053 });
    // Not routed, but documentation: sent to loopback port 1 to be refused, never off the machine.
    expect(book.map({ ip: '192.0.2.10', port: 443 }, 'udp')).toEqual({ ip: '127.0.0.1', port: 1 });
    expect(book.map({ ip: '203.0.113.9', port: 25 }, 'tcp')).toEqual({ ip: '127.0.0.1', port: 1 });
    expect(book.map({ ip: '127.0.0.1', port: 5353 }, 'udp')).toBeUndefined();
    book.route({ ip: '192.0.2.10', port: 443 }, { ip: '127.0.0.1', port: 40002 });
    expect(book.lookup({ ip: '192.0.2.10', port: 443 }, 'tcp')).toEqual({ ip: '127.0.0.1', port: 40002 });
    expect(book.routes.filter((r) => r.public.ip === '192.0.2.10')).toHaveLength(1);
    expect(book.routes.find((r) => r.public.port === 443 && r.public.ip.includes(':'))?.public.ip).toBe('2001:db8::a');
    expect(() => book.route({ ip: '8.8.8.8', port: 443 }, { ip: '127.0.0.1', port: 1 })).toThrow(/not a documentation address/);
    expect(() => book.route({ ip: '192.0.2.1', port: 443 }, { ip: '10.0.0.1', port: 1 })).toThrow(/not a loopback/);
    expect(canonicalIp('2001:0db8:0000::0001')).toBe('2001:db8::1');
  });

  it('lets a node network reach a loopback server at a documentation address, and refuses the rest', async () => {
    const server = createServer((socket) => socket.end('hello from the lab\n'));
    const listener = await listenTracked(server, '127.0.0.1');
    try {
      const book = createLabAddressMap();
      book.route({ ip: '198.51.100.7', port: 25 }, { ip: '127.0.0.1', port: listener.port });
      const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback', 'documentation'] }), map: book.map });
      const connection = await network.connect({ ip: '198.51.100.7', port: 25 });
      const text = await new Promise<string>((resolve) => {
        let data = '';
        connection.socket.on('data', (chunk: Buffer) => {
          data += chunk.toString();
        });
        connection.socket.on('end', () => resolve(data));
      });
      expect(text).toBe('hello from the lab\n');
      expect(connection.remote).toEqual({ ip: '198.51.100.7', port: 25 });
      connection.close();
      await expect(network.connect({ ip: '198.51.100.8', port: 25 })).rejects.toMatchObject({ code: 'refused' });
      await expect(network.connect({ ip: '93.184.216.34', port: 25 })).rejects.toMatchObject({ code: 'forbidden-address' });
    } finally {
      await listener.close();
    }
  });
});
