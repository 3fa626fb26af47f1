import { readFileSync } from 'node:fs';
import { checkLevels, probeNeeds, verdictStatuses } from '@pastoe/core';
import { describe, expect, it } from 'vitest';

interface SchemaNode {
  readonly enum?: readonly string[];
  readonly const?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
}

const schema: SchemaNode = JSON.parse(readFileSync(new URL('../schema/report-v1.schema.json', import.meta.url), 'utf8'));
const defs = schema.$defs ?? {};

describe('the published JSON Schema of result schema v1', () => {
  it('names the schema version the reports carry', async () => {
    const { reportSchema } = await import('@pastoe/core');
    expect(schema.properties?.schema?.const).toBe(reportSchema);
  });

  it('lists exactly the statuses, levels and vantage needs core has, so neither drifts', () => {
    const verdict = defs.verdict?.properties ?? {};
    expect([...(verdict.status?.enum ?? [])].sort()).toEqual([...verdictStatuses].sort());
    expect([...(verdict.rawStatus?.enum ?? [])].sort()).toEqual([...verdictStatuses].sort());
    expect(verdict.level?.enum).toEqual(checkLevels);
    expect(defs.vantage?.properties?.needs?.items?.enum).toEqual(probeNeeds);
  });
});
