/**
 * A parser for one serialized Content Security Policy (CSP Level 3 §2.2): its directives, and for
 * the directives that take a source list, each source expression classified by the grammar of §2.3.1.
 * Pure; problems are reported, never thrown.
 */

/** A source expression, classified. `text` is always the expression as written. */
export type CspSource =
  /** A keyword such as `'self'`, `'none'`, `'unsafe-inline'`; `keyword` is lowercased without quotes. */
  | { readonly kind: 'keyword'; readonly text: string; readonly keyword: string }
  /** `'nonce-<base64>'`. */
  | { readonly kind: 'nonce'; readonly text: string; readonly value: string }
  /** `'sha256-<base64>'`, `'sha384-…'` or `'sha512-…'`. */
  | { readonly kind: 'hash'; readonly text: string; readonly algorithm: 'sha256' | 'sha384' | 'sha512'; readonly value: string }
  /** A scheme-source such as `https:` or `data:`; `scheme` is lowercased without the colon. */
  | { readonly kind: 'scheme'; readonly text: string; readonly scheme: string }
  /**
   * A host-source: `[scheme://]host[:port][/path]`. `host` is lowercased (`*`, `*.example.nl`,
   * `example.nl`, `127.0.0.1`); `scheme` and `port` are absent when not written.
   */
  | {
      readonly kind: 'host';
      readonly text: string;
      readonly scheme?: string;
      readonly host: string;
      readonly port?: string;
      readonly path?: string;
    }
  /** Anything the grammar does not allow. */
  | { readonly kind: 'invalid'; readonly text: string };

/** One directive: its lowercased name, its values as written and, for source-list directives, its sources. */
export interface CspDirective {
  /** The name, lowercased (`default-src`). */
  readonly name: string;
  /** The values as written, split on whitespace. */
  readonly values: readonly string[];
  /** The classified sources, for directives whose value is a source list; empty otherwise. */
  readonly sources: readonly CspSource[];
}

/** What is wrong with a policy. */
export type CspProblemCode =
  /** A directive name that is not `1*( ALPHA / DIGIT / "-" )`. */
  | 'invalid-directive-name'
  /** A directive given again: browsers ignore the repeat (§2.2.1). */
  | 'duplicate-directive'
  /** A value in a source list that is no source expression. */
  | 'invalid-source'
  /** `'none'` together with other sources: the list then matches those sources and `'none'` has no effect (§2.3.1). */
  | 'none-with-others';

/** One problem, with the directive and value it concerns. */
export interface CspProblem {
  /** What is wrong. */
  readonly code: CspProblemCode;
  /** The directive, lowercased. */
  readonly directive: string;
  /** The offending value, for source problems. */
  readonly value?: string;
}

/** A parsed policy. */
export interface ParsedCsp {
  /** The directives in order, repeats left out (the first one counts). */
  readonly directives: readonly CspDirective[];
  /** What is wrong, in the order found. */
  readonly problems: readonly CspProblem[];
}

/** Directives whose value is a source list (fetch directives and the navigation/document ones that share the grammar). */
const sourceListDirectives: ReadonlySet<string> = new Set([
  'child-src',
  'connect-src',
  'default-src',
  'fenced-frame-src',
  'font-src',
  'frame-src',
  'img-src',
  'manifest-src',
  'media-src',
  'object-src',
  'prefetch-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'worker-src',
  'base-uri',
  'form-action',
  'frame-ancestors',
  'navigate-to',
]);

const keywords: ReadonlySet<string> = new Set([
  'self',
  'none',
  'unsafe-inline',
  'unsafe-eval',
  'unsafe-hashes',
  'unsafe-allow-redirects',
  'strict-dynamic',
  'report-sample',
  'wasm-unsafe-eval',
  'inline-speculation-rules',
  'trusted-types-eval',
  'report-sha256',
  'report-sha384',
  'report-sha512',
]);

const base64Value = '[A-Za-z0-9+/\\-_]+={0,2}';
const noncePattern = new RegExp(`^'nonce-(${base64Value})'$`, 'i');
const hashPattern = new RegExp(`^'(sha256|sha384|sha512)-(${base64Value})'$`, 'i');
const schemePattern = /^([A-Za-z][A-Za-z0-9+\-.]*):$/;
const hostPattern =
  /^(?:([A-Za-z][A-Za-z0-9+\-.]*):\/\/)?(\*|(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)(?::([0-9]+|\*))?(\/[^;,\s]*)?$/;

/**
 * Classifies one source expression by CSP Level 3 §2.3.1.
 *
 * @param text - the expression as written, e.g. `'self'`, `https:`, `https://cdn.example.nl:443/js/`
 */
export function classifyCspSource(text: string): CspSource {
  if (text.startsWith("'")) {
    const inner = text.slice(1, -1).toLowerCase();
    if (text.length > 2 && text.endsWith("'") && keywords.has(inner)) return { kind: 'keyword', text, keyword: inner };
    const nonce = noncePattern.exec(text);
    if (nonce !== null) return { kind: 'nonce', text, value: nonce[1] ?? '' };
    const hash = hashPattern.exec(text);
    if (hash !== null) {
      return { kind: 'hash', text, algorithm: (hash[1] ?? 'sha256').toLowerCase() as 'sha256' | 'sha384' | 'sha512', value: hash[2] ?? '' };
    }
    return { kind: 'invalid', text };
  }
  const scheme = schemePattern.exec(text);
  if (scheme !== null) return { kind: 'scheme', text, scheme: (scheme[1] ?? '').toLowerCase() };
  const host = hostPattern.exec(text);
  if (host !== null) {
    return {
      kind: 'host',
      text,
      ...(host[1] === undefined ? {} : { scheme: host[1].toLowerCase() }),
      host: (host[2] ?? '').toLowerCase(),
      ...(host[3] === undefined ? {} : { port: host[3] }),
      ...(host[4] === undefined ? {} : { path: host[4] }),
    };
  }
  return { kind: 'invalid', text };
}

/**
 * Parses one serialized policy (one Content-Security-Policy header value; a value holding several
 * comma-separated policies is not split here) by CSP Level 3 §2.2.1: directives separated by `;`,
 * names case-insensitive, values separated by ASCII whitespace, a repeated directive ignored.
 *
 * @param value - the header value, e.g. `default-src 'self'; frame-ancestors 'none'`
 * @returns the directives with their classified sources, and every problem found
 */
export function parseCsp(value: string): ParsedCsp {
  const directives: CspDirective[] = [];
  const problems: CspProblem[] = [];
  for (const token of value.split(';')) {
    const parts = token
      .trim()
      .split(/[\t\n\f\r ]+/)
      .filter((part) => part !== '');
    const [rawName, ...values] = parts;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (!/^[a-z0-9-]+$/.test(name)) {
      problems.push({ code: 'invalid-directive-name', directive: name });
      continue;
    }
    if (directives.some((d) => d.name === name)) {
      problems.push({ code: 'duplicate-directive', directive: name });
      continue;
    }
    const sources = sourceListDirectives.has(name) ? values.map(classifyCspSource) : [];
    for (const source of sources) {
      if (source.kind === 'invalid') problems.push({ code: 'invalid-source', directive: name, value: source.text });
    }
    if (sources.length > 1 && sources.some((s) => s.kind === 'keyword' && s.keyword === 'none')) {
      problems.push({ code: 'none-with-others', directive: name });
    }
    directives.push({ name, values, sources });
  }
  return { directives, problems };
}
