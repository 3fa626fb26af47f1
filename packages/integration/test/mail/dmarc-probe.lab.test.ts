/**
 * The DMARC probe against the lab's DNS server over real UDP on loopback, serving hand-written
 * zones: records at the domain and inherited from the organizational domain, several records,
 * SERVFAIL, external report destinations with and without authorization (a wildcard one too),
 * and the RFC 9989 tree walk with a `psd=y` record.
 */
import { type DmarcEvidence, createDmarcProbe, dmarcProbe, mailAuthDmarcExist, mailAuthDmarcPolicy } from '@pastoe/checks-mail';
import { type AnyProbe, scan, type Verdict } from '@pastoe/core';
import { type DnsServerHandle, parseZoneFile, startDnsServer } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackNetwork } from '../../../core/src/dns/test-support/servers.js';
import { type ClosableResolver, createResolver } from '../../../core/src/dns/resolver/create-resolver.js';

const orgZone = `
$ORIGIN org.test.
$TTL 300
@                 SOA   ns hostmaster 1 7200 900 1209600 300
@                 NS    ns
ns                A     127.0.0.1
_dmarc            TXT   "v=DMARC1; p=reject; sp=quarantine; " "rua=mailto:agg@org.test"
sub               A     127.0.0.1
none.sub          A     127.0.0.1
weak              A     127.0.0.1
_dmarc.weak       TXT   "v=DMARC1; p=none"
_dmarc.twice      TXT   "v=DMARC1; p=reject"
_dmarc.twice      TXT   "v=DMARC1; p=none"
_dmarc.twice      TXT   "google-site-verification=abc"
_dmarc.ext        TXT   "v=DMARC1; p=reject; rua=mailto:d@reports.test,mailto:d@wild.test; ruf=mailto:f@nowhere.test"
_dmarc.alias      CNAME _dmarc.weak
`;

const reportsZone = `
$ORIGIN reports.test.
$TTL 300
@                                  SOA ns hostmaster 1 7200 900 1209600 300
@                                  NS  ns
ns                                 A   127.0.0.1
ext.org.test._report._dmarc        TXT "v=DMARC1"
`;

const wildZone = `
$ORIGIN wild.test.
$TTL 300
@                  SOA ns hostmaster 1 7200 900 1209600 300
@                  NS  ns
ns                 A   127.0.0.1
*._report._dmarc   TXT "v=DMARC1;"
`;

const nowhereZone = `
$ORIGIN nowhere.test.
$TTL 300
@     SOA ns hostmaster 1 7200 900 1209600 300
@     NS  ns
ns    A   127.0.0.1
`;

/** A public-suffix-like parent for the RFC 9989 walk: `psd=y` says its children are organizations. */
const psdZone = `
$ORIGIN psd.test.
$TTL 300
@                     SOA ns hostmaster 1 7200 900 1209600 300
@                     NS  ns
ns                    A   127.0.0.1
_dmarc                TXT "v=DMARC1; p=reject; psd=y"
_dmarc.member         TXT "v=DMARC1; p=quarantine"
a.b.member            A   127.0.0.1
`;

/** The top-level zone, which the tree walk reaches last; it holds no DMARC record. */
const tldZone = `
$ORIGIN test.
$TTL 300
@     SOA ns.org.test. hostmaster 1 7200 900 1209600 300
@     NS  ns.org.test.
`;

const network = loopbackNetwork();
let server: DnsServerHandle;
let resolver: ClosableResolver;

beforeAll(async () => {
  const zones = [tldZone, orgZone, reportsZone, wildZone, nowhereZone, psdZone].map((text) => parseZoneFile(text));
  const broken = { ...parseZoneFile(orgZone.replaceAll('org.test.', 'broken.test.')), faults: { failure: 'servfail' as const } };
  server = await startDnsServer({ zones: [...zones, broken] });
  resolver = createResolver(`udp://${server.udp.ip}:${server.udp.port}`, { network, cache: false, retries: 0 });
});

afterAll(async () => {
  await resolver?.close();
  await server?.close();
});

const checks = [mailAuthDmarcExist, mailAuthDmarcPolicy];

async function scanDmarc(
  domain: string,
  probe: AnyProbe = dmarcProbe,
): Promise<{ evidence: DmarcEvidence; exist: Verdict; policy: Verdict }> {
  const report = await scan(domain, { checks, probes: [probe], transports: { resolver, network }, vantage: 'skip' });
  const found = report.evidence.find((e) => e.probe === 'mail-dmarc');
  if (found === undefined || !found.ok) throw new Error(`no DMARC evidence for ${domain}: ${JSON.stringify(found)}`);
  const [exist, policy] = report.verdicts;
  if (exist === undefined || policy === undefined) throw new Error('no verdicts');
  return { evidence: found.data as DmarcEvidence, exist, policy };
}

