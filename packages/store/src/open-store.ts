import { existsSync } from 'node:fs';
import { pastoeVersion, rulesetVersions, type ScanReport } from '@pastoe/core';
import Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { currentSchemaVersion, migrate, schemaVersion, storeApplicationId } from './migrations.js';
import type { Measurement, MeasuredDomain, OpenStoreOptions, ResultStore, ScanFailure, StartMeasurementInput } from './types.js';
import { verdictRows } from './verdict-rows.js';

const defaultMaxReportBytes = 16 * 1024 * 1024;
/** Bounds on what a caller hands the store, so a hostile input list cannot fill the disk with one row. */
const limits = { domain: 253, group: 1_000, label: 1_000, policy: 200, vantageBytes: 1024 * 1024, rulesets: 100, message: 4_000 };

interface MeasurementRow {
  readonly id: number;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly pastoe_version: string;
  readonly policy: string;
  readonly rulesets: string;
  readonly vantage: string | null;
  readonly label: string | null;
}

/**
 * Opens (and creates) a results store: one SQLite file, brought to the current schema by its
 * migrations. A file that is not SQLite, or is another program's SQLite database, is refused with
 * `not-a-store`; one written by a newer pastoe with `newer-schema`. See {@link ResultStore}.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): ResultStore {
  const readonly = options.readonly === true;
  const maxReportBytes = options.maxReportBytes ?? defaultMaxReportBytes;
  if (!Number.isSafeInteger(maxReportBytes) || maxReportBytes <= 0)
    throw new StoreError('invalid-input', `maxReportBytes must be a positive integer, got ${String(maxReportBytes)}`);
  if (readonly && !existsSync(file)) throw new StoreError('missing', `${file} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw sqliteError(file, 'cannot open', error);
  }
  try {
    prepareFile(db, file, readonly);
  } catch (error) {
    db.close();
    throw error instanceof StoreError ? error : sqliteError(file, 'cannot open', error);
  }
  return createStore(db, file, maxReportBytes);
}

/** Checks that the file is a pastoe store (or empty), sets the connection up and migrates it. */
function prepareFile(db: Database.Database, file: string, readonly: boolean): void {
  let applicationId: number;
  let tables: number;
  try {
    // The first read of the file: SQLite says SQLITE_NOTADB here for a file that is not a database.
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  } catch (error) {
    if (isSqliteCode(error, 'SQLITE_NOTADB') || isSqliteCode(error, 'SQLITE_CORRUPT'))
      throw new StoreError('not-a-store', `${file} is not a pastoe results store (not a SQLite database)`, { cause: error });
    throw error;
  }
  const empty = applicationId === 0 && tables === 0;
  if (!empty && applicationId !== storeApplicationId)
    throw new StoreError('not-a-store', `${file} is a SQLite database of another program, not a pastoe results store`);
  // Foreign keys keep verdict rows from outliving their report; SQLite leaves them off by default.
  db.pragma('foreign_keys = ON');
  if (readonly) {
    const version = schemaVersion(db);
    if (version > currentSchemaVersion)
      throw new StoreError('newer-schema', `${file} has store schema version ${version}; this pastoe knows up to ${currentSchemaVersion}`);
    if (version < currentSchemaVersion)
      throw new StoreError('older-schema', `${file} has store schema version ${version}: open it once without readonly to migrate it`);
    return;
  }
  // WAL: each domain's transaction is one append to the log, and readers (a report being written
  // while the run goes on) never block the writer. synchronous=NORMAL: a committed transaction is
  // in the WAL file before the commit returns, so killing the process (SIGKILL, OOM) loses no
  // finished domain; only an OS crash or power loss can drop the last commits, never corrupt the
  // file, and a resumed run then scans those few domains again. FULL would add an fsync per domain
  // to guard against that alone.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  if (empty) db.pragma(`application_id = ${storeApplicationId}`);
  migrate(db, file);
}

