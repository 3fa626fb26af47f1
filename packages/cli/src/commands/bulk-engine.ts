import type { ScanManyOptions } from '@pastoe/core';
import type { Language, SupplierCatalogue } from '@pastoe/reporting';
import { openStore } from '@pastoe/store';
import { readDomainList, runBulk, writeBulkOutputs } from '../bulk/index.js';
import type { ProgressState } from '../progress.js';

/*
 * What `pastoe bulk` uses of the bulk engine (packages/cli/src/bulk/) and the results store
 * (@pastoe/store): one interface, so the command's own tests can drive it with a stand-in.
 */

/** One line of the input list. */
export interface BulkEngineInput {
  /** The domain. */
  readonly domain: string;
  /** Its group label (the `--group-column` value). */
  readonly group?: string;
}

/** The results store, as far as `pastoe bulk` handles it. */
export interface BulkEngineStore {
  /** Closes the database file. */
  close(): void;
}

/** What a bulk run did. */
export interface BulkEngineResult {
  /** The measurement's id in the store. */
  readonly measurementId: string | number;
  /** Domains scanned in this run. */
  readonly scanned: number;
  /** Domains skipped because an earlier run of the measurement finished them (`--resume`). */
  readonly skipped: number;
  /** Domains that could not be scanned. */
  readonly failed: number;
}

/** The bulk engine's functions, by their pinned names; methods, so the store's own types fit. */
export interface BulkEngine {
  /** Reads a CSV with a header, or one domain a line; a bad line is a usage error naming it. */
  readDomainList(file: string, options: { readonly groupColumn?: string }): Promise<BulkEngineInput[]>;
  /** Opens (creates, migrates) the store file. */
  openStore(file: string): BulkEngineStore;
  /** Scans the inputs, committing each finished domain to the store at once. */
  runBulk(options: {
    readonly inputs: readonly BulkEngineInput[];
    readonly store: BulkEngineStore;
    readonly resume: boolean;
    readonly policy?: string;
    readonly scan: Omit<ScanManyOptions, 'signal'>;
    readonly signal?: AbortSignal;
    readonly onProgress?: (progress: ProgressState) => void;
  }): Promise<BulkEngineResult>;
  /** Writes summary.html, summary.csv, results.csv and summary.json; returns their paths. */
  writeBulkOutputs(
    store: BulkEngineStore,
    measurementId: BulkEngineResult['measurementId'],
    outDir: string,
    options: { readonly language: Language; readonly groupBy: ReadonlyMap<string, string>; readonly suppliers?: SupplierCatalogue },
  ): Promise<string[]>;
}

/** The bulk engine of this build: the list reader, the run and its outputs over `@pastoe/store`. */
export async function loadBulkEngine(): Promise<BulkEngine> {
  return { readDomainList, runBulk, writeBulkOutputs, openStore };
}
