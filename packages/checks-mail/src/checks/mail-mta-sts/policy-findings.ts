import type { Finding } from '@pastoe/core/model';
import type { MtaStsPolicyFetch } from '../../probes/mta-sts.declaration.js';

/**
 * Why a fetched policy cannot be used, as findings of `checkId` (none when the fetch gave a
 * policy senders would read): no server, no response, a status other than 200 (a redirect is
 * never followed, RFC 8461 §3.3), a certificate that does not validate for `mta-sts.<domain>`,
 * a media type other than text/plain, a body over 64 KiB.
 */
export function policyFetchFindings(checkId: string, fetch: MtaStsPolicyFetch): Finding[] {
  if (fetch.error !== undefined) {
    const { code, message } = fetch.error;
    if (code === 'no-address') return [{ id: `${checkId}.no-policy-host`, params: { url: fetch.url } }];
    return [{ id: `${checkId}.policy-unreachable`, params: { url: fetch.url, code, message } }];
  }
  const findings: Finding[] = [];
  if (fetch.certificateValid === false) {
    findings.push({ id: `${checkId}.policy-certificate`, params: { url: fetch.url, reason: fetch.certificateError ?? 'unknown' } });
  }
  const header = (name: string): string | undefined => fetch.headers?.find(([key]) => key === name)?.[1];
  const status = fetch.status ?? 0;
  if (status >= 300 && status < 400) {
    findings.push({ id: `${checkId}.policy-redirect`, params: { url: fetch.url, status, location: header('location') ?? '' } });
  } else if (status !== 200) {
    findings.push({ id: `${checkId}.policy-status`, params: { url: fetch.url, status } });
  }
  if (status === 200) {
    // RFC 8461 §3.2: the media type must be text/plain; parameters are ignored.
    const contentType = header('content-type');
    const media = contentType?.split(';')[0]?.trim().toLowerCase();
    if (media !== 'text/plain') findings.push({ id: `${checkId}.policy-content-type`, params: { contentType: contentType ?? '' } });
    if (fetch.bodyTruncated === true) findings.push({ id: `${checkId}.policy-too-large`, params: { url: fetch.url } });
  }
  return findings;
}
