import { type AddressSelection, evaluate, type SecurityTxtEvidence } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { foundSecurityTxt, securityTxtBundle } from '../test-support/securitytxt-bundle.js';
import { webAppsecprivSecuritytxt } from './web-appsecpriv-securitytxt.check.js';

const signedLike = (text: string) =>
  `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n${text}-----BEGIN PGP SIGNATURE-----\n\nwg0EAQEIAAAAAKvNAAEB\n-----END PGP SIGNATURE-----\n`;
const valid =
  'Contact: https://example.test/report\nExpires: 2027-03-01T00:00:00Z\nCanonical: https://example.test/.well-known/security.txt\n';
const judge = (...data: SecurityTxtEvidence[]) =>
  evaluate([webAppsecprivSecuritytxt], securityTxtBundle(data.map((d, index) => ({ ip: `192.0.2.${index + 1}`, data: d }))))[0];
/** Judges the first piece of evidence at an IPv6 address and the others at IPv4 addresses, under `selection`. */
const judgeDualStack = (selection: AddressSelection, ...data: SecurityTxtEvidence[]) =>
  evaluate(
    [webAppsecprivSecuritytxt],
    securityTxtBundle(
      data.map((d, index) => ({ ip: index === 0 ? '2001:db8::1' : `192.0.2.${index}`, data: d })),
      selection,
    ),
  )[0];
const ids = (verdict: ReturnType<typeof judge>) =>
  verdict?.findings.map(
    (f) => `${f.id.replace('web-appsecpriv-securitytxt.', '')}${f.params?.line === undefined ? '' : `@${String(f.params.line)}`}`,
  );

