/**
 * The HTML report in a real browser: Debian's headless Chromium opens a multi-domain report with
 * its adoption summary, takes a screenshot and dumps the DOM it built. The page must load with no
 * console message at all (it has no script, and its Content-Security-Policy turns any attempt to
 * load something into a console error), show the charts with their bars, and every domain.
 * Skipped, with the reason printed, when `chromium` is not installed (`apt-get install chromium`,
 * listed in .ci/apt-packages). `PASTOE_SCREENSHOT_DIR=dir` keeps the screenshot for a look.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { type ScanReport, scan } from '@pastoe/core';
import { type Lab, startLab } from '@pastoe/lab';
import { summarize, toHtml } from '@pastoe/reporting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const domains = [
  { domain: 'modern.test', group: 'Rijk', preset: webPreset },
  { domain: 'legacy.test', group: 'gemeenten', preset: webPreset },
  { domain: 'hsts-missing.test', group: 'gemeenten', preset: webPreset },
  { domain: 'mail-modern.test', group: 'Rijk', preset: mailPreset },
] as const;
const windowSize = { width: 1000, height: 2400 };
const chromiumTimeoutMs = 90_000;

async function findChromium(): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'chromium');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

interface ChromiumRun {
  readonly dom: string;
  readonly log: string;
  readonly code: number | null;
}

/** Runs headless Chromium once on a page: screenshot to `screenshot`, the DOM on stdout, the log on stderr. */
async function runChromium(executable: string, page: string, screenshot: string, profile: string): Promise<ChromiumRun> {
  const args = [
    '--headless',
    '--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start.
    '--disable-gpu',
    '--no-first-run',
    '--disable-extensions',
    '--disable-background-networking',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    `--window-size=${windowSize.width},${windowSize.height}`,
    '--enable-logging=stderr',
    '--v=0',
    `--screenshot=${screenshot}`,
    '--dump-dom',
    pathToFileURL(page).href,
  ];
  // Its own process group, so the browser's helper processes end with it.
  const child = spawn(executable, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  };
  let dom = '';
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    dom += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  const timer = setTimeout(stop, chromiumTimeoutMs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    return { dom, log, code };
  } finally {
    clearTimeout(timer);
    stop();
  }
}

/** The width and height in a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const chromium = await findChromium();
if (chromium === undefined) console.log('html-chromium: skipped, no `chromium` on PATH (Debian: apt-get install chromium)');

describe.skipIf(chromium === undefined)('the HTML report in headless Chromium', () => {
  let lab: Lab;
  let reports: ScanReport[];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pastoe-chromium-'));
    lab = await startLab();
    const options = { transports: lab.transports(), vantage: lab.vantage };
    reports = await Promise.all(domains.map(({ domain, preset }) => scan(domain, { preset, ...options })));
  }, 120_000);
  afterAll(async () => {
    await lab?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('renders with no console message, a screenshot, the charts with bars and every domain', async () => {
    const groups = new Map(domains.map(({ domain, group }) => [domain, group]));
    const summary = summarize(reports, { groupBy: groups });
    const page = join(dir, 'report.html');
    const screenshot = join(dir, 'report.png');
    await writeFile(page, toHtml(reports, { summary, language: 'nl' }));

    const run = await runChromium(chromium as string, page, screenshot, join(dir, 'profile'));
    if (process.env.PASTOE_SCREENSHOT_DIR) await copyFile(screenshot, join(process.env.PASTOE_SCREENSHOT_DIR, 'pastoe-report.png'));

    expect(run.code).toBe(0);
    const consoleLines = run.log.split('\n').filter((line) => /:CONSOLE|Uncaught|Content Security Policy|Refused to/i.test(line));
    expect(consoleLines).toEqual([]);

    const png = await readFile(screenshot);
    expect(png.length).toBeGreaterThan(20_000);
    expect(pngSize(png)).toEqual(windowSize);

    expect(run.dom).toMatch(/^<!DOCTYPE html>\s*<html lang="nl">/i);
    const charts = run.dom.match(/<svg\b[^>]*class="pastoe-chart"/g) ?? [];
    expect(charts.length).toBe(1);
    // One group heading per column: all domains, gemeenten, Rijk; bars with a share in each.
    const bars = run.dom.match(/<rect class="share"/g) ?? [];
    expect(bars.length).toBeGreaterThan(10);
    for (const group of ['Alle domeinen (4)', 'Rijk (2)', 'gemeenten (2)']) expect(run.dom).toContain(`>${group}</text>`);
    for (const { domain } of domains) {
      expect(run.dom).toContain(`<h2>${domain}</h2>`);
      expect(run.dom).toContain(`>${domain}</a>`);
    }
  }, 150_000);
});
