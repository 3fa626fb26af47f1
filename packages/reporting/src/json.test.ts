import { defineCheck, defineProbe, evaluate, scan } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { toJson } from '@pastoe/reporting';

describe('toJson', () => {
  it('writes a report that re-evaluates to the same verdicts, and can drop the evidence', async () => {
    const probe = defineProbe({ id: 'len', description: 'length', needs: [], run: async (s) => s.name.length });
    const check = defineCheck({
      id: 'web-len',
      level: 'required',
      standard: 'https',
      probes: { len: probe },
      evaluate: ({ len }) => (len.data > 5 ? { status: 'pass', outcome: 'good' } : { status: 'fail', outcome: 'bad' }),
    });
    const report = await scan('example.nl', { checks: [check], probes: [probe] });
    const text = toJson(report);
    expect(evaluate([check], JSON.parse(text))).toEqual(report.verdicts);
    const slim = JSON.parse(toJson(report, { omitEvidence: true, indent: 0 }));
    expect(slim.evidence).toEqual([]);
    expect(slim.verdicts).toEqual(report.verdicts);
    expect(toJson(report, { indent: 0 })).not.toContain('\n');
  });
});
