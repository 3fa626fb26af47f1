/** Evidence fixtures for the MTA-STS and TLS-RPT checks: bundles of the MX, MTA-STS and TLS-RPT probes. Test code only. */
import type { Evidence, EvidenceBundle, ProbeError } from '@pastoe/core/model';
import type { VersionedTxtLookup } from '../../txt/txt-evidence.js';
import { type MtaStsEvidence, type MtaStsPolicyFetch, mtaStsDeclaration } from '../../probes/mta-sts.declaration.js';
import { type MxEvidence, mxDeclaration } from '../../probes/mx.declaration.js';
import { type TlsRptEvidence, tlsRptDeclaration } from '../../probes/tls-rpt.declaration.js';
import { mxAnswer } from './mail-bundle.js';

const at = '2026-12-03T12:00:00.000Z';
const subject = { name: 'example.test', role: 'domain' as const };

/** A TXT lookup at `name` that found these records. */
const txtLookup = (name: string, records: readonly string[], otherRecords = 0): VersionedTxtLookup => ({
  name,
  rcode: records.length === 0 ? 'NXDOMAIN' : 'NOERROR',
  records,
  otherRecords,
});

/** A good enforce policy for `mx.example.test`, served as it should be. */
export const goodPolicyText = 'version: STSv1\r\nmode: enforce\r\nmx: mx.example.test\r\nmax_age: 1209600\r\n';

/** A fetch that got `body` with status 200, text/plain and a valid certificate, changed by `extra`. */
export function fetched(body: string, extra: Partial<MtaStsPolicyFetch> = {}): MtaStsPolicyFetch {
  return {
    url: 'https://mta-sts.example.test/.well-known/mta-sts.txt',
    ip: '192.0.2.80',
    status: 200,
    headers: [['content-type', 'text/plain; charset=utf-8']],
    body,
    bodyTruncated: false,
    certificateValid: true,
    ...extra,
  };
}

/** MTA-STS evidence: these records at `_mta-sts.example.test` and, when given, the policy fetch. */
export function mtaSts(records: readonly string[], policy?: MtaStsPolicyFetch, lookup?: Partial<VersionedTxtLookup>): MtaStsEvidence {
  return {
    domain: 'example.test',
    record: { ...txtLookup('_mta-sts.example.test', records), ...lookup },
    ...(policy === undefined ? {} : { policy }),
  };
}

/** TLS-RPT evidence: these records at `_smtp._tls.example.test`. */
export function tlsRpt(records: readonly string[], lookup?: Partial<VersionedTxtLookup>): TlsRptEvidence {
  return { domain: 'example.test', record: { ...txtLookup('_smtp._tls.example.test', records), ...lookup } };
}

const success = <T>(probe: string, data: T): Evidence<unknown> => ({ probe, subject, startedAt: at, durationMs: 1, ok: true, data });

/** A bundle of the MX evidence (default one MX, `mx.example.test`) and the MTA-STS or TLS-RPT evidence, or a probe failure. */
export function policyBundle(
  evidence: { readonly mtaSts?: MtaStsEvidence | ProbeError; readonly tlsRpt?: TlsRptEvidence },
  mx: MxEvidence = mxAnswer(['mx.example.test']),
): EvidenceBundle {
  const list: Evidence<unknown>[] = [success(mxDeclaration.id, mx)];
  const { mtaSts: sts, tlsRpt: rpt } = evidence;
  if (sts !== undefined) {
    list.push(
      'code' in sts
        ? { probe: mtaStsDeclaration.id, subject, startedAt: at, durationMs: 1, ok: false, error: sts }
        : success(mtaStsDeclaration.id, sts),
    );
  }
  if (rpt !== undefined) list.push(success(tlsRptDeclaration.id, rpt));
  return { target: { domain: 'example.test', input: 'example.test' }, startedAt: at, probes: list.map((e) => e.probe), evidence: list };
}
