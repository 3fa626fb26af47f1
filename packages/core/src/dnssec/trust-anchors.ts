import { keyTag } from './keytag.js';
import { canonicalName, nameFromLabels, parseName } from './names.js';
import { concatBytes, fromBase64, fromHex, toHex } from './rdata.js';

/**
 * The IANA root zone trust anchors (https://data.iana.org/root-anchors/root-anchors.xml):
 * KSK-2017 (key tag 20326) and KSK-2024 (key tag 38696), both RSA/SHA-256 with SHA-256 digests.
 * Both are built in so that the root KSK rollover from 2017 to 2024 needs no new pastoe release.
 */
export const ianaRootTrustAnchors = [
  '. IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D',
  '. IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16',
].join('\n');

/** A DS trust anchor. */
export interface DsAnchor {
  /** The key tag. */
  readonly keyTag: number;
  /** The DNSKEY algorithm. */
  readonly algorithm: number;
  /** The digest type. */
  readonly digestType: number;
  /** The digest. */
  readonly digest: Uint8Array;
}

/** A DNSKEY trust anchor. */
export interface DnskeyAnchor {
  /** The key tag of the key. */
  readonly keyTag: number;
  /** The algorithm. */
  readonly algorithm: number;
  /** The DNSKEY RDATA (flags, protocol, algorithm, key). */
  readonly rdata: Uint8Array;
}

/** The trust anchors of one zone. */
export interface ZoneTrustAnchor {
  /** The zone, as a canonical name key (`''` for the root). */
  readonly zone: string;
  /** DS anchors. */
  readonly ds: readonly DsAnchor[];
  /** DNSKEY anchors. */
  readonly dnskeys: readonly DnskeyAnchor[];
}

/** An error in trust anchor text, with the line it is on. */
export class TrustAnchorSyntaxError extends Error {
  /** The 1-based line number. */
  readonly line: number;

  /**
   * @param message - what is wrong
   * @param line - the 1-based line number
   */
  constructor(message: string, line: number) {
    super(`trust anchors, line ${line}: ${message}`);
    this.name = 'TrustAnchorSyntaxError';
    this.line = line;
  }
}

interface Entry {
  readonly tokens: string[];
  readonly line: number;
  readonly startsWithBlank: boolean;
}

/** Splits zone-file text into entries: comments dropped, parenthesised continuations joined. */
function entries(text: string): Entry[] {
  const out: Entry[] = [];
  let current: Entry | undefined;
  let depth = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    let content = '';
    let quoted = false;
    for (const char of raw) {
      if (char === '"') quoted = !quoted;
      if (char === ';' && !quoted) break;
      content += char;
    }
    const opens = (content.match(/\(/g) ?? []).length;
    const closes = (content.match(/\)/g) ?? []).length;
    const tokens = content
      .replace(/[()]/g, ' ')
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '');
    if (depth > 0 && current !== undefined) {
      current.tokens.push(...tokens);
    } else if (tokens.length > 0) {
      current = { tokens, line, startsWithBlank: /^\s/.test(content) };
      out.push(current);
    }
    depth += opens - closes;
    if (depth < 0) throw new TrustAnchorSyntaxError('unbalanced ")"', line);
  });
  if (depth !== 0) throw new TrustAnchorSyntaxError('unbalanced "("', text.split(/\r?\n/).length);
  return out;
}

function absolute(name: string, origin: string, line: number): string {
  let full: string;
  if (name === '@') full = origin;
  else if (/(^|[^\\])\.$/.test(name) || name === '.') full = name;
  else full = origin === '' ? name : `${name}.${origin}`;
  const key = canonicalName(full);
  if (key === undefined) throw new TrustAnchorSyntaxError(`invalid name "${name}"`, line);
  return key;
}

function integer(token: string | undefined, max: number, what: string, line: number): number {
  if (token === undefined || !/^[0-9]+$/.test(token) || Number(token) > max) {
    throw new TrustAnchorSyntaxError(`invalid ${what} "${token ?? ''}"`, line);
  }
  return Number(token);
}

/**
 * Parses trust anchors in zone-file syntax, as Unbound's `trust-anchor-file` holds them: DS and
 * DNSKEY records in presentation form, with optional TTL and class, `;` comments, parentheses
 * and `$ORIGIN`/`$TTL` directives. Throws {@link TrustAnchorSyntaxError} on anything else, so
 * that a typo in a configured anchor is reported instead of silently making every answer insecure.
 */
