/**
 * The DKIM probe and checks against the lab's DNS server over real UDP on loopback, serving
 * hand-written zones: `_domainkey` as an empty non-terminal (NODATA), with data, absent
 * (NXDOMAIN) on a sending and on a non-sending domain, made to exist by a wildcard at the domain
 * or below `_domainkey`, answered with SERVFAIL, and left unanswered (a timeout); and the keys of
 * given selectors (Ed25519, RSA-2048, RSA-1024, revoked), generated fresh with node:crypto.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createDkimProbe, type DkimEvidence, dmarcProbe, mailAuthDkimExist, mailAuthDkimSelectors, spfProbe } from '@pastoe/checks-mail';
import { scan, type Verdict } from '@pastoe/core';
import { type DnsServerHandle, parseZoneFile, startDnsServer } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackNetwork } from '../../../core/src/dns/test-support/servers.js';
import { type ClosableResolver, createResolver } from '../../../core/src/dns/resolver/create-resolver.js';

/** A TXT value in zone-file syntax: quoted strings of at most 255 characters. */
const txt = (text: string): string => (text.match(/.{1,255}/g) ?? ['']).map((part) => `"${part}"`).join(' ');
const ed25519 = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
const rsa = (bits: number): string =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

const zone = (origin: string, body: string): string => `
$ORIGIN ${origin}.
$TTL 300
@        SOA ns hostmaster 1 7200 900 1209600 300
@        NS  ns
ns       A   127.0.0.1
${body}
`;

const zones = [
  zone(
    'keys.test',
    `@ TXT "v=spf1 mx ~all"
_dmarc TXT "v=DMARC1; p=reject"
ed._domainkey TXT ${txt(`v=DKIM1; k=ed25519; p=${ed25519}`)}
rsa._domainkey TXT ${txt(`v=DKIM1; k=rsa; p=${rsa(2048)}`)}
short._domainkey TXT ${txt(`v=DKIM1; p=${rsa(1024)}`)}
old._domainkey TXT "v=DKIM1; p="`,
  ),
  zone('data.test', `@ TXT "v=spf1 mx ~all"\n_domainkey TXT "o=~"`),
  zone('absent.test', `@ TXT "v=spf1 mx ~all"\n_dmarc TXT "v=DMARC1; p=reject"`),
  zone('quiet.test', `@ MX 0 .\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"`),
  zone('wild.test', `@ TXT "v=spf1 mx ~all"\n_dmarc TXT "v=DMARC1; p=reject"\n* TXT "any name here"`),
  zone('wildkey.test', `@ TXT "v=spf1 mx ~all"\n*._domainkey TXT ${txt(`v=DKIM1; p=${rsa(2048)}`)}`),
  zone('slow.test', `@ TXT "v=spf1 mx ~all"`),
  zone('test', ''),
];

const network = loopbackNetwork();
let server: DnsServerHandle;
let resolver: ClosableResolver;

beforeAll(async () => {
  const parsed = zones.map((text) => parseZoneFile(text));
  const broken = { ...parseZoneFile(zone('broken.test', '')), faults: { failure: 'servfail' as const } };
  const slow = parsed.map((z) => (z.origin === 'slow.test' ? { ...z, faults: { silent: [{ name: '_domainkey.slow.test' }] } } : z));
  server = await startDnsServer({ zones: [...slow, broken] });
  resolver = createResolver(`udp://${server.udp.ip}:${server.udp.port}`, { network, cache: false, retries: 0, queryTimeoutMs: 800 });
});

afterAll(async () => {
  await resolver?.close();
  await server?.close();
});

async function scanDkim(
  domain: string,
  selectors: readonly string[] = [],
): Promise<{ evidence: DkimEvidence; exist: Verdict; keys: Verdict }> {
  const probes = [createDkimProbe({ selectors }), spfProbe, dmarcProbe];
  const report = await scan(domain, {
    checks: [mailAuthDkimExist, mailAuthDkimSelectors],
    probes,
    transports: { resolver, network },
    vantage: 'skip',
  });
  const found = report.evidence.find((e) => e.probe === 'mail-dkim');
  if (found === undefined || !found.ok) throw new Error(`no DKIM evidence for ${domain}: ${JSON.stringify(found)}`);
  const [exist, keys] = report.verdicts;
  if (exist === undefined || keys === undefined) throw new Error('no verdicts');
  return { evidence: found.data as DkimEvidence, exist, keys };
}

const ids = (verdict: Verdict): string[] => verdict.findings.map((finding) => finding.id);

