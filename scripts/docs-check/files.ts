/* Which Markdown files docs-check reads. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in scripts/docs-check/. */
export const repositoryRoot: string = fileURLToPath(new URL('../..', import.meta.url));

/** The guides (docs/guides/**.md), whose ```ts samples are compiled. */
export function guideFiles(root: string = repositoryRoot): string[] {
  return markdownUnder(root, 'docs/guides');
}

/** The README of the repository and of every package, whose ```ts samples are compiled too. */
export function readmeFiles(root: string = repositoryRoot): string[] {
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/README.md`)
    .filter((file) => exists(join(root, file)));
  return ['README.md', ...packages.sort()];
}

/** Every Markdown file whose links are checked: docs/ (without the generated API reference) and the READMEs. */
export function linkedFiles(root: string = repositoryRoot): string[] {
  return [...markdownUnder(root, 'docs').filter((file) => !file.startsWith('docs/api/')), ...readmeFiles(root)];
}

/** The .md files below a folder, as paths relative to the root, sorted. */
function markdownUnder(root: string, folder: string): string[] {
  const start = join(root, folder);
  if (!exists(start)) return [];
  return readdirSync(start, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md'))
    .map((path) => relative(root, join(start, path)).split('\\').join('/'))
    .sort();
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
