import { afterEach, describe, expect, it } from 'vitest';
import { normalizeQuestion, type NormalizedQuestion } from '../wire/message.js';
import type { DnsQuestion } from '../types.js';
import { answer, startUdpServer, type TestServer } from '../test-support/servers.js';
import { createSystemTransport } from './system.js';
import type { ExchangeResult } from './transport.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function question(q: DnsQuestion): NormalizedQuestion {
  const result = normalizeQuestion(q);
  if (!result.ok) throw new Error(result.error.message);
  return result.question;
}

async function ask(server: TestServer, q: DnsQuestion, timeoutMs = 2000, signal = new AbortController().signal): Promise<ExchangeResult> {
  const transport = createSystemTransport({ servers: [`127.0.0.1:${server.port}`] });
  return transport.exchange(question(q), { signal, timeoutMs, onSend: () => {}, now: Date.now });
}

/** A zone for node:dns to read through c-ares, answering over UDP on loopback. */
async function zoneServer(): Promise<TestServer> {
  const server = await startUdpServer((query) => {
    const q = query.message.question[0];
    const name = q?.name ?? '';
    if (name === 'gone.example') return answer(query, { rcode: 'NXDOMAIN' });
    if (name === 'fail.example') return answer(query, { rcode: 'SERVFAIL' });
    if (name === 'refuse.example') return answer(query, { rcode: 'REFUSED' });
    if (name === 'silent.example') return undefined;
    switch (q?.type) {
      case 'A':
        return answer(query, { answers: [{ name, ttl: 120, data: { type: 'A', address: '192.0.2.1' } }] });
      case 'MX':
        return answer(query, { answers: [{ name, ttl: 120, data: { type: 'MX', preference: 10, exchange: 'Mail.Example' } }] });
      case 'TXT':
        return answer(query, { answers: [{ name, ttl: 120, data: { type: 'TXT', strings: ['v=spf1 ', '-all'] } }] });
      case 'CAA':
        return answer(query, { answers: [{ name, ttl: 120, data: { type: 'CAA', flags: 128, tag: 'issue', value: 'ca.example' } }] });
      case 'SOA':
        return answer(query, {
          answers: [
            {
              name,
              ttl: 120,
              data: { type: 'SOA', mname: 'ns.example', rname: 'h.example', serial: 7, refresh: 1, retry: 2, expire: 3, minimum: 4 },
            },
          ],
        });
      default:
        return answer(query);
    }
  });
  servers.push(server);
  return server;
}

describe('system transport (node:dns)', () => {
  it('maps answers to records, TTL for A only, no AD', async () => {
    const server = await zoneServer();
    const a = await ask(server, { name: 'host.example', type: 'A' });
    expect(a.ok && a.message.answers).toEqual([
      { name: 'host.example', type: 'A', class: 'IN', ttl: 120, data: { type: 'A', address: '192.0.2.1' } },
    ]);
    expect(a.ok && a.message.flags.ad).toBe(false);
    const mx = await ask(server, { name: 'host.example', type: 'MX' });
    expect(mx.ok && mx.message.answers[0]?.data).toEqual({ type: 'MX', preference: 10, exchange: 'mail.example' });
    const txt = await ask(server, { name: 'host.example', type: 'TXT' });
    expect(txt.ok && txt.message.answers[0]?.data).toEqual({ type: 'TXT', strings: ['v=spf1 ', '-all'] });
    const caa = await ask(server, { name: 'host.example', type: 'CAA' });
    expect(caa.ok && caa.message.answers[0]?.data).toEqual({ type: 'CAA', flags: 128, tag: 'issue', value: 'ca.example' });
    const soa = await ask(server, { name: 'host.example', type: 'SOA' });
    expect(soa.ok && soa.message.answers[0]?.data).toMatchObject({ type: 'SOA', mname: 'ns.example', serial: 7, minimum: 4 });
  });

  it.each([
    ['gone.example', 'A', 'NXDOMAIN'],
    ['host.example', 'AAAA', 'NOERROR'],
    ['fail.example', 'A', 'SERVFAIL'],
    ['refuse.example', 'A', 'REFUSED'],
  ] as const)('maps %s %s to an %s message', async (name, type, rcode) => {
    const server = await zoneServer();
    const result = await ask(server, { name, type });
    expect(result.ok && result.message.rcode).toBe(rcode);
    expect(result.ok && result.message.answers).toEqual([]);
  });

  it('times out and aborts', async () => {
    const server = await zoneServer();
    const timeout = await ask(server, { name: 'silent.example', type: 'A' }, 200);
    expect(!timeout.ok && timeout.error.code).toBe('timeout');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const aborted = await ask(server, { name: 'silent.example', type: 'A' }, 5000, controller.signal);
    expect(!aborted.ok && aborted.error.code).toBe('aborted');
  });

  it('refuses DNSSEC and other types it cannot look up', async () => {
    const server = await zoneServer();
    for (const type of ['DNSKEY', 'TLSA', 'DS', 'RRSIG'] as const) {
      const result = await ask(server, { name: 'host.example', type });
      expect(!result.ok && result.error.code).toBe('unsupported');
    }
    expect(server.received).toBe(0);
  });
});
