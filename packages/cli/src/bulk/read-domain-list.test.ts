import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { readDomainList } from './read-domain-list.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pastoe-list-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function list(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function usageError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('readDomainList', () => {
  it('reads one domain per line: comments and blank lines skipped, IDNs and URLs normalised, duplicates once', async () => {
    const file = list(
      'domains.txt',
      '\uFEFF# gemeenten\r\nExample.NL\n\nhttps://www.example.nl/contact\n  bücher.nl  \nexample.nl.\n# end\n',
    );
    expect(await readDomainList(file)).toEqual([{ domain: 'example.nl' }, { domain: 'www.example.nl' }, { domain: 'xn--bcher-kva.nl' }]);
  });

  it('reads a CSV with a header: the domain column by name, the group column asked for, quoted fields', async () => {
    const file = list(
      'domains.csv',
      'organisatie,domein,type\n"Gemeente Ede, de",ede.nl,gemeenten\nRijk,rijksoverheid.nl,"rijk"\n# not this one\nFriesland,fryslan.frl,\nEde again,EDE.nl,provincies\n',
    );
    expect(await readDomainList(file, { groupColumn: 'Type' })).toEqual([
      { domain: 'ede.nl', group: 'gemeenten' },
      { domain: 'rijksoverheid.nl', group: 'rijk' },
      { domain: 'fryslan.frl' },
    ]);
    // Without a group column, the first column is not taken for the domain: `domein` is.
    expect((await readDomainList(file)).map((input) => input.domain)).toEqual(['ede.nl', 'rijksoverheid.nl', 'fryslan.frl']);
  });

  it('reads a semicolon CSV as Dutch spreadsheets write it, the domain in the first column when none is named', async () => {
    const file = list('excel.csv', 'url;groep\nhttps://a.nl;waterschappen\nb.nl;"rijk ""kern"""\n');
    expect(await readDomainList(file, { groupColumn: 'groep' })).toEqual([
      { domain: 'a.nl', group: 'waterschappen' },
      { domain: 'b.nl', group: 'rijk "kern"' },
    ]);
  });

  it('names file and line of a bad domain, a missing group column, an open quote, an empty or unreadable file', async () => {
    const bad = list('bad.txt', 'example.nl\n# comment\n192.0.2.1\n');
    expect(await usageError(readDomainList(bad))).toBe(`${bad}:3: "192.0.2.1" is an IP address; pastoe tests domain names`);

    const csv = list('groups.csv', 'domain,group\na.nl,rijk\n');
    expect(await usageError(readDomainList(csv, { groupColumn: 'sector' }))).toBe(
      `${csv}:1: the header has no column "sector" (it has domain, group)`,
    );

    const open = list('open.csv', 'domain,group\n"a.nl,rijk\n');
    expect(await usageError(readDomainList(open))).toBe(`${open}:2: a quoted field is not closed`);

    const empty = list('empty.txt', '# nothing here\n\n');
    expect(await usageError(readDomainList(empty))).toBe(`${empty} holds no domains`);
    expect(await usageError(readDomainList(join(dir, 'absent.txt')))).toBe(`cannot read ${join(dir, 'absent.txt')}: ENOENT`);
  });
});
