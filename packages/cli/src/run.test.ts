import { pastoeVersion } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('runCli', () => {
  it('prints the version', async () => {
    const a = capture();
    expect(await runCli(['--version'], a.io)).toBe(0);
    expect(a.out.join('')).toBe(`${pastoeVersion}\n`);
  });

  it('prints the help for --help, -h and help, listing only the commands that exist', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const c = capture();
      expect(await runCli(args, c.io)).toBe(0);
      const text = c.out.join('');
      expect(text).toContain('Usage: pastoe <command> [options]');
      expect(text).toMatch(/^ {2}demo {4}scan the lab's demo domains/m);
      expect(text).toContain('Planned, not in this version: check, bulk, lab');
      expect(text).not.toMatch(/^ {2}(check|bulk|lab)\b/m);
      expect(c.err).toEqual([]);
    }
  });

  it("prints a command's help for --help, -h and help <command>, without running it", async () => {
    for (const args of [
      ['demo', '--help'],
      ['demo', '-h'],
      ['help', 'demo'],
    ]) {
      const c = capture();
      expect(await runCli(args, c.io)).toBe(0);
      expect(c.out.join('')).toMatch(/^Usage: pastoe demo \[options\]\n[\s\S]*-h, --help/);
      expect(c.out.join('')).not.toContain('the lab runs on loopback');
      expect(c.err).toEqual([]);
    }
  });

  it('shows the usage on stderr with status 2 when no command is given', async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err.join('')).toContain('Usage: pastoe <command> [options]');
  });

  it.each([
    [['frobnicate'], 'pastoe: unknown command "frobnicate"', 'pastoe --help'],
    [['check', 'example.nl'], 'pastoe: unknown command "check" (planned, not in this version)', 'pastoe --help'],
    [['lab'], 'pastoe: unknown command "lab" (planned, not in this version)', 'pastoe --help'],
    [['help', 'bulk'], 'pastoe: unknown command "bulk" (planned, not in this version)', 'pastoe --help'],
    [['--frobnicate'], 'pastoe: unknown option --frobnicate', 'pastoe --help'],
    [['-hx'], 'pastoe: unknown option -x', 'pastoe --help'],
    [['demo', '--frobnicate'], 'pastoe demo: unknown option --frobnicate', 'pastoe demo --help'],
    [['demo', '--help', '--frobnicate'], 'pastoe demo: unknown option --frobnicate', 'pastoe demo --help'],
    [['demo', '--help=yes'], 'pastoe demo: option --help takes no value', 'pastoe demo --help'],
    [['demo', 'example.nl'], 'pastoe demo: unexpected argument "example.nl"', 'pastoe demo --help'],
  ])('refuses %j with status 2, one line of reason and a pointer to the help', async (args, reason, help) => {
    const c = capture();
    expect(await runCli(args, c.io)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err.join('')).toBe(`${reason}\nRun '${help}' for usage.\n`);
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
    // The website part: every lab web scenario with its Internet.nl web score, category scores,
    // whether every verdict is the one its data expects, and the subtests that did not pass.
    expect(line('modern.test ')).toMatch(/^modern\.test\s+\d+%.*\byes\b/);
    expect(line('legacy.test ')).toMatch(/^legacy\.test\s+\d+%.*\byes\b.*https_tls_version: fail/);
    expect(line('expired-cert.test')).toMatch(/https_cert_chain: fail/);
    expect(line('modern.test ')).not.toMatch(/https_tls_version/);
    expect(text).toMatch(/\d+ web scenarios scanned/);
    // The mail part: every lab mail scenario (the tarpit aside) with its Internet.nl mail score,
    // STARTTLS as the category verdict, DANE, SPF, DMARC and DKIM, and whether it is as built.
    expect(line('mail-modern.test ')).toMatch(/^mail-modern\.test\s+\d+%\*?\s+passed\s+valid\s+pass\s+pass\s+\S.*\byes$/);
    expect(line('mail-nostarttls.test')).toMatch(/^mail-nostarttls\.test\s+\d+%\*?\s+unreachable\s+-\s/);
    expect(line('mail-dane-wrong.test')).toMatch(/\s+failed\s+invalid\s/);
    expect(line('mail-nullmx.test')).toMatch(/\s+null-mx-without-a-aaaa\s+-\s+pass\s+none\s/);
    expect(line('mail-shared-a.test')).toMatch(/\s+passed\s+valid\s/);
    expect(line('mail-tarpit.test')).toBe('');
    expect(text.split('\n').filter((l) => /^mail-\S+\.test\s/.test(l) && !l.endsWith(' yes'))).toEqual([]);
    expect(line('mail-dane-pkix.test')).toMatch(/^mail-dane-pkix\.test\s+98%\s+failed\s+none\s+pass\s+pass\s+pass\s+yes$/);
    expect(line('mail-spf-include-servfail.test')).toMatch(/\d+%\*\s+passed\s+valid\s+error\s/);
    expect(text).toMatch(/could not measure some subtests/);
    const scanned = /(\d+) mail scenarios scanned in \d+ ms/.exec(text);
    expect(Number(scanned?.[1])).toBeGreaterThanOrEqual(30);
  }, 120_000);
});
