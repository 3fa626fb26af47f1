import {
  createScanCaches,
  normalizeDomain,
  type Preset,
  type ScanManyOptions,
  type ScanManyResult,
  type ScanOptions,
  type ScanReport,
  ScanInputError,
  scan,
  scanMany,
  VantageError,
} from '@pastoe/core';

/** Options for `scanWebsite`: those of `scan` (the preset defaults to the whole website test), plus `www`. */
export interface WebsiteScanOptions extends ScanOptions {
  /**
   * The preset to run: its checks (or `checks`, when given) and its probe implementations.
   * Default `webPreset`, the whole website test.
   */
  readonly preset?: Preset;
  /**
   * Also test `www.<domain>`, as many visitors type it: Internet.nl tests only the name it is
   * given, so its score for `example.nl` says nothing of `www.example.nl`. A domain that starts
   * with `www.` already is tested once. Default false.
   */
  readonly www?: boolean;
  /**
   * Scan the www name at the same time as the domain rather than after it: done sooner, with as
   * few DNS queries (a query both scans ask at once is sent once), but twice the connections to
   * the site at a time. Default false. `timeoutMs` bounds each name's scan either way.
   */
  readonly concurrent?: boolean;
}

/** The reports of `scanWebsite`: one per name, each scored on its own as Internet.nl would. */
export interface WebsiteScanResult {
  /** The report of the domain as given. */
  readonly domain: ScanReport;
  /** The report of `www.<domain>`, when `www` was asked for and the domain did not start with `www.`. */
  readonly www?: ScanReport;
}

/** The names to scan: the domain as given and, when asked for, its www name. Throws ScanInputError for either. */
function websiteNames(domain: string, www: boolean): readonly string[] {
  const parsed = normalizeDomain(domain);
  if (!parsed.ok) throw new ScanInputError(`cannot scan ${JSON.stringify(domain)}: ${parsed.reason}`);
  if (!www || parsed.domain.startsWith('www.')) return [domain];
  const wwwName = `www.${parsed.domain}`;
  const parsedWww = normalizeDomain(wwwName);
  if (!parsedWww.ok) throw new ScanInputError(`cannot scan the www name of ${JSON.stringify(domain)}: ${parsedWww.reason}`);
  return [domain, parsedWww.domain];
}

/** What a failed item of the run is for the caller: the error `scan` would have rejected with. */
function rejection(result: Extract<ScanManyResult, { ok: false }>): unknown {
  if (result.error.code === 'invalid-input') return new ScanInputError(result.error.message);
  if (result.error.code === 'aborted') return result.reason;
  return new Error(result.error.message);
}

/** Scans the names as one run: one set of transports, one vantage check, shared caches; reports in input order. */
async function scanTogether(names: readonly string[], options: ScanManyOptions): Promise<ScanReport[]> {
  const reports: ScanReport[] = [];
  for await (const result of scanMany(names, options)) {
    // Leaving the loop stops the run and the other name's scan with it.
    if (!result.ok) throw rejection(result);
    reports[result.index] = result.report;
  }
  return reports;
}

/**
 * `scanWebsite` with its default preset given: the preset is passed in because it is built in the
 * package index, which exports this function's public form.
 *
 * @param defaultPreset - the preset when the options name none
 * @param domain - the domain to test
 * @param options - as for `scanWebsite`
 */
export async function scanWebsiteWith(defaultPreset: Preset, domain: string, options: WebsiteScanOptions = {}): Promise<WebsiteScanResult> {
  const { www = false, concurrent = false, preset = defaultPreset, ...scanOptions } = options;
  const names = websiteNames(domain, www);
  options.signal?.throwIfAborted();
  // One run of scanMany builds the transports once (the validator's zone keys, the DNS cache and
  // the HTTP pool serve both names) and checks the vantage point once.
  const run: ScanManyOptions = {
    ...scanOptions,
    preset,
    caches: scanOptions.caches ?? createScanCaches(),
    domainConcurrency: concurrent ? 2 : 1,
  };
  let reports: ScanReport[];
  try {
    reports = await scanTogether(names, run);
  } catch (error) {
    if (!(error instanceof VantageError)) throw error;
    // scanMany refuses to judge from a broken vantage point; scan judges with it, making the checks
    // that need what failed `error`/`vantage`. A website test is a scan, so it does as scan does.
    reports = [];
    for (const name of names) reports.push(await scan(name, { ...run, vantage: error.report }));
  }
  const [domainReport, wwwReport] = reports;
  if (domainReport === undefined) throw new Error(`the scan of ${domain} gave no report`);
  return { domain: domainReport, ...(wwwReport === undefined ? {} : { www: wwwReport }) };
}
