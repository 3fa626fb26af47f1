import type { Finding, ScanReport, Subject, Verdict } from '@pastoe/core';
import { report, suiteVerdicts, verdict } from './reports.js';

/** A web server subject on the given address and port 443. */
function webServer(domain: string, ip: string): Subject {
  return { name: domain, role: 'web', ip, port: 443 };
}

/**
 * A web-and-mail report as renderers see it: every streefbeeld test passes except HSTS, which
 * fails on both web servers with findings and per-server facts; the TLS version test is `error`
 * (pastoe's own time-out); plus a custom check the catalogue does not know, outside Internet.nl.
 * `hostile` goes into a finding parameter and a fact, as a server could send it.
 */
export function renderableReport(domain: string, hostile = 'max-age=300'): ScanReport {
  const servers = [webServer(domain, '192.0.2.1'), webServer(domain, '2001:db8::1')];
  const missing: Finding = { id: 'too-short', params: { header: hostile } };
  const verdicts: Verdict[] = [
    ...suiteVerdicts('web', { web_https_http_hsts: 'fail', web_https_tls_version: 'error' }),
    ...suiteVerdicts('mail'),
  ].map((entry) =>
    entry.check === 'web_https_http_hsts'
      ? {
          ...entry,
          check: 'web-https-http-hsts',
          title: 'web-https-http-hsts.failure-title',
          findings: servers.map((subject) => ({ ...missing, subject })),
          subjects: servers.map((subject) => ({
            subject,
            status: 'fail',
            outcome: 'bad',
            facts: { header: hostile, maxAge: 300, preload: false, hops: [] },
          })),
        }
      : entry,
  );
  const custom: Verdict = {
    ...verdict({ check: 'acme-custom', status: 'warning' }),
    findings: [{ id: 'odd', params: { n: 3 } }],
    facts: { note: 'custom' },
  };
  return report(domain, [...verdicts, custom]);
}
