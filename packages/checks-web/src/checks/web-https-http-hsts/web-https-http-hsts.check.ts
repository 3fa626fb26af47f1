import { defineCheck, type WebHttpEvidence, webHttpDeclaration } from '@pastoe/core/model';
import { parseHsts } from '../../parsers/hsts.js';
import { judgeWebHttp, noHttpsResponse, responseHeader, type WebHttpJudgement } from '../per-web-http.js';

/** One year in seconds: Internet.nl's minimum max-age. */
const oneYear = 31_536_000;

/** Internet.nl's partial credit for an HSTS max-age below a year: 2 of 10 points. */
const shortMaxAgeScore = 0.2;

/**
 * Reads max-age as Internet.nl does: the text between `max-age=` (any case) and the next `;`,
 * read as Python's `int()` reads it (surrounding blanks, a sign and `_` between digits allowed).
 */
function internetnlMaxAge(value: string): number | undefined {
  const match = /max-age=([^;]*)/i.exec(value);
  const text = match?.[1];
  if (text === undefined || !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) return undefined;
  return Number(text.replaceAll('_', '').trim());
}

function judgeHsts({ https }: WebHttpEvidence): WebHttpJudgement {
  if (!https.ok) return noHttpsResponse(https);
  const values = responseHeader(https, 'strict-transport-security');
  const [firstField] = values;
  if (firstField === undefined) return { status: 'fail', outcome: 'bad', score: 0, findings: [{ id: 'missing' }] };
  // Internet.nl splits the header on commas and reads the first element only.
  const first = firstField.split(',')[0] ?? '';
  const parsed = parseHsts(firstField);
  const facts = {
    values,
    rfcValid: parsed.valid,
    includeSubDomains: parsed.includeSubDomains,
    preload: parsed.preload,
  };
  const syntax = parsed.problems.map((problem) => ({
    id: 'syntax',
    params: { problem: problem.code, ...(problem.directive === undefined ? {} : { directive: problem.directive }) },
  }));
  const extra = values.length > 1 ? [{ id: 'several-headers', params: { count: values.length } }] : [];
  const maxAge = internetnlMaxAge(first);
  if (maxAge === undefined) {
    return {
      status: 'fail',
      outcome: 'bad',
      score: 0,
      findings: [{ id: 'invalid-max-age', params: { value: first } }, ...syntax, ...extra],
      facts,
    };
  }
  if (maxAge < oneYear) {
    return {
      status: 'fail',
      outcome: 'other',
      score: shortMaxAgeScore,
      findings: [{ id: 'max-age-too-short', params: { maxAge, minimum: oneYear } }, ...syntax, ...extra],
      facts: { ...facts, maxAge },
    };
  }
  return { status: 'pass', outcome: 'good', score: 1, findings: [...syntax, ...extra], facts: { ...facts, maxAge } };
}

/**
 * The website sends HSTS for at least a year (Internet.nl `web_https_http_hsts`), read as
 * Internet.nl reads it: from the first HTTPS response to `/` (redirects not followed), only the
 * first header value up to its first comma, max-age as the text after `max-age=` read as an integer.
 * A max-age below a year (0 included) fails as `other` with 2 of 10 points; a missing header, a
 * missing max-age, a quoted value or a space before `=` fail as `bad`. Where the value departs
 * from RFC 6797 (parsed with {@link parseHsts}), `syntax` findings say how.
 */
export const webHttpsHttpHsts = defineCheck({
  id: 'web-https-http-hsts',
  standard: 'hsts',
  internetnl: 'web_https_http_hsts',
  references: [
    { kind: 'rfc', id: 'RFC 6797', section: '6.1' },
    { kind: 'forum-standaardisatie', id: 'HTTPS and HSTS' },
  ],
  probes: { http: webHttpDeclaration },
  evaluate: ({ http }, context) => judgeWebHttp('web-https-http-hsts', http, judgeHsts, context.addresses),
});
