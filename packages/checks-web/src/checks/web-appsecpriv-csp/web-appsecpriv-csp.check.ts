import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { parseCsp } from '../../parsers/csp.js';
import { judgeWebHttp, noHttpsResponse, responseHeader, type WebHttpJudgement } from '../per-web-http.js';
import { cspRuleViolations } from './csp-rules.js';

function judgeCsp({ https }: WebHttpEvidence, domain: string): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const values = responseHeader(https, 'content-security-policy');
  if (values.length === 0) return { status: 'fail', outcome: 'bad', findings: [{ id: 'no-policy-found' }] };
  // Internet.nl merges every value into one policy, split on `;`.
  const policy = values.join('; ');
  const parsed = parseCsp(policy);
  const violations = cspRuleViolations(parsed.directives, domain.toLowerCase());
  const facts = { policy, violations };
  const syntax = parsed.problems.map((problem) => ({
    id: 'syntax',
    params: { problem: problem.code, directive: problem.directive, ...(problem.value === undefined ? {} : { value: problem.value }) },
  }));
  if (violations.length === 0) return { status: 'pass', outcome: 'good', findings: syntax, facts };
  return { status: 'fail', outcome: 'bad', findings: [...violations.map((id) => ({ id })), ...syntax], facts };
}

/**
 * The website has a Content-Security-Policy strict enough for Internet.nl
 * (`web_appsecpriv_csp`): the Content-Security-Policy header(s) of the first HTTPS response to `/`
 * (Report-Only and `<meta>` ignored), parsed with {@link parseCsp}, pass its eleven rules (no
 * unsafe keywords, no http or bare https, hosts with a scheme, no `data:` for scripts or objects,
 * no `*` or 127.0.0.1 host, restrictive `default-src` and `base-uri`, a `form-action`, a
 * `frame-src` or valid default, `frame-ancestors` with `'self'` or `'none'`). Each broken rule is a
 * finding with Internet.nl's message id. Recommended.
 */
export const webAppsecprivCsp = defineCheck({
  id: 'web-appsecpriv-csp',
  standard: 'security-headers',
  internetnl: 'web_appsecpriv_csp',
  references: [
    { kind: 'other', id: 'W3C Content Security Policy Level 3' },
    { kind: 'ncsc', id: 'NCSC ICT-beveiligingsrichtlijnen voor webapplicaties', section: 'U/PW.03' },
  ],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-appsecpriv-csp', http, judgeCsp, context.addresses),
});
