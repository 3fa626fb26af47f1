/**
 * The security.txt probe against the lab's scenarios: what it fetches from each tested address
 * (places, redirects, content types, bytes), the check's findings with their lines, and the
 * signature of the lab's signed file verified with the lab's public key.
 */
import { webAppsecprivSecuritytxt } from '@pastoe/checks-web';
import { defineSecurityTxtProbe, type ScanReport, type SecurityTxtEvidence, scan, webAddressesProbe } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

async function scanSecurityTxt(domain: string, publicKey?: string): Promise<ScanReport> {
  const probe = defineSecurityTxtProbe(publicKey === undefined ? {} : { publicKey });
  return scan(domain, {
    checks: [webAppsecprivSecuritytxt],
    probes: [probe, webAddressesProbe],
    transports: lab.transports(),
    vantage: lab.vantage,
  });
}

function evidenceOf(report: ScanReport): SecurityTxtEvidence[] {
  return report.evidence.flatMap((e) => (e.probe === 'securitytxt' && e.ok ? [e.data as SecurityTxtEvidence] : []));
}

const findings = (report: ScanReport): string[] => [
  ...new Set(
    report.verdicts[0]?.findings.map(
      (f) => `${f.id.replace('web-appsecpriv-securitytxt.', '')}${f.params?.line === undefined ? '' : `@${String(f.params.line)}`}`,
    ),
  ),
];

describe('security.txt against the lab', () => {
  it('fetches the good file from the first IPv6 and IPv4 address, and verifies its signature with the lab key', async () => {
    const scenario = lab.web.find((s) => s.domain === 'sectxt-signed.test');
    expect(scenario?.securityTxtPublicKey).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    const report = await scanSecurityTxt('sectxt-signed.test', scenario?.securityTxtPublicKey);
    const evidence = evidenceOf(report);
    expect(evidence.map((e) => e.address)).toEqual([scenario?.ipv6, scenario?.ipv4]);
    for (const e of evidence) {
      expect(e).toMatchObject({
        reachable: true,
        location: 'well-known',
        status: 200,
        contentType: 'text/plain; charset=utf-8',
        finalUrl: 'https://sectxt-signed.test/.well-known/security.txt',
        foundHost: 'sectxt-signed.test',
        tlsTrusted: true,
        retrievalErrors: [],
        signature: { status: 'valid', hash: 'sha512' },
      });
    }
    expect(report.verdicts[0]).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(findings(report)).toEqual(['signature-valid']);
    // Another scenario's key does not verify it.
    const other = lab.web.find((s) => s.domain === 'modern.test')?.securityTxtPublicKey;
    expect(evidenceOf(await scanSecurityTxt('sectxt-signed.test', other))[0]?.signature?.status).toBe('unknown-key');
  });

  it('records retrieval errors: 404, the legacy place, the media type and the charset', async () => {
    expect(evidenceOf(await scanSecurityTxt('sectxt-missing.test'))[0]).toMatchObject({
      status: 404,
      retrievalErrors: [{ code: 'no_security_txt_404' }],
    });
    const legacy = await scanSecurityTxt('sectxt-legacy.test');
    expect(evidenceOf(legacy)[0]).toMatchObject({
      location: 'legacy',
      finalUrl: 'https://sectxt-legacy.test/security.txt',
      retrievalErrors: [{ code: 'location' }],
    });
    expect(evidenceOf(legacy)[0]?.requests.map((r) => r.status)).toEqual([404, 200]);
    expect(findings(await scanSecurityTxt('sectxt-content-type.test'))).toEqual(['invalid_media']);
    expect(findings(await scanSecurityTxt('sectxt-charset.test'))).toEqual(['invalid_charset']);
  });

  it('follows a redirect to another host through the resolver and judges the file found there', async () => {
    const report = await scanSecurityTxt('sectxt-redirect.test');
    const [first] = evidenceOf(report);
    const modern = lab.web.find((s) => s.domain === 'modern.test');
    expect(first?.requests.map((r) => [r.status, r.ip])).toEqual([
      [301, lab.web.find((s) => s.domain === 'sectxt-redirect.test')?.ipv6],
      [200, modern?.ipv6],
    ]);
    expect(first).toMatchObject({ foundHost: 'modern.test', finalUrl: 'https://modern.test/.well-known/security.txt' });
    expect(report.verdicts[0]).toMatchObject({ outcome: 'good', facts: { foundHost: 'modern.test' } });
  });

  it('reports syntax errors with their lines, an expired file, and recommendations for an unsigned one', async () => {
    expect(findings(await scanSecurityTxt('sectxt-syntax.test'))).toEqual([
      'prec_ws@1',
      'no_space@2',
      'no_https@3',
      'invalid_expiry@4',
      'invalid_lang@5',
      'empty_value@6',
      'invalid_line@7',
      'no_line_separators@8',
      'not_signed',
    ]);
    expect(findings(await scanSecurityTxt('sectxt-expired.test'))).toEqual(['expired@7']);
    expect(findings(await scanSecurityTxt('sectxt-unsigned.test'))).toEqual(['no_encryption', 'not_signed']);
  });

  it('is not tested where nothing answers on 443', async () => {
    const report = await scanSecurityTxt('http-only.test');
    expect(evidenceOf(report).every((e) => !e.reachable)).toBe(true);
    expect(report.verdicts[0]).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
