// Checks every published package as npm would ship it: publint (package.json and files),
// attw (types resolve for ESM and CJS consumers), and a real import and require of the build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const packages = ['core', 'lab', 'checks-web', 'checks-mail', 'reporting', 'store', 'queue', 'cli'];
const require = createRequire(import.meta.url);
let failed = false;

for (const dir of packages) {
  const cwd = new URL(`../packages/${dir}/`, import.meta.url);
  const { name } = JSON.parse(readFileSync(new URL('package.json', cwd), 'utf8'));
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync('npx', ['--no-install', tool, ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });
      console.log(`ok   ${tool} ${name}`);
    } catch (error) {
      failed = true;
      console.log(`FAIL ${tool} ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
  try {
    const esm = await import(name);
    const cjs = require(name);
    if (Object.keys(esm).sort().join() !== Object.keys(cjs).sort().join()) throw new Error('ESM and CJS exports differ');
    console.log(`ok   import+require ${name} (${Object.keys(esm).length} exports)`);
  } catch (error) {
    failed = true;
    console.log(`FAIL import+require ${name}: ${error.message}`);
  }
}
process.exitCode = failed ? 1 : 0;
