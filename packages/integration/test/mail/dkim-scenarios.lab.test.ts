/**
 * The DKIM scenarios of the lab's mail world (catalogue.ts, the DKIM block) scanned for DKIM only,
 * with the selectors they publish given to the probe: the selector check's verdicts on real
 * Ed25519, RSA-2048, RSA-1024 and revoked keys, Internet.nl's existence test beside it, and the
 * wildcard that makes `_domainkey` exist. The full mail test of these domains is in the
 * end-to-end test (lab/mail-scenarios.e2e.test.ts).
 */
import { createDkimProbe, dmarcProbe, mailAuthDkimExist, mailAuthDkimSelectors, spfProbe } from '@pastoe/checks-mail';
import { scan, type Verdict } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const probes = [createDkimProbe({ selectors: ['ed', 'rsa', 'weak', 'old'] }), spfProbe, dmarcProbe];

async function scanDkim(domain: string): Promise<{ exist: Verdict; keys: Verdict }> {
  const report = await scan(domain, {
    checks: [mailAuthDkimExist, mailAuthDkimSelectors],
    probes,
    transports: lab.transports(),
    vantage: 'skip',
  });
  const [exist, keys] = report.verdicts;
  if (exist === undefined || keys === undefined) throw new Error('no verdicts');
  return { exist, keys };
}

const verdictOf = (verdict: Verdict): string => `${verdict.rawStatus}/${verdict.outcome}`;
const ids = (verdict: Verdict): string[] => verdict.findings.map((finding) => finding.id);
/** The selectors' rows that found a key: selector, key type, bits, revoked. */
const keyRows = (verdict: Verdict) =>
  ((verdict.facts?.selectors ?? []) as { selector: string; keyType?: string; bits?: number; revoked?: boolean }[])
    .filter((row) => row.keyType !== undefined)
    .map((row) => [row.selector, row.keyType, row.bits, row.revoked]);

describe('the lab DKIM scenarios, their selectors given', () => {
  it('mail-dkim.test: Ed25519 and RSA-2048 keys; the two selectors it lacks fail the selector check', async () => {
    const { exist, keys } = await scanDkim('mail-dkim.test');
    expect(verdictOf(exist)).toBe('pass/good');
    expect(ids(exist)).toEqual(['mail-auth-dkim-exist.empty-non-terminal']);
    expect(keyRows(keys)).toEqual([
      ['ed', 'ed25519', 256, false],
      ['rsa', 'rsa', 2048, false],
    ]);
    expect(verdictOf(keys)).toBe('fail/missing');
  });

  it('judges one selector at a time: RSA-2048 good, RSA-1024 short, revoked with no usable key', async () => {
    const one = (selector: string) => [createDkimProbe({ selectors: [selector] }), spfProbe, dmarcProbe];
    const judge = async (domain: string, selector: string) =>
      (
        await scan(domain, {
          checks: [mailAuthDkimSelectors],
          probes: one(selector),
          transports: lab.transports(),
          vantage: 'skip',
        })
      ).verdicts[0] as Verdict;
    expect(verdictOf(await judge('mail-dkim.test', 'rsa'))).toBe('pass/good');
    expect(verdictOf(await judge('mail-dkim.test', 'ed'))).toBe('pass/good');
    const weak = await judge('mail-dkim-weak.test', 'weak');
    expect([verdictOf(weak), weak.status]).toEqual(['warning/short-key', 'warning']);
    expect(weak.findings).toContainEqual({
      id: 'mail-auth-dkim-selectors.rsa-short',
      params: { selector: 'weak', name: 'weak._domainkey.mail-dkim-weak.test', bits: 1024 },
    });
    expect(verdictOf(await judge('mail-dkim-revoked.test', 'old'))).toBe('fail/no-usable-key');
  });

  it('absent and exempt: NXDOMAIN fails a sending domain and exempts the non-sending one', async () => {
    expect(verdictOf((await scanDkim('mail-dkim-absent.test')).exist)).toBe('fail/bad');
    const exempt = await scanDkim('mail-dkim-exempt.test');
    expect(verdictOf(exempt.exist)).toBe('not-applicable/no-email');
    expect(exempt.exist.facts).toMatchObject({ nonSending: 'yes', nonSendingDmarc: 'yes', nonSendingSpf: 'yes' });
  });

  it('the wildcard: _domainkey exists for Internet.nl, pastoe finds the wildcard and no key at any selector', async () => {
    const { exist, keys } = await scanDkim('mail-dkim-wildcard.test');
    expect(verdictOf(exist)).toBe('pass/good');
    expect(ids(exist)).toEqual(['mail-auth-dkim-exist.wildcard']);
    expect(verdictOf(keys)).toBe('fail/missing');
    expect(ids(keys)).toContain('mail-auth-dkim-selectors.wildcard');
  });
});
