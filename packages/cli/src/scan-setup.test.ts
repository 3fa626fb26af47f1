import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapRoute } from './flags.js';
import { type ScanFlags, scanSelection, scanSetup } from './scan-setup.js';
import { UsageError } from './usage-error.js';

describe('scanSetup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pastoe-scan-setup-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('selects the website test, the mail test, or both', () => {
    const web = scanSelection({ web: true }).checks ?? [];
    const mail = scanSelection({ mail: true }).checks ?? [];
    const both = scanSelection({}).checks ?? [];
    expect(web.every((check) => check.id.startsWith('web'))).toBe(true);
    expect(mail.every((check) => check.id.startsWith('mail'))).toBe(true);
    expect(both).toHaveLength(web.length + mail.length);
    expect(scanSelection({ web: true, mail: true }).checks).toHaveLength(both.length);
  });

  it.each<[string, () => ScanFlags, RegExp]>([
    ['an unreadable --ca', () => ({ ca: 'no-such-file.pem' }), /^cannot read --ca "no-such-file\.pem": ENOENT$/],
    ['a --ca without certificates', () => ({ ca: file('not-pem', 'this is no certificate\n') }), /^--ca ".*not-pem": /],
    ['an unreadable --trust-anchor', () => ({ trustAnchor: 'no-such-anchor' }), /^cannot read --trust-anchor "no-such-anchor": ENOENT$/],
    [
      'a --trust-anchor without anchors',
      () => ({ trustAnchor: file('bad-anchor', '. IN DS not a record\n') }),
      /^--trust-anchor ".*bad-anchor": /,
    ],
    ['--ripestat without --routinator', () => ({ ripestat: 'http://127.0.0.1:1/' }), /^--ripestat needs --routinator URL$/],
  ])('refuses %s as a usage error, before any network I/O', async (_case, flags, message) => {
    const failure = scanSetup({ ...flags(), resolver: 'udp://127.0.0.1:1' });
    await expect(failure).rejects.toThrow(UsageError);
    await expect(failure).rejects.toThrow(message);
  });

  it('builds real-use transports from the flags, with the timeout and concurrency, and closes its resolver', async () => {
    const setup = await scanSetup({
      resolver: 'udp://127.0.0.1:1',
      allowPrivate: true,
      map: mapRoute('192.0.2.1:443=127.0.0.1:1', undefined),
      timeout: 5_000,
      concurrency: 2,
      vantage: 'skip',
      routinator: 'http://127.0.0.1:1/',
      web: true,
    });
    expect(setup.scan).toMatchObject({ timeoutMs: 5_000, domainConcurrency: 2, vantage: 'skip' });
    // TLS scans build on each other by address unless --tls-per-name says otherwise.
    expect(setup.scan.settings).toBeUndefined();
    const perName = await scanSetup({ tlsPerName: true, vantage: 'skip', web: true });
    expect(perName.scan.settings).toEqual({ tlsSharing: 'name' });
    await perName.close();
    expect(setup.scan.transports?.resolver).toBeDefined();
    expect(setup.scan.transports?.network).toBeDefined();
    expect(setup.scan.transports?.rpki?.vrps).toBeDefined();
    // No --trust-anchor: core's validator over IANA's anchors; no --ca: Mozilla's roots.
    expect(setup.scan.transports?.validator).toBeUndefined();
    expect(setup.scan.transports?.trust).toBeUndefined();
    expect(setup.lab).toBeUndefined();
    await setup.close();
  });

  it('with --lab starts an in-process lab, scans with its transports and vantage, and stops it on close', async () => {
    const setup = await scanSetup({ lab: true });
    const lab = setup.lab;
    expect(lab).toBeDefined();
    expect(setup.scan.vantage).toBe(lab?.vantage);
    expect(setup.scan.transports?.trust).toBe(lab?.trust);
    await setup.close();
    // Closed: its resolver no longer answers.
    const answer = await setup.scan.transports?.resolver?.query({ name: 'modern.test', type: 'A' });
    expect(answer?.ok).toBe(false);
  });
});
