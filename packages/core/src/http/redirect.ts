/**
 * Following a redirect is the caller's job, hop by hop (each hop is evidence: its status, its
 * headers, its TLS); this says where the next hop goes.
 */

/** Why a Location header gives no next URL. */
export type RedirectProblem =
  /** There is no Location, or it is empty. */
  | 'missing'
  /** It does not parse as a URL reference, or holds control characters. */
  | 'invalid'
  /** It leads to a scheme other than http: or https:. */
  | 'unsupported-scheme'
  /** It is longer than 8 192 characters. */
  | 'too-long';

/** Where a redirect leads, or why it leads nowhere. */
export type RedirectTarget =
  | {
      /** There is a next URL. */
      readonly ok: true;
      /** The absolute next URL (http: or https:). */
      readonly url: string;
    }
  | {
      /** There is none. */
      readonly ok: false;
      /** Why. */
      readonly problem: RedirectProblem;
      /** One line for people. */
      readonly message: string;
    };

/** Longest Location followed. */
const maxLocationLength = 8_192;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Resolves a Location header against the URL that answered with it (RFC 9110 §10.2.2): relative
 * references are resolved, and a Location without a fragment keeps the base URL's fragment.
 * Pure; the caller decides which statuses redirect and how many hops to follow.
 *
 * @param baseUrl - the absolute URL of the response
 * @param location - the Location header's value, or `undefined` when there is none
 * @returns the next URL, or the problem
 * @throws TypeError when `baseUrl` is not an absolute URL
 */
export function resolveRedirect(baseUrl: string | URL, location: string | undefined): RedirectTarget {
  let base: URL;
  try {
    base = new URL(baseUrl instanceof URL ? baseUrl.href : baseUrl);
  } catch {
    throw new TypeError(`the base URL ${JSON.stringify(String(baseUrl).slice(0, 100))} is not absolute`);
  }
  const value = typeof location === 'string' ? location.trim() : '';
  if (value === '') return { ok: false, problem: 'missing', message: 'the response has no Location' };
  if (value.length > maxLocationLength)
    return { ok: false, problem: 'too-long', message: `the Location exceeds ${maxLocationLength} characters` };
  // URL parsing would silently drop tabs and newlines; a Location holding controls is refused instead.
  if (hasControlCharacter(value)) return { ok: false, problem: 'invalid', message: 'the Location holds control characters' };
  let next: URL;
  try {
    next = new URL(value, base);
  } catch {
    return { ok: false, problem: 'invalid', message: `the Location ${JSON.stringify(value.slice(0, 100))} is not a URL` };
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return { ok: false, problem: 'unsupported-scheme', message: `the Location leads to a ${next.protocol} URL` };
  }
  if (next.hostname === '') return { ok: false, problem: 'invalid', message: 'the Location has no host' };
  if (!value.includes('#') && base.hash !== '') next.hash = base.hash;
  return { ok: true, url: next.href };
}
