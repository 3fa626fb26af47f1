/**
 * Result schema v1 against real reports: lab domains scanned with the web and mail presets (a
 * modern one, a legacy one, one whose name servers fail, one whose mail has no STARTTLS) must
 * validate against the published JSON Schema, carry their provenance, and a report broken in the
 * ways a consumer would trip over must not validate.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { type ScanReport, rulesetVersions, scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { toJson } from '@pastoe/reporting';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with a default export that NodeNext typing does not see as callable.
const addFormats: (ajv: Ajv2020) => Ajv2020 = require('ajv-formats');
const schemaFile = require.resolve('@pastoe/reporting/schema/report-v1.schema.json');
const schema: object = JSON.parse(readFileSync(schemaFile, 'utf8'));
// strictRequired off: the if/then branches name properties the main schema defines.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const domains = ['modern.test', 'legacy.test', 'servfail.test', 'mail-nostarttls.test'];
let lab: Lab;
const reports: ScanReport[] = [];
beforeAll(async () => {
  lab = await startLab();
  const preset = { checks: [...webPreset.checks, ...mailPreset.checks], probes: [...webPreset.probes, ...mailPreset.probes] };
  for (const domain of domains) reports.push(await scan(domain, { ...preset, transports: lab.transports(), vantage: lab.vantage }));
}, 180_000);
afterAll(() => lab?.close());

function errorsOf(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('result schema v1', () => {
  it('validates every report as toJson writes it, with and without evidence', () => {
    for (const report of reports) {
      expect(errorsOf(JSON.parse(toJson(report))), report.target.domain).toEqual([]);
      expect(errorsOf(JSON.parse(toJson(report, { omitEvidence: true }))), report.target.domain).toEqual([]);
    }
    // The scans are varied enough to exercise the schema: errors, failures and passes.
    const statuses = new Set(reports.flatMap((report) => report.verdicts.map((verdict) => verdict.status)));
    expect([...statuses]).toEqual(expect.arrayContaining(['pass', 'fail', 'error']));
  });

  it('records the provenance: release, rule sets, resolver, trust anchors and certificate roots', () => {
    const [report] = reports;
    expect(report?.provenance).toMatchObject({
      pastoeVersion: report?.tool.version,
      rulesets: rulesetVersions,
      resolver: expect.stringMatching(/^(udp|tcp|https):\/\//),
      dnssec: { mode: 'own', trustAnchors: [expect.stringMatching(/^\. DS \d+ \d+ 2 [0-9a-f]{64}$/)] },
      certificateTrust: { kind: 'custom', mozillaRoots: 0, custom: [expect.objectContaining({ isCa: true })] },
      rpki: true,
    });
  });

  it('rejects reports a consumer could not read', () => {
    const [report] = reports;
    const broken: Record<string, unknown>[] = [
      { ...report, schema: 'pastoe.report/2' },
      { ...report, verdicts: [{ ...report?.verdicts[0], status: 'passed' }] },
      { ...report, verdicts: [{ ...report?.verdicts[0], findings: [{ params: {} }] }] },
      { ...report, evidence: [{ ...report?.evidence[0], ok: true, data: undefined }] },
      { ...report, startedAt: 'yesterday' },
      { ...report, provenance: { ...report?.provenance, rulesets: undefined } },
    ];
    for (const value of broken) expect(errorsOf(JSON.parse(JSON.stringify(value)))).not.toEqual([]);
  });
});
