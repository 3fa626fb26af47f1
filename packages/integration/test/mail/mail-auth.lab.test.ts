/**
 * SPF and DMARC against the lab, beyond the verdicts the mail end-to-end test compares: what the
 * findings say (the RFC lookup count beside Internet.nl's, each void lookup, where an inherited
 * DMARC record was found, how a report destination was authorized), and that a SERVFAIL at the
 * SPF or DMARC name is a test error of every SPF and DMARC check, never a fail.
 */
import { mailPreset } from '@pastoe/checks-mail';
import { scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const authChecks = [
  'mail-auth-spf-exist',
  'mail-auth-spf-policy',
  'mail-auth-spf-void-lookups',
  'mail-auth-dmarc-exist',
  'mail-auth-dmarc-policy',
];

async function verdictsOf(domain: string) {
  const report = await scan(domain, { preset: mailPreset, transports: lab.transports(), vantage: lab.vantage });
  const verdict = (check: string) => {
    const found = report.verdicts.find((v) => v.check === check);
    if (found === undefined) throw new Error(`no verdict of ${check}`);
    return found;
  };
  return { report, verdict };
}

describe('SPF and DMARC against the lab', () => {
  it('makes a SERVFAIL at the SPF and DMARC names an error of every SPF and DMARC check, never a fail', async () => {
    const { report, verdict } = await verdictsOf('servfail.test');
    const spf = report.evidence.find((e) => e.probe === 'mail-spf');
    expect(spf?.ok && spf.data).toMatchObject({ lookup: { rcode: 'SERVFAIL' } });
    expect(authChecks.map((check) => [check, verdict(check).status])).toEqual(authChecks.map((check) => [check, 'error']));
    // Only the DMARC name fails (a CNAME into servfail.test): the DMARC checks err, SPF is judged.
    const dmarcOnly = await verdictsOf('mail-dmarc-servfail.test');
    expect(authChecks.map((check) => dmarcOnly.verdict(check).status)).toEqual(['pass', 'pass', 'pass', 'error', 'error']);
  }, 30_000);

  it('gives the RFC 7208 lookup count where Internet.nl counts no a:host term', async () => {
    const { verdict } = await verdictsOf('mail-spf-a-terms.test');
    expect(verdict('mail-auth-spf-policy')).toMatchObject({
      status: 'pass',
      findings: [
        { id: 'mail-auth-spf-policy.lookup-count', params: { internetnl: 0, rfc: 11 } },
        { id: 'mail-auth-spf-policy.rfc-lookup-limit', params: { rfc: 11 } },
      ],
      facts: { internetnlLookups: 0, rfcLookups: 11 },
    });
  }, 30_000);

  it('names each void lookup, and errs rather than fails when an include target answers SERVFAIL', async () => {
    const voids = await verdictsOf('mail-spf-voids.test');
    expect(voids.verdict('mail-auth-spf-void-lookups').findings.map((f) => [f.id, f.params?.name ?? f.params?.count])).toEqual([
      ['mail-auth-spf-void-lookups.too-many', 3],
      ['mail-auth-spf-void-lookups.void-lookup', 'nx1.mail-spf-voids.test'],
      ['mail-auth-spf-void-lookups.void-lookup', 'nx2.mail-spf-voids.test'],
      ['mail-auth-spf-void-lookups.void-lookup', 'nx3.mail-spf-voids.test'],
    ]);
    const servfail = await verdictsOf('mail-spf-include-servfail.test');
    expect(servfail.verdict('mail-auth-spf-policy')).toMatchObject({
      status: 'error',
      findings: [{ id: 'mail-auth-spf-policy.target-unanswered', params: { domain: 'servfail.test' } }],
    });
  }, 30_000);

  it("applies the organizational domain's sp=none to a subdomain without a record of its own", async () => {
    const { verdict } = await verdictsOf('sub.mail-dmarc-org.test');
    expect(verdict('mail-auth-dmarc-exist').findings).toEqual([
      { id: 'mail-auth-dmarc-exist.inherited', params: { foundAt: 'mail-dmarc-org.test', source: 'organizational-domain' } },
    ]);
    expect(verdict('mail-auth-dmarc-policy')).toMatchObject({
      status: 'fail',
      outcome: 'policy',
      findings: [{ id: 'mail-auth-dmarc-policy.policy-none', params: { tag: 'sp' } }],
      facts: { appliedPolicy: 'none' },
    });
  }, 30_000);

  it('reads who authorizes an external report destination: a record of its own, a wildcard, or none', async () => {
    const authorization = async (domain: string) =>
      (await verdictsOf(domain)).verdict('mail-auth-dmarc-policy').facts?.reportDestinations as unknown as { authorization: string }[];
    expect((await authorization('mail-dmarc-ext-ok.test')).map((d) => d.authorization)).toEqual(['authorized']);
    expect((await authorization('mail-dmarc-ext-wildcard.test')).map((d) => d.authorization)).toEqual(['authorized']);
    expect((await authorization('mail-dmarc-ext-denied.test')).map((d) => d.authorization)).toEqual(['unauthorized']);
  }, 30_000);
});
