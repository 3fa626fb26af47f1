/**
 * sslscan as a second opinion on pastoe's TLS scanner: running it against an endpoint and reading
 * its XML report (versions, accepted suites per version, groups, renegotiation, compression).
 */
import { performance } from 'node:perf_hooks';
import { cipherSuite, cipherSuites, namedGroup, type TlsEvidence, type TlsVersion } from '@pastoe/core';
import { ExternalToolError, runTool } from './process.js';

/** What sslscan reported about one endpoint. Suite and group codes are IANA numbers, from sslscan's `id`. */
export interface SslscanReport {
  /** sslscan's version, from the report. */
  readonly sslscanVersion: string;
  /** Whether each version it tested is enabled. */
  readonly versions: ReadonlyMap<TlsVersion, boolean>;
  /** Accepted suites (the preferred one included) per version, in sslscan's order. */
  readonly suites: ReadonlyMap<TlsVersion, readonly number[]>;
  /** sslscan's name for each suite code it reported. */
  readonly suiteNames: ReadonlyMap<number, string>;
  /** Key exchange groups per version. */
  readonly groups: ReadonlyMap<TlsVersion, readonly number[]>;
  /** The `<renegotiation>` element: secure renegotiation (RFC 5746) support; absent when not reported. */
  readonly renegotiation?: { readonly supported: boolean; readonly secure: boolean };
  /** Whether TLS compression was accepted; `null` when sslscan did not test it (its OpenSSL has none). */
  readonly compression: boolean | null;
}

/** The endpoint to scan. */
export interface SslscanTarget {
  /** The SNI name. */
  readonly host: string;
  /** The address connected to. */
  readonly ip: string;
  /** The port. */
  readonly port: number;
  /** `smtp` for STARTTLS. */
  readonly starttls?: 'smtp';
}

/** A finished sslscan run. */
export interface SslscanRun {
  /** The parsed report. */
  readonly report: SslscanReport;
  /** The XML as sslscan wrote it. */
  readonly xml: string;
  /** Wall time of the sslscan process, in milliseconds. */
  readonly wallMs: number;
}

/** The five XML entities, the only escapes sslscan writes into attributes. */
function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');
}

/** Each element's name and attributes, in document order; sslscan writes flat, attribute-only elements. */
function elements(xml: string): { readonly name: string; readonly attributes: ReadonlyMap<string, string> }[] {
  const found: { name: string; attributes: Map<string, string> }[] = [];
  for (const match of xml.matchAll(/<([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"]*")*)\s*\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const attribute of (match[2] ?? '').matchAll(/([\w-]+)="([^"]*)"/g))
      attributes.set(attribute[1] as string, unescapeXml(attribute[2] as string));
    found.push({ name: match[1] as string, attributes });
  }
  return found;
}

/** sslscan's `sslversion` attribute (`TLSv1.0` … `TLSv1.3`, `SSLv2`, `SSLv3`) as pastoe's version name. */
function versionOf(text: string | undefined): TlsVersion | undefined {
  const versions: Record<string, TlsVersion> = {
    SSLv2: 'SSLv2',
    SSLv3: 'SSLv3',
    'TLSv1.0': 'TLSv1.0',
    'TLSv1.1': 'TLSv1.1',
    'TLSv1.2': 'TLSv1.2',
    'TLSv1.3': 'TLSv1.3',
  };
  return text === undefined ? undefined : versions[text];
}

/** A `<protocol type="tls" version="1.2">` as a version name. */
function protocolVersion(type: string | undefined, version: string | undefined): TlsVersion | undefined {
  if (type === 'ssl') return versionOf(`SSLv${version}`);
  if (type === 'tls') return versionOf(`TLSv${version}`);
  return undefined;
}

/** A hex `id` attribute (`0xC030`) as a number. */
function code(text: string | undefined, what: string): number {
  if (text === undefined || !/^0x[0-9a-f]{1,4}$/i.test(text))
    throw new ExternalToolError(`sslscan reported a ${what} without a valid id: ${String(text)}`);
  return Number.parseInt(text.slice(2), 16);
}

/**
 * Reads sslscan's XML report (2.0.x). Accepted suites are the `<cipher>` elements with status
 * `accepted` or `preferred`.
 *
 * @throws ExternalToolError when the report carries an `<error>` (e.g. no connection) or is not sslscan's
 */
export function parseSslscanXml(xml: string): SslscanReport {
  const error = /<error>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/error>/.exec(xml);
  if (error !== null) throw new ExternalToolError(`sslscan: ${(error[1] ?? '').trim()}`);
  const document = elements(xml).find((element) => element.name === 'document');
  if (document === undefined) throw new ExternalToolError('not an sslscan XML report');
  const versions = new Map<TlsVersion, boolean>();
  const suites = new Map<TlsVersion, number[]>();
  const suiteNames = new Map<number, string>();
  const groups = new Map<TlsVersion, number[]>();
  let renegotiation: SslscanReport['renegotiation'];
  let compression: boolean | null = null;
  const add = (map: Map<TlsVersion, number[]>, version: TlsVersion, value: number): void => {
    const list = map.get(version) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(version, list);
  };
  for (const { name, attributes } of elements(xml)) {
    if (name === 'protocol') {
      const version = protocolVersion(attributes.get('type'), attributes.get('version'));
      if (version !== undefined) versions.set(version, attributes.get('enabled') === '1');
    } else if (name === 'cipher') {
      const status = attributes.get('status');
      const version = versionOf(attributes.get('sslversion'));
      if (version === undefined || (status !== 'accepted' && status !== 'preferred')) continue;
      const suite = code(attributes.get('id'), 'cipher');
      add(suites, version, suite);
      suiteNames.set(suite, attributes.get('cipher') ?? '');
    } else if (name === 'group') {
      const version = versionOf(attributes.get('sslversion'));
      if (version !== undefined) add(groups, version, code(attributes.get('id'), 'group'));
    } else if (name === 'renegotiation') {
      renegotiation = { supported: attributes.get('supported') === '1', secure: attributes.get('secure') === '1' };
    } else if (name === 'compression') {
      compression = attributes.get('supported') === '1';
    }
  }
  return {
    sslscanVersion: document.attributes.get('version') ?? 'unknown',
    versions,
    suites,
    suiteNames,
    groups,
    ...(renegotiation === undefined ? {} : { renegotiation }),
    compression,
  };
}

