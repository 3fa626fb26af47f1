import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from './errors.js';
import { verdictRows } from './verdict-rows.js';

/** One step of the schema: applied once, in order, inside the transaction that records it. */
interface Migration {
  /** The schema version it brings the file to: 1, 2, … without gaps. */
  readonly version: number;
  /** What it changes, kept in the file's `schema_migrations` table. */
  readonly description: string;
  /** Applies it; runs inside a transaction. */
  readonly up: (db: BetterSqlite3.Database) => void;
}

/**
 * Marks a file as a pastoe store (`PRAGMA application_id`, the ASCII of "past"), so another
 * program's SQLite file is told apart from an empty one before anything is written to it.
 */
export const storeApplicationId = 0x70617374;

/** Every migration, in order. A released migration never changes: a new one is added instead. */
const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'measurements, their input lists, whole reports and failures',
    up(db) {
      db.exec(`
        CREATE TABLE measurements (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          started_at TEXT NOT NULL,
          finished_at TEXT,
          pastoe_version TEXT NOT NULL,
          policy TEXT NOT NULL,
          rulesets TEXT NOT NULL,
          vantage TEXT,
          label TEXT
        );
        CREATE TABLE measurement_domains (
          measurement INTEGER NOT NULL REFERENCES measurements(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          domain TEXT NOT NULL,
          group_name TEXT,
          PRIMARY KEY (measurement, position),
          UNIQUE (measurement, domain)
        );
        CREATE TABLE reports (
          measurement INTEGER NOT NULL REFERENCES measurements(id) ON DELETE CASCADE,
          domain TEXT NOT NULL,
          group_name TEXT,
          finished_at TEXT NOT NULL,
          report TEXT NOT NULL,
          PRIMARY KEY (measurement, domain)
        );
        CREATE TABLE failures (
          measurement INTEGER NOT NULL REFERENCES measurements(id) ON DELETE CASCADE,
          domain TEXT NOT NULL,
          code TEXT NOT NULL,
          message TEXT NOT NULL,
          failed_at TEXT NOT NULL,
          PRIMARY KEY (measurement, domain)
        );
      `);
    },
  },
  {
    version: 2,
    description: 'verdict rows for SQL, filled from the reports already stored',
    up(db) {
      db.exec(`
        CREATE TABLE verdicts (
          measurement INTEGER NOT NULL,
          domain TEXT NOT NULL,
          "check" TEXT NOT NULL,
          subtest TEXT,
          status TEXT NOT NULL,
          outcome TEXT NOT NULL,
          points REAL,
          PRIMARY KEY (measurement, domain, "check"),
          FOREIGN KEY (measurement, domain) REFERENCES reports(measurement, domain) ON DELETE CASCADE
        );
        CREATE INDEX verdicts_by_check ON verdicts (measurement, "check", status);
        CREATE INDEX verdicts_by_subtest ON verdicts (measurement, subtest, status);
      `);
      const insert = db.prepare(
        'INSERT INTO verdicts (measurement, domain, "check", subtest, status, outcome, points) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const stored = db.prepare('SELECT measurement, domain, report FROM reports').iterate() as IterableIterator<{
        measurement: number;
        domain: string;
        report: string;
      }>;
      // All reports are read before the first insert: a statement cannot write while another's rows are open.
      const pending: { measurement: number; domain: string; report: string }[] = [...stored];
      for (const row of pending) {
        for (const verdict of verdictRows(JSON.parse(row.report))) {
          insert.run(row.measurement, row.domain, verdict.check, verdict.subtest, verdict.status, verdict.outcome, verdict.points);
        }
      }
    },
  },
  {
    version: 3,
    description: 'no verdict indexes by check and subtest: they made each domain commit write a page per verdict',
    up(db) {
      // A domain's 80-odd verdict rows land on as many leaf pages of an index ordered by check, so every
      // commit wrote hundreds of pages: three quarters of the time a bulk run spent in the store.
      // Pastoe reads verdicts by measurement and domain (the primary key); a query by check scans a measurement's rows.
      db.exec('DROP INDEX IF EXISTS verdicts_by_check; DROP INDEX IF EXISTS verdicts_by_subtest;');
    },
  },
];

/** The schema version this code writes. */
export const currentSchemaVersion: number = migrations.length;

/** The version recorded in the file, 0 for a file without the migrations table. */
export function schemaVersion(db: BetterSqlite3.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/**
 * Brings the file up to `target` (default the current version), each migration in its own
 * transaction with the row that records it, so a crash leaves the file at one version or the next.
 */
export function migrate(db: BetterSqlite3.Database, file: string, target: number = currentSchemaVersion): void {
  const found = schemaVersion(db);
  if (found > currentSchemaVersion) {
    throw new StoreError(
      'newer-schema',
      `${file} has store schema version ${found}; this pastoe knows up to ${currentSchemaVersion}: upgrade pastoe to read it`,
    );
  }
  if (found === 0) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= found || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.description, new Date().toISOString());
    })();
  }
}
