import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { headerList, judgeWebHttp, noHttpsResponse, type WebHttpJudgement } from '../per-web-http.js';

const goodPolicies: ReadonlySet<string> = new Set(['no-referrer', 'same-origin']);
const recommendedAgainst: ReadonlySet<string> = new Set(['strict-origin', 'strict-origin-when-cross-origin']);
const badPolicies: ReadonlySet<string> = new Set(['origin', 'origin-when-cross-origin', 'no-referrer-when-downgrade', 'unsafe-url']);

function judgeReferrerPolicy({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const values = headerList(https, 'referrer-policy');
  // Browsers use the last value they understand; Internet.nl reads the last value, case-sensitively.
  const last = values.at(-1);
  if (last === undefined) return { status: 'info', outcome: 'recommendations', findings: [{ id: 'no-policy' }] };
  const facts = { policy: last };
  if (goodPolicies.has(last)) return { status: 'pass', outcome: 'good', facts };
  if (recommendedAgainst.has(last)) {
    return { status: 'info', outcome: 'recommendations', findings: [{ id: 'recommendation', params: { policy: last } }], facts };
  }
  const id = badPolicies.has(last) ? `bad-${last}` : 'bad-invalid';
  return { status: 'fail', outcome: 'bad', findings: [{ id, params: { policy: last } }], facts };
}

/**
 * The website limits what it leaks in the Referer header (Internet.nl
 * `web_appsecpriv_referrer_policy`), by the last Referrer-Policy value of the first HTTPS response
 * to `/`, case-sensitive: `no-referrer` and `same-origin` pass; `strict-origin`,
 * `strict-origin-when-cross-origin` or no policy (the browsers' default) are `info`
 * recommendations; `origin`, `origin-when-cross-origin`, `no-referrer-when-downgrade`,
 * `unsafe-url` and unknown values fail (`bad-<value>`, `bad-invalid`). Recommended.
 */
export const webAppsecprivReferrerPolicy = defineCheck({
  id: 'web-appsecpriv-referrer-policy',
  standard: 'security-headers',
  internetnl: 'web_appsecpriv_referrer_policy',
  references: [{ kind: 'other', id: 'W3C Referrer Policy', section: '3' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-appsecpriv-referrer-policy', http, judgeReferrerPolicy, context.addresses),
});
