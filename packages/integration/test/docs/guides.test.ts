/**
 * The guides and READMEs hold: every ```ts sample compiles against the workspace packages and every
 * relative link and #anchor of docs/ and the READMEs resolves, external links going to documentation
 * hosts only (`npm run docs:check` runs the same checks). The checker itself is tried on a small
 * repository of its own, so a broken sample or link is shown to fail it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../../../scripts/docs-check/links.js';
import { headingSlug, readMarkdown } from '../../../../scripts/docs-check/markdown.js';
import { collectSamples, compileSamples } from '../../../../scripts/docs-check/samples.js';

const workspace = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the guides and READMEs', () => {
  it('have samples that compile against the workspace packages', () => {
    const report = compileSamples();
    expect(report.errors).toEqual([]);
    // Every guide has samples; a pending one waits for a name no package exports yet.
    expect(report.compiled.length).toBeGreaterThanOrEqual(15);
    for (const sample of report.pending) expect(sample.name).toMatch(/^[A-Za-z]+$/);
  }, 120_000);

  it('have links and anchors that resolve, and external links to documentation hosts only', () => {
    const report = checkLinks();
    expect(report.errors).toEqual([]);
    expect(report.files).toContain('docs/guides/README.md');
    expect(report.checked).toBeGreaterThan(20);
  });

  it('are linked from the README', () => {
    const links = readMarkdown(readme()).links.map((link) => link.target);
    expect(links).toContain('docs/guides/README.md');
  });
});

describe('the checker', () => {
  const root = mkdtempSync(join(tmpdir(), 'pastoe-docs-check-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds a broken link, a missing anchor and a link to a host that is not documentation', () => {
    mkdirSync(join(root, 'docs', 'guides'), { recursive: true });
    mkdirSync(join(root, 'packages'));
    writeFileSync(join(root, 'README.md'), '# Title\n\n[guide](docs/guides/a.md#second-part) [gone](docs/none.md)\n');
    writeFileSync(
      join(root, 'docs', 'guides', 'a.md'),
      '# A\n\n## Second `part`\n\n[up](../../README.md#title) [no](#third) [ad](https://tracker.example.com/x) `[code](nowhere.md)`\n',
    );
    const report = checkLinks(root);
    expect(report.errors).toEqual([
      'docs/guides/a.md:5: #third: docs/guides/a.md has no heading #third',
      'docs/guides/a.md:5: https://tracker.example.com/x: tracker.example.com is not a documentation host (scripts/docs-check/links.ts)',
      'README.md:3: docs/none.md names docs/none.md, which does not exist',
    ]);
    expect(report.external.map((link) => link.url)).toEqual(['https://tracker.example.com/x']);
  });

  it('reads code blocks with their flags and pending marks, and makes GitHub anchors', () => {
    const document = readMarkdown('<!-- pending: toMarkdown -->\n\n```ts\nx;\n```\n\n````ts ignore\ny;\n```\n````\n\n~~~sh\nz\n~~~\n');
    expect(document.codeBlocks.map((block) => [block.language, block.flags, block.pending, block.code])).toEqual([
      ['ts', [], 'toMarkdown', 'x;'],
      ['ts', ['ignore'], undefined, 'y;\n```'],
      ['sh', [], undefined, 'z'],
    ]);
    expect(headingSlug('Embedding `pastoe` in a service: [trust](x.md), time-outs!')).toBe('embedding-pastoe-in-a-service-trust-time-outs');
    expect(() => readMarkdown('```ts\nnever closed\n')).toThrow(/never closed/);
  });

  it('compiles a sample, skips an ignored one, and reports a wrong one with its line', () => {
    writeFileSync(
      join(root, 'docs', 'guides', 'a.md'),
      [
        '# A',
        '```ts',
        "import { policies } from '@pastoe/core';",
        'console.log(policies.streefbeeld.id);',
        '```',
        '```ts ignore',
        'not a program',
        '```',
        '```ts',
        "import { score } from '@pastoe/core';",
        "const n: number = 'text';",
        'score(n);',
        '```',
        '<!-- pending: notYetExported -->',
        '```ts',
        "import { notYetExported } from '@pastoe/core';",
        'notYetExported();',
        '```',
        '',
      ].join('\n'),
    );
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify(repositoryConfig()));
    // A package.json without "type": samples are compiled as ES modules whatever the folder says.
    writeFileSync(join(root, 'package.json'), '{}');
    expect(collectSamples(root)).toHaveLength(4);
    const report = compileSamples(root);
    expect(report.compiled.map((sample) => sample.line)).toEqual([2]);
    expect(report.ignored.map((sample) => sample.line)).toEqual([6]);
    expect(report.pending.map((sample) => [sample.line, sample.name])).toEqual([[15, 'notYetExported']]);
    expect(report.errors).toHaveLength(2);
    expect(report.errors[0]).toMatch(/^docs\/guides\/a\.md:11: Type 'string' is not assignable to type 'number'/);
    expect(report.errors[1]).toMatch(/^docs\/guides\/a\.md:12: /);
  }, 120_000);

  /** The repository's compiler options, with paths pointing into the real workspace. */
  function repositoryConfig(): unknown {
    return {
      extends: join(workspace, 'tsconfig.base.json'),
      compilerOptions: {
        noEmit: true,
        typeRoots: [join(workspace, 'node_modules', '@types')],
        paths: { '@pastoe/core': [join(workspace, 'packages', 'core', 'src', 'index.ts')] },
      },
    };
  }
});

function readme(): string {
  return readFileSync(join(workspace, 'README.md'), 'utf8');
}