function createStore(db: Database.Database, file: string, maxReportBytes: number): ResultStore {
  let open = true;
  const statements = {
    insertMeasurement: db.prepare(
      'INSERT INTO measurements (started_at, pastoe_version, policy, rulesets, vantage, label) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertDomain: db.prepare('INSERT INTO measurement_domains (measurement, position, domain, group_name) VALUES (?, ?, ?, ?)'),
    measurement: db.prepare('SELECT * FROM measurements WHERE id = ?'),
    latestUnfinished: db.prepare('SELECT * FROM measurements WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1'),
    measurements: db.prepare('SELECT * FROM measurements ORDER BY id'),
    domains: db.prepare('SELECT domain, group_name FROM measurement_domains WHERE measurement = ? ORDER BY position'),
    inputGroup: db.prepare('SELECT group_name FROM measurement_domains WHERE measurement = ? AND domain = ?').pluck(),
    deleteVerdicts: db.prepare('DELETE FROM verdicts WHERE measurement = ? AND domain = ?'),
    deleteReport: db.prepare('DELETE FROM reports WHERE measurement = ? AND domain = ?'),
    deleteFailure: db.prepare('DELETE FROM failures WHERE measurement = ? AND domain = ?'),
    insertReport: db.prepare('INSERT INTO reports (measurement, domain, group_name, finished_at, report) VALUES (?, ?, ?, ?, ?)'),
    insertVerdict: db.prepare(
      'INSERT INTO verdicts (measurement, domain, "check", subtest, status, outcome, points) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertFailure: db.prepare('INSERT INTO failures (measurement, domain, code, message, failed_at) VALUES (?, ?, ?, ?, ?)'),
    finished: db
      .prepare('SELECT domain FROM reports WHERE measurement = ? UNION SELECT domain FROM failures WHERE measurement = ?')
      .pluck(),
    failures: db.prepare(
      `SELECT f.domain, f.code, f.message FROM failures f
       LEFT JOIN measurement_domains d ON d.measurement = f.measurement AND d.domain = f.domain
       WHERE f.measurement = ? ORDER BY d.position, f.domain`,
    ),
    reports: db.prepare(
      `SELECT r.domain, r.report, coalesce(r.group_name, d.group_name) AS group_name FROM reports r
       LEFT JOIN measurement_domains d ON d.measurement = r.measurement AND d.domain = r.domain
       WHERE r.measurement = ? ORDER BY d.position, r.domain`,
    ),
    finish: db.prepare('UPDATE measurements SET finished_at = ? WHERE id = ? AND finished_at IS NULL'),
  };

  const live = (): void => {
    if (!open) throw new StoreError('closed', `the store ${file} is closed`);
  };
  const guarded = <T>(what: string, action: () => T): T => {
    live();
    try {
      return action();
    } catch (error) {
      throw error instanceof StoreError ? error : sqliteError(file, what, error);
    }
  };
  const readMeasurement = (row: MeasurementRow | undefined): Measurement | undefined => {
    if (row === undefined) return undefined;
    const domains = (statements.domains.all(row.id) as { domain: string; group_name: string | null }[]).map(
      (entry): MeasuredDomain => (entry.group_name === null ? { domain: entry.domain } : { domain: entry.domain, group: entry.group_name }),
    );
    return {
      id: row.id,
      startedAt: row.started_at,
      ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
      pastoeVersion: row.pastoe_version,
      policy: row.policy,
      rulesets: parseStored(file, `measurement ${row.id} rulesets`, row.rulesets) as Record<string, string>,
      ...(row.vantage === null ? {} : { vantage: parseStored(file, `measurement ${row.id} vantage`, row.vantage) }),
      ...(row.label === null ? {} : { label: row.label }),
      domains,
    };
  };
  const requireMeasurement = (id: number): void => {
    if (!Number.isSafeInteger(id) || statements.measurement.get(id) === undefined)
      throw new StoreError('unknown-measurement', `${file} has no measurement ${String(id)}`);
  };

  const saveReport = db.transaction(
    (measurementId: number, domain: string, group: string | null, finishedAt: string, json: string, report: ScanReport) => {
      statements.deleteVerdicts.run(measurementId, domain);
      statements.deleteReport.run(measurementId, domain);
      statements.deleteFailure.run(measurementId, domain);
      statements.insertReport.run(measurementId, domain, group, finishedAt, json);
      for (const row of verdictRows(report)) {
        statements.insertVerdict.run(measurementId, domain, row.check, row.subtest, row.status, row.outcome, row.points);
      }
    },
  );
  const saveFailure = db.transaction((measurementId: number, domain: string, error: ScanFailure) => {
    statements.deleteVerdicts.run(measurementId, domain);
    statements.deleteReport.run(measurementId, domain);
    statements.deleteFailure.run(measurementId, domain);
    statements.insertFailure.run(measurementId, domain, error.code, error.message, new Date().toISOString());
  });
  const startMeasurement = db.transaction((input: StartMeasurementInput, domains: readonly MeasuredDomain[]) => {
    const result = statements.insertMeasurement.run(
      new Date().toISOString(),
      pastoeVersion,
      input.policy,
      JSON.stringify(input.rulesets ?? rulesetVersions),
      input.vantage === undefined ? null : JSON.stringify(input.vantage),
      input.label ?? null,
    );
    const id = Number(result.lastInsertRowid);
    for (const [position, entry] of domains.entries()) statements.insertDomain.run(id, position, entry.domain, entry.group ?? null);
    return id;
  });

  return {
    file,
    startMeasurement(input) {
      return guarded('cannot start a measurement', () => {
        const domains = checkMeasurementInput(input);
        const id = startMeasurement(input, domains);
        return readMeasurement(statements.measurement.get(id) as MeasurementRow) as Measurement;
      });
    },
    latestUnfinished() {
      return guarded('cannot read', () => readMeasurement(statements.latestUnfinished.get() as MeasurementRow | undefined));
    },
    measurement(id) {
      return guarded('cannot read', () => readMeasurement(statements.measurement.get(id) as MeasurementRow | undefined));
    },
    measurements() {
      return guarded('cannot read', () =>
        (statements.measurements.all() as MeasurementRow[]).map((row) => readMeasurement(row) as Measurement),
      );
    },
    saveReport(measurementId, report, group) {
      guarded('cannot save the report', () => {
        requireMeasurement(measurementId);
        const domain = report?.target?.domain;
        if (typeof domain !== 'string' || domain === '' || domain.length > limits.domain || !Array.isArray(report.verdicts))
          throw new StoreError('invalid-input', 'saveReport takes a scan report (result schema v1) with a target domain and verdicts');
        checkText('group', group, limits.group);
        const json = JSON.stringify(report);
        // Length counts UTF-16 units; a byte count is at most three per unit, so this skips the encoding for most reports.
        if (json.length * 3 > maxReportBytes && Buffer.byteLength(json) > maxReportBytes)
          throw new StoreError(
            'too-large',
            `the report of ${domain} is ${Buffer.byteLength(json)} bytes of JSON, over the store's limit of ${maxReportBytes}`,
          );
        const stored = group ?? (statements.inputGroup.get(measurementId, domain) as string | null | undefined) ?? null;
        saveReport(measurementId, domain, stored, report.finishedAt ?? new Date().toISOString(), json, report);
      });
    },
    saveFailure(measurementId, domain, error) {
      guarded('cannot save the failure', () => {
        requireMeasurement(measurementId);
        checkText('domain', domain, limits.domain, true);
        checkText('error.code', error?.code, limits.policy, true);
        const message = typeof error.message === 'string' ? error.message.slice(0, limits.message) : String(error.message);
        saveFailure(measurementId, domain, { code: error.code, message });
      });
    },
    finishedDomains(measurementId) {
      return guarded('cannot read', () => new Set(statements.finished.all(measurementId, measurementId) as string[]));
    },
    *failures(measurementId) {
      live();
      const rows = statements.failures.iterate(measurementId) as IterableIterator<{ domain: string; code: string; message: string }>;
      for (const row of rows) yield { domain: row.domain, error: { code: row.code, message: row.message } };
    },
    *reports(measurementId) {
      live();
      const rows = statements.reports.iterate(measurementId) as IterableIterator<{
        domain: string;
        report: string;
        group_name: string | null;
      }>;
      for (const row of rows) {
        const report = parseStored(file, `the report of ${row.domain} in measurement ${measurementId}`, row.report) as ScanReport;
        yield row.group_name === null ? { report } : { report, group: row.group_name };
      }
    },
    finishMeasurement(id) {
      guarded('cannot finish the measurement', () => {
        requireMeasurement(id);
        statements.finish.run(new Date().toISOString(), id);
      });
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  } satisfies ResultStore;
}

/** Checks a new measurement's fields and returns its domain list. */
function checkMeasurementInput(input: StartMeasurementInput): readonly MeasuredDomain[] {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.domains))
    throw new StoreError('invalid-input', 'startMeasurement takes { domains, policy }');
  checkText('policy', input.policy, limits.policy, true);
  checkText('label', input.label, limits.label);
  if (input.rulesets !== undefined) {
    const entries = Object.entries(input.rulesets);
    if (
      entries.length > limits.rulesets ||
      entries.some(([name, version]) => name.length > limits.policy || typeof version !== 'string' || version.length > limits.policy)
    )
      throw new StoreError('invalid-input', 'rulesets must map up to 100 names to version strings');
  }
  if (input.vantage !== undefined) {
    const json = JSON.stringify(input.vantage);
    if (json === undefined) throw new StoreError('invalid-input', 'vantage must be JSON data');
    if (json.length > limits.vantageBytes)
      throw new StoreError('too-large', `vantage is ${json.length} characters of JSON, over ${limits.vantageBytes}`);
  }
  const seen = new Set<string>();
  for (const [index, entry] of input.domains.entries()) {
    checkText(`domains[${index}].domain`, entry?.domain, limits.domain, true);
    checkText(`domains[${index}].group`, entry.group, limits.group);
    if (seen.has(entry.domain)) throw new StoreError('invalid-input', `${entry.domain} is in the domain list twice`);
    seen.add(entry.domain);
  }
  return input.domains;
}

function checkText(name: string, value: unknown, max: number, required = false): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value === '') || value.length > max)
    throw new StoreError('invalid-input', `${name} must be ${required ? 'a non-empty' : 'a'} string of at most ${max} characters`);
}

function parseStored(file: string, what: string, json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new StoreError('corrupt', `${file}: ${what} is not valid JSON`, { cause: error });
  }
}

function isSqliteCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === code;
}

function sqliteError(file: string, what: string, error: unknown): StoreError {
  if (isSqliteCode(error, 'SQLITE_NOTADB'))
    return new StoreError('not-a-store', `${file} is not a pastoe results store (not a SQLite database)`, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreError('sqlite', `${file}: ${what}: ${reason}`, { cause: error });
}
