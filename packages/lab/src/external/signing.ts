/**
 * Signs the lab's zones with BIND's tools instead of the lab's own signer: keys from
 * `dnssec-keygen`, DS records from `dnssec-dsfromkey`, signatures and NSEC/NSEC3 chains from
 * `dnssec-signzone` (and `ldns-signzone` for NSEC3 iteration counts BIND refuses). The faults
 * the catalogue asks for are then made by editing the signed zone text, so that none of the
 * DNSSEC data a validator sees comes from pastoe's code.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabUnsignedZone, LabZoneSpec } from '../dns/catalogue.js';
import { nameKey, toFqdn } from '../dns/names.js';
import type { SigningFault } from '../dns/signer.js';
import { zoneToText } from '../dns/zonefile.js';
import { ExternalToolError, mapLimited, runTool } from './process.js';

/** The programs the signer runs, as resolved paths. */
export interface SigningTools {
  /** `dnssec-keygen`. */
  readonly keygen: string;
  /** `dnssec-signzone`. */
  readonly signzone: string;
  /** `dnssec-dsfromkey`. */
  readonly dsfromkey: string;
  /** `ldns-signzone`, for NSEC3 with more iterations than BIND signs; absent when not installed. */
  readonly ldnsSignzone?: string;
}

/** A zone file ready for the authoritative server. */
export interface SignedZoneFile {
  /** The zone apex, without a trailing dot; `''` for the root. */
  readonly origin: string;
  /** The path of the zone file. */
  readonly file: string;
  /** Whether the zone is signed. */
  readonly signed: boolean;
  /** Which program signed it. */
  readonly signer?: 'dnssec-signzone' | 'ldns-signzone';
}

/** The signed lab world. */
export interface SignedLabZones {
  /** One file per zone the server should load. */
  readonly files: readonly SignedZoneFile[];
  /** The root KSK's DS record in zone-file form (`. 86400 IN DS …`). */
  readonly trustAnchorDs: string;
  /** The root KSK's DNSKEY record in zone-file form. */
  readonly trustAnchorDnskey: string;
  /** Zones of the catalogue left out, by origin, with the reason. */
  readonly leftOut: ReadonlyMap<string, string>;
  /** Differences from the lab's own serving of the catalogue, for people. */
  readonly notes: readonly string[];
}

/** Options of {@link signLabZones}. */
export interface SignLabZonesOptions {
  /** A private directory for keys and zone files. */
  readonly dir: string;
  /** The tools to run. */
  readonly tools: SigningTools;
  /** The time the signature validity windows are based on. */
  readonly now: Date;
  /** How many tool processes run at once. */
  readonly concurrency?: number;
}

/** BIND's names for the DNSSEC algorithms the catalogue uses. */
const bindAlgorithms: Readonly<Record<number, string>> = {
  5: 'RSASHA1',
  7: 'NSEC3RSASHA1',
  8: 'RSASHA256',
  10: 'RSASHA512',
  13: 'ECDSAP256SHA256',
  14: 'ECDSAP384SHA384',
  15: 'ED25519',
  16: 'ED448',
};

/** BIND's names for DS digest types. */
const bindDigests: Readonly<Record<number, string>> = { 1: 'SHA-1', 2: 'SHA-256', 4: 'SHA-384' };

/**
 * The algorithm number that stands for "an algorithm nobody implements": BIND cannot make such
 * keys, so the zone is signed with ECDSA P-256 and the algorithm field is rewritten afterwards.
 * What matters for validators is only that the DS and DNSKEY name an algorithm they lack.
 */
const placeholderAlgorithm = 13;

/** The most NSEC3 iterations dnssec-signzone (BIND 9.18) agrees to make. */
const bindMaxIterations = 150;

interface KeyFile {
  /** The key's base name, e.g. `Kexample.test.+013+12345`, in the keys directory. */
  readonly base: string;
  /** KSK (or CSK) or ZSK. */
  readonly sep: boolean;
  /** The key tag as BIND computed it. */
  readonly tag: number;
  /** The DNSKEY line from the key file, which the signer needs in the zone. */
  readonly original: string;
  /** The DNSKEY line, as served (rewritten for a placeholder algorithm). */
  dnskey: string;
  /** The key tag of the served DNSKEY. */
  servedTag: number;
}

