/**
 * Test helper: evidence bundles of the mail STARTTLS probes (the MX lookup, one STARTTLS scan
 * evidence per MX host, its TLSA lookup and CAA climb), for judging the STARTTLS and DANE checks
 * offline. Only for tests.
 */
import type {
  CaaEvidence,
  Evidence,
  EvidenceBundle,
  EvidenceEnvelope,
  ProbeErrorCode,
  TlsaLookupEvidence,
  TlsEvidence,
} from '@pastoe/core/model';
import { mailCaaDeclaration } from '../../probes/mail-caa.declaration.js';
import type { MailServerTlsEvidence } from '../../probes/mail-tls.declaration.js';
import { mailTlsDeclaration } from '../../probes/mail-tls.declaration.js';
import { mailTlsaDeclaration } from '../../probes/mail-tlsa.declaration.js';
import { type MxEvidence, mxDeclaration } from '../../probes/mx.declaration.js';

const at = '2026-11-23T12:00:00.000Z';
const domain = 'example.test';

/** One MX host as a fixture: its scanned addresses with their TLS evidence, and its DNS. */
export interface MailServerFixture {
  /** The MX host name. */
  readonly host: string;
  /** The scans, address → evidence; none: the host has no address. */
  readonly scans?: Readonly<Record<string, TlsEvidence>>;
  /** The TLSA lookup at `_25._tcp.<host>`; default none in a signed zone. */
  readonly tlsa?: TlsaLookupEvidence;
  /** The CAA climb from the host name; default the good pair on the host. */
  readonly caa?: CaaEvidence;
  /** The STARTTLS probe failed for pastoe's own reason (e.g. `timeout`). */
  readonly failed?: string;
}

/** No TLSA records for `host`, in a signed zone (NODATA, validated). */
function noMailTlsa(host: string): TlsaLookupEvidence {
  return { name: `_25._tcp.${host}`, dnssec: 'secure', status: 'secure', reason: 'validated', records: [], denialBogus: false };
}

/** A secure TLSA set for `host` with the given `usage selector matching data` records. */
export function mailTlsa(host: string, ...records: readonly [number, number, number, string][]): TlsaLookupEvidence {
  const name = `_25._tcp.${host}`;
  return {
    ...noMailTlsa(host),
    records: records.map(([usage, selector, matchingType, certificateData]) => ({
      name,
      type: 'TLSA' as const,
      class: 'IN',
      ttl: 300,
      data: { type: 'TLSA' as const, usage, selector, matchingType, certificateData },
    })),
  };
}

/** A CAA climb that found `records` on `host` itself. */
export function mailCaa(host: string, records: readonly { flags: number; tag: string; value: string }[]): CaaEvidence {
  return {
    domain: host,
    lookups: [
      {
        name: host,
        rcode: 'NOERROR',
        records: records.map((data) => ({
          name: host,
          type: 'CAA' as const,
          class: 'IN',
          ttl: 300,
          data: { type: 'CAA' as const, ...data },
        })),
      },
    ],
  };
}

function envelope(probe: string, subject: EvidenceEnvelope['subject'], data: unknown): Evidence<unknown> {
  return { probe, subject, startedAt: at, durationMs: 1, ok: true, data };
}

/** The MX evidence naming the fixture hosts (preference 10 each). */
function mxFor(hosts: readonly string[]): MxEvidence {
  return { rcode: 'NOERROR', records: hosts.map((exchange) => ({ preference: 10, exchange })), domainHasAddress: true };
}

/** A bundle with the MX lookup and, per MX host, the STARTTLS, TLSA and CAA evidence. */
export function starttlsBundle(servers: readonly MailServerFixture[], mx: MxEvidence = mxFor(servers.map((s) => s.host))): EvidenceBundle {
  const evidence: Evidence<unknown>[] = [envelope(mxDeclaration.id, { name: domain, role: 'domain' }, mx)];
  for (const server of servers) {
    const subject = { name: server.host, role: 'mx' as const };
    const scans = Object.entries(server.scans ?? {}).map(([ip, tls]) => ({ ip, tls }));
    const data: MailServerTlsEvidence = {
      host: server.host,
      ipv4: scans.filter(({ ip }) => !ip.includes(':')).map(({ ip }) => ip),
      ipv6: scans.filter(({ ip }) => ip.includes(':')).map(({ ip }) => ip),
      ...(scans.length === 0 ? { addressError: 'NXDOMAIN' } : {}),
      scans,
    };
    evidence.push(
      server.failed === undefined
        ? envelope(mailTlsDeclaration.id, subject, data)
        : {
            probe: mailTlsDeclaration.id,
            subject,
            startedAt: at,
            durationMs: 1,
            ok: false,
            error: { code: server.failed as ProbeErrorCode, message: `the scan failed: ${server.failed}` },
          },
      envelope(mailTlsaDeclaration.id, subject, server.tlsa ?? noMailTlsa(server.host)),
      envelope(
        mailCaaDeclaration.id,
        subject,
        server.caa ??
          mailCaa(server.host, [
            { flags: 0, tag: 'issue', value: 'ca.example' },
            { flags: 0, tag: 'iodef', value: 'mailto:security@example.test' },
          ]),
      ),
    );
  }
  return {
    target: { domain, input: domain },
    startedAt: at,
    probes: [mxDeclaration.id, mailTlsDeclaration.id, mailTlsaDeclaration.id, mailCaaDeclaration.id],
    evidence,
  };
}
