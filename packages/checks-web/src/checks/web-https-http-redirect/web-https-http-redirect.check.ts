import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { judgeWebHttp, type WebHttpJudgement } from '../per-web-http.js';
import { downgradesOf } from './downgrades.js';

/** Where a Location leads from `base`, or `undefined` when it leads nowhere parseable. */
function target(base: string, location: string): URL | undefined {
  try {
    return new URL(location.trim(), base);
  } catch {
    return undefined;
  }
}

/** Internet.nl's rule for one address: the first redirect of plain HTTP must go to https on the same host. */
function judgeRedirect({ https, http }: WebHttpEvidence, domain: string): WebHttpJudgement {
  if (!https.ok) return { status: 'not-tested', outcome: 'no-https', findings: [{ id: 'no-https', params: { failure: https.failure } }] };
  const downgrades = downgradesOf(https, http).map((hop) => ({ id: 'downgrade', params: { ...hop } }));
  const facts = { hops: http.hops.map((hop) => `${hop.status ?? hop.error?.code ?? ''} ${hop.url}`) };
  const first = http.hops[0];
  if (first === undefined || first.status === undefined) {
    return { status: 'pass', outcome: 'other', findings: [{ id: 'https-only' }, ...downgrades], facts };
  }
  const next = first.location === undefined || first.status < 300 || first.status > 399 ? undefined : target(first.url, first.location);
  if (next === undefined) {
    return { status: 'fail', outcome: 'bad', findings: [{ id: 'no-redirect', params: { status: first.status } }, ...downgrades], facts };
  }
  const sameHost = next.hostname.toLowerCase().replace(/\.$/, '') === domain.toLowerCase();
  if (next.protocol === 'https:' && sameHost) return { status: 'pass', outcome: 'good', findings: downgrades, facts };
  const reason = next.protocol === 'https:' ? 'first-hop-other-host' : 'first-hop-not-https';
  return { status: 'fail', outcome: 'bad', findings: [{ id: reason, params: { location: next.href } }, ...downgrades], facts };
}

/**
 * Plain HTTP enforces HTTPS (Internet.nl `web_https_http_redirect`): when HTTPS answers, the first
 * response of `http://<domain>/` must redirect to `https://<domain>` itself (the port aside; a
 * direct jump to `https://www.<domain>` fails, Internet.nl #1208). No plain HTTP at all passes as
 * `other`; no HTTPS is `not-tested`/`no-https`. Beyond Internet.nl (#1521), an https → http
 * downgrade anywhere in the chain is a `downgrade` finding (judged by `web-https-redirect-downgrade`).
 */
export const webHttpsHttpRedirect = defineCheck({
  id: 'web-https-http-redirect',
  standard: 'https',
  internetnl: 'web_https_http_redirect',
  references: [
    { kind: 'ncsc', id: 'NCSC ICT-beveiligingsrichtlijnen voor webapplicaties', section: 'U/WA.05' },
    { kind: 'forum-standaardisatie', id: 'HTTPS and HSTS' },
  ],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-https-http-redirect', http, judgeRedirect, context.addresses),
});
