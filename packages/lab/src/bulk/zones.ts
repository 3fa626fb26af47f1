/**
 * The DNS of the lab's bulk domains: each copy's zone, made from its scenario's web and mail zones
 * (names moved under the copy, the MX left pointing at the scenario's hosted MX), and the parent
 * zone `bulk.test` that delegates them all with DS records for one shared key.
 */
import type { LabZoneSpec } from '../dns/catalogue.js';
import { type DnssecKey, computeDs, dnskeyData } from '../dns/keys.js';
import { isInBailiwick, nameKey, normalizeName } from '../dns/names.js';
import type { ZoneRecord } from '../dns/zone.js';
import { parseZoneFile } from '../dns/zonefile.js';
import { labBulkName, labBulkParent, type LabBulkScenario, labBulkScenarioOf } from './rotation.js';

/** The records of one scenario's copies, as if for a copy named {@link templateOrigin}. */
export interface BulkTemplate {
  /** The scenario. */
  readonly scenario: LabBulkScenario;
  /** Every record of a copy's zone but its SOA, names under {@link templateOrigin}. */
  readonly records: readonly ZoneRecord[];
  /** The NS records at the apex and their in-zone addresses: what the parent publishes for a copy. */
  readonly delegation: readonly ZoneRecord[];
}

/** The stand-in name templates are written for; every name under it is moved under the copy's. */
const templateOrigin = 'copy.bulk.invalid';

/** `name` under `to` instead of `from`, or `name` itself when it is not under `from`. */
function rebase(name: string, from: string, to: string): string {
  if (nameKey(name) === nameKey(from)) return to;
  if (!isInBailiwick(name, from)) return name;
  return `${name.slice(0, name.length - from.length)}${to}`;
}

/** A record with its owner, its NS or CNAME target, and its TXT text moved from `from` to `to`. */
function rebaseRecord(record: ZoneRecord, from: string, to: string): ZoneRecord {
  const name = rebase(record.name, from, to);
  const data = record.data;
  if (data.type === 'NS' || data.type === 'CNAME') return { ...record, name, data: { ...data, target: rebase(data.target, from, to) } };
  // DMARC's rua=mailto:dmarc@<domain> and the like name the domain itself.
  if (data.type === 'TXT') return { ...record, name, data: { ...data, strings: data.strings.map((s) => s.replaceAll(from, to)) } };
  return { ...record, name };
}

function recordsOf(spec: LabZoneSpec): readonly ZoneRecord[] {
  const content = spec.content ?? '';
  return typeof content === 'string' ? parseZoneFile(content, { origin: spec.origin, defaultTtl: 300 }).records : content;
}

/**
 * The template of a scenario's copies from its web and mail zones: the web zone whole (addresses,
 * name servers, CAA, TLSA), and of the mail zone the MX record (its target, the scenario's MX host,
 * unchanged), SPF, DMARC, DKIM and any other record, but not the MX host's own names, nor a second
 * NS or CAA set (the web zone's stand).
 */
export function bulkTemplate(scenario: LabBulkScenario, web: LabZoneSpec, mail: LabZoneSpec): BulkTemplate {
  const mailOrigin = normalizeName(mail.origin);
  const mxHost = `mx.${mailOrigin}`;
  const fromWeb = recordsOf(web).map((record) => rebaseRecord(record, normalizeName(web.origin), templateOrigin));
  const fromMail = recordsOf(mail)
    .filter((record) => !isInBailiwick(record.name, mxHost))
    .filter((record) => !(nameKey(record.name) === nameKey(mailOrigin) && (record.type === 'NS' || record.type === 'CAA')))
    .filter((record) => !/^ns\d\./.test(record.name))
    .map((record) => (record.type === 'MX' ? { ...record, name: templateOrigin } : rebaseRecord(record, mailOrigin, templateOrigin)));
  const records = [...fromWeb, ...fromMail].filter((record) => record.type !== 'SOA');
  const ns = records.filter((record) => record.type === 'NS' && nameKey(record.name) === nameKey(templateOrigin));
  const targets = new Set(ns.map((record) => (record.data.type === 'NS' ? nameKey(record.data.target) : '')));
  const glue = records.filter((record) => (record.type === 'A' || record.type === 'AAAA') && targets.has(nameKey(record.name)));
  return { scenario, records, delegation: [...ns, ...glue] };
}

/** The SOA of a copy's zone. */
function soaOf(origin: string, serial: number): ZoneRecord {
  return {
    name: origin,
    type: 'SOA',
    ttl: 3600,
    data: {
      type: 'SOA',
      mname: `ns1.${origin}`,
      rname: `hostmaster.${origin}`,
      serial,
      refresh: 7200,
      retry: 3600,
      expire: 1209600,
      minimum: 300,
    },
  };
}

/** The unsigned records of bulk domain `n`'s zone: its SOA and its scenario's template moved under its name. */
export function bulkCopyRecords(n: number, templates: ReadonlyMap<string, BulkTemplate>, serial: number): ZoneRecord[] {
  const name = labBulkName(n);
  const template = templates.get(labBulkScenarioOf(n).id);
  if (template === undefined) throw new Error(`no template for bulk domain ${name}`);
  return [soaOf(name, serial), ...template.records.map((record) => rebaseRecord(record, templateOrigin, name))];
}

/**
 * The zone `bulk.test`, before signing: for each of the first `count` bulk domains the NS records
 * and glue of its scenario and a DS record for `key`, the key every copy is signed with.
 */
export function bulkParentZone(count: number, templates: ReadonlyMap<string, BulkTemplate>, key: DnssecKey): LabZoneSpec {
  const dnskey = dnskeyData(key);
  const records: ZoneRecord[] = [];
  for (let n = 1; n <= count; n++) {
    const name = labBulkName(n);
    const template = templates.get(labBulkScenarioOf(n).id);
    if (template === undefined) throw new Error(`no template for bulk domain ${name}`);
    for (const record of template.delegation) records.push({ ...rebaseRecord(record, templateOrigin, name), ttl: 86400 });
    records.push({ name, type: 'DS', ttl: 86400, data: computeDs(name, dnskey, 2) });
  }
  return { origin: labBulkParent, content: records, dnssec: { algorithm: 13 } };
}
