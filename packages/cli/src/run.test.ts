import { pastoeVersion } from '@pastoe/core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { capture } from './test-support.js';

describe('runCli', () => {
  it('prints the version for --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const c = capture();
      expect(await runCli([flag], c.io)).toBe(0);
      expect(c.out()).toBe(`${pastoeVersion}\n`);
    }
  });

  it('prints the help for --help, -h and help, listing every command', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const c = capture();
      expect(await runCli(args, c.io)).toBe(0);
      const text = c.out();
      expect(text).toContain('Usage: pastoe [options] [command]');
      for (const command of ['check', 'bulk', 'report', 'demo', 'lab']) expect(text).toMatch(new RegExp(`^ {2}${command} `, 'm'));
      expect(text).toContain('Exit status: 0 done, 1 ');
      expect(c.err()).toBe('');
    }
  });

  it.each([
    [
      'check',
      /^Usage: pastoe check \[options\] <domain\.\.\.>[\s\S]*--fail-under <score>[\s\S]*--require <standards>[\s\S]*--map <addr:port=addr:port>/,
    ],
    ['bulk', /^Usage: pastoe bulk \[options\] <file>[\s\S]*--group-column <name>[\s\S]*--store <file>[\s\S]*--resume[\s\S]*--lab/],
    ['report', /^Usage: pastoe report \[options\][\s\S]*--store <file>[\s\S]*--compare <id>[\s\S]*--suppliers <file>/],
    ['demo', /^Usage: pastoe demo \[options\][\s\S]*--out <file>[\s\S]*No traffic leaves loopback/],
    ['lab', /^Usage: pastoe lab \[options\][\s\S]*--bulk <n>[\s\S]*--bulk-out <file>[\s\S]*until SIGINT or\s+SIGTERM/],
  ])('prints the help of %s for --help, -h and help <command>, without running it', async (command, help) => {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      const c = capture();
      expect(await runCli(args, c.io)).toBe(0);
      expect(c.out()).toMatch(help);
      expect(c.err()).toBe('');
    }
  });

  it('shows the usage on stderr with status 2 when no command is given', async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(2);
    expect(c.out()).toBe('');
    expect(c.err()).toContain('Usage: pastoe [options] [command]');
  });

  it.each([
    [['frobnicate'], "pastoe: unknown command 'frobnicate'", 'pastoe --help'],
    [['chekc'], "pastoe: unknown command 'chekc' (Did you mean check?)", 'pastoe --help'],
    [['--frobnicate'], "pastoe: unknown option '--frobnicate'", 'pastoe --help'],
    [['demo', '--frobnicate'], "pastoe demo: unknown option '--frobnicate'", 'pastoe demo --help'],
    [['demo', 'example.nl'], "pastoe demo: too many arguments for 'demo'. Expected 0 arguments but got 1.", 'pastoe demo --help'],
    [['demo', '--out'], "pastoe demo: option '--out <file>' argument missing", 'pastoe demo --help'],
    [['check'], "pastoe check: missing required argument 'domain'", 'pastoe check --help'],
    [['check', 'example.nl', '--frmat', 'json'], "pastoe check: unknown option '--frmat' (Did you mean --format?)", 'pastoe check --help'],
    [
      ['check', 'example.nl', '--format', 'pdf'],
      "pastoe check: option '--format <format>' argument 'pdf' is invalid. Allowed choices are text, json, internetnl, md, html, csv.",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--lang', 'de'],
      "pastoe check: option '--lang <language>' argument 'de' is invalid. Allowed choices are nl, en.",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--policy', 'strict'],
      "pastoe check: option '--policy <name>' argument 'strict' is invalid. Allowed choices are internetnl, streefbeeld.",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--concurrency', '0'],
      "pastoe check: option '--concurrency <n>' argument '0' is invalid. expected a whole number from 1 to 256",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--timeout', 'soon'],
      "pastoe check: option '--timeout <seconds>' argument 'soon' is invalid. expected seconds, more than 0 and at most 3600",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--fail-under', '101'],
      "pastoe check: option '--fail-under <score>' argument '101' is invalid. expected a score from 0 to 100",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--require', 'dnssec,tsl'],
      "pastoe check: option '--require <standards>' argument 'dnssec,tsl' is invalid. unknown standard \"tsl\"",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--map', '192.0.2.1:443'],
      "pastoe check: option '--map <addr:port=addr:port>' argument '192.0.2.1:443' is invalid. \"192.0.2.1:443\" is not ADDR:PORT=ADDR:PORT",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--resolver', 'ftp://x'],
      "pastoe check: option '--resolver <url>' argument 'ftp://x' is invalid.",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--vantage', 'here'],
      "pastoe check: option '--vantage <skip|addr:port,...>' argument 'here' is invalid.",
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--lab', '--map', '192.0.2.1:443=127.0.0.1:1'],
      "pastoe check: option '--lab' cannot be used with option '--map <addr:port=addr:port>'",
      'pastoe check --help',
    ],
    [['check', 'exa mple.nl'], 'pastoe check: "exa mple.nl" is not a domain name', 'pastoe check --help'],
    [['check', 'example.nl', '192.0.2.1'], 'pastoe check: "192.0.2.1" is an IP address; pastoe tests domain names', 'pastoe check --help'],
    [
      ['check', 'example.nl', '--format', 'internetnl'],
      'pastoe check: --format internetnl reports one test: add --web or --mail',
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--out', '/nonexistent-folder/x.json'],
      'pastoe check: cannot write --out "/nonexistent-folder/x.json": its folder does not exist or is not writable',
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--ca', '/nonexistent-file.pem'],
      'pastoe check: cannot read --ca "/nonexistent-file.pem": ENOENT',
      'pastoe check --help',
    ],
    [
      ['check', 'example.nl', '--trust-anchor', '/nonexistent-anchor'],
      'pastoe check: cannot read --trust-anchor "/nonexistent-anchor": ENOENT',
      'pastoe check --help',
    ],
    [
      ['lab', '--bulk', '0'],
      "pastoe lab: option '--bulk <n>' argument '0' is invalid. expected a whole number from 1 to 1000000",
      'pastoe lab --help',
    ],
    [['lab', '--bulk-out', 'x.csv'], 'pastoe lab: --bulk-out needs --bulk N', 'pastoe lab --help'],
    [['bulk'], "pastoe bulk: missing required argument 'file'", 'pastoe bulk --help'],
    [['bulk', 'no-such-list.csv'], 'pastoe bulk: cannot read no-such-list.csv', 'pastoe bulk --help'],
    [
      ['bulk', 'list.csv', '--lab', '--resolver', 'udp://127.0.0.1'],
      "pastoe bulk: option '--lab' cannot be used with option '--resolver <url>'",
      'pastoe bulk --help',
    ],
    [['bulk', 'list.csv', '--lang', 'fr'], "pastoe bulk: option '--lang <language>' argument 'fr' is invalid.", 'pastoe bulk --help'],
    [
      ['check', 'example.nl', '--routinator', 'ftp://x'],
      "pastoe check: option '--routinator <url>' argument 'ftp://x' is invalid. expected an http:// or https:// URL",
      'pastoe check --help',
    ],
    [['bulk', 'list.csv', '--resume=yes'], "pastoe bulk: unknown option '--resume=yes'", 'pastoe bulk --help'],
    [['bulk', 'list.csv', '--group-column', ' '], 'pastoe bulk: --group-column needs a column name', 'pastoe bulk --help'],
    [
      ['bulk', 'list.csv', '--concurrency', '1000'],
      "pastoe bulk: option '--concurrency <n>' argument '1000' is invalid. expected a whole number from 1 to 256",
      'pastoe bulk --help',
    ],
  ])('refuses %j with status 2, one line of reason and a pointer to the help', async (args, reason, help) => {
    const c = capture();
    expect(await runCli(args, c.io)).toBe(2);
    expect(c.out()).toBe('');
    const [line, pointer, ...rest] = c.err().split('\n');
    expect(line?.startsWith(reason)).toBe(true);
    expect(pointer).toBe(`Run '${help}' for usage.`);
    expect(rest).toEqual(['']);
  });
});

describe('pastoe demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pastoe-demo-test-'));
  const outFile = join(dir, 'demo.html');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scans the lab demo domains and prints verdicts and scores per domain', async () => {
    const c = capture();
    expect(await runCli(['demo', '--out', outFile], c.io)).toBe(0);
    const text = c.out();
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
    // The HTML report of every scan, where --out says, and its path printed.
    expect(text).toContain(`scans: ${outFile}\n`);
    expect(readFileSync(outFile, 'utf8')).toMatch(/<html[\s\S]*mail-modern\.test[\s\S]*secure-ecdsa\.test/);
    // The whole demo: some 100 scans, slow on a loaded 2-core machine.
  }, 300_000);
});
