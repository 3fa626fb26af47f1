import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { judgeWebHttp, noHttpsResponse, responseHeader, type WebHttpJudgement } from '../per-web-http.js';

/** What a Set-Cookie value says of the attributes this check reads. */
function cookieAttributes(value: string): { name: string; secure: boolean; httpOnly: boolean; sameSite?: string } {
  const [pair = '', ...attributes] = value.split(';');
  const name = pair.split('=')[0]?.trim() ?? '';
  let secure = false;
  let httpOnly = false;
  let sameSite: string | undefined;
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const lower = key.trim().toLowerCase();
    if (lower === 'secure') secure = true;
    else if (lower === 'httponly') httpOnly = true;
    else if (lower === 'samesite') sameSite = rest.join('=').trim().toLowerCase();
  }
  return { name, secure, httpOnly, ...(sameSite === undefined ? {} : { sameSite }) };
}

function judgeCookies({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const cookies = responseHeader(https, 'set-cookie').map(cookieAttributes);
  if (cookies.length === 0) return { status: 'not-applicable', outcome: 'no-cookies' };
  const findings = cookies.flatMap((cookie) => {
    const params = { cookie: cookie.name };
    const sameSiteValid = cookie.sameSite === 'strict' || cookie.sameSite === 'lax' || (cookie.sameSite === 'none' && cookie.secure);
    return [
      ...(cookie.secure ? [] : [{ id: 'missing-secure', params }]),
      ...(cookie.httpOnly ? [] : [{ id: 'missing-httponly', params }]),
      ...(cookie.sameSite === undefined ? [{ id: 'missing-samesite', params }] : sameSiteValid ? [] : [{ id: 'invalid-samesite', params }]),
    ];
  });
  const facts = { cookies: cookies.map((cookie) => cookie.name) };
  if (findings.length === 0) return { status: 'pass', outcome: 'good', facts };
  return { status: 'fail', outcome: 'bad', findings, facts };
}

/**
 * The website's cookies are protected (pastoe's own check, after Mozilla's HTTP Observatory): every
 * cookie the first HTTPS response to `/` sets has `Secure`, `HttpOnly` and a `SameSite` of `Strict`
 * or `Lax` (`None` only with `Secure`). No cookies: not applicable. Optional, outside the
 * Internet.nl score.
 */
export const webCookies = defineCheck({
  id: 'web-cookies',
  standard: 'security-headers',
  level: 'optional',
  references: [{ kind: 'rfc', id: 'RFC 6265', section: '4.1.2' }],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-cookies', http, judgeCookies, context.addresses),
});
