import { describe, expect, it } from 'vitest';
import { findingIds, httpsFailed, httpsResponse, judgeOne, webHttp } from '../test-support/http-bundle.js';
import { webAppsecprivCsp } from './web-appsecpriv-csp.check.js';

const base = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const judge = (value: string | readonly string[] | null) =>
  judgeOne(webAppsecprivCsp, webHttp({ https: httpsResponse({ 'content-security-policy': value }) }));
const violations = (value: string | readonly string[]) => findingIds(judge(value)).filter((id) => id !== 'syntax');

describe('web-appsecpriv-csp', () => {
  it('passes a policy that keeps all eleven rules', () => {
    expect(judge(base)).toMatchObject({ status: 'pass', outcome: 'good', internetnl: { name: 'web_appsecpriv_csp' } });
    expect(judge("default-src 'none'; base-uri 'none'; form-action https://forms.other.test; frame-ancestors 'self'")).toMatchObject({
      outcome: 'good',
    });
    // Hosts of the tested domain and 'report-sample' keep default-src restrictive.
    expect(
      judge(`${base.replace("default-src 'self'", "default-src 'self' https://*.example.test https://example.test 'report-sample'")}`),
    ).toMatchObject({
      outcome: 'good',
    });
  });

  it('warns (recommended) without a policy', () => {
    expect(judge(null)).toMatchObject({ status: 'warning', outcome: 'bad' });
    expect(findingIds(judge(null))).toEqual(['no-policy-found']);
  });

  it('reports each broken rule with its Internet.nl message id', () => {
    expect(violations(`${base}; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'unsafe-hashes'`)).toEqual([
      'has-unsafe-inline',
      'has-unsafe-eval',
      'has-unsafe-hashes',
    ]);
    expect(violations(`${base}; img-src http://cdn.test`)).toEqual(['has-http']);
    expect(violations(`${base}; img-src http:`)).toEqual(['has-http']);
    expect(violations(`${base}; img-src https:`)).toEqual(['has-bare-https']);
    expect(violations(`${base}; img-src cdn.example.test`)).toEqual(['has-host-without-scheme']);
    expect(violations(`${base}; object-src data:`)).toEqual(['has-data']);
    expect(violations(`${base}; img-src data:`)).toEqual([]);
    expect(violations(`${base}; img-src https://127.0.0.1`)).toEqual(['has-invalid-host']);
    expect(violations(`${base}; img-src *`)).toEqual(['has-invalid-host']);
  });

  it('reports missing or unrestrictive default-src, base-uri, form-action, frame-src and frame-ancestors', () => {
    expect(violations("frame-ancestors 'self'")).toEqual([
      'missing-invalid-default-src',
      'missing-invalid-base-uri',
      'missing-invalid-form-action',
      'missing-invalid-frame-src',
    ]);
    expect(
      violations(
        "default-src 'self' https://cdn.other.test; base-uri 'self' https://cdn.other.test; form-action 'self'; frame-ancestors 'self'; frame-src 'self'",
      ),
    ).toEqual(['missing-invalid-default-src', 'missing-invalid-base-uri']);
    // A host in default-src serves frame-src, though it makes default-src unrestrictive.
    expect(violations("default-src https://example.test; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")).toEqual([
      'missing-invalid-default-src',
    ]);
    expect(violations("default-src 'self'; base-uri 'self'; form-action 'unsafe-eval'; frame-ancestors https://example.test")).toEqual([
      'has-unsafe-eval',
      'missing-invalid-form-action',
      'missing-invalid-frame-ancestors',
    ]);
  });

  it('merges every header value into one policy and falls back from script-src to default-src for data:', () => {
    expect(violations(["default-src 'self' data:", "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"])).toEqual([
      'has-data',
      'missing-invalid-default-src',
    ]);
    expect(
      violations([
        "default-src 'self' data:; script-src 'self'; object-src 'none'",
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      ]),
    ).toEqual(['missing-invalid-default-src']);
  });

  it('notes grammar problems without changing the verdict', () => {
    const verdict = judge(`${base}; img-src 'bogus'`);
    expect(verdict).toMatchObject({ outcome: 'good' });
    expect(verdict.findings[0]).toMatchObject({ id: 'web-appsecpriv-csp.syntax', params: { problem: 'invalid-source', value: "'bogus'" } });
  });

  it('is not tested without an HTTPS response', () => {
    expect(judgeOne(webAppsecprivCsp, webHttp({ https: httpsFailed }))).toMatchObject({ status: 'not-tested' });
  });
});
