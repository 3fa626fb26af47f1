import { pastoeVersion } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('runCli', () => {
  it('prints the version and help', async () => {
    const a = capture();
    expect(await runCli(['--version'], a.io)).toBe(0);
    expect(a.out.join('')).toBe(`${pastoeVersion}\n`);
    const b = capture();
    expect(await runCli(['--help'], b.io)).toBe(0);
    expect(b.out.join('')).toContain('pastoe check <domain>');
  });

  it('refuses unknown commands with usage and exit code 2', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('unknown command "frobnicate"');
  });
});

describe('pastoe demo', () => {
  it('scans the lab demo domains and prints verdicts and scores per domain', async () => {
    const c = capture();
    expect(await runCli(['demo'], c.io)).toBe(0);
    const text = c.out.join('');
    const line = (domain: string): string => text.split('\n').find((l) => l.startsWith(domain)) ?? '';
    expect(line('secure-ecdsa.test')).toMatch(/pass \(secure\).*100% \/ 100%.*yes \/ yes/);
    expect(line('insecure.test')).toMatch(/not-tested \(insecure\).*20% \/ 20%.*no \/ no/);
    expect(line('expired.test')).toMatch(/fail \(bogus\).*0% \/ 0%/);
    expect(line('servfail.test')).toMatch(/not-tested \(dnserror\)/);
    expect(text).toContain('8 domains scanned');
    // The TLS part: the lab's HTTPS and STARTTLS endpoints judged against the NCSC tables.
    expect(line('modern.test ')).toMatch(/^modern\.test\s+pass \(good\)\s+pass \(good\)/);
    expect(line('legacy.test ')).toMatch(/^legacy\.test\s+fail \(bad\)\s+fail \(bad\)\s+fail \(bad\)/);
    expect(line('expired-cert.test')).toMatch(/fail \(bad\)\s+\d+\s+\d+$/);
    expect(line('mail-modern.test (MX)')).toMatch(/pass \(good\)/);
    expect(text).toMatch(/\d+ TLS endpoints scanned/);
  }, 120_000);
});
