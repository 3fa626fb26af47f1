import type { WebHttpsResult, WebRedirectChain } from '@pastoe/core/model';

/** One https → http step of a redirect chain. */
export interface Downgrade {
  /** The https URL that redirected. */
  readonly from: string;
  /** The http URL it redirected to. */
  readonly to: string;
}

function httpTarget(from: string, location: string | undefined): Downgrade | undefined {
  if (location === undefined || !from.startsWith('https:')) return undefined;
  try {
    const to = new URL(location.trim(), from);
    return to.protocol === 'http:' ? { from, to: to.href } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every https → http redirect the evidence shows: in the plain-HTTP chain, and in the first HTTPS
 * response to `/` itself. Internet.nl looks at the first hop only and misses these (#1521).
 */
export function downgradesOf(https: WebHttpsResult, chain: WebRedirectChain): Downgrade[] {
  const redirects = chain.hops.filter((hop) => hop.status !== undefined && hop.status >= 300 && hop.status <= 399);
  const found = redirects.map((hop) => httpTarget(hop.url, hop.location));
  if (https.ok && https.status >= 300 && https.status <= 399) {
    found.push(httpTarget(https.url, https.headers.find(([name]) => name === 'location')?.[1]));
  }
  const unique = new Map<string, Downgrade>();
  for (const downgrade of found) if (downgrade !== undefined) unique.set(`${downgrade.from} ${downgrade.to}`, downgrade);
  return [...unique.values()];
}