describe('the DMARC probe against the lab DNS server (RFC 7489 discovery)', () => {
  it('finds the record at the domain, its TXT strings joined', async () => {
    const { evidence, exist, policy } = await scanDmarc('org.test');
    expect(evidence.record).toEqual({
      text: 'v=DMARC1; p=reject; sp=quarantine; rua=mailto:agg@org.test',
      domain: 'org.test',
      source: 'domain',
    });
    expect(evidence.lookups.map((l) => l.name)).toEqual(['_dmarc.org.test']);
    expect(evidence.reportDestinations).toEqual([{ host: 'org.test', tags: ['rua'], external: false }]);
    expect([exist.outcome, policy.outcome]).toEqual(['good', 'good']);
  });

  it('inherits the organizational domain record for a subdomain, reading sp', async () => {
    const { evidence, exist, policy } = await scanDmarc('none.sub.org.test');
    expect(evidence.lookups.map((l) => [l.name, l.rcode])).toEqual([
      ['_dmarc.none.sub.org.test', 'NXDOMAIN'],
      ['_dmarc.org.test', 'NOERROR'],
    ]);
    expect(evidence).toMatchObject({
      status: 'found',
      organizationalDomain: 'org.test',
      record: { domain: 'org.test', source: 'organizational-domain' },
    });
    expect(exist.findings.map((f) => f.id)).toEqual(['mail-auth-dmarc-exist.inherited']);
    expect(policy).toMatchObject({ outcome: 'good', facts: { policyTag: 'sp' } });
  });

  it('fails several records without falling back, and follows a CNAME at _dmarc', async () => {
    const twice = await scanDmarc('twice.org.test');
    expect(twice.evidence).toMatchObject({ status: 'multiple', lookups: [{ name: '_dmarc.twice.org.test', otherRecords: 1 }] });
    expect(twice.exist).toMatchObject({ status: 'fail', outcome: 'bad' });
    const alias = await scanDmarc('alias.org.test');
    expect(alias.evidence.record?.text).toBe('v=DMARC1; p=none');
    expect(alias.policy).toMatchObject({ status: 'fail', outcome: 'policy' });
  });

  it('reports SERVFAIL as a test error, never as a missing record', async () => {
    const { evidence, exist, policy } = await scanDmarc('broken.test');
    expect(evidence).toMatchObject({ status: 'error', lookups: [{ name: '_dmarc.broken.test', rcode: 'SERVFAIL' }] });
    expect(exist).toMatchObject({ status: 'error', error: { code: 'dns-lookup' } });
    expect(policy.status).toBe('error');
  });

  it('asks external destinations for authorization: a record, a wildcard, and none', async () => {
    const { evidence, policy } = await scanDmarc('ext.org.test');
    expect(evidence.reportDestinations.map((d) => [d.host, d.tags, d.external, d.authorization?.name, d.authorization?.records])).toEqual([
      ['reports.test', ['rua'], true, 'ext.org.test._report._dmarc.reports.test', ['v=DMARC1']],
      ['wild.test', ['rua'], true, 'ext.org.test._report._dmarc.wild.test', ['v=DMARC1;']],
      ['nowhere.test', ['ruf'], true, 'ext.org.test._report._dmarc.nowhere.test', []],
    ]);
    expect(policy).toMatchObject({ status: 'warning', outcome: 'external' });
    expect(policy.findings.map((f) => f.params?.host)).toEqual(['nowhere.test']);
  });
});

describe('the DMARC probe with the RFC 9989 tree walk', () => {
  const treeWalk = createDmarcProbe({ ruleset: 'rfc9989' });

  it('walks up to the first record, and takes the organizational domain from psd=y', async () => {
    const { evidence, exist } = await scanDmarc('a.b.member.psd.test', treeWalk);
    expect(evidence.lookups.map((l) => l.name)).toEqual([
      '_dmarc.a.b.member.psd.test',
      '_dmarc.b.member.psd.test',
      '_dmarc.member.psd.test',
      '_dmarc.psd.test',
    ]);
    expect(evidence).toMatchObject({
      ruleset: 'rfc9989',
      status: 'found',
      record: { domain: 'member.psd.test', source: 'organizational-domain' },
      organizationalDomain: 'member.psd.test',
    });
    expect(exist.outcome).toBe('good');
  });

  it('stops at the top-level label when nothing says psd, the highest record being the organizational domain', async () => {
    const { evidence } = await scanDmarc('none.sub.org.test', treeWalk);
    expect(evidence.lookups.map((l) => l.name)).toEqual([
      '_dmarc.none.sub.org.test',
      '_dmarc.sub.org.test',
      '_dmarc.org.test',
      '_dmarc.test',
    ]);
    expect(evidence.lookups.at(-1)).toMatchObject({ name: '_dmarc.test', rcode: 'NXDOMAIN' });
    expect(evidence).toMatchObject({ record: { domain: 'org.test', source: 'organizational-domain' }, organizationalDomain: 'org.test' });
  });
});
