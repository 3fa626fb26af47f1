/**
 * Two bulk measurements of the lab's bulk domains into one results store, with one thing changed
 * in between: in the first, the web servers of the `legacy` scenario cannot be reached over IPv6;
 * in the second they can again, and those of the `nodmarc` scenario (`headers-missing.test`'s)
 * cannot. The lists differ by a domain at each end. `compare` then finds the legacy copies
 * improved and the nodmarc copy in both regressed on the tests of their IPv6 web addresses, and
 * nothing else changed; `pastoe report --compare` renders it in Dutch and English.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import type { Endpoint } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { type Comparison, compare } from '@pastoe/reporting';
import { openStore } from '@pastoe/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBulk } from '../../../cli/src/bulk/index.js';
import { runCli } from '../../../cli/src/run.js';
import { capture } from '../../../cli/src/test-support.js';

let lab: Lab;
let dir: string;
let file: string;
let comparison: Comparison;

/** Where nothing listens: a route there makes an address refuse connections. */
const refused: Endpoint = { ip: '127.0.0.1', port: 1 };

/** Makes the web scenario's IPv6 HTTP and HTTPS refuse connections; returns how to undo it. */
function cutIpv6(scenario: string): () => void {
  const ip = lab.addressOf(scenario)?.ipv6[0];
  if (ip === undefined) throw new Error(`${scenario} has no IPv6 address in the lab`);
  const undo = [80, 443].map((port) => {
    const endpoint = { ip, port };
    const before = lab.addressMap.lookup(endpoint, 'tcp');
    if (before === undefined) throw new Error(`${ip}:${port} is not routed in the lab`);
    lab.addressMap.route(endpoint, refused, 'tcp');
    return () => lab.addressMap.route(endpoint, before, 'tcp');
  });
  return () => {
    for (const step of undo) step();
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-trends-'));
  file = join(dir, 'results.sqlite');
  lab = await startLab({ bulk: 8 });
  const inputs = lab.bulkDomains.map((domain) => ({ domain: domain.name, group: domain.group }));
  const scan = {
    checks: [...webPreset.checks, ...mailPreset.checks],
    probes: [...webPreset.probes, ...mailPreset.probes],
    transports: lab.transports(),
    vantage: lab.vantage,
    domainConcurrency: 4,
  };
  const store = openStore(file);
  try {
    const restoreLegacy = cutIpv6('legacy.test');
    const first = await runBulk({ inputs: inputs.slice(0, 7), store, resume: false, scan, label: 'voorjaar' });
    restoreLegacy();
    cutIpv6('headers-missing.test');
    const second = await runBulk({ inputs: inputs.slice(1), store, resume: false, scan, label: 'najaar' });
    expect([first.failed, second.failed]).toEqual([0, 0]);
    comparison = compare(store, first.measurementId, second.measurementId);
  } finally {
    store.close();
  }
}, 180_000);
afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('compare over two lab measurements', () => {
  it('finds the domains that improved and regressed, and those only one measurement has', () => {
    const byScenario = new Map(lab.bulkDomains.map((domain) => [domain.name, domain.scenario]));
    expect(comparison.domains.map((entry) => [entry.domain, byScenario.get(entry.domain)])).toEqual([
      ['d00002.bulk.test', 'legacy'],
      ['d00004.bulk.test', 'nodmarc'],
      ['d00006.bulk.test', 'legacy'],
    ]);
    // The web servers' IPv6 addresses are tested for reachability, for the same content as over
    // IPv4, and for HTTP: those three tests moved, and with them the IPv6 and HTTPS standards.
    const moved = ['web-ipv6-ws-reach', 'web-ipv6-ws-similar', 'web-https-http-available'];
    const none = { checks: [], standards: [], streefbeeld: [] };
    const [legacyA, nodmarc, legacyB] = comparison.domains;
    for (const legacy of [legacyA, legacyB]) {
      // Legacy TLS keeps HTTPS and the web streefbeeld unmet either way.
      expect(legacy?.improved).toEqual({ checks: moved, standards: ['web-ipv6'], streefbeeld: [] });
      expect(legacy?.regressed).toEqual(none);
    }
    // headers-missing.test met the web streefbeeld (security headers are not part of it) until its IPv6 went.
    expect(nodmarc?.regressed).toEqual({ checks: moved, standards: ['web-https', 'web-ipv6'], streefbeeld: ['web'] });
    expect(nodmarc?.improved).toEqual(none);
    expect(comparison.unchanged).toBe(3);
    expect(comparison.onlyInA.map((entry) => entry.domain)).toEqual(['d00001.bulk.test']);
    expect(comparison.onlyInB.map((entry) => entry.domain)).toEqual(['d00008.bulk.test']);
    expect(comparison.measurements).toMatchObject({ a: { label: 'voorjaar', domains: 7 }, b: { label: 'najaar', domains: 7 } });
  });

  it('counts the adoption of web IPv6 in A and in B as summarize does', () => {
    const ipv6 = comparison.overall.standards.find((entry) => entry.policyStandard === 'web-ipv6');
    // A: the two legacy copies could not be reached over IPv6; B: the two nodmarc copies.
    expect(ipv6?.a).toMatchObject({ no: 2, yes: 5 });
    expect(ipv6?.b).toMatchObject({ no: 2, yes: 5 });
    expect(ipv6?.change).toBe(0);
    expect(comparison.groups.map((group) => group.group)).toEqual(['gemeenten', 'provincies', 'rijk', 'waterschappen']);
  });

  it('renders the comparison with pastoe report, in Dutch and English', async () => {
    const outputs: Record<string, string> = {};
    for (const [lang, format] of [
      ['nl', 'html'],
      ['en', 'html'],
      ['en', 'md'],
    ] as const) {
      const out = join(dir, `trend-${lang}.${format}`);
      const c = capture();
      expect(await runCli(['report', '--store', file, '--compare', '1', '--format', format, '--lang', lang, '--out', out], c.io)).toBe(0);
      expect(c.err()).toBe('');
      outputs[`${lang}.${format}`] = readFileSync(out, 'utf8');
    }
    const nl = outputs['nl.html'] ?? '';
    expect(nl).toMatch(/<html lang="nl">[\s\S]*Verandering in adoptie[\s\S]*<svg[^>]*role="img"/);
    expect(nl).toMatch(/<th scope="row">d00002\.bulk\.test<\/th><td>[a-z]+<\/td><td>[^<]*IPv6/);
    expect(nl).toContain('Alleen in meting A');
    expect(nl).not.toMatch(/\b(Improved|Regressed|Measurement|points)\b/);
    const en = outputs['en.html'] ?? '';
    expect(en).toMatch(/Change in adoption[\s\S]*Changes per domain[\s\S]*d00004\.bulk\.test/);
    expect(en).not.toMatch(/\b(Verbeterd|Verslechterd|procentpunt)\b/);
    expect(outputs['en.md']).toMatch(/^# pastoe: two measurements compared\n[\s\S]*\| d00008\.bulk\.test \| [a-z]+ \|/m);
  });
});