interface ZoneKeys {
  readonly keys: KeyFile[];
  /** A key the zone never publishes, for `parentDs: 'absent-key'`. */
  readonly stray?: KeyFile;
  /** The algorithm the served records carry. */
  readonly algorithm: number;
  /** Signed with a stand-in algorithm, rewritten to {@link ZoneKeys.algorithm} afterwards. */
  readonly placeholder: boolean;
}

/** A zone-file line in BIND's `-O full` form: `owner ttl class type rdata`. */
interface Line {
  readonly owner: string;
  readonly ttl: string;
  readonly type: string;
  readonly rdata: string[];
}

const linePattern = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/;

function parseLine(text: string): Line | undefined {
  const match = linePattern.exec(text);
  if (match === null) return undefined;
  // Only DNSSEC records are edited, and their RDATA has no quoted strings: a `;` starts a comment.
  const rdata = (match[4] ?? '').replace(/;.*$/, '').trim().split(/\s+/);
  return { owner: match[1] as string, ttl: match[2] as string, type: (match[3] as string).toUpperCase(), rdata };
}

function formatLine(line: Line): string {
  return `${line.owner}\t${line.ttl}\tIN\t${line.type}\t${line.rdata.join(' ')}`;
}

function sameName(fqdn: string, name: string): boolean {
  return nameKey(fqdn.replace(/\.$/, '')) === nameKey(name);
}

/** A date as DNSSEC presentation time, YYYYMMDDHHmmSS in UTC. */
function dnssecTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:T]/g, '');
}

function fileName(origin: string): string {
  return origin === '' ? 'root' : origin;
}

async function makeKey(tools: SigningTools, dir: string, origin: string, algorithm: string, sep: boolean, bits?: number): Promise<KeyFile> {
  const args = ['-q', '-K', dir, '-a', algorithm, '-L', '3600', '-n', 'ZONE'];
  if (bits !== undefined) args.push('-b', String(bits));
  if (sep) args.push('-f', 'KSK');
  args.push(toFqdn(origin));
  const base = (await runTool(tools.keygen, args)).trim();
  const tag = Number(/\+(\d+)$/.exec(base)?.[1]);
  const text = await readFile(join(dir, `${base}.key`), 'utf8');
  const dnskey = text.split('\n').find((l) => parseLine(l)?.type === 'DNSKEY');
  if (dnskey === undefined || !Number.isInteger(tag)) throw new ExternalToolError(`dnssec-keygen made no usable key for ${toFqdn(origin)}`);
  return { base, sep, tag, original: dnskey, dnskey, servedTag: tag };
}

async function keysFor(tools: SigningTools, dir: string, spec: LabZoneSpec): Promise<ZoneKeys | undefined> {
  const signing = spec.dnssec;
  if (signing === undefined) return undefined;
  const placeholder = bindAlgorithms[signing.algorithm] === undefined;
  const algorithm = bindAlgorithms[placeholder ? placeholderAlgorithm : signing.algorithm] as string;
  const isRsa = /^(NSEC3)?RSA/.test(algorithm);
  const bits = isRsa ? (signing.rsaBits ?? 2048) : undefined;
  const split = (signing.keys ?? 'csk') === 'ksk-zsk';
  const made = await Promise.all([
    makeKey(tools, dir, spec.origin, algorithm, true, bits),
    ...(split ? [makeKey(tools, dir, spec.origin, algorithm, false, bits)] : []),
    ...(spec.parentDs === 'absent-key' ? [makeKey(tools, dir, spec.origin, algorithm, true, bits)] : []),
  ]);
  const keys = made.slice(0, split ? 2 : 1);
  const stray = spec.parentDs === 'absent-key' ? made.at(-1) : undefined;
  if (placeholder) {
    for (const key of keys) {
      const line = parseLine(key.dnskey) as Line;
      line.rdata[2] = String(signing.algorithm);
      key.dnskey = formatLine(line);
      // dnssec-dsfromkey computes the key tag of the rewritten key, which the RRSIGs must carry.
      const file = join(dir, `${key.base}.rewritten`);
      await writeFile(file, `${key.dnskey}\n`);
      const ds = parseLine((await runTool(tools.dsfromkey, ['-2', '-T', '86400', '-f', file, toFqdn(spec.origin)])).trim());
      key.servedTag = Number(ds?.rdata[0]);
      if (!Number.isInteger(key.servedTag)) throw new ExternalToolError(`dnssec-dsfromkey gave no key tag for ${key.dnskey}`);
    }
  }
  return { keys, ...(stray === undefined ? {} : { stray }), algorithm: signing.algorithm, placeholder };
}

