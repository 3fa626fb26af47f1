import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { judgeWebHttp, noHttpsResponse, responseHeader, type WebHttpJudgement } from '../per-web-http.js';

function judgeCoop({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const [value] = responseHeader(https, 'cross-origin-opener-policy');
  if (value === undefined) return { status: 'fail', outcome: 'missing', findings: [{ id: 'missing' }] };
  // A structured-field token, possibly with parameters (`same-origin; report-to="x"`).
  const policy = (value.split(';')[0] ?? '').trim().toLowerCase();
  const facts = { policy: value };
  if (policy === 'same-origin') return { status: 'pass', outcome: 'good', facts };
  if (policy === 'same-origin-allow-popups' || policy === 'noopener-allow-popups')
    return { status: 'pass', outcome: 'allow-popups', facts };
  if (policy === 'unsafe-none') return { status: 'fail', outcome: 'unsafe-none', findings: [{ id: 'unsafe-none' }], facts };
  return { status: 'fail', outcome: 'invalid', findings: [{ id: 'invalid', params: { policy: value } }], facts };
}

/**
 * The website isolates its browsing context with Cross-Origin-Opener-Policy (pastoe's own check,
 * after Mozilla's HTTP Observatory): `same-origin` passes, and so do the `…-allow-popups` values;
 * `unsafe-none`, a missing or an unknown value fail. Optional, outside the Internet.nl score.
 */
export const webCoop = defineCheck({
  id: 'web-coop',
  standard: 'security-headers',
  level: 'optional',
  references: [{ kind: 'other', id: 'WHATWG HTML', section: 'Cross-origin opener policies' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-coop', http, judgeCoop, context.addresses),
});
