/**
 * Test helper: evidence bundles of the `tls-web` probe, one TLS scan per web server address, for
 * re-evaluating the website TLS checks offline. Only for tests.
 */
import { type EvidenceBundle, type TlsEvidence, webAddressesDeclaration, webTlsDeclaration } from '@pastoe/core/model';

/** When the fixture evidence was gathered: the checks' clock. */
const fixtureTime = '2026-11-23T12:00:00.000Z';

/** A bundle with the address lookup and one TLS scan per entry (its address and evidence). */
export function tlsBundle(servers: readonly { readonly ip: string; readonly data: TlsEvidence }[]): EvidenceBundle {
  const name = 'example.test';
  const ipv4 = servers.filter(({ ip }) => !ip.includes(':')).map(({ ip }) => ip);
  const ipv6 = servers.filter(({ ip }) => ip.includes(':')).map(({ ip }) => ip);
  return {
    target: { domain: name, input: name },
    startedAt: fixtureTime,
    probes: [webAddressesDeclaration.id, webTlsDeclaration.id],
    evidence: [
      {
        probe: webAddressesDeclaration.id,
        subject: { name, role: 'domain' },
        startedAt: fixtureTime,
        durationMs: 1,
        ok: true,
        data: { name, ipv4, ipv6 },
      },
      ...servers.map(({ ip, data }) => ({
        probe: webTlsDeclaration.id,
        subject: { name, role: 'web' as const, ip, port: 443 },
        startedAt: fixtureTime,
        durationMs: 5,
        ok: true as const,
        data: { ...data, endpoint: { host: name, ip, port: 443 } },
      })),
    ],
  };
}
