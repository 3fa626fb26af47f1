import { isSpfRecordText, parseSpf } from './parse.js';
import type { SpfMacroString } from './record.js';

/** An include or redirect target named by a record. */
export interface SpfTarget {
  /** How the record names it. */
  readonly via: 'include' | 'redirect';
  /** The term as written. */
  readonly term: string;
  /** The target domain, lowercase, without a trailing dot; `undefined` when it has macros. */
  readonly domain: string | undefined;
}

function literalDomain(value: SpfMacroString): string | undefined {
  if (value.parts.some((part) => part.kind === 'macro')) return undefined;
  return value.parts
    .map((part) => (part.kind === 'literal' ? part.text : ''))
    .join('')
    .toLowerCase()
    .replace(/\.$/, '');
}

/**
 * The include and redirect targets of an SPF record, in record order with the redirect last; the
 * redirect only when the record has no `all` (RFC 7208 §6.1). Nothing for a record that does not
 * parse.
 */
export function spfTargets(text: string): SpfTarget[] {
  if (!isSpfRecordText(text)) return [];
  const parsed = parseSpf(text);
  if (!parsed.ok) return [];
  const { record } = parsed;
  const targets: SpfTarget[] = [];
  for (const directive of record.directives) {
    if (directive.mechanism.kind === 'include') {
      targets.push({ via: 'include', term: directive.text, domain: literalDomain(directive.mechanism.domain) });
    }
  }
  const hasAll = record.directives.some((directive) => directive.mechanism.kind === 'all');
  if (record.redirect !== undefined && !hasAll) {
    targets.push({ via: 'redirect', term: record.redirect.text, domain: literalDomain(record.redirect.value) });
  }
  return targets;
}
