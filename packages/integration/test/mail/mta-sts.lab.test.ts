/**
 * The MTA-STS and TLS-RPT probes and checks against the lab: real DNS for the `_mta-sts` and
 * `_smtp._tls` records, the policy fetched over HTTPS from the scenario's `mta-sts.<domain>`
 * server through the lab network, its certificate validated against the lab CA.
 */
import {
  isMtaStsRecordText,
  lookupVersionedTxt,
  type MtaStsEvidence,
  mailMtaSts,
  mailTlsRpt,
  mtaStsProbe,
  mxProbe,
  type TlsRptEvidence,
  tlsRptProbe,
} from '@pastoe/checks-mail';
import { scan, type Verdict } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

interface Scanned {
  readonly mtaSts: MtaStsEvidence;
  readonly tlsRpt: TlsRptEvidence;
  readonly verdicts: Readonly<Record<string, Verdict>>;
}

async function scanPolicies(domain: string): Promise<Scanned> {
  const report = await scan(domain, {
    checks: [mailMtaSts, mailTlsRpt],
    probes: [mxProbe, mtaStsProbe, tlsRptProbe],
    transports: lab.transports(),
    vantage: lab.vantage,
  });
  const data = (probe: string): unknown => {
    const found = report.evidence.find((e) => e.probe === probe);
    if (found === undefined || !found.ok) throw new Error(`no ${probe} evidence for ${domain}: ${JSON.stringify(found)}`);
    return found.data;
  };
  return {
    mtaSts: data('mail-mta-sts') as MtaStsEvidence,
    tlsRpt: data('mail-tls-rpt') as TlsRptEvidence,
    verdicts: Object.fromEntries(report.verdicts.map((v) => [v.check, v])),
  };
}

describe('MTA-STS and TLS-RPT against the lab', () => {
  it('fetches a good policy over HTTPS, validated for mta-sts.<domain>, and passes both checks', async () => {
    const { mtaSts, tlsRpt, verdicts } = await scanPolicies('mail-mtasts-good.test');
    expect(mtaSts.record).toMatchObject({
      name: '_mta-sts.mail-mtasts-good.test',
      rcode: 'NOERROR',
      records: ['v=STSv1; id=20261203T0800'],
    });
    expect(mtaSts.policy).toMatchObject({
      url: 'https://mta-sts.mail-mtasts-good.test/.well-known/mta-sts.txt',
      ip: lab.addressOf('mta-sts.mail-mtasts-good.test')?.ipv4[0],
      status: 200,
      headers: expect.arrayContaining([['content-type', 'text/plain']]),
      body: 'version: STSv1\r\nmode: enforce\r\nmx: mx.mail-modern.test\r\nmax_age: 1209600\r\n',
      bodyTruncated: false,
      certificateValid: true,
    });
    expect(tlsRpt.record.records).toEqual(['v=TLSRPTv1; rua=mailto:tlsrpt@mail-mtasts-good.test']);
    expect(verdicts['mail-mta-sts']).toMatchObject({
      status: 'pass',
      outcome: 'good',
      facts: { mx: ['mx.mail-modern.test'], mailServers: ['mx.mail-modern.test'] },
    });
    expect(verdicts['mail-tls-rpt']).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('records a certificate for another name with the reason, and fails the policy', async () => {
    const { mtaSts, verdicts } = await scanPolicies('mail-mtasts-wrongname.test');
    expect(mtaSts.policy).toMatchObject({ status: 200, certificateValid: false, certificateError: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(verdicts['mail-mta-sts']).toMatchObject({ status: 'warning', rawStatus: 'fail', outcome: 'policy-unavailable' });
    expect(verdicts['mail-mta-sts']?.findings.map((f) => f.id)).toEqual(['mail-mta-sts.policy-certificate']);
  });

  it('does not follow a redirect, keeping its Location, and tells 404 and a missing server apart', async () => {
    const { mtaSts: redirect, verdicts } = await scanPolicies('mail-mtasts-redirect.test');
    expect(redirect.policy).toMatchObject({
      status: 301,
      headers: expect.arrayContaining([['location', 'https://mail-mtasts-good.test/.well-known/mta-sts.txt']]),
    });
    expect(verdicts['mail-mta-sts']?.findings.map((f) => f.id)).toEqual(['mail-mta-sts.policy-redirect']);
    const notFound = await scanPolicies('mail-mtasts-404.test');
    expect(notFound.mtaSts.policy).toMatchObject({ status: 404 });
    expect(notFound.verdicts['mail-mta-sts']?.findings.map((f) => f.id)).toEqual(['mail-mta-sts.policy-status']);
    const noServer = await scanPolicies('mail-mtasts-noserver.test');
    expect(noServer.mtaSts.policy).toMatchObject({ error: { code: 'no-address' } });
    expect(noServer.mtaSts.policy?.ip).toBeUndefined();
    expect(noServer.verdicts['mail-mta-sts']?.findings.map((f) => f.id)).toEqual(['mail-mta-sts.no-policy-host']);
  });

  it('judges mode testing, an MX the policy misses, a malformed TLS-RPT record and a domain without any', async () => {
    expect((await scanPolicies('mail-mtasts-testing.test')).verdicts['mail-mta-sts']).toMatchObject({
      status: 'warning',
      outcome: 'testing',
    });
    const mismatch = await scanPolicies('mail-mtasts-mx-mismatch.test');
    expect(mismatch.verdicts['mail-mta-sts']?.findings).toEqual([
      { id: 'mail-mta-sts.mx-not-covered', params: { mx: 'mx.mail-modern.test', patterns: 'mx.elsewhere.test' } },
    ]);
    const malformed = await scanPolicies('mail-tlsrpt-malformed.test');
    expect(malformed.verdicts['mail-tls-rpt']).toMatchObject({ status: 'warning', rawStatus: 'fail', outcome: 'record-invalid' });
    expect(malformed.mtaSts).toEqual({ domain: 'mail-tlsrpt-malformed.test', record: expect.objectContaining({ records: [] }) });
    expect(malformed.verdicts['mail-mta-sts']).toMatchObject({ status: 'info', outcome: 'absent' });
  });

  it('keeps SERVFAIL as a lookup error, never as "no record"', async () => {
    const { resolver } = lab.transports();
    const lookup = await lookupVersionedTxt('_mta-sts.servfail.test', isMtaStsRecordText, { resolver });
    expect(lookup).toEqual({ name: '_mta-sts.servfail.test', rcode: 'SERVFAIL', error: 'SERVFAIL', records: [], otherRecords: 0 });
    const absent = await lookupVersionedTxt('_mta-sts.mail-modern.test', isMtaStsRecordText, { resolver });
    expect(absent).toMatchObject({ rcode: 'NXDOMAIN', records: [], otherRecords: 0 });
    expect(absent.error).toBeUndefined();
  });
});