/**
 * Runs `sslscan --no-colour --xml=-` (with `--starttls-smtp` for mail) against an endpoint and
 * reads its report. Heartbleed is not tested: pastoe does not test it, and it costs connections.
 *
 * @param sslscan the program's path
 */
export async function runSslscan(
  sslscan: string,
  target: SslscanTarget,
  options: { readonly timeoutMs?: number } = {},
): Promise<SslscanRun> {
  const args = [
    '--no-colour',
    '--xml=-',
    '--no-heartbleed',
    `--sni-name=${target.host}`,
    ...(target.starttls === 'smtp' ? ['--starttls-smtp'] : []),
    target.ip.includes(':') ? `[${target.ip}]:${target.port}` : `${target.ip}:${target.port}`,
  ];
  const started = performance.now();
  const xml = await runTool(sslscan, args, { timeoutMs: options.timeoutMs ?? 60_000 });
  const wallMs = performance.now() - started;
  // With --xml=- sslscan also prints its text report to standard output, before the XML.
  const start = xml.indexOf('<?xml');
  const report = parseSslscanXml(start < 0 ? xml : xml.slice(start));
  return { report, xml: start < 0 ? xml : xml.slice(start), wallMs };
}

/** The versions both scanners report on. */
const comparedVersions: readonly TlsVersion[] = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** The IANA code of a suite as sslscan names it: OpenSSL's name where OpenSSL has the suite, else the IANA name. */
function codeOfSslscanName(name: string): number | undefined {
  for (const suite of cipherSuites.values()) if (suite.openssl === name || suite.iana === name) return suite.code;
  return undefined;
}

function sortedCodes(list: readonly number[] | undefined): number[] {
  return [...(list ?? [])].sort((a, b) => a - b);
}

/** The codes of `from` that `other` lacks, by name. */
function missingFrom(from: readonly number[], other: readonly number[], name: (code: number) => string): string[] {
  return from.filter((code) => !other.includes(code)).map(name);
}

/**
 * Where pastoe's scan (`scanTls` with `scope: 'all'` and `groups: true`) and sslscan's report of
 * the same endpoint disagree: protocol versions, accepted cipher suites per version (and whether
 * sslscan's suite names map to its ids in pastoe's tables), and key exchange groups at TLS 1.2
 * and 1.3. One line per disagreement; empty when they agree.
 */
export function compareWithSslscan(evidence: TlsEvidence, report: SslscanReport): string[] {
  const differences: string[] = [];
  for (const version of comparedVersions) {
    const ours = evidence.versions.find((entry) => entry.version === version)?.supported ?? false;
    const theirs = report.versions.get(version) ?? false;
    if (ours !== theirs)
      differences.push(`${version}: pastoe says ${ours ? 'enabled' : 'disabled'}, sslscan ${theirs ? 'enabled' : 'disabled'}`);
  }
  for (const [code, name] of report.suiteNames)
    if (codeOfSslscanName(name) !== code) differences.push(`sslscan's suite name ${name} does not match its id 0x${code.toString(16)}`);
  const suiteName = (code: number): string => cipherSuite(code).iana;
  for (const version of comparedVersions) {
    const ours = sortedCodes(evidence.suites.find((entry) => entry.version === version)?.accepted);
    const theirs = sortedCodes(report.suites.get(version));
    const onlySslscan = missingFrom(theirs, ours, suiteName);
    const onlyPastoe = missingFrom(ours, theirs, suiteName);
    if (onlySslscan.length > 0) differences.push(`${version}: suites only sslscan found: ${onlySslscan.join(', ')}`);
    if (onlyPastoe.length > 0) differences.push(`${version}: suites only pastoe found: ${onlyPastoe.join(', ')}`);
  }
  const groupName = (code: number): string => namedGroup(code).name;
  for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
    const ours = sortedCodes(evidence.groups?.find((entry) => entry.version === version)?.accepted);
    const theirs = sortedCodes(report.groups.get(version));
    const onlySslscan = missingFrom(theirs, ours, groupName);
    const onlyPastoe = missingFrom(ours, theirs, groupName);
    if (onlySslscan.length > 0) differences.push(`${version}: groups only sslscan found: ${onlySslscan.join(', ')}`);
    if (onlyPastoe.length > 0) differences.push(`${version}: groups only pastoe found: ${onlyPastoe.join(', ')}`);
  }
  return differences;
}