export function parseTrustAnchors(text: string): ZoneTrustAnchor[] {
  const zones = new Map<string, { ds: DsAnchor[]; dnskeys: DnskeyAnchor[] }>();
  let origin = '';
  let previousOwner: string | undefined;
  for (const { tokens, line, startsWithBlank } of entries(text)) {
    const first = tokens[0] ?? '';
    if (first.toUpperCase() === '$ORIGIN') {
      origin = absolute(tokens[1] ?? '', '', line);
      continue;
    }
    if (first.toUpperCase() === '$TTL') continue;
    if (first.startsWith('$')) throw new TrustAnchorSyntaxError(`unsupported directive ${first}`, line);
    let rest = tokens;
    let owner: string;
    if (startsWithBlank) {
      if (previousOwner === undefined) throw new TrustAnchorSyntaxError('record without owner', line);
      owner = previousOwner;
    } else {
      owner = absolute(first, origin, line);
      rest = tokens.slice(1);
    }
    previousOwner = owner;
    // Skip an optional TTL and class, in either order (RFC 1035 §5.1).
    while (rest.length > 0 && (/^[0-9]+$/.test(rest[0] ?? '') || /^(IN|CH|HS|CLASS[0-9]+)$/i.test(rest[0] ?? ''))) {
      if (/^(CH|HS|CLASS[0-9]+)$/i.test(rest[0] ?? '') && !/^CLASS0*1$/i.test(rest[0] ?? '')) {
        throw new TrustAnchorSyntaxError(`class ${rest[0]} is not IN`, line);
      }
      rest = rest.slice(1);
    }
    const type = (rest[0] ?? '').toUpperCase();
    const fields = rest.slice(1);
    const zone = zones.get(owner) ?? { ds: [], dnskeys: [] };
    if (type === 'DS') {
      const digest = fromHex(fields.slice(3).join(''));
      if (digest === undefined || digest.length === 0) throw new TrustAnchorSyntaxError('invalid DS digest', line);
      zone.ds.push({
        keyTag: integer(fields[0], 0xffff, 'key tag', line),
        algorithm: integer(fields[1], 0xff, 'algorithm', line),
        digestType: integer(fields[2], 0xff, 'digest type', line),
        digest,
      });
    } else if (type === 'DNSKEY') {
      const flags = integer(fields[0], 0xffff, 'flags', line);
      const protocol = integer(fields[1], 0xff, 'protocol', line);
      const algorithm = integer(fields[2], 0xff, 'algorithm', line);
      const key = fromBase64(fields.slice(3).join(''));
      if (key === undefined || key.length === 0) throw new TrustAnchorSyntaxError('invalid DNSKEY public key', line);
      const rdata = concatBytes([Uint8Array.of(flags >> 8, flags & 0xff, protocol, algorithm), key]);
      zone.dnskeys.push({ keyTag: keyTag(rdata), algorithm, rdata });
    } else {
      throw new TrustAnchorSyntaxError(`expected a DS or DNSKEY record, found "${rest[0] ?? ''}"`, line);
    }
    zones.set(owner, zone);
  }
  return [...zones.entries()].map(([zone, anchor]) => ({ zone, ds: anchor.ds, dnskeys: anchor.dnskeys }));
}

/** The closest anchor at or above a name, or `undefined` when none covers it. */
export function closestTrustAnchor(anchors: readonly ZoneTrustAnchor[], name: string): ZoneTrustAnchor | undefined {
  const labels = parseName(name) ?? [];
  for (let i = 0; i <= labels.length; i++) {
    const candidate = nameFromLabels(labels.slice(i));
    const anchor = anchors.find((a) => a.zone === candidate);
    if (anchor !== undefined) return anchor;
  }
  return undefined;
}

/** Trust anchors in presentation form, one line each: `<zone> DS <tag> <alg> <digest type> <hex>` or `<zone> DNSKEY <tag> <alg>`. */
export function describeTrustAnchors(anchors: readonly ZoneTrustAnchor[]): string[] {
  return anchors.flatMap((anchor) => {
    const zone = anchor.zone === '' ? '.' : anchor.zone.endsWith('.') ? anchor.zone : `${anchor.zone}.`;
    return [
      ...anchor.ds.map((ds) => `${zone} DS ${ds.keyTag} ${ds.algorithm} ${ds.digestType} ${toHex(ds.digest)}`),
      ...anchor.dnskeys.map((key) => `${zone} DNSKEY ${key.keyTag} ${key.algorithm}`),
    ];
  });
}
