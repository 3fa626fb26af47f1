import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { headerList, judgeWebHttp, noHttpsResponse, type WebHttpJudgement } from '../per-web-http.js';

function judgeContentTypeOptions({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const [first] = headerList(https, 'x-content-type-options');
  if (first === undefined) return { status: 'fail', outcome: 'bad', findings: [{ id: 'missing' }] };
  if (first.toLowerCase() === 'nosniff') return { status: 'pass', outcome: 'good', facts: { value: first } };
  return { status: 'fail', outcome: 'bad', findings: [{ id: 'invalid', params: { value: first } }], facts: { value: first } };
}

/**
 * The website stops browsers from guessing content types (Internet.nl
 * `web_appsecpriv_x_content_type_options`): the first X-Content-Type-Options value in the first
 * HTTPS response to `/` is `nosniff`, any case. Recommended.
 */
export const webAppsecprivXContentTypeOptions = defineCheck({
  id: 'web-appsecpriv-x-content-type-options',
  standard: 'security-headers',
  internetnl: 'web_appsecpriv_x_content_type_options',
  references: [{ kind: 'other', id: 'WHATWG Fetch', section: 'X-Content-Type-Options' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-appsecpriv-x-content-type-options', http, judgeContentTypeOptions, context.addresses),
});
