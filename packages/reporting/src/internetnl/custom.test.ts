import type { SubjectResult, Verdict, VerdictError, VerdictStatus } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { customResults } from './custom.js';

const ownTimeout: VerdictError = { source: 'probe', code: 'timeout', message: 'the resolver did not answer' };

function verdict(
  name: string,
  outcome: string,
  extra: { status?: VerdictStatus; subjects?: SubjectResult[]; own?: boolean } = {},
): Verdict {
  const status = extra.status ?? (outcome === 'good' ? 'pass' : 'fail');
  return {
    check: name,
    status,
    rawStatus: status,
    outcome,
    level: 'required',
    forced: false,
    standard: 'https',
    internetnl: { name, category: name.split('_').slice(0, 2).join('_') },
    title: name,
    findings: [],
    ...(extra.subjects === undefined ? {} : { subjects: extra.subjects }),
    ...(extra.own === true ? { error: ownTimeout } : {}),
  };
}

const server = (ip: string, outcome: string): SubjectResult => ({
  subject: { role: 'web', name: 'example.nl', ip },
  status: 'pass',
  outcome,
});

describe('customResults', () => {
  it('tls_1_3_support: yes when every server speaks TLS 1.3, no when one does not (0-RTT na)', () => {
    const gate = verdict('web_https_http_available', 'good');
    expect(customResults([gate, verdict('web_https_tls_0rtt', 'good')], 'web')).toEqual({ tls_1_3_support: 'yes' });
    const mixed = verdict('web_https_tls_0rtt', 'good', { subjects: [server('192.0.2.1', 'good'), server('2001:db8::1', 'na')] });
    expect(customResults([gate, mixed], 'web')).toEqual({ tls_1_3_support: 'no' });
  });

  it('tls_1_3_support: undetermined when a server is unreachable, no without HTTPS, absent when pastoe cannot tell', () => {
    expect(customResults([verdict('web_https_http_available', 'other')], 'web')).toEqual({ tls_1_3_support: 'undetermined' });
    expect(customResults([verdict('web_https_http_available', 'bad')], 'web')).toEqual({ tls_1_3_support: 'no' });
    expect(customResults([verdict('web_https_http_available', 'good')], 'web')).toBeUndefined();
    expect(customResults([verdict('web_https_http_available', 'error', { status: 'error', own: true })], 'web')).toBeUndefined();
  });

  it('mail: the non-sending domain follows the DKIM exemption, the server status the STARTTLS gate', () => {
    const dkimExempt = verdict('mail_auth_dkim_exist', 'no-email', { status: 'not-applicable' });
    const noMx = verdict('mail_starttls_tls_available', 'other-2', { status: 'not-tested' });
    expect(customResults([dkimExempt, noMx], 'mail')).toEqual({
      mail_non_sending_domain: true,
      mail_servers_testable_status: 'no_mx',
      tls_1_3_support: 'no',
    });
    expect(
      customResults([verdict('mail_auth_dkim_exist', 'good'), verdict('mail_starttls_tls_available', 'could-not-test')], 'mail'),
    ).toEqual({
      mail_non_sending_domain: false,
      mail_servers_testable_status: 'untestable',
      tls_1_3_support: 'undetermined',
    });
    expect(customResults([verdict('mail_starttls_tls_available', 'null-mx', { status: 'not-tested' })], 'mail')).toMatchObject({
      mail_servers_testable_status: 'ok',
    });
  });

  it('writes no mail keys in a web request', () => {
    expect(customResults([verdict('mail_auth_dkim_exist', 'no-email')], 'web')).toBeUndefined();
  });
});
