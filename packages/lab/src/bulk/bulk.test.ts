import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, startLab } from '../lab.js';
import { writeBulkDomainList } from './list.js';
import { labBulkDomains, labBulkScenarios } from './rotation.js';

describe('labBulkDomains', () => {
  it('names, groups and scenarios the domains in rotation, every group holding every scenario', () => {
    const domains = labBulkDomains(16);
    expect(domains[0]).toEqual({ name: 'd00001.bulk.test', group: 'gemeenten', scenario: 'modern' });
    expect(domains[15]?.name).toBe('d00016.bulk.test');
    expect(domains.map((d) => d.scenario).slice(0, 5)).toEqual(['modern', 'legacy', 'nostarttls', 'nodmarc', 'modern']);
    const pairs = new Set(domains.map((d) => `${d.group}/${d.scenario}`));
    expect(pairs.size).toBe(16);
    expect(labBulkDomains(0)).toEqual([]);
  });

  it('rejects a count that is not an integer from 0 to 99 999, and startLab rejects it before starting anything', async () => {
    for (const bad of [-1, 1.5, 100_000, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => labBulkDomains(bad)).toThrow(RangeError);
    await expect(startLab({ bulk: -3 })).rejects.toThrow(/bulk must be an integer from 0 to 99999, got -3/);
    await expect(startLab({ bulk: 2, services: false })).rejects.toThrow(/need services/);
  });
});

describe('startLab({ bulk })', () => {
  let lab: Lab;
  let dir: string;
  beforeAll(async () => {
    [lab, dir] = await Promise.all([startLab({ bulk: 9 }), mkdtemp(join(tmpdir(), 'pastoe-bulk-'))]);
  });
  afterAll(async () => {
    await Promise.all([lab?.close(), dir === undefined ? undefined : rm(dir, { recursive: true, force: true })]);
  });

  it('publishes the bulk domains in signed zones delegated with DS from bulk.test, at their scenario web addresses', async () => {
    expect(lab.bulkDomains.map((d) => d.name)).toEqual(labBulkDomains(9).map((d) => d.name));
    const { validator } = lab.transports();
    for (const [index, scenario] of labBulkScenarios.entries()) {
      const name = lab.bulkDomains[index]?.name ?? '';
      const answer = await validator.validate(name, 'A');
      expect([name, answer.status]).toEqual([name, 'secure']);
      expect(lab.addressOf(name)).toEqual(lab.addressOf(scenario.web));
    }
    // Past the last one there is nothing: bulk.test proves it absent.
    const beyond = await validator.validate('d00010.bulk.test', 'A');
    expect([beyond.status, beyond.rcode]).toEqual(['secure', 'NXDOMAIN']);
  });

  it('copies the mail records, naming the copy where the scenario named itself, with the MX left on the scenario host', async () => {
    const { validator } = lab.transports();
    const secure = async (name: string, type: 'MX' | 'TXT') => {
      const result = await validator.validate(name, type);
      expect([name, result.status]).toEqual([name, 'secure']);
      return result.records.filter((record) => record.type === type).map((record) => record.data);
    };
    expect(await secure('d00001.bulk.test', 'MX')).toEqual([{ type: 'MX', preference: 10, exchange: 'mx.mail-modern.test' }]);
    expect(await secure('_dmarc.d00001.bulk.test', 'TXT')).toEqual([
      { type: 'TXT', strings: ['v=DMARC1; p=reject; rua=mailto:dmarc@d00001.bulk.test'] },
    ]);
    expect(await secure('mail._domainkey.d00001.bulk.test', 'TXT')).toHaveLength(1);
    expect(await secure('d00002.bulk.test', 'MX')).toEqual([{ type: 'MX', preference: 10, exchange: 'mx.mail-legacy.test' }]);
    // The fourth copies mail-shared-a.test, which publishes no DMARC record.
    expect(await secure('_dmarc.d00004.bulk.test', 'TXT')).toEqual([]);
  });

  it('writes the list as CSV with a domain,group header', async () => {
    const file = join(dir, 'bulk.csv');
    await writeBulkDomainList(lab, file);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[0]).toBe('domain,group');
    expect(lines[1]).toBe('d00001.bulk.test,gemeenten');
    expect(lines.slice(1, -1)).toHaveLength(9);
    expect(lines.at(-1)).toBe('');
  });
});
