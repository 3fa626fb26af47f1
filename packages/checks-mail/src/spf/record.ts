/**
 * The shape of a parsed SPF record (RFC 7208 §4.6, §5, §6, §7): plain JSON-able data, so that
 * evidence and checks can carry it.
 */

/** A directive's qualifier (RFC 7208 §4.6.2); `+` when the record gives none. */
export type SpfQualifier = '+' | '-' | '~' | '?';

/** The macro letters of RFC 7208 §7.2; `c`, `r` and `t` are allowed only in explanation text. */
export type SpfMacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

/** One piece of a macro string: literal text, or a macro to expand. */
export type SpfMacroPart =
  | {
      /** Literal text, with `%%`, `%_` and `%-` already turned into `%`, a space and `%20`. */
      readonly kind: 'literal';
      readonly text: string;
    }
  | {
      /** `%{…}`: a macro to expand (RFC 7208 §7.3). */
      readonly kind: 'macro';
      /** The letter, lowercase. */
      readonly letter: SpfMacroLetter;
      /** The letter was uppercase: URL-escape the expansion. */
      readonly urlEscape: boolean;
      /** Keep this many right-hand parts (never 0). */
      readonly keep?: number;
      /** Reverse the parts first (`r`). */
      readonly reverse: boolean;
      /** The delimiters to split on; `.` when the macro names none. */
      readonly delimiters: string;
    };

/** A macro string (a domain-spec or explanation text) as written and as parsed. */
export interface SpfMacroString {
  /** The text as written in the record. */
  readonly text: string;
  /** Its pieces, in order. */
  readonly parts: readonly SpfMacroPart[];
}

/** A mechanism (RFC 7208 §5). */
export type SpfMechanism =
  | { readonly kind: 'all' }
  | {
      /** `include:` and `exists:` need a domain-spec. */
      readonly kind: 'include' | 'exists';
      readonly domain: SpfMacroString;
    }
  | {
      /** `a` and `mx`, with their optional domain-spec and dual CIDR lengths. */
      readonly kind: 'a' | 'mx';
      readonly domain?: SpfMacroString;
      /** The IPv4 prefix length, 32 when not given. */
      readonly ip4PrefixLength: number;
      /** The IPv6 prefix length, 128 when not given. */
      readonly ip6PrefixLength: number;
    }
  | { readonly kind: 'ptr'; readonly domain?: SpfMacroString }
  | {
      /** `ip4:` and `ip6:`: the network as written and its prefix length (32 or 128 when not given). */
      readonly kind: 'ip4' | 'ip6';
      readonly network: string;
      readonly prefixLength: number;
    };

/** A qualified mechanism. */
export interface SpfDirective {
  readonly type: 'directive';
  /** The qualifier; `+` when the record gives none. */
  readonly qualifier: SpfQualifier;
  /** The mechanism. */
  readonly mechanism: SpfMechanism;
  /** The term as written. */
  readonly text: string;
  /** Where the term starts in the record, 0-based. */
  readonly position: number;
}

/** A modifier (RFC 7208 §6): `redirect`, `exp` or one pastoe does not know (which it ignores). */
export interface SpfModifier {
  readonly type: 'modifier';
  /** The name, lowercase. */
  readonly name: string;
  /** The value: a domain-spec for `redirect` and `exp`, a macro string otherwise. */
  readonly value: SpfMacroString;
  /** The term as written. */
  readonly text: string;
  /** Where the term starts in the record, 0-based. */
  readonly position: number;
}

/** One term of a record. */
export type SpfTerm = SpfDirective | SpfModifier;

/** A syntactically valid SPF record. */
export interface SpfRecord {
  /** The record text as parsed. */
  readonly text: string;
  /** Every term, in order. */
  readonly terms: readonly SpfTerm[];
  /** The directives, in order. */
  readonly directives: readonly SpfDirective[];
  /** The `redirect=` modifier, when present. */
  readonly redirect?: SpfModifier;
  /** The `exp=` modifier, when present. */
  readonly exp?: SpfModifier;
}

/** Why a record does not parse: where, and what the grammar expected there. */
export interface SpfSyntaxError {
  /** The 0-based position in the text where the problem is. */
  readonly position: number;
  /** What the grammar expected at that position, e.g. `a CIDR length from 0 to 32`. */
  readonly expected: string;
  /** A one-line description with the offending term. */
  readonly message: string;
}

/** The outcome of {@link parseSpf}. */
export type SpfParseResult = { readonly ok: true; readonly record: SpfRecord } | { readonly ok: false; readonly error: SpfSyntaxError };
