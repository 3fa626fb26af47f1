/**
 * docs/notebook.ipynb runs from top to bottom: Jupyter's nbconvert (Debian's jupyter-nbconvert)
 * executes it on the tslab TypeScript kernel, and every code cell's outputs are checked: no error
 * and nothing on stderr (tslab prints compile errors there), the verdict and score tables, the
 * scores themselves, the offline re-evaluation and the chart's SVG. The kernel is registered in a
 * temporary JUPYTER_PATH, and every other Jupyter folder is temporary too, so nothing is written
 * to the user's home. Skipped, with the reason printed, where jupyter or tslab is absent.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const workspace = fileURLToPath(new URL('../../../../', import.meta.url));
const notebook = join(workspace, 'docs', 'notebook.ipynb');
const run = promisify(execFile);

/** The tslab command (a devDependency), or undefined when it is not installed. */
function tslabCommand(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('tslab/package.json')), 'bin', 'tslab');
  } catch {
    return undefined;
  }
}
const tslabBin = tslabCommand();

/** Why the notebook cannot be executed here, or undefined when it can. */
function missingTool(): string | undefined {
  try {
    execFileSync('jupyter', ['nbconvert', '--version'], { stdio: 'ignore', timeout: 30_000 });
  } catch {
    return 'jupyter nbconvert is not installed (apt-get install jupyter-nbconvert python3-ipykernel jupyter-client)';
  }
  if (tslabBin === undefined || !existsSync(tslabBin)) return 'tslab is not installed (npm ci installs it as a devDependency)';
  return undefined;
}

const skipReason = missingTool();
if (skipReason !== undefined) console.warn(`notebook test skipped: ${skipReason}`);

/** One output of an executed code cell, as nbformat 4 writes it. */
interface CellOutput {
  readonly output_type: string;
  readonly name?: string;
  readonly text?: string | string[];
  readonly data?: Record<string, string | string[]>;
  readonly ename?: string;
  readonly evalue?: string;
}

interface Cell {
  readonly id: string;
  readonly cell_type: string;
  readonly outputs?: readonly CellOutput[];
}

const joined = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join('') : (value ?? ''));

describe.skipIf(skipReason !== undefined)('docs/notebook.ipynb', () => {
  const home = mkdtempSync(join(tmpdir(), 'pastoe-notebook-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('executes top to bottom on the tslab kernel and shows tables, scores and the chart', async () => {
    // The kernel spec tslab's own installer would write, but in a temporary JUPYTER_PATH.
    const kernelDir = join(home, 'jupyter', 'kernels', 'tslab');
    mkdirSync(kernelDir, { recursive: true });
    writeFileSync(
      join(kernelDir, 'kernel.json'),
      JSON.stringify({
        argv: [process.execPath, tslabBin ?? 'tslab', 'kernel', '--config-path', '{connection_file}'],
        display_name: 'TypeScript',
        language: 'typescript',
      }),
    );
    const env = {
      ...process.env,
      JUPYTER_PATH: join(home, 'jupyter'),
      JUPYTER_DATA_DIR: join(home, 'data'),
      JUPYTER_CONFIG_DIR: join(home, 'config'),
      JUPYTER_RUNTIME_DIR: join(home, 'runtime'),
      IPYTHONDIR: join(home, 'ipython'),
      JUPYTER_PLATFORM_DIRS: '1',
    };
    // The kernel runs in docs/ (the notebook's folder), so the packages resolve from the workspace.
    await run(
      'jupyter',
      [
        'nbconvert',
        '--to',
        'notebook',
        '--execute',
        '--ExecutePreprocessor.timeout=180',
        '--ExecutePreprocessor.kernel_name=tslab',
        '--output-dir',
        home,
        '--output',
        'executed.ipynb',
        notebook,
      ],
      { env, timeout: 420_000, maxBuffer: 16 * 1024 * 1024 },
    );

    const executed = JSON.parse(readFileSync(join(home, 'executed.ipynb'), 'utf8')) as { cells: Cell[] };
    const code = executed.cells.filter((cell) => cell.cell_type === 'code');
    expect(code.length).toBeGreaterThanOrEqual(8);
    for (const cell of code) {
      const outputs = cell.outputs ?? [];
      expect(outputs.length, `cell ${cell.id} has no output`).toBeGreaterThan(0);
      expect(outputs.filter((output) => output.output_type === 'error').map((output) => `${output.ename}: ${output.evalue}`)).toEqual([]);
      expect(outputs.filter((output) => output.name === 'stderr').map((output) => joined(output.text))).toEqual([]);
    }
    const outputs = code.flatMap((cell) => cell.outputs ?? []);
    const stdout = outputs
      .filter((output) => output.name === 'stdout')
      .map((output) => joined(output.text))
      .join('');
    const htmlOf = (id: string): string =>
      (code.find((cell) => cell.id === id)?.outputs ?? []).map((output) => joined(output.data?.['text/html'])).join('\n');

    // Never a raw object dump: what the cells show is text lines and HTML.
    expect(outputs.some((output) => output.data?.['text/plain'] !== undefined && output.data['text/html'] === undefined)).toBe(false);
    expect(htmlOf('pastoe-05')).toContain('<table class="pastoe-verdicts">');
    expect(htmlOf('pastoe-05')).toMatch(/<tr><th>legacy\.test<\/th>.*?>fail<\/td>/);
    expect(htmlOf('pastoe-07')).toContain('<table class="pastoe-scores">');
    // The scores the lab's scenarios are built to give (see packages/lab's expected results).
    expect(stdout).toMatch(/modern\.test +internetnl 100 % +streefbeeld true/);
    expect(stdout).toMatch(/hsts-short\.test +internetnl +98 % +streefbeeld false +web-hsts/);
    expect(stdout).toMatch(/mail-modern\.test +internetnl 100 % +streefbeeld true/);
    expect(stdout).toMatch(/re-evaluated \d+ verdicts from saved evidence: 0 differ from the live scans/);
    expect(stdout).toMatch(/Rijk +3 domains, streefbeeld web 50 %, mail 100 %/);
    // The adoption chart is inline SVG with a bar per share; the report view names the failing checks.
    const svg = /<svg[\s>].*<\/svg>/s.exec(htmlOf('pastoe-11'))?.[0] ?? '';
    expect(svg.match(/<rect[\s>]/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(htmlOf('pastoe-13')).toContain('legacy.test');
    expect(htmlOf('pastoe-13')).toContain('web-https-tls-version');
    expect(stdout).toContain('lab closed');
  }, 480_000);
});