async function dsLines(tools: SigningTools, dir: string, spec: LabZoneSpec, keys: ZoneKeys): Promise<string[]> {
  const mode = spec.parentDs ?? 'valid';
  if (mode === 'none') return [];
  const fromKey = async (key: KeyFile, digest: number): Promise<string> => {
    const name = bindDigests[digest];
    if (name === undefined) throw new ExternalToolError(`DS digest type ${digest} is not supported by dnssec-dsfromkey`);
    const file = join(dir, `${key.base}.served`);
    await writeFile(file, `${key.dnskey}\n`);
    return (await runTool(tools.dsfromkey, ['-a', name, '-T', '86400', '-f', file, toFqdn(spec.origin)])).trim();
  };
  const sep = keys.keys.filter((key) => key.sep);
  if (mode === 'valid') {
    const lines = await Promise.all(sep.flatMap((key) => (spec.dsDigestTypes ?? [2]).map((digest) => fromKey(key, digest))));
    return lines.flatMap((text) => text.split('\n'));
  }
  if (mode === 'absent-key') return keys.stray === undefined ? [] : [await fromKey(keys.stray, 2)];
  // digest-mismatch: the right key tag, algorithm and digest type, one digest byte flipped.
  const lines: string[] = [];
  for (const key of sep) {
    const line = parseLine(await fromKey(key, 2)) as Line;
    const digest = Buffer.from(line.rdata.slice(3).join(''), 'hex');
    digest[0] = (digest[0] as number) ^ 0xff;
    lines.push(formatLine({ ...line, rdata: [...line.rdata.slice(0, 3), digest.toString('hex').toUpperCase()] }));
  }
  return lines;
}

function faultMatches(fault: SigningFault, owner: string, covered: string): boolean {
  return (fault.name === undefined || sameName(owner, fault.name)) && (fault.type === undefined || fault.type.toUpperCase() === covered);
}

/** Applies the catalogue's RRSIG faults and algorithm rewrite to signed zone text. */
function applyFaults(text: string, spec: LabZoneSpec, keys: ZoneKeys): string {
  const faults = (spec.dnssec?.faults ?? []).filter((fault) => fault.kind === 'bad-signature' || fault.kind === 'missing-rrsig');
  const omitDenial = spec.faults?.omitDenialProofs === true;
  // RRSIGs made with the stand-in key carry its algorithm and key tag; the served key has others.
  const rewrite = keys.placeholder ? new Map(keys.keys.map((key) => [String(key.tag), String(key.servedTag)])) : undefined;
  const denialTypes = new Set(['NSEC', 'NSEC3', 'NSEC3PARAM']);
  const out: string[] = [];
  for (const text_ of text.split('\n')) {
    const line = parseLine(text_);
    if (line === undefined) {
      out.push(text_);
      continue;
    }
    if (omitDenial && denialTypes.has(line.type)) continue;
    if (line.type === 'DNSKEY' && rewrite !== undefined) {
      const rdata = [...line.rdata];
      rdata[2] = String(keys.algorithm);
      out.push(formatLine({ ...line, rdata }));
      continue;
    }
    if (line.type !== 'RRSIG') {
      out.push(text_);
      continue;
    }
    const covered = (line.rdata[0] ?? '').toUpperCase();
    if (omitDenial && denialTypes.has(covered)) continue;
    const hits = faults.filter((fault) => faultMatches(fault, line.owner, covered));
    if (hits.some((fault) => fault.kind === 'missing-rrsig')) continue;
    let rdata = [...line.rdata];
    if (rewrite !== undefined) {
      rdata[1] = String(keys.algorithm);
      rdata[6] = rewrite.get(rdata[6] ?? '') ?? (rdata[6] as string);
    }
    if (hits.some((fault) => fault.kind === 'bad-signature')) {
      const signature = Buffer.from(rdata.slice(8).join(''), 'base64');
      const at = signature.length >> 1;
      signature[at] = (signature[at] as number) ^ 0xff;
      rdata = [...rdata.slice(0, 8), signature.toString('base64')];
    }
    out.push(formatLine({ ...line, rdata }));
  }
  return out.join('\n');
}

