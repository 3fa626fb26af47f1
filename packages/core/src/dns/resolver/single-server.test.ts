import { describe, expect, it } from 'vitest';
import { answer, loopbackNetwork, startUdpServer, startUdpTcpServer } from '../test-support/servers.js';
import { queryServer } from './single-server.js';

const network = loopbackNetwork();
const question = { name: 'example.test', type: 'NS' as const, checkingDisabled: true };

describe('queryServer: one question to one given server', () => {
  it('asks with the CD bit and takes an answer of any rcode as an answer', async () => {
    let cd: boolean | undefined;
    const server = await startUdpServer((query) => {
      cd = query.message.flags.cd;
      return answer(query, { rcode: 'REFUSED' });
    });
    try {
      const result = await queryServer(question, {
        ip: server.ip,
        port: server.port,
        network,
        timeoutMs: 2_000,
        signal: new AbortController().signal,
      });
      expect([result.ok, result.ok && result.message.rcode, cd]).toEqual([true, 'REFUSED', true]);
    } finally {
      await server.close();
    }
  });

  it('asks again over TCP when the UDP answer is truncated', async () => {
    const { udp, tcp } = await startUdpTcpServer(
      (query) => answer(query, { flags: { tc: true } }),
      (query) => answer(query, { answers: [{ name: 'example.test', ttl: 60, data: { type: 'NS', target: 'ns1.example.test' } }] }),
    );
    try {
      const result = await queryServer(question, {
        ip: udp.ip,
        port: udp.port,
        network,
        timeoutMs: 2_000,
        signal: new AbortController().signal,
      });
      expect(result.ok && result.message.answers.map((r) => r.data)).toEqual([{ type: 'NS', target: 'ns1.example.test' }]);
      expect(tcp.received).toBe(1);
    } finally {
      await Promise.all([udp.close(), tcp.close()]);
    }
  });

  it('reports a server that stays silent as a timeout, and never retries', async () => {
    const server = await startUdpServer(() => undefined);
    try {
      const result = await queryServer(question, {
        ip: server.ip,
        port: server.port,
        network,
        timeoutMs: 300,
        signal: new AbortController().signal,
      });
      expect([result.ok, !result.ok && result.error.code, server.received]).toEqual([false, 'timeout', 1]);
    } finally {
      await server.close();
    }
  });
});
