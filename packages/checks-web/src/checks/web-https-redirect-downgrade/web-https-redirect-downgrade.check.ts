import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { downgradesOf } from '../web-https-http-redirect/downgrades.js';
import { judgeWebHttp, type WebHttpJudgement } from '../per-web-http.js';

function judgeDowngrade({ https, http }: WebHttpEvidence): WebHttpJudgement {
  const answered = https.ok || http.hops.some((hop) => hop.status !== undefined);
  if (!answered) return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: 'no-response' }] };
  const downgrades = downgradesOf(https, http);
  if (downgrades.length === 0) return { status: 'pass', outcome: 'good' };
  return { status: 'fail', outcome: 'bad', findings: downgrades.map((hop) => ({ id: 'downgrade', params: { ...hop } })) };
}

/**
 * No redirect of the website leads from https back to plain http (pastoe's own check, beyond
 * Internet.nl, which examines the first hop only: its issue #1521). Judged on the plain-HTTP
 * redirect chain and the first HTTPS response, at the first IPv6 and IPv4 address (every address
 * with the scan's `addresses: 'all'`). Recommended: outside the Internet.nl score.
 */
export const webHttpsRedirectDowngrade = defineCheck({
  id: 'web-https-redirect-downgrade',
  standard: 'https',
  level: 'recommended',
  references: [{ kind: 'rfc', id: 'RFC 6797', section: '7.2' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-https-redirect-downgrade', http, judgeDowngrade, context.addresses),
});
