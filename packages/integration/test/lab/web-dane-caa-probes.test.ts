/**
 * The TLSA and CAA probes of the website test against the lab's signed scenario zones, and the
 * scan option `addresses` end to end.
 */
import { webHttpsDaneExist, webHttpsTlsCaa, webPreset } from '@pastoe/checks-web';
import { type CaaEvidence, scan, ScanInputError, type TlsaLookupEvidence } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

const evidenceOf = async <T>(domain: string, probe: string): Promise<T | undefined> => {
  const report = await scan(domain, { preset: webPreset, checks: [webHttpsDaneExist, webHttpsTlsCaa], transports: lab.transports() });
  const item = report.evidence.find((e) => e.probe === probe);
  return item?.ok === true ? (item.data as T) : undefined;
};

describe('the tlsa-web probe', () => {
  it('finds the validated DANE-EE record of modern.test', async () => {
    const tlsa = await evidenceOf<TlsaLookupEvidence>('modern.test', 'tlsa-web');
    expect(tlsa).toMatchObject({ name: '_443._tcp.modern.test', dnssec: 'secure', denialBogus: false });
    expect(tlsa?.records.filter((r) => r.data.type === 'TLSA')).toHaveLength(1);
  });

  it('records a bogus TLSA answer without its records, and a validated denial as no records', async () => {
    expect(await evidenceOf<TlsaLookupEvidence>('dane-bogus.test', 'tlsa-web')).toMatchObject({ dnssec: 'bogus', records: [] });
    expect(await evidenceOf<TlsaLookupEvidence>('legacy.test', 'tlsa-web')).toMatchObject({ status: 'secure', records: [] });
  });
});

describe('the caa-domain probe', () => {
  it('stops at the domain when it has CAA, and climbs to the top-level domain when it has none', async () => {
    const found = await evidenceOf<CaaEvidence>('modern.test', 'caa-domain');
    expect(found?.lookups.map((l) => l.name)).toEqual(['modern.test']);
    expect(found?.lookups[0]?.records.filter((r) => r.data.type === 'CAA')).toHaveLength(2);
    const climbed = await evidenceOf<CaaEvidence>('legacy.test', 'caa-domain');
    expect(climbed?.lookups.map((l) => [l.name, l.rcode])).toEqual([
      ['legacy.test', 'NOERROR'],
      ['test', 'NOERROR'],
    ]);
  });
});

describe("the scan option addresses: 'first' | 'all'", () => {
  it("judges both addresses either way for a lab scenario, and records 'all' in the report", async () => {
    const first = await scan('modern.test', { preset: webPreset, checks: [webHttpsDaneExist], transports: lab.transports() });
    const all = await scan('modern.test', {
      preset: webPreset,
      checks: [webHttpsDaneExist],
      transports: lab.transports(),
      addresses: 'all',
    });
    expect(first.addresses).toBeUndefined();
    expect(all.addresses).toBe('all');
    expect(all.verdicts[0]?.subjects?.length).toBe(2);
  });

  it('rejects an unknown value', async () => {
    await expect(scan('modern.test', { preset: webPreset, transports: lab.transports(), addresses: 'some' as never })).rejects.toThrow(
      ScanInputError,
    );
  });
});
