import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason, workspaceDirs } from './build-stale.mjs';

const sourcesAt = 1_700_000_000; // seconds since the epoch
const builtAt = sourcesAt + 600;

let root: string;
let pkg: string;

function file(path: string, mtime: number, content = ''): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  utimesSync(path, mtime, mtime);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pastoe-build-stale-'));
  pkg = join(root, 'packages', 'core');
  file(join(root, 'package.json'), sourcesAt, JSON.stringify({ workspaces: ['packages/core', 'packages/cli'] }));
  file(join(root, 'tsup.shared.ts'), sourcesAt);
  file(join(root, 'tsconfig.base.json'), sourcesAt);
  const manifest = { name: '@pastoe/core', main: './dist/index.cjs', exports: { '.': { import: { default: './dist/index.js' } } } };
  file(join(pkg, 'package.json'), sourcesAt, JSON.stringify(manifest));
  file(join(pkg, 'tsup.config.ts'), sourcesAt);
  file(join(pkg, 'src', 'index.ts'), sourcesAt);
  file(join(pkg, 'src', 'dns', 'codec.ts'), sourcesAt);
  file(join(pkg, 'src', 'dns', 'codec.test.ts'), sourcesAt);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(mtime = builtAt): void {
  for (const name of ['index.js', 'index.cjs', 'index.d.ts', 'chunks/dns.js']) file(join(pkg, 'dist', name), mtime);
}

describe('staleReason', () => {
  it('builds a package that has no build', () => {
    expect(staleReason(pkg, root)).toBe('not built');
    mkdirSync(join(pkg, 'dist'));
    expect(staleReason(pkg, root)).toBe('not built');
  });

  it('leaves a build alone that is newer than every input', () => {
    build();
    expect(staleReason(pkg, root)).toBeUndefined();
  });

  it('rebuilds when a source in any folder changed after the oldest output was written', () => {
    build();
    utimesSync(join(pkg, 'dist', 'index.cjs'), sourcesAt + 100, sourcesAt + 100);
    file(join(pkg, 'src', 'dns', 'codec.ts'), sourcesAt + 200);
    expect(staleReason(pkg, root)).toBe(`${join(pkg, 'src', 'dns', 'codec.ts')} changed`);
  });

  it('ignores changed tests, which are not part of the build', () => {
    build();
    file(join(pkg, 'src', 'dns', 'codec.test.ts'), builtAt + 60);
    expect(staleReason(pkg, root)).toBeUndefined();
  });

  it('rebuilds when the package or shared build configuration changed', () => {
    build();
    file(join(pkg, 'tsup.config.ts'), builtAt + 60);
    expect(staleReason(pkg, root)).toMatch(/tsup\.config\.ts changed$/);
    file(join(pkg, 'tsup.config.ts'), sourcesAt);
    file(join(root, 'tsconfig.base.json'), builtAt + 60);
    expect(staleReason(pkg, root)).toMatch(/tsconfig\.base\.json changed$/);
  });

  it('rebuilds an incomplete build that lacks a file package.json promises', () => {
    build();
    rmSync(join(pkg, 'dist', 'index.cjs'));
    expect(staleReason(pkg, root)).toMatch(/index\.cjs is missing$/);
  });
});

describe('workspaceDirs', () => {
  it("lists the workspaces in package.json's order, the order they build in", () => {
    expect(workspaceDirs(root)).toEqual([join(root, 'packages', 'core'), join(root, 'packages', 'cli')]);
  });
});
