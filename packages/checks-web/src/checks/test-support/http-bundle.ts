/**
 * Test helper: evidence bundles of the `web-http` probe, one entry per web server address, for
 * judging the website HTTP checks offline. Only for tests.
 */
import {
  type AddressSelection,
  type AnyCheck,
  type EvidenceBundle,
  evaluate,
  type HttpHeader,
  type Verdict,
  type WebHttpEvidence,
  type WebHttpsResult,
  type WebRedirectHop,
  webAddressesDeclaration,
  webHttpDeclaration,
} from '@pastoe/core/model';

const fixtureTime = '2026-11-23T12:00:00.000Z';
const domain = 'example.test';

/** A good HTTPS response to `/`: the lab's default security headers, with `headers` added or replacing by name (`null` removes). */
export function httpsResponse(
  headers: Readonly<Record<string, string | readonly string[] | null>> = {},
  extra: Partial<Extract<WebHttpsResult, { ok: true }>> = {},
): WebHttpsResult {
  const defaults: Record<string, string | readonly string[] | null> = {
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  };
  const merged = { ...defaults, ...headers };
  const list: HttpHeader[] = Object.entries(merged).flatMap(([name, value]) =>
    value === null ? [] : (typeof value === 'string' ? [value] : value).map((v): HttpHeader => [name, v]),
  );
  return { ok: true, url: `https://${domain}/`, status: 200, headers: list, certificateValid: true, ...extra };
}

/** An HTTPS request that failed. */
export const httpsFailed: WebHttpsResult = { ok: false, failure: 'no-https', code: 'refused', message: 'connection refused' };

/** A redirect hop. */
export const hop = (url: string, status?: number, location?: string): WebRedirectHop => ({
  url,
  ip: '192.0.2.1',
  ...(status === undefined ? {} : { status }),
  ...(location === undefined ? {} : { location }),
});

/** The good chain: http://example.test/ → https://example.test/ → 200. */
const goodChain: WebHttpEvidence['http'] = {
  hops: [hop(`http://${domain}/`, 301, `https://${domain}/`), hop(`https://${domain}/`, 200)],
  end: 'final',
};

/** Evidence with a good HTTPS response and the good chain, parts replaced. */
export const webHttp = (parts: Partial<WebHttpEvidence> = {}): WebHttpEvidence => ({ https: httpsResponse(), http: goodChain, ...parts });

/** A bundle with the address lookup and one `web-http` evidence per entry; `judge` is the bundle's address selection (default `first`). */
export function httpBundle(
  servers: readonly { readonly ip: string; readonly data: WebHttpEvidence }[],
  judge: AddressSelection = 'first',
): EvidenceBundle {
  const ipv4 = servers.filter(({ ip }) => !ip.includes(':')).map(({ ip }) => ip);
  const ipv6 = servers.filter(({ ip }) => ip.includes(':')).map(({ ip }) => ip);
  return {
    target: { domain, input: domain },
    startedAt: fixtureTime,
    probes: [webAddressesDeclaration.id, webHttpDeclaration.id],
    evidence: [
      {
        probe: webAddressesDeclaration.id,
        subject: { name: domain, role: 'domain' },
        startedAt: fixtureTime,
        durationMs: 1,
        ok: true,
        data: { name: domain, ipv4, ipv6 },
      },
      ...servers.map(({ ip, data }) => ({
        probe: webHttpDeclaration.id,
        subject: { name: domain, role: 'web' as const, ip },
        startedAt: fixtureTime,
        durationMs: 5,
        ok: true as const,
        data,
      })),
    ],
    ...(judge === 'first' ? {} : { addresses: judge }),
  };
}

/** Judges one check on one IPv4 address's evidence. */
export function judgeOne(check: AnyCheck, data: WebHttpEvidence): Verdict {
  const verdict = evaluate([check], httpBundle([{ ip: '192.0.2.1', data }]))[0];
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
}

/** The finding ids of a verdict, without the check id prefix. */
export const findingIds = (verdict: Verdict): string[] => verdict.findings.map((f) => f.id.slice(f.id.indexOf('.') + 1));
