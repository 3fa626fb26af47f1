import type { Finding } from '../../model/finding.js';
import { checkOcspResponse } from '../../x509/ocsp.js';
import type { TlsEvidence } from '../types.js';
import { fromBase64 } from '../../util/bytes.js';
import { leafAndIssuer, selectChains } from './certificates.js';
import { finding, judgement, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * OCSP stapling (Internet.nl `ocsp_stapling`, NCSC 3.4.5; web only, disabled for mail), judged
 * on the leaf: no OCSP URL in its Authority Information Access is `not-in-cert` (not tested,
 * counted as good); a stapled response that checks out is `good`; a stapled response that does
 * not (bad signature, another certificate, out of date) is `bad`; no staple is `ok` (info).
 * The response is checked with {@link checkOcspResponse} against the issuer the server sent; who
 * signed it is the probe's finding (`OcspObservation.signer`), verified with the issuer's key.
 * pastoe adds a finding when a trusted staple says the certificate is revoked.
 */
export function evaluateTlsOcsp(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const pair = leafAndIssuer(selectChains(evidence).primary);
  if (pair === undefined) return notTested(context, 'no-chain');
  const { leaf, issuer } = pair;
  const urls = leaf.facts.ocspUrls;
  if (urls.length === 0)
    return judgement({ status: 'not-tested', outcome: 'not-in-cert' }, [finding(context, 'no-ocsp-url')], { ocspUrls: [] });
  const staple = evidence.ocsp;
  if (staple === undefined || !staple.stapled || staple.response === undefined) {
    return judgement({ status: 'info', outcome: 'ok' }, [finding(context, 'not-stapled')], { ocspUrls: [...urls], stapled: false });
  }
  const result = checkOcspResponse(fromBase64(staple.response) ?? new Uint8Array(), {
    leaf,
    issuer,
    signer: staple.signer,
    now: context.now,
  });
  const facts = {
    ocspUrls: [...urls],
    stapled: true,
    trusted: result.trusted,
    responseStatus: result.responseStatus,
    ...(result.certStatus === undefined ? {} : { certStatus: result.certStatus }),
    ...(result.thisUpdate === undefined ? {} : { thisUpdate: result.thisUpdate }),
    ...(result.nextUpdate === undefined ? {} : { nextUpdate: result.nextUpdate }),
    ...(result.reason === undefined ? {} : { reason: result.reason }),
  };
  if (!result.trusted) {
    return judgement(
      { status: 'fail', outcome: 'bad' },
      [finding(context, 'untrusted-staple', { reason: result.reason ?? 'unknown' })],
      facts,
    );
  }
  const findings: Finding[] = [];
  if (result.certStatus === 'revoked') findings.push(finding(context, 'revoked', {}, true));
  return judgement(
    { status: 'pass', outcome: 'good' },
    findings,
    facts,
    findings.length > 0 ? { status: 'fail', outcome: 'bad' } : undefined,
  );
}
