import {
  evaluateCertPubkey,
  evaluateCertTrust,
  evaluateTlsCiphers,
  evaluateTlsKeyExchange,
  evaluateTlsVersion,
  scanTls,
  type TlsEvaluationContext,
  type TlsEvidence,
} from '@pastoe/core';
import type { Lab } from '@pastoe/lab';
import { renderTable } from '../table.js';

interface TlsTarget {
  readonly label: string;
  readonly host: string;
  readonly ip: string;
  readonly port: number;
  readonly starttls?: 'smtp';
}

function targets(lab: Lab): TlsTarget[] {
  const web = lab.web.flatMap((scenario) =>
    scenario.https === undefined
      ? []
      : [{ label: scenario.domain, host: scenario.https.host, ip: scenario.https.ipv4, port: scenario.https.port }],
  );
  const mail = lab.mail.flatMap((scenario) =>
    // A tarpit answers each of the ~23 sequential SMTP connections after its banner delay: right
    // for the tests, too slow for a demo.
    scenario.smtp === undefined || scenario.starttls !== 'offered' || scenario.bannerDelayMs > 0
      ? []
      : [
          {
            label: `${scenario.domain} (MX)`,
            host: scenario.smtp.host,
            ip: scenario.smtp.ipv4,
            port: scenario.smtp.port,
            starttls: 'smtp' as const,
          },
        ],
  );
  return [...web, ...mail];
}

function outcomes(evidence: TlsEvidence, service: 'web' | 'mail', now: Date): string[] {
  const context = (checkId: string): TlsEvaluationContext => ({ checkId, service, now });
  return [
    evaluateTlsVersion(evidence, context('tls-version')),
    evaluateTlsCiphers(evidence, context('tls-ciphers')),
    evaluateTlsKeyExchange(evidence, context('tls-key-exchange')),
    evaluateCertPubkey(evidence, context('cert-pubkey')),
    evaluateCertTrust(evidence, context('cert-trust')),
  ].map((judgement) => `${judgement.status} (${judgement.outcome})`);
}

/**
 * The TLS part of `pastoe demo`: scans every HTTPS and STARTTLS endpoint of the lab at
 * Internet.nl's scope through the lab network (public-looking addresses mapped to loopback), and
 * judges the results against the NCSC TLS guidelines.
 */
export async function demoTls(lab: Lab, signal: AbortSignal | undefined): Promise<{ table: string; endpoints: number; millis: number }> {
  const started = performance.now();
  const now = new Date();
  const rows: string[][] = [['endpoint', 'versions', 'cipher suites', 'key exchange', 'certificate key', 'trust', 'connections', 'ms']];
  // One endpoint at a time keeps the figures honest: each scan's wall time is its own.
  for (const target of targets(lab)) {
    const begun = performance.now();
    const evidence = await scanTls({
      host: target.host,
      ip: target.ip,
      port: target.port,
      ...(target.starttls === undefined ? {} : { starttls: target.starttls }),
      network: lab.network,
      ca: lab.caPem,
      ...(signal === undefined ? {} : { signal }),
    });
    const service = target.starttls === undefined ? 'web' : 'mail';
    const cells = evidence.reachable ? outcomes(evidence, service, now) : ['unreachable', '', '', '', ''];
    rows.push([target.label, ...cells, String(evidence.connections), String(Math.round(performance.now() - begun))]);
  }
  return { table: renderTable(rows), endpoints: rows.length - 1, millis: Math.round(performance.now() - started) };
}
