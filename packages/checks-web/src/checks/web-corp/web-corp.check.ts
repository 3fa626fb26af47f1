import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { judgeWebHttp, noHttpsResponse, responseHeader, type WebHttpJudgement } from '../per-web-http.js';

function judgeCorp({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const [value] = responseHeader(https, 'cross-origin-resource-policy');
  if (value === undefined) return { status: 'fail', outcome: 'missing', findings: [{ id: 'missing' }] };
  const policy = value.trim().toLowerCase();
  const facts = { policy: value };
  if (policy === 'same-origin' || policy === 'same-site') return { status: 'pass', outcome: 'good', facts };
  if (policy === 'cross-origin') return { status: 'info', outcome: 'cross-origin', findings: [{ id: 'cross-origin' }], facts };
  return { status: 'fail', outcome: 'invalid', findings: [{ id: 'invalid', params: { policy: value } }], facts };
}

/**
 * The website keeps other sites from embedding its resources with Cross-Origin-Resource-Policy
 * (pastoe's own check, after Mozilla's HTTP Observatory): `same-origin` or `same-site` on the
 * first HTTPS response to `/` passes, an explicit `cross-origin` is informational, a missing or
 * unknown value fails. Optional, outside the Internet.nl score.
 */
export const webCorp = defineCheck({
  id: 'web-corp',
  standard: 'security-headers',
  level: 'optional',
  references: [{ kind: 'other', id: 'WHATWG Fetch', section: 'Cross-Origin-Resource-Policy header' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-corp', http, judgeCorp, context.addresses),
});