describe('the DKIM probe against the lab DNS server', () => {
  it('finds _domainkey as an empty non-terminal (NODATA) above real selectors, and no wildcard', async () => {
    const { evidence, exist, keys } = await scanDkim('keys.test');
    expect(evidence.domainkey).toMatchObject({ name: '_domainkey.keys.test', rcode: 'NOERROR', texts: [] });
    expect(evidence.wildcardProbe.name).toMatch(/^pastoe-[0-9a-f]{16}\._domainkey\.keys\.test$/);
    expect(evidence.wildcardProbe.rcode).toBe('NXDOMAIN');
    expect([exist.status, exist.outcome, ids(exist)]).toEqual(['pass', 'good', ['mail-auth-dkim-exist.empty-non-terminal']]);
    expect(keys).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });

  it('finds _domainkey with data', async () => {
    const { evidence, exist } = await scanDkim('data.test');
    expect(evidence.domainkey).toMatchObject({ rcode: 'NOERROR', texts: ['o=~'] });
    expect(exist).toMatchObject({ status: 'pass', outcome: 'good', findings: [] });
  });

  it('fails NXDOMAIN on a sending domain, and exempts a non-sending one (Null MX, SPF -all, DMARC reject)', async () => {
    const absent = await scanDkim('absent.test');
    expect(absent.evidence.domainkey.rcode).toBe('NXDOMAIN');
    expect(absent.exist).toMatchObject({ status: 'fail', outcome: 'bad' });
    const quiet = await scanDkim('quiet.test');
    expect(quiet.evidence.domainkey.rcode).toBe('NXDOMAIN');
    expect(quiet.exist).toMatchObject({ status: 'not-applicable', outcome: 'no-email' });
  });

  it('tells a wildcard at the domain or below _domainkey by a random name, keeping Internet.nl verdict', async () => {
    const wild = await scanDkim('wild.test', ['sel']);
    expect(wild.evidence.domainkey).toMatchObject({ rcode: 'NOERROR', texts: ['any name here'] });
    expect(wild.evidence.wildcardProbe).toMatchObject({ rcode: 'NOERROR', texts: ['any name here'] });
    expect(wild.exist).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(ids(wild.exist)).toEqual(['mail-auth-dkim-exist.wildcard']);
    expect(wild.keys).toMatchObject({ rawStatus: 'fail', outcome: 'missing' });
    expect(ids(wild.keys)).toContain('mail-auth-dkim-selectors.wildcard');
    const below = await scanDkim('wildkey.test', ['sel']);
    expect(below.evidence.domainkey).toMatchObject({ rcode: 'NOERROR', texts: [] });
    expect(ids(below.exist)).toEqual(['mail-auth-dkim-exist.empty-non-terminal', 'mail-auth-dkim-exist.wildcard']);
    expect(below.keys).toMatchObject({ rawStatus: 'fail', outcome: 'wildcard' });
  });

  it('reports SERVFAIL and a timeout as test errors, never as absent DKIM', async () => {
    const broken = await scanDkim('broken.test');
    expect(broken.evidence.domainkey).toMatchObject({ rcode: 'SERVFAIL', error: 'SERVFAIL' });
    expect(broken.exist).toMatchObject({ status: 'error', error: { code: 'dns-lookup' } });
    const slow = await scanDkim('slow.test');
    expect(slow.evidence.domainkey.error).toMatch(/^timeout/);
    expect(slow.exist).toMatchObject({ status: 'error', error: { code: 'dns-lookup' } });
  });

  it('judges the keys of given selectors: Ed25519 and RSA-2048 pass, RSA-1024 warns, a revoked key and a missing selector beside them', async () => {
    const good = await scanDkim('keys.test', ['ed', 'rsa']);
    expect(good.keys).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(good.keys.facts).toMatchObject({
      selectors: [
        { keyType: 'ed25519', bits: 256 },
        { keyType: 'rsa', bits: 2048 },
      ],
    });
    expect((await scanDkim('keys.test', ['short'])).keys).toMatchObject({ status: 'warning', outcome: 'short-key' });
    expect((await scanDkim('keys.test', ['old', 'ed'])).keys).toMatchObject({ status: 'info', outcome: 'revoked' });
    expect((await scanDkim('keys.test', ['ed', 'none'])).keys).toMatchObject({ rawStatus: 'fail', outcome: 'missing' });
    const all = await scanDkim('keys.test', ['ED', 'rsa', 'short', 'old', 'none']);
    expect(all.evidence.selectors.map((s) => [s.selector, s.lookup.rcode])).toEqual([
      ['ed', 'NOERROR'],
      ['rsa', 'NOERROR'],
      ['short', 'NOERROR'],
      ['old', 'NOERROR'],
      ['none', 'NXDOMAIN'],
    ]);
  });

  it('refuses selectors that are no DNS names, and too many', () => {
    expect(() => createDkimProbe({ selectors: ['a b'] })).toThrow(TypeError);
    expect(() => createDkimProbe({ selectors: ['-x'] })).toThrow(TypeError);
    expect(() => createDkimProbe({ selectors: Array.from({ length: 17 }, (_, i) => `s${i}`) })).toThrow(/at most 16/);
  });
});
