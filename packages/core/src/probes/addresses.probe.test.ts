import { afterEach, describe, expect, it } from 'vitest';
import { answer, type IncomingQuery, startUdpServer, type TestServer } from '../dns/test-support/servers.js';
import { probeAddresses } from './addresses.probe.js';
import { resolverContext } from './test-support/resolver-context.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const record = (name: string, data: { type: 'A' | 'AAAA'; address: string } | { type: 'CNAME'; target: string }) => ({
  name,
  ttl: 60,
  data,
});

/**
 * A server that answers `www.example.test` with only the first CNAME of its chain (as some
 * resolvers do), the target's addresses when asked for the target, and a stray A record for
 * another owner in the same answer, which must not count.
 */
function partialChains(query: IncomingQuery): Uint8Array {
  const question = query.message.question[0];
  const type = question?.type === 'AAAA' ? 'AAAA' : 'A';
  if (question?.name === 'www.example.test') {
    return answer(query, {
      answers: [
        record('www.example.test', { type: 'CNAME', target: 'cdn.example.net' }),
        record('other.example.test', { type: 'A', address: '192.0.2.66' }),
      ],
    });
  }
  if (question?.name === 'cdn.example.net') {
    const answers =
      type === 'A'
        ? [record('cdn.example.net', { type: 'A', address: '192.0.2.7' })]
        : [
            record('cdn.example.net', { type: 'AAAA', address: '2001:db8::7' }),
            record('cdn.example.net', { type: 'AAAA', address: '::ffff:192.0.2.7' }),
          ];
    return answer(query, { answers });
  }
  return answer(query, { rcode: 'NXDOMAIN' });
}

describe('the web-addresses probe', () => {
  it('follows a CNAME chain that leaves the answer, ignores records of other owners, and sets IPv4-mapped addresses apart', async () => {
    server = await startUdpServer(partialChains);
    const evidence = await probeAddresses('www.example.test', resolverContext(server.port));
    expect(evidence).toEqual({ name: 'www.example.test', ipv4: ['192.0.2.7'], ipv6: ['2001:db8::7'], ipv4Mapped: ['::ffff:192.0.2.7'] });
  });
});
