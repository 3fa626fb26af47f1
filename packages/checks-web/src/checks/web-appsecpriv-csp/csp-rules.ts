import type { CspDirective, CspSource } from '../../parsers/csp.js';

/** The message ids of Internet.nl's CSP rules, in the order it checks them. */
export type CspRuleViolation =
  | 'has-unsafe-inline'
  | 'has-unsafe-eval'
  | 'has-unsafe-hashes'
  | 'has-http'
  | 'has-bare-https'
  | 'has-host-without-scheme'
  | 'has-data'
  | 'has-invalid-host'
  | 'missing-invalid-default-src'
  | 'missing-invalid-base-uri'
  | 'missing-invalid-form-action'
  | 'missing-invalid-frame-src'
  | 'missing-invalid-frame-ancestors';

const isKeyword = (source: CspSource, keyword: string): boolean => source.kind === 'keyword' && source.keyword === keyword;

/** Whether a host source belongs to the tested domain: the domain, a subdomain, or a parent sharing its base domain. */
function belongsTo(host: string, domain: string): boolean {
  const name = host.replace(/^\*\./, '').replace(/\.$/, '');
  if (!name.includes('.')) return false;
  return name === domain || name.endsWith(`.${domain}`) || domain.endsWith(`.${name}`);
}

/** `'none'` alone, or `'self'` with only `'report-sample'` and hosts of the tested domain beside it (rules 7 and 8). */
function restrictive(directive: CspDirective | undefined, domain: string): boolean {
  if (directive === undefined || directive.sources.length === 0) return false;
  const { sources } = directive;
  if (sources.length === 1 && isKeyword(sources[0] as CspSource, 'none')) return true;
  if (!sources.some((source) => isKeyword(source, 'self'))) return false;
  return sources.every(
    (source) =>
      isKeyword(source, 'self') || isKeyword(source, 'report-sample') || (source.kind === 'host' && belongsTo(source.host, domain)),
  );
}

/** Whether a directive allows `'self'`, `'none'` or some host (rules 9 and 10). */
const selfNoneOrHost = (directive: CspDirective | undefined): boolean =>
  directive?.sources.some((source) => isKeyword(source, 'self') || isKeyword(source, 'none') || source.kind === 'host') ?? false;

/**
 * Internet.nl's eleven CSP rules (spec §2.4) over a merged policy: every violation, once, in
 * rule order. An empty result means the policy passes.
 *
 * @param directives - the policy's directives (the first of each name)
 * @param domain - the tested domain, for the rules on restrictive `default-src` and `base-uri`
 */
export function cspRuleViolations(directives: readonly CspDirective[], domain: string): CspRuleViolation[] {
  const byName = new Map(directives.map((directive) => [directive.name, directive]));
  const sources = directives.flatMap((directive) => directive.sources);
  const found = new Set<CspRuleViolation>();
  for (const keyword of ['unsafe-inline', 'unsafe-eval', 'unsafe-hashes'] as const) {
    if (sources.some((source) => isKeyword(source, keyword))) found.add(`has-${keyword}`);
  }
  if (
    sources.some((source) => (source.kind === 'host' && source.scheme === 'http') || (source.kind === 'scheme' && source.scheme === 'http'))
  ) {
    found.add('has-http');
  }
  if (sources.some((source) => source.kind === 'scheme' && source.scheme === 'https')) found.add('has-bare-https');
  if (sources.some((source) => source.kind === 'host' && source.scheme === undefined && source.host !== '*')) {
    found.add('has-host-without-scheme');
  }
  const defaultSrc = byName.get('default-src');
  const hasData = (directive: CspDirective | undefined): boolean =>
    directive?.sources.some((source) => source.kind === 'scheme' && source.scheme === 'data') ?? false;
  if (hasData(byName.get('script-src') ?? defaultSrc) || hasData(byName.get('object-src') ?? defaultSrc)) found.add('has-data');
  if (sources.some((source) => source.kind === 'host' && (source.host === '*' || source.host === '127.0.0.1')))
    found.add('has-invalid-host');
  const defaultValid = restrictive(defaultSrc, domain);
  if (!defaultValid) found.add('missing-invalid-default-src');
  if (!restrictive(byName.get('base-uri'), domain)) found.add('missing-invalid-base-uri');
  if (!selfNoneOrHost(byName.get('form-action'))) found.add('missing-invalid-form-action');
  if (!selfNoneOrHost(byName.get('frame-src') ?? byName.get('child-src') ?? defaultSrc) && !defaultValid) {
    found.add('missing-invalid-frame-src');
  }
  const ancestors = byName.get('frame-ancestors');
  if (!(ancestors?.sources.some((source) => isKeyword(source, 'self') || isKeyword(source, 'none')) ?? false)) {
    found.add('missing-invalid-frame-ancestors');
  }
  return [...found];
}
