/**
 * pastoe's own outgoing port 25 (vantage need `smtp`): many networks block outgoing SMTP. From a
 * lab network that drops every connection to port 25 (as a firewall does: the attempt times out),
 * the `smtp` vantage step fails with one attempt, the STARTTLS checks and the MX port-25
 * reachability check of a mail scan are `error` (pastoe's own network does not reach port 25)
 * instead of `fail`, the rest of the mail test (DNS, SPF, DMARC) is judged as usual, no probe tries
 * port 25, and a bulk run goes on.
 */
import { mailPreset } from '@pastoe/checks-mail';
import { checkVantage, type Network, ProbeFailure, type ScanReport, scan, scanMany } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

/** The lab's network behind a firewall that drops outgoing port 25, counting the attempts. */
function withoutSmtp(inner: Network, attempts: { port25: number }): Network {
  return {
    policy: inner.policy,
    connect: async (options) => {
      if (options.port === 25) {
        attempts.port25 += 1;
        throw new ProbeFailure('timeout', `connect to ${options.ip}:25 timed out: outgoing SMTP is filtered`);
      }
      return inner.connect(options);
    },
    udpExchange: (options) => inner.udpExchange(options),
  };
}

const statusOf = (report: ScanReport, name: string): string => {
  const verdict = report.verdicts.find((v) => (v.internetnl?.name ?? v.check) === name);
  return `${verdict?.status}/${verdict?.outcome}`;
};

describe("the vantage need 'smtp'", () => {
  it('passes from the lab with one port-25 connection, to the lab’s own listener', async () => {
    const ports: number[] = [];
    const network: Network = {
      policy: lab.network.policy,
      connect: (options) => {
        ports.push(options.port);
        return lab.network.connect(options);
      },
      udpExchange: (options) => lab.network.udpExchange(options),
    };
    const report = await checkVantage(lab.transports({ network }), { needs: ['tcp', 'smtp'], ...lab.vantage });
    expect(report.steps.map((step) => [step.step, step.ok])).toEqual([
      ['tcp', true],
      ['smtp', true],
    ]);
    expect(ports.filter((port) => port === 25)).toHaveLength(1);
  });

  it('fails behind a port-25 filter, naming the endpoint; without endpoints it looks up the default mail hosts', async () => {
    const attempts = { port25: 0 };
    const transports = lab.transports({ network: withoutSmtp(lab.network, attempts) });
    const report = await checkVantage(transports, { needs: ['tcp', 'smtp'], ...lab.vantage });
    expect(report.ok).toBe(false);
    expect(report.steps.map((step) => [step.step, step.ok, step.code])).toEqual([
      ['tcp', true, undefined],
      ['smtp', false, 'timeout'],
    ]);
    expect(report.steps[1]?.reason).toContain('192.0.2.53:25');
    expect(attempts.port25).toBe(1);
    // The lab's DNS knows none of the default hosts: the step says so instead of connecting anywhere.
    const defaults = await checkVantage(lab.transports(), { needs: ['smtp'] });
    expect(defaults.steps[0]).toMatchObject({ step: 'smtp', ok: false, code: 'no-endpoints' });
    expect(defaults.steps[0]?.reason).toContain('gmail-smtp-in.l.google.com');
  });
});

describe('a mail scan from a network that blocks outgoing port 25', () => {
  it('makes the port-25 checks error/vantage, judges the rest, and tries port 25 only in the vantage check', async () => {
    const attempts = { port25: 0 };
    const transports = lab.transports({ network: withoutSmtp(lab.network, attempts) });
    const report = await scan('mail-modern.test', { preset: mailPreset, transports, vantage: lab.vantage });
    expect(report.vantage?.steps.find((step) => step.step === 'smtp')).toMatchObject({ ok: false, code: 'timeout' });
    expect(attempts.port25).toBe(1);
    const port25 = report.verdicts.filter((v) => /^mail_starttls_|^mail_ipv6_mx_reach$/.test(v.internetnl?.name ?? ''));
    expect(port25.length).toBeGreaterThanOrEqual(20);
    for (const verdict of port25) {
      expect(`${verdict.internetnl?.name} ${verdict.status}/${verdict.outcome}`).toBe(`${verdict.internetnl?.name} error/vantage`);
    }
    const reach = report.verdicts.find((v) => v.internetnl?.name === 'mail_ipv6_mx_reach');
    expect(reach?.findings[0]).toMatchObject({ id: 'vantage.smtp', params: { step: 'smtp', code: 'timeout' } });
    expect(reach?.error?.message).toContain('port 25');
    expect(statusOf(report, 'mail_dnssec_mx_valid')).toBe('pass/secure');
    for (const name of ['mail_ipv6_mx_address', 'mail_ipv6_ns_reach', 'mail_auth_spf_exist', 'mail_auth_dmarc_exist']) {
      expect(`${name} ${statusOf(report, name)}`).toBe(`${name} pass/good`);
    }
  }, 60_000);

  it('leaves a Null MX domain as without the filter, and goes on in a bulk run', async () => {
    const attempts = { port25: 0 };
    const transports = lab.transports({ network: withoutSmtp(lab.network, attempts) });
    const results: ScanReport[] = [];
    for await (const result of scanMany(['mail-nullmx-with-address.test', 'mail-modern.test'], {
      preset: mailPreset,
      transports,
      vantage: lab.vantage,
    })) {
      if (result.ok) results.push(result.report);
    }
    expect(results.map((report) => report.target.domain)).toEqual(['mail-nullmx-with-address.test', 'mail-modern.test']);
    const [nullMx, modern] = results;
    if (nullMx === undefined || modern === undefined) throw new Error('both domains are scanned');
    expect(statusOf(nullMx, 'mail_starttls_tls_available')).toBe('not-tested/null-mx');
    expect(statusOf(nullMx, 'mail_starttls_tls_version')).toBe('not-tested/not-tested');
    expect(statusOf(modern, 'mail_starttls_tls_available')).toBe('error/vantage');
    expect(attempts.port25).toBe(1);
  }, 60_000);
});