/** Whether BIND refuses the zone's NSEC3 parameters, so that ldns must sign it. */
function needsLdns(spec: LabZoneSpec): boolean {
  const denial = spec.dnssec?.denial;
  return denial?.kind === 'nsec3' && (denial.iterations ?? 0) > bindMaxIterations;
}

interface SignJob {
  readonly zone: LabUnsignedZone;
  readonly keys: ZoneKeys;
  readonly input: string;
  readonly output: string;
}

/** Signs one zone with dnssec-signzone, or ldns-signzone when BIND refuses its NSEC3 parameters. */
async function signOne(tools: SigningTools, keysDir: string, job: SignJob, now: Date): Promise<'dnssec-signzone' | 'ldns-signzone'> {
  const spec = job.zone.spec;
  const signing = spec.dnssec;
  if (signing === undefined) throw new ExternalToolError(`${toFqdn(spec.origin)} is not to be signed`);
  const faults = signing.faults ?? [];
  for (const fault of faults) {
    if ((fault.kind === 'expired' || fault.kind === 'not-yet-valid') && (fault.name !== undefined || fault.type !== undefined)) {
      throw new ExternalToolError(`${toFqdn(spec.origin)}: a ${fault.kind} fault for some RRsets only cannot be made with dnssec-signzone`);
    }
  }
  const day = 86_400_000;
  let inception = new Date(now.getTime() - 3_600_000);
  let expiration = new Date(now.getTime() + 30 * day);
  // A week out of the window, not a day as the lab's own signer does: Unbound forgives clock
  // skew of up to a tenth of the validity period, at most a day (val-sig-skew-max), and a day
  // off would sit exactly on that edge.
  if (faults.some((fault) => fault.kind === 'expired' && fault.name === undefined)) {
    inception = new Date(now.getTime() - 37 * day);
    expiration = new Date(now.getTime() - 7 * day);
  } else if (faults.some((fault) => fault.kind === 'not-yet-valid' && fault.name === undefined)) {
    inception = new Date(now.getTime() + 7 * day);
    expiration = new Date(now.getTime() + 37 * day);
  }
  const denial = signing.denial ?? { kind: 'nsec' };
  const csk = (signing.keys ?? 'csk') === 'csk';
  const keyNames = job.keys.keys.map((key) => key.base);
  if (denial.kind === 'nsec3' && needsLdns(spec)) {
    if (tools.ldnsSignzone === undefined) throw new ExternalToolError('ldns-signzone is needed for NSEC3 with more than 150 iterations');
    const args = ['-n', '-t', String(denial.iterations ?? 0), '-i', dnssecTime(inception), '-e', dnssecTime(expiration)];
    if (denial.salt !== undefined) args.push('-s', denial.salt);
    if (denial.optOut === true) args.push('-p');
    // ldns signs the DNSKEY RRset with the KSK only unless -A; a CSK needs nothing more.
    args.push('-o', toFqdn(spec.origin), '-f', job.output, job.input, ...keyNames.map((base) => join(keysDir, base)));
    await runTool(tools.ldnsSignzone, args);
    return 'ldns-signzone';
  }
  const args = ['-q', '-O', 'full', '-N', 'keep', '-K', keysDir, '-o', toFqdn(spec.origin), '-f', job.output];
  args.push('-s', dnssecTime(inception), '-e', dnssecTime(expiration));
  if (csk) args.push('-z');
  if (denial.kind === 'nsec3') {
    args.push('-3', denial.salt ?? '-', '-H', String(denial.iterations ?? 0));
    if (denial.optOut === true) args.push('-A');
  }
  // dnssec-signzone checks its own output; a zone signed outside its validity window fails that.
  if (inception > now || expiration < now) args.push('-P');
  args.push(job.input, ...keyNames);
  await runTool(tools.signzone, args, { cwd: keysDir });
  return 'dnssec-signzone';
}

/**
 * Signs the catalogue's zones with BIND's (and ldns') tools in `options.dir`: fresh keys for
 * every signed zone (the root too, so the trust anchor is new each time), DS records made by
 * `dnssec-dsfromkey` and placed in the parent (broken as the spec asks), zones signed with
 * `dnssec-signzone` and then broken as the spec asks. Zones with a serving failure
 * (`servfail`, `refused`, `timeout`) and zones not hosted are left out: an ordinary
 * authoritative server cannot misbehave that way. Runs the tools in parallel; about a second.
 */
