import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { judgeWebHttp, noHttpsResponse, type WebHttpJudgement } from '../per-web-http.js';

function judgeCompression({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const encoding = https.contentEncoding ?? '';
  if (encoding === '') return { status: 'pass', outcome: 'good' };
  return { status: 'fail', outcome: 'bad', findings: [{ id: 'compressed', params: { encoding } }], facts: { encoding } };
}

/**
 * The website does not compress its HTTPS responses (Internet.nl `web_https_http_compress`;
 * compression over TLS exposes secrets to BREACH): the first response to `/`, asked with
 * Internet.nl's Accept-Encoding, has no Content-Encoding. Optional.
 */
export const webHttpsHttpCompress = defineCheck({
  id: 'web-https-http-compress',
  standard: 'https',
  internetnl: 'web_https_http_compress',
  references: [{ kind: 'ncsc', id: 'NCSC TLS 2025-05' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-https-http-compress', http, judgeCompression, context.addresses),
});
