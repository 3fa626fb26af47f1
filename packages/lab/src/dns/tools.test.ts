/**
 * Cross-checks against independent DNS software when it is installed (Debian: bind9-dnsutils,
 * bind9-utils, knot-dnsutils, ldnsutils). Each test skips with a printed reason otherwise.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabDnsScenario, type LabDnsZones, createLabDnsZones } from './catalogue.js';
import { type DnsServerHandle, startDnsServer } from './server.js';
import { zoneToText } from './zonefile.js';

function available(tool: string, args: string[]): boolean {
  const result = spawnSync(tool, args, { stdio: 'ignore', timeout: 5000 });
  const ok = result.error === undefined;
  if (!ok)
    console.log(`skipping ${tool} checks: ${tool} is not installed (apt-get install bind9-dnsutils bind9-utils knot-dnsutils ldnsutils)`);
  return ok;
}

const hasDig = available('dig', ['-v']);
const hasKdig = available('kdig', ['--version']);
const hasDelv = available('delv', ['-v']);
const hasDnssecVerify = available('dnssec-verify', ['-V']);
const hasLdns = available('ldns-verify-zone', ['-v']);

function run(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(tool, args, { timeout: 15_000 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
}

let lab: LabDnsZones;
let server: DnsServerHandle;
let dir: string;

beforeAll(async () => {
  lab = await createLabDnsZones();
  server = await startDnsServer({ zones: lab.zones, limits: { silentHoldMs: 300 } });
  dir = await mkdtemp(join(tmpdir(), 'pastoe-lab-dns-'));
  await writeFile(join(dir, 'ca.pem'), server.caCertificatePem);
  const [, , , tag, algorithm, digestType, digest] = lab.trustAnchor.ds.split(' ');
  await writeFile(join(dir, 'anchors.conf'), `trust-anchors { . static-ds ${tag} ${algorithm} ${digestType} "${digest}"; };\n`);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('dig and kdig against the lab server', () => {
  it.skipIf(!hasDig)('dig over UDP and TCP', async () => {
    const port = String(server.udp.port);
    const udp = await run('dig', ['@127.0.0.1', '-p', port, '+dnssec', '+time=2', '+tries=1', 'secure-ecdsa.test', 'A']);
    expect(udp).toMatch(/status: NOERROR/);
    expect(udp).toMatch(/flags: qr rd ra;/);
    expect(udp).toMatch(/RRSIG\s+A 13 2 300/);
    const tcp = await run('dig', ['@127.0.0.1', '-p', port, '+tcp', '+dnssec', '+time=2', '+tries=1', 'big.secure-ecdsa.test', 'TXT']);
    expect(tcp.match(/\tTXT\t/g)).toHaveLength(8);
    const nx = await run('dig', ['@127.0.0.1', '-p', port, '+dnssec', '+time=2', '+tries=1', 'nothing.nsec3.test', 'A']);
    expect(nx).toMatch(/status: NXDOMAIN/);
    expect(nx).toMatch(/NSEC3\s+1 0 0 -/);
  });

  it.skipIf(!hasKdig)('kdig over DoH, POST and GET (HTTP/2)', async () => {
    const url = new URL(server.dohUrl);
    const base = ['@127.0.0.1', '-p', url.port, `+tls-ca=${join(dir, 'ca.pem')}`, '+tls-hostname=localhost', '+timeout=3', '+retry=0'];
    const post = await run('kdig', [...base, '+https=/dns-query', 'secure-rsa.test', 'A']);
    expect(post).toMatch(/status: NOERROR/);
    expect(post).toMatch(/192\.0\.2\.11/);
    const get = await run('kdig', [...base, '+https=/dns-query', '+https-get', 'secure-ed25519.test', 'A']);
    expect(get).toMatch(/192\.0\.2\.12/);
  });
});

/** What delv concluded, in the lab's scenario vocabulary. */
function delvStatus(output: string): LabDnsScenario['status'] {
  // A negative answer also "fails" (ncache nxdomain / nxrrset); anything else that fails is bogus.
  if (/resolution failed: (?!ncache)/.test(output)) return 'bogus';
  if (/unsigned answer/.test(output)) return 'insecure';
  if (/fully validated/.test(output)) return 'secure';
  return 'bogus';
}

describe('BIND delv validates the scenario catalogue from the lab trust anchor', () => {
  // Referrals: delv, as a stub, will not follow a referral from a recursive server.
  const skip = new Set(['www.unhosted.test', 'www.unhosted.nsec3-optout.test']);
  it.skipIf(!hasDelv)(
    'every scenario gets the expected verdict',
    async () => {
      const port = String(server.udp.port);
      const cases = lab.scenarios.filter((s) => s.status !== 'indeterminate' && !skip.has(s.name));
      const results: string[] = new Array(cases.length);
      let next = 0;
      // Four at a time: each delv costs a few hundred milliseconds of CPU to start.
      const worker = async (): Promise<void> => {
        for (let i = next++; i < cases.length; i = next++) {
          const scenario = cases[i] as LabDnsScenario;
          const output = await run('delv', [
            '@127.0.0.1',
            '-p',
            port,
            '-a',
            join(dir, 'anchors.conf'),
            '+root=.',
            scenario.name,
            scenario.type,
          ]);
          results[i] = `${scenario.name} ${scenario.type}: ${delvStatus(output)}`;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(results).toEqual(cases.map((s) => `${s.name} ${s.type}: ${s.status}`));
    },
    120_000,
  );
});

describe('BIND and ldns check the signed zones', () => {
  const broken = new Set(['expired.test', 'future.test', 'bad-sig.test', 'missing-rrsig.test', 'unknown-algo.test']);

  it.skipIf(!hasDnssecVerify)('dnssec-verify accepts every correctly signed zone', async () => {
    for (const zone of lab.zones) {
      if (!lab.keys.has(zone.origin) || broken.has(zone.origin)) continue;
      const file = join(dir, `${zone.origin || 'root'}.zone`);
      await writeFile(file, zoneToText(zone));
      // -z: a CSK has only the KSK flag; BIND 9.18 refuses more than 150 NSEC3 iterations.
      const output = await run('dnssec-verify', ['-z', '-o', zone.origin || '.', file]);
      if (zone.origin === 'nsec3-many-iterations.test') expect(output).toMatch(/iterations out of range/);
      else expect(output, zone.origin).toMatch(/Zone fully signed/);
    }
  });

  it.skipIf(!hasDnssecVerify)('dnssec-verify rejects the zones broken on purpose', async () => {
    for (const origin of ['bad-sig.test', 'missing-rrsig.test']) {
      const zone = lab.zones.find((z) => z.origin === origin);
      if (zone === undefined) throw new Error(origin);
      const file = join(dir, `${origin}.zone`);
      await writeFile(file, zoneToText(zone));
      expect(await run('dnssec-verify', ['-z', '-o', origin, file])).not.toMatch(/Zone fully signed/);
    }
  });

  it.skipIf(!hasLdns)('ldns-verify-zone accepts NSEC and NSEC3 zones', async () => {
    for (const origin of ['secure-ecdsa.test', 'nsec3.test', 'nsec3-optout.test', 'wildcard.test', 'secure-rsa.test']) {
      const zone = lab.zones.find((z) => z.origin === origin);
      if (zone === undefined) throw new Error(origin);
      const file = join(dir, `${origin}.ldns`);
      await writeFile(file, zoneToText(zone));
      const result = spawnSync('ldns-verify-zone', [file], { encoding: 'utf8' });
      expect(result.status, `${origin}: ${result.stdout}${result.stderr}`).toBe(0);
    }
  });
});