export async function signLabZones(zones: readonly LabUnsignedZone[], options: SignLabZonesOptions): Promise<SignedLabZones> {
  const { dir, tools, now } = options;
  const concurrency = options.concurrency ?? 8;
  const keysDir = join(dir, 'keys');
  const zonesDir = join(dir, 'zones');
  await mkdir(keysDir, { recursive: true });
  await mkdir(zonesDir, { recursive: true });
  const leftOut = new Map<string, string>();
  const notes: string[] = [];
  for (const zone of zones) {
    const spec = zone.spec;
    if (spec.hosted === false) {
      leftOut.set(spec.origin, 'not hosted in the catalogue either: its parent refers to a server that is not there');
    } else if (spec.faults?.failure !== undefined) {
      leftOut.set(spec.origin, `serving fault "${spec.faults.failure}" needs the lab's own server`);
    } else if (needsLdns(spec) && tools.ldnsSignzone === undefined) {
      leftOut.set(spec.origin, 'NSEC3 iterations above what dnssec-signzone makes, and ldns-signzone (ldnsutils) is not installed');
    } else if (spec.faults?.delayMs !== undefined || spec.faults?.rcodeScript !== undefined) {
      notes.push(`${toFqdn(spec.origin)} is served without its timing and rcode faults (Knot answers promptly and correctly)`);
    }
  }

  const keyList = await mapLimited(zones, concurrency, (zone) => keysFor(tools, keysDir, zone.spec));
  const keys = new Map<string, ZoneKeys>();
  zones.forEach((zone, i) => {
    const made = keyList[i];
    if (made !== undefined) keys.set(zone.spec.origin, made);
  });

  const dsByChild = new Map<string, string[]>();
  await mapLimited(zones, concurrency, async (zone) => {
    const zoneKeys = keys.get(zone.spec.origin);
    if (zoneKeys !== undefined && zone.parent !== undefined)
      dsByChild.set(zone.spec.origin, await dsLines(tools, keysDir, zone.spec, zoneKeys));
  });

  const served = zones.filter((zone) => !leftOut.has(zone.spec.origin));
  const files = await mapLimited(served, concurrency, async (zone): Promise<SignedZoneFile> => {
    const origin = zone.spec.origin;
    const zoneKeys = keys.get(origin);
    const childDs = zone.children.flatMap((child) => dsByChild.get(child) ?? []);
    const dnskeys = zoneKeys?.keys.map((key) => key.dnskey) ?? [];
    const text = `${zoneToText(zone.zone)}${[...childDs, ...dnskeys].map((line) => `${line}\n`).join('')}`;
    const output = join(zonesDir, `${fileName(origin)}.zone`);
    if (zoneKeys === undefined) {
      await writeFile(output, text);
      return { origin, file: output, signed: false };
    }
    const input = join(zonesDir, `${fileName(origin)}.unsigned`);
    // A placeholder-algorithm zone is signed with the stand-in keys and rewritten afterwards.
    const signInput = zoneKeys.placeholder
      ? `${zoneToText(zone.zone)}${[...childDs, ...zoneKeys.keys.map((key) => key.original)].map((line) => `${line}\n`).join('')}`
      : text;
    await writeFile(input, signInput);
    const signedWith = await signOne(tools, keysDir, { zone, keys: zoneKeys, input, output }, now);
    const signed = await readFile(output, 'utf8');
    await writeFile(output, applyFaults(signed, zone.spec, zoneKeys));
    return { origin, file: output, signed: true, signer: signedWith };
  });

  const root = keys.get('');
  const rootKsk = root?.keys.find((key) => key.sep);
  if (rootKsk === undefined) throw new ExternalToolError('the lab catalogue has no signed root');
  const anchorFile = join(keysDir, `${rootKsk.base}.key`);
  const trustAnchorDs = (await runTool(tools.dsfromkey, ['-2', '-T', '86400', anchorFile])).trim();
  const anchorLine = parseLine(rootKsk.dnskey) as Line;
  return {
    files,
    trustAnchorDs,
    trustAnchorDnskey: formatLine(anchorLine),
    leftOut,
    notes,
  };
}