describe('web-appsecpriv-securitytxt', () => {
  it('passes a valid signed file at the well-known place', () => {
    const verdict = judge(foundSecurityTxt(signedLike(valid)));
    expect(verdict).toMatchObject({
      status: 'pass',
      outcome: 'good',
      internetnl: { name: 'web_appsecpriv_securitytxt', category: 'web_appsecpriv' },
    });
    expect(verdict?.facts).toMatchObject({ foundHost: 'example.test' });
  });

  it('gives recommendations for a valid file with recommendations or notifications only', () => {
    const verdict = judge(foundSecurityTxt(`${valid}X-Custom: yes\n`));
    expect(verdict).toMatchObject({ status: 'info', outcome: 'recommendations' });
    expect(ids(verdict)).toEqual(['not_signed', 'unknown_field@4']);
  });

  it('is bad for any error, each a finding with its line, and clamps to warning', () => {
    const verdict = judge(foundSecurityTxt('Contact : http://example.test\nExpires: 2026-01-01T00:00:00Z\n'));
    expect(verdict).toMatchObject({ status: 'warning', rawStatus: 'fail', outcome: 'bad' });
    expect(ids(verdict)).toEqual(['prec_ws@1', 'no_https@1', 'expired@2', 'not_signed']);
  });

  it('is bad when not found, and does not parse a body with a wrong media type', () => {
    const missing: SecurityTxtEvidence = {
      ...foundSecurityTxt(''),
      location: undefined,
      retrievalErrors: [{ code: 'no_security_txt_404' }],
    } as SecurityTxtEvidence;
    const { location: _, bodyBase64: __, ...notFound } = missing;
    expect(judge(notFound as SecurityTxtEvidence)).toMatchObject({ status: 'warning', outcome: 'bad' });
    const html = judge(foundSecurityTxt('<html>', { contentType: 'text/html', retrievalErrors: [{ code: 'invalid_media' }] }));
    expect(ids(html)).toEqual(['invalid_media']);
    const other = judge({ ...(notFound as SecurityTxtEvidence), retrievalErrors: [{ code: 'no_security_txt_other', status: 500 }] });
    expect(other?.findings[0]).toMatchObject({ id: 'web-appsecpriv-securitytxt.no_security_txt_other', params: { status: 500 } });
  });

  it('is bad for an empty file, the legacy place and a wrong charset', () => {
    expect(ids(judge(foundSecurityTxt('')))).toEqual(['empty']);
    const legacy = judge(
      foundSecurityTxt(signedLike(valid).replace('.well-known/', ''), {
        location: 'legacy',
        finalUrl: 'https://example.test/security.txt',
        retrievalErrors: [{ code: 'location' }],
      }),
    );
    expect(legacy).toMatchObject({ status: 'warning', outcome: 'bad' });
    expect(ids(legacy)).toEqual(['location']);
    expect(ids(judge(foundSecurityTxt(signedLike(valid), { retrievalErrors: [{ code: 'invalid_charset' }] })))).toEqual([
      'invalid_charset',
    ]);
  });

  it('checks Canonical against the final URL after redirects', () => {
    const moved = judge(
      foundSecurityTxt(signedLike(valid), { finalUrl: 'https://www.example.test/.well-known/security.txt', foundHost: 'www.example.test' }),
    );
    expect(moved).toMatchObject({ outcome: 'bad', facts: { foundHost: 'www.example.test' } });
    expect(ids(moved)).toEqual(['no_canonical_match']);
  });

  it('takes the worst address, and is not tested where HTTPS does not answer', () => {
    const unreachable: SecurityTxtEvidence = {
      domain: 'example.test',
      address: '192.0.2.2',
      reachable: false,
      requests: [],
      insecureRedirect: false,
      retrievalErrors: [{ code: 'no_security_txt_404' }],
    };
    expect(judgeDualStack('first', foundSecurityTxt(signedLike(valid)), foundSecurityTxt(valid))).toMatchObject({
      status: 'info',
      outcome: 'recommendations',
    });
    expect(judgeDualStack('first', foundSecurityTxt(signedLike(valid)), unreachable)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge(unreachable)).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    expect(judge()).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });

  it("judges the first IPv6 and IPv4 address by default, every address with 'all', naming each that fails", () => {
    const good = foundSecurityTxt(signedLike(valid));
    const { location: _, bodyBase64: __, ...found } = foundSecurityTxt('');
    const missing: SecurityTxtEvidence = { ...found, status: 404, retrievalErrors: [{ code: 'no_security_txt_404' }] };
    const first = judgeDualStack('first', good, good, missing);
    expect(first).toMatchObject({ status: 'pass', outcome: 'good', facts: { addresses: ['2001:db8::1', '192.0.2.1'] } });
    const all = judgeDualStack('all', good, good, missing);
    // Recommended: a failure is clamped to `warning`; the raw status is the check's own.
    expect(all).toMatchObject({ status: 'warning', rawStatus: 'fail', facts: { addresses: ['2001:db8::1', '192.0.2.1', '192.0.2.2'] } });
    expect(all?.subjects?.map((subject) => [subject.subject.ip, subject.status])).toEqual([
      ['2001:db8::1', 'pass'],
      ['192.0.2.1', 'pass'],
      ['192.0.2.2', 'fail'],
    ]);
    expect(all?.findings.map((finding) => [finding.id, finding.subject?.ip])).toEqual([
      ['web-appsecpriv-securitytxt.no_security_txt_404', '192.0.2.2'],
    ]);
  });

  it('makes a signature that fails verification with the configured key an error, and notes a verified one', () => {
    const invalid = judge(foundSecurityTxt(signedLike(valid), { signature: { status: 'invalid', message: 'does not verify' } }));
    expect(invalid).toMatchObject({ outcome: 'bad' });
    expect(ids(invalid)).toEqual(['signature-invalid']);
    const verified = judge(
      foundSecurityTxt(signedLike(valid), {
        signature: { status: 'valid', message: 'verifies' },
        insecureRedirect: true,
        tlsTrusted: false,
      }),
    );
    expect(verified).toMatchObject({ outcome: 'good' });
    expect(ids(verified)).toEqual(['signature-valid', 'redirect-to-http', 'untrusted-certificate']);
  });
});
