import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { headerList, judgeWebHttp, noHttpsResponse, type WebHttpJudgement } from '../per-web-http.js';

function judgeFrameOptions({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const [first] = headerList(https, 'x-frame-options');
  if (first === undefined) return { status: 'fail', outcome: 'bad', findings: [{ id: 'missing' }] };
  const value = first.toUpperCase();
  if (value === 'DENY' || value === 'SAMEORIGIN') return { status: 'pass', outcome: 'good', facts: { value: first } };
  return { status: 'fail', outcome: 'bad', findings: [{ id: 'invalid', params: { value: first } }], facts: { value: first } };
}

/**
 * The website forbids framing by others with X-Frame-Options (Internet.nl
 * `web_appsecpriv_x_frame_options`): the first value in the first HTTPS response to `/` is `DENY`
 * or `SAMEORIGIN`, any case. `ALLOW-FROM` and anything else fail. Optional.
 */
export const webAppsecprivXFrameOptions = defineCheck({
  id: 'web-appsecpriv-x-frame-options',
  standard: 'security-headers',
  internetnl: 'web_appsecpriv_x_frame_options',
  references: [{ kind: 'rfc', id: 'RFC 7034' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-appsecpriv-x-frame-options', http, judgeFrameOptions, context.addresses),
});
