import { describe, expect, it } from 'vitest';
import { defineCheck } from '../model/check.js';
import { definePreset } from '../model/preset.js';
import { implementProbe } from '../model/probe.js';
import { declareProbe } from '../model/probe-declaration.js';
import { evaluate } from './evaluate.js';
import { ScanInputError } from './input.js';
import { scan } from './scan.js';

const hosts = declareProbe<readonly string[]>({ id: 'test-hosts', description: 'host names', needs: [] });
const lengths = declareProbe<number>({ id: 'test-lengths', description: 'one length per host', scope: 'each', needs: [] });

const hostsProbe = implementProbe(hosts, { run: async () => ['a.example.nl', 'bb.example.nl'] });
const lengthsProbe = implementProbe(lengths, {
  plan: async (context) => {
    const found = await context.evidence(hosts);
    return found.ok ? found.data.map((name) => ({ name, role: 'mx' as const })) : [];
  },
  run: async (subject) => subject.name.length,
});

const check = defineCheck({
  id: 'test-lengths-short',
  level: 'required',
  standard: 'dnssec',
  probes: { lengths },
  evaluate: ({ lengths: items }) => {
    const longest = Math.max(...items.map((item) => item.data));
    return { status: longest < 13 ? 'pass' : 'fail', outcome: longest < 13 ? 'short' : 'long', facts: { longest } };
  },
});

const preset = definePreset({ id: 'test', title: 'test', checks: [check], probes: [hostsProbe, lengthsProbe] });

describe('binding probe declarations to implementations', () => {
  it('runs a preset: its checks name declarations, plans ask by declaration, the preset binds both', async () => {
    const report = await scan('example.nl', { preset, vantage: 'skip' });
    expect(report.verdicts[0]).toMatchObject({ status: 'fail', outcome: 'long', facts: { longest: 13 } });
    expect(report.probes).toEqual(['test-lengths', 'test-hosts']);
  });

  it('lets options.probes replace one implementation of a preset by id', async () => {
    const fewerHosts = implementProbe(hosts, { run: async () => ['a.example.nl'] });
    const report = await scan('example.nl', { preset, probes: [fewerHosts], vantage: 'skip' });
    expect(report.verdicts[0]).toMatchObject({ status: 'pass', outcome: 'short', facts: { longest: 12 } });
  });

  it('rejects checks without implementations, naming every unbound probe', async () => {
    await expect(scan('example.nl', { checks: preset.checks, vantage: 'skip' })).rejects.toThrow(ScanInputError);
    await expect(scan('example.nl', { checks: preset.checks, vantage: 'skip' })).rejects.toThrow(
      /no implementation is bound to probe test-lengths/,
    );
    await expect(scan('example.nl', { vantage: 'skip' })).rejects.toThrow(/options.preset/);
  });

  it('rejects an implementation whose scope differs from the declaration, and two implementations of one id', async () => {
    const wrongScope = { ...hostsProbe, id: 'test-lengths' };
    await expect(scan('example.nl', { checks: [check], probes: [wrongScope], vantage: 'skip' })).rejects.toThrow(
      /each-scope .* target-scope/,
    );
    const other = implementProbe(hosts, { run: async () => [] });
    await expect(scan('example.nl', { preset, probes: [hostsProbe, other], vantage: 'skip' })).rejects.toThrow(/two implementations/);
  });

  it('fails a plan that asks for an unbound declaration as a dependency error naming it', async () => {
    const report = await scan('example.nl', { checks: [check], probes: [lengthsProbe], vantage: 'skip' });
    expect(report.verdicts[0]).toMatchObject({ status: 'error' });
    const planned = report.evidence.find((item) => item.probe === 'test-lengths');
    expect(planned).toMatchObject({ ok: false, error: { code: 'dependency' } });
    expect(planned?.ok === false && planned.error.message).toMatch(/no implementation is bound to probe test-hosts/);
  });

  it('refuses a preset whose checks name a probe it does not bind', () => {
    expect(() => definePreset({ id: 'half', title: 'half', checks: [check], probes: [hostsProbe] })).toThrow(
      /half binds no implementation for probe test-lengths/,
    );
  });

  it('re-evaluates saved evidence from checks and declarations alone', async () => {
    const report = await scan('example.nl', { preset, vantage: 'skip' });
    expect(evaluate([check], JSON.parse(JSON.stringify(report)))).toEqual(report.verdicts);
  });
});

describe('defineCheck and the Internet.nl catalogue', () => {
  const base = { standard: 'dnssec' as const, probes: { hosts }, evaluate: () => ({ status: 'pass' as const, outcome: 'secure' }) };

  it('takes category and level from the catalogue', () => {
    const mx = defineCheck({ ...base, id: 'mail-x', internetnl: 'mail_dnssec_mx_exist' });
    expect(mx.internetnl).toEqual({ name: 'mail_dnssec_mx_exist', category: 'mail_dnssec' });
    expect(mx.level).toBe('recommended');
  });

  it('throws on a subtest the catalogue lacks, on a level beside a subtest, and on a missing level', () => {
    expect(() => defineCheck({ ...base, id: 'web-x', internetnl: 'web_dnssec_exists' })).toThrow(/not an Internet.nl subtest/);
    expect(() => defineCheck({ ...base, id: 'web-x', internetnl: 'web_dnssec_exist', level: 'optional' as never })).toThrow(
      /comes from the catalogue/,
    );
    expect(() => defineCheck({ ...base, id: 'web-x' } as never)).toThrow(/declares its level/);
  });
});
