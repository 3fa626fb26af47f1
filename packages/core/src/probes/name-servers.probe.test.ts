import { afterEach, describe, expect, it } from 'vitest';
import { answer, type IncomingQuery, startUdpServer, type TestServer } from '../dns/test-support/servers.js';
import { ProbeFailure } from '../model/evidence.js';
import { maxNameServerAddresses, maxNameServers } from './name-servers.declaration.js';
import { probeNameServers } from './name-servers.probe.js';
import { resolverContext } from './test-support/resolver-context.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A server for `zone.example`: 25 NS records there, the first name server with 20 AAAA records,
 * no NS at any name below the zone, and SERVFAIL for `broken.example`.
 */
function zone(query: IncomingQuery): Uint8Array {
  const question = query.message.question[0];
  const name = question?.name ?? '';
  if (name === 'broken.example') return answer(query, { rcode: 'SERVFAIL' });
  if (question?.type === 'NS') {
    if (name !== 'zone.example') return answer(query, name.endsWith('.zone.example') ? {} : { rcode: 'NXDOMAIN' });
    const targets = Array.from({ length: 25 }, (_, i) => `ns${i}.zone.example`);
    return answer(query, { answers: targets.map((target) => ({ name, ttl: 60, data: { type: 'NS' as const, target } })) });
  }
  if (question?.type === 'AAAA' && name === 'ns0.zone.example') {
    const answers = Array.from({ length: 20 }, (_, i) => ({
      name,
      ttl: 60,
      data: { type: 'AAAA' as const, address: `2001:db8::${i + 1}` },
    }));
    return answer(query, { answers });
  }
  if (question?.type === 'A' && name.endsWith('.zone.example')) {
    return answer(query, { answers: [{ name, ttl: 60, data: { type: 'A', address: '192.0.2.53' } }] });
  }
  return answer(query);
}

describe('the name-servers probe', () => {
  it('strips labels until a name has NS records, and bounds the name servers and their addresses', async () => {
    server = await startUdpServer(zone);
    const evidence = await probeNameServers('a.b.zone.example', resolverContext(server.port, 'a.b.zone.example'));
    expect([evidence.asked, evidence.zone, evidence.nameServers.length, evidence.omitted]).toEqual([
      ['a.b.zone.example', 'b.zone.example', 'zone.example'],
      'zone.example',
      maxNameServers,
      5,
    ]);
    expect(evidence.nameServers[0]).toMatchObject({ name: 'ns0.zone.example', ipv4: ['192.0.2.53'], omittedAddresses: 4 });
    expect(evidence.nameServers[0]?.ipv6).toHaveLength(maxNameServerAddresses);
  });

  it('never asks the top-level domain: a name with no NS anywhere below it has no name servers', async () => {
    server = await startUdpServer(zone);
    const evidence = await probeNameServers('nothing.example', resolverContext(server.port, 'nothing.example'));
    expect(evidence).toEqual({ domain: 'nothing.example', asked: ['nothing.example'], zone: null, nameServers: [] });
  });

  it('fails as servfail when the lookup answers SERVFAIL', async () => {
    server = await startUdpServer(zone);
    await expect(probeNameServers('broken.example', resolverContext(server.port, 'broken.example'))).rejects.toMatchObject(
      new ProbeFailure('servfail', 'NS lookup of broken.example answered SERVFAIL'),
    );
  });
});
