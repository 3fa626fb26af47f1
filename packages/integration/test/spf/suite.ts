/**
 * The openspf RFC 7208 / RFC 4408 test suites (YAML, in ../shared/testsuites/spf beside the
 * repository) as lab zones: each scenario's zonedata served by the lab's DNS server on loopback.
 * Shared by the suite test and bench/mail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordType } from '@pastoe/core';
import type { Zone, ZoneRecord } from '@pastoe/lab';
import { parseAllDocuments } from 'yaml';

/** Where the suites are: `../shared/testsuites/spf` beside the repository root. */
export const spfSuiteDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/testsuites/spf');

/** One test of a scenario. */
export interface SpfSuiteTest {
  readonly name: string;
  readonly spec: string;
  readonly host: string;
  readonly mailfrom: string;
  readonly helo: string;
  /** The acceptable results. */
  readonly results: readonly string[];
  /** The expected explanation; `DEFAULT` means the implementation's own (pastoe gives none). */
  readonly explanation?: string;
}

/** One scenario: its tests and its zone. */
export interface SpfSuiteScenario {
  readonly description: string;
  readonly tests: readonly SpfSuiteTest[];
  readonly zone: Zone;
}

type Entry = string | Record<string, unknown>;

/** TXT data from a YAML value: a string, or a list of strings glued without separator; strings over 255 octets are split. */
function txtStrings(value: unknown): string[] {
  const pieces = Array.isArray(value) ? value.map(String) : [String(value)];
  const out: string[] = [];
  for (const piece of pieces) {
    let bytes = Buffer.from(piece, 'utf8');
    if (bytes.length === 0) out.push('');
    while (bytes.length > 0) {
      out.push(bytes.subarray(0, 255).toString('utf8'));
      bytes = bytes.subarray(255);
    }
  }
  return out;
}

function txtRecord(name: string, value: unknown): ZoneRecord {
  const strings = txtStrings(value);
  // A TXT record without any string is not valid, but the suite serves one ("null text"): raw empty RDATA.
  if (strings.length === 0) return { name, type: 'TXT', ttl: 60, data: { type: 'unknown', rdata: '' } };
  return { name, type: 'TXT', ttl: 60, data: { type: 'TXT', strings } };
}

function zoneOf(zonedata: Record<string, Entry[]>): Zone {
  const records: ZoneRecord[] = [
    {
      name: '',
      type: 'SOA',
      ttl: 60,
      data: { type: 'SOA', mname: 'ns.lab', rname: 'hostmaster.lab', serial: 1, refresh: 60, retry: 60, expire: 60, minimum: 0 },
    },
  ];
  const silent: { name: string; type?: RecordType }[] = [];
  for (const [rawName, entries] of Object.entries(zonedata)) {
    const name = rawName.endsWith('.') ? rawName.slice(0, -1) : rawName;
    const types = new Set<string>();
    let timeout = false;
    let txtNone = false;
    const spf: unknown[] = [];
    for (const entry of entries ?? []) {
      if (entry === 'TIMEOUT') {
        timeout = true;
        continue;
      }
      if (typeof entry !== 'object' || entry === null) continue;
      for (const [type, value] of Object.entries(entry)) {
        if (type === 'TXT' && value === 'NONE') {
          txtNone = true;
          continue;
        }
        types.add(type);
        if (type === 'SPF') spf.push(value);
        else if (type === 'TXT') records.push(txtRecord(name, value));
        else if (type === 'A' || type === 'AAAA') records.push({ name, type, ttl: 60, data: { type, address: String(value) } });
        else if (type === 'PTR' || type === 'CNAME') records.push({ name, type, ttl: 60, data: { type, target: String(value) } });
        else if (type === 'MX') {
          const [preference, exchange] = value as [number, string];
          records.push({ name, type: 'MX', ttl: 60, data: { type: 'MX', preference, exchange: exchange.replace(/\.$/, '') } });
        }
      }
    }
    // RFC 7208 drivers serve SPF (type 99) data as TXT where the name has no TXT of its own.
    if (!types.has('TXT') && !txtNone) {
      for (const value of spf) records.push(txtRecord(name, value));
      if (spf.length > 0) types.add('TXT');
    }
    if (timeout) {
      // TIMEOUT: questions for the types this name has no data of go unanswered.
      const served = ['A', 'AAAA', 'MX', 'PTR', 'TXT', 'CNAME'].filter((type) => types.has(type));
      if (served.length === 0) silent.push({ name });
      else for (const type of ['A', 'AAAA', 'MX', 'PTR', 'TXT'] as const) if (!types.has(type)) silent.push({ name, type });
    }
  }
  return { origin: '', records, faults: { silent } };
}

/** Reads a suite file; `undefined` when the shared folder is absent. */
export function readSpfSuite(file: 'rfc7208-tests.yml' | 'rfc4408-tests.yml'): SpfSuiteScenario[] | undefined {
  const path = resolve(spfSuiteDir, file);
  if (!existsSync(path)) return undefined;
  const documents = parseAllDocuments(readFileSync(path, 'utf8'));
  return documents.map((document) => {
    const data = document.toJS() as {
      description: string;
      tests: Record<string, Record<string, unknown>>;
      zonedata?: Record<string, Entry[]>;
    };
    const tests = Object.entries(data.tests).map(([name, test]): SpfSuiteTest => {
      const result = test.result as string | string[];
      return {
        name,
        spec: String(test.spec ?? ''),
        host: String(test.host),
        mailfrom: String(test.mailfrom ?? ''),
        helo: String(test.helo ?? ''),
        results: Array.isArray(result) ? result : [result],
        ...(test.explanation === undefined ? {} : { explanation: String(test.explanation) }),
      };
    });
    return { description: data.description, tests, zone: zoneOf(data.zonedata ?? {}) };
  });
}
