/**
 * Test helper: evidence bundles of the `tls-web` probe, one TLS scan per web server address, for
 * re-evaluating the website TLS checks offline, with the address lookup, the TLSA lookup and the
 * CAA climb beside them. Only for tests.
 */
import {
  type AddressSelection,
  type CaaEvidence,
  caaDeclaration,
  type EvidenceBundle,
  type TlsaLookupEvidence,
  type TlsEvidence,
  webAddressesDeclaration,
  webTlsaDeclaration,
  webTlsDeclaration,
} from '@pastoe/core/model';

/** When the fixture evidence was gathered: the checks' clock. */
const fixtureTime = '2026-11-23T12:00:00.000Z';

/** The domain of every fixture bundle. */
const fixtureDomain = 'example.test';

/** No TLSA records, in a signed zone (NODATA, validated). */
export const noTlsa: TlsaLookupEvidence = {
  name: `_443._tcp.${fixtureDomain}`,
  dnssec: 'secure',
  status: 'secure',
  reason: 'validated',
  records: [],
  denialBogus: false,
};

/** A CAA climb that found the lab's good pair on the domain itself. */
export const goodCaa: CaaEvidence = caaAt(fixtureDomain, [
  { flags: 0, tag: 'issue', value: 'ca.example' },
  { flags: 0, tag: 'iodef', value: 'mailto:security@example.test' },
]);

/** A CAA climb that found `records` at `name`, after NXDOMAIN-free empty answers below it. */
export function caaAt(name: string, records: readonly { flags: number; tag: string; value: string }[]): CaaEvidence {
  const labels = fixtureDomain.split('.');
  const names = labels.map((_, index) => labels.slice(index).join('.'));
  const lookups = [];
  for (const candidate of names) {
    if (candidate === name) {
      lookups.push({
        name: candidate,
        rcode: 'NOERROR' as const,
        records: records.map((data) => ({
          name: candidate,
          type: 'CAA' as const,
          class: 'IN' as const,
          ttl: 300,
          data: { type: 'CAA' as const, ...data },
        })),
      });
      break;
    }
    lookups.push({ name: candidate, rcode: 'NOERROR' as const, records: [] });
  }
  return { domain: fixtureDomain, lookups };
}

/** What a bundle holds besides the TLS scans. */
export interface BundleExtras {
  /** The TLSA lookup; default {@link noTlsa}. */
  readonly tlsa?: TlsaLookupEvidence;
  /** The CAA climb; default {@link goodCaa}. */
  readonly caa?: CaaEvidence;
  /** The address lookup's answer; default the servers' addresses. */
  readonly addresses?: { readonly ipv4: readonly string[]; readonly ipv6: readonly string[] };
  /** Which addresses per-address checks judge; default `first`. */
  readonly judge?: AddressSelection;
}

/** A bundle with the address lookup, the TLSA lookup, the CAA climb and one TLS scan per entry (its address and evidence). */
export function tlsBundle(
  servers: readonly { readonly ip: string; readonly data: TlsEvidence }[],
  extras: BundleExtras = {},
): EvidenceBundle {
  const name = fixtureDomain;
  const ipv4 = extras.addresses?.ipv4 ?? servers.filter(({ ip }) => !ip.includes(':')).map(({ ip }) => ip);
  const ipv6 = extras.addresses?.ipv6 ?? servers.filter(({ ip }) => ip.includes(':')).map(({ ip }) => ip);
  const domain = { name, role: 'domain' as const };
  const envelope = { subject: domain, startedAt: fixtureTime, durationMs: 1, ok: true as const };
  return {
    target: { domain: name, input: name },
    startedAt: fixtureTime,
    probes: [webAddressesDeclaration.id, webTlsDeclaration.id, webTlsaDeclaration.id, caaDeclaration.id],
    evidence: [
      { ...envelope, probe: webAddressesDeclaration.id, data: { name, ipv4, ipv6 } },
      { ...envelope, probe: webTlsaDeclaration.id, data: extras.tlsa ?? noTlsa },
      { ...envelope, probe: caaDeclaration.id, data: extras.caa ?? goodCaa },
      ...servers.map(({ ip, data }) => ({
        probe: webTlsDeclaration.id,
        subject: { name, role: 'web' as const, ip, port: 443 },
        startedAt: fixtureTime,
        durationMs: 5,
        ok: true as const,
        data: { ...data, endpoint: { host: name, ip, port: 443 } },
      })),
    ],
    ...(extras.judge === undefined || extras.judge === 'first' ? {} : { addresses: extras.judge }),
  };
}
