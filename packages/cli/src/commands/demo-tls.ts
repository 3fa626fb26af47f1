import { webChecks, webPreset } from '@pastoe/checks-web';
import { type Evidence, type ScanReport, scanMany, type TlsEvidence, webTlsDeclaration } from '@pastoe/core';
import type { Lab } from '@pastoe/lab';
import { renderTable } from '../table.js';

/** The website checks the TLS table shows, in Internet.nl's report order. */
const tlsChecks = webChecks.filter((check) => check.standard === 'tls');

const headings: Readonly<Record<string, string>> = {
  'web-https-tls-version': 'versions',
  'web-https-tls-ciphers': 'cipher suites',
  'web-https-tls-keyexchange': 'key exchange',
  'web-https-cert-trust': 'trust',
  'web-https-cert-pubkey': 'certificate key',
};

function tlsScans(report: ScanReport): TlsEvidence[] {
  return report.evidence.flatMap((item: Evidence<unknown>) =>
    item.probe === webTlsDeclaration.id && item.ok ? [item.data as TlsEvidence] : [],
  );
}

function scanMillis(report: ScanReport): number {
  return report.evidence.filter((item) => item.probe === webTlsDeclaration.id).reduce((sum, item) => sum + item.durationMs, 0);
}

/**
 * The TLS part of `pastoe demo`: scans every lab domain with an HTTPS server with the website TLS
 * checks over the lab's transports (one TLS scan per address, at Internet.nl's scope) and prints
 * their verdicts, status and outcome per check, with the addresses scanned, their TLS
 * connections and the probes' time from the evidence. Mail servers get no rows until pastoe has
 * the mail STARTTLS checks.
 */
export async function demoTls(
  lab: Lab,
  signal: AbortSignal | undefined,
): Promise<{ table: string; endpoints: number; millis: number; failures: string[] }> {
  const started = performance.now();
  const domains = lab.web.filter((scenario) => scenario.https !== undefined).map((scenario) => scenario.domain);
  const reports = new Map<string, ScanReport>();
  const failures: string[] = [];
  // One domain at a time keeps the figures honest: each TLS probe's time is its own.
  for await (const result of scanMany(domains, {
    checks: tlsChecks,
    probes: webPreset.probes,
    transports: lab.transports(),
    vantage: lab.vantage,
    domainConcurrency: 1,
    ...(signal === undefined ? {} : { signal }),
  })) {
    if (result.ok) reports.set(result.input, result.report);
    else failures.push(`${result.input}: ${result.error.message}`);
  }
  const rows: string[][] = [['domain', ...tlsChecks.map((check) => headings[check.id] ?? check.id), 'addresses', 'connections', 'ms']];
  let endpoints = 0;
  for (const domain of domains) {
    const report = reports.get(domain);
    if (report === undefined) continue;
    const cells = tlsChecks.map((check) => {
      const verdict = report.verdicts.find((v) => v.check === check.id);
      return verdict === undefined ? '-' : `${verdict.status} (${verdict.outcome})`;
    });
    const scans = tlsScans(report);
    const connections = scans.reduce((sum, evidence) => sum + evidence.connections, 0);
    endpoints += scans.length;
    rows.push([domain, ...cells, String(scans.length), String(connections), String(Math.round(scanMillis(report)))]);
  }
  return { table: renderTable(rows), endpoints, millis: Math.round(performance.now() - started), failures };
}
