// Builds the workspace packages whose build is missing or older than their sources, quietly: one
// line says what it builds, a failed build shows its output. `npm ci` (prepare) and `npm run demo`
// run it; `npm run build` still builds everything.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files at the repository root that every package's build reads. */
const sharedInputs = ['tsup.shared.ts', 'tsconfig.base.json'];
/** Files in a package folder that its build reads, besides src/. */
const packageInputs = ['package.json', 'tsconfig.json', 'tsup.config.ts'];

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** The build outputs package.json promises (main, module, types, exports), which a finished build has all of. */
function declaredOutputs(dir, manifest) {
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) collect(inner);
  };
  collect([manifest.main, manifest.module, manifest.types, manifest.exports]);
  return targets.filter((target) => target.startsWith('./dist/')).map((target) => join(dir, target));
}

/**
 * Why the package in `dir` needs a build, or `undefined` when its dist/ is complete and no input
 * (its sources, except tests, its package.json, tsconfig.json and tsup.config.ts, and the shared
 * build files in `root`) changed after the oldest file of dist/ was written.
 */
export function staleReason(dir, root) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const outputs = filesUnder(join(dir, 'dist'));
  if (outputs.length === 0) return 'not built';
  const missing = declaredOutputs(dir, manifest).find((path) => !existsSync(path));
  if (missing !== undefined) return `${missing} is missing`;
  const builtAt = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  const inputs = [
    ...filesUnder(join(dir, 'src')).filter((path) => !/\.test\.[cm]?[jt]s$/.test(path)),
    ...packageInputs.map((name) => join(dir, name)),
    ...sharedInputs.map((name) => join(root, name)),
  ];
  const changed = inputs.find((path) => existsSync(path) && statSync(path).mtimeMs > builtAt);
  return changed === undefined ? undefined : `${changed} changed`;
}

/** The workspace folders of the repository at `root`, in the order they build (package.json's workspaces). */
export function workspaceDirs(root) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces.map((workspace) => join(root, workspace));
}

function buildStale(root) {
  const stale = workspaceDirs(root).filter((dir) => staleReason(dir, root) !== undefined);
  if (stale.length === 0) return 0;
  const names = stale.map((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name);
  process.stderr.write(`building ${names.join(', ')}…\n`);
  for (const [index, dir] of stale.entries()) {
    const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: dir, encoding: 'utf8', shell: process.platform === 'win32' });
    if (result.status === 0) continue;
    // A half-written dist/ must not pass for a fresh build next time.
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}\nbuilding ${names[index]} failed\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = buildStale(fileURLToPath(new URL('..', import.meta.url)));
}
