/**
 * Test helper: evidence bundles of the `securitytxt` probe, one fetch per web server address, for
 * judging the security.txt check offline. Only for tests.
 */
import {
  type AddressSelection,
  type EvidenceBundle,
  type SecurityTxtEvidence,
  securityTxtDeclaration,
  webAddressesDeclaration,
} from '@pastoe/core/model';

/** When the fixture evidence was gathered: the checks' clock. */
const securityTxtFixtureTime = '2026-11-23T12:00:00.000Z';

const name = 'example.test';

/** A found, well-formed security.txt at the well-known place, with `text` as its body unless overridden. */
export function foundSecurityTxt(text: string | Uint8Array, overrides: Partial<SecurityTxtEvidence> = {}): SecurityTxtEvidence {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const url = `https://${name}/.well-known/security.txt`;
  return {
    domain: name,
    address: '192.0.2.1',
    reachable: true,
    requests: [{ url, ip: '192.0.2.1', status: 200, tlsTrusted: true }],
    location: 'well-known',
    status: 200,
    contentType: 'text/plain; charset=utf-8',
    finalUrl: url,
    foundHost: name,
    tlsTrusted: true,
    bodyBase64: btoa(String.fromCharCode(...bytes)),
    bodyTruncated: false,
    insecureRedirect: false,
    retrievalErrors: [],
    ...overrides,
  };
}

/** A bundle with the address lookup and one security.txt fetch per entry (its address and evidence); `judge` is its address selection. */
export function securityTxtBundle(
  servers: readonly { readonly ip: string; readonly data: SecurityTxtEvidence }[],
  judge: AddressSelection = 'first',
): EvidenceBundle {
  const ipv4 = servers.filter(({ ip }) => !ip.includes(':')).map(({ ip }) => ip);
  const ipv6 = servers.filter(({ ip }) => ip.includes(':')).map(({ ip }) => ip);
  return {
    target: { domain: name, input: name },
    startedAt: securityTxtFixtureTime,
    probes: [webAddressesDeclaration.id, securityTxtDeclaration.id],
    evidence: [
      {
        probe: webAddressesDeclaration.id,
        subject: { name, role: 'domain' },
        startedAt: securityTxtFixtureTime,
        durationMs: 1,
        ok: true,
        data: { name, ipv4, ipv6 },
      },
      ...servers.map(({ ip, data }) => ({
        probe: securityTxtDeclaration.id,
        subject: { name, role: 'web' as const, ip, port: 443 },
        startedAt: securityTxtFixtureTime,
        durationMs: 5,
        ok: true as const,
        data: { ...data, address: ip },
      })),
    ],
    ...(judge === 'first' ? {} : { addresses: judge }),
  };
}
