import { describe, expect, it } from 'vitest';
import { expandSpfMacros, type SpfMacroValues, truncateDomain } from './macro.js';
import { isSpfRecordText, maxSpfRecordLength, parseSpf, parseSpfMacroString } from './parse.js';

function errorOf(text: string) {
  const parsed = parseSpf(text);
  if (parsed.ok) throw new Error(`expected a syntax error for ${text}`);
  return parsed.error;
}

describe('parseSpf', () => {
  it('reads every mechanism with its qualifier, domain-spec and dual CIDR lengths, and the modifiers', () => {
    const parsed = parseSpf(
      'v=spf1  +a -mx:mail.example.com/24//64 ~ptr ?ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{ir}.x.example include:_spf.example.net all redirect=other.example exp=why.%{d} foo=bar ',
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { record } = parsed;
    expect(record.directives.map((d) => `${d.qualifier}${d.mechanism.kind}`)).toEqual([
      '+a',
      '-mx',
      '~ptr',
      '?ip4',
      '+ip6',
      '+exists',
      '+include',
      '+all',
    ]);
    expect(record.directives[1]?.mechanism).toMatchObject({
      kind: 'mx',
      domain: { text: 'mail.example.com' },
      ip4PrefixLength: 24,
      ip6PrefixLength: 64,
    });
    expect(record.directives[0]?.mechanism).toEqual({ kind: 'a', ip4PrefixLength: 32, ip6PrefixLength: 128 });
    expect(record.directives[4]?.mechanism).toEqual({ kind: 'ip6', network: '2001:db8::', prefixLength: 32 });
    expect(record.directives[5]?.mechanism).toMatchObject({
      domain: {
        parts: [
          { kind: 'macro', letter: 'i', reverse: true, delimiters: '.', urlEscape: false },
          { kind: 'literal', text: '.x.example' },
        ],
      },
    });
    expect(record.redirect?.value.text).toBe('other.example');
    expect(record.exp?.value.text).toBe('why.%{d}');
    expect(record.terms.at(-1)).toMatchObject({ type: 'modifier', name: 'foo', position: 168 });
    expect(record.directives[1]?.position).toBe(11);
  });

  it('accepts a bare version, mixed case, and a "/" inside a domain-spec', () => {
    expect(parseSpf('v=spf1').ok).toBe(true);
    expect(parseSpf('V=SpF1 A:Example.COM -ALL').ok).toBe(true);
    expect(parseSpf('v=spf1 a:foo:bar/baz.example.com').ok).toBe(true);
    expect(parseSpf('v=spf1 a:%{d}').ok).toBe(true);
  });

  it('says where each error is and what was expected', () => {
    expect(errorOf('v=spf10 -all')).toMatchObject({ position: 0, expected: '"v=spf1" followed by a space or the end' });
    expect(errorOf('v=spf1 -al')).toMatchObject({ position: 8, message: 'unknown mechanism "al"' });
    expect(errorOf('v=spf1 ip4:192.0.2.0/33')).toMatchObject({ position: 21, expected: 'an IPv4 CIDR length from 0 to 32' });
    expect(errorOf('v=spf1 ip4:192.0.2.300')).toMatchObject({ position: 11, expected: 'an IPv4 address' });
    expect(errorOf('v=spf1 mx//129')).toMatchObject({ position: 11, expected: 'an IPv6 CIDR length from 0 to 128' });
    expect(errorOf('v=spf1 a:1.2.3.4')).toMatchObject({ expected: 'a domain ending in "." and a top label with a letter, or in a macro' });
    expect(errorOf('v=spf1 exists:%{c}.example.com')).toMatchObject({ position: 16 });
    expect(errorOf('v=spf1 exists:%{d0}.example.com')).toMatchObject({ position: 17, expected: 'a non-zero transformer' });
    expect(errorOf('v=spf1 exists:%{x}.example.com').expected).toBe('a macro letter (s l o d i p h c r t v)');
    expect(errorOf('v=spf1 exists:%{d.example.com').expected).toBe('a delimiter (. - + , / _ =) or "}"');
    expect(errorOf('v=spf1 a:100%.example.com').position).toBe(13);
    expect(errorOf('v=spf1 redirect=a.example redirect=b.example')).toMatchObject({
      position: 26,
      expected: 'at most one "redirect=" modifier',
    });
    expect(errorOf('v=spf1 include')).toMatchObject({ expected: '":" and a domain-spec' });
    expect(errorOf('v=spf1 a:ctrl.example.com\rptr -all').expected).toBe('a printable ASCII character');
    expect(errorOf('v=spf1 -all;').message).toBe('unexpected ";" after "all"');
    expect(errorOf(`v=spf1 ${'a '.repeat(maxSpfRecordLength)}`).expected).toBe(`at most ${maxSpfRecordLength} characters`);
  });

  it('selects records by version exactly', () => {
    expect(isSpfRecordText('v=spf1')).toBe(true);
    expect(isSpfRecordText('V=SPF1 -all')).toBe(true);
    expect(isSpfRecordText('v=spf10')).toBe(false);
    expect(isSpfRecordText('spf2.0/pra -all')).toBe(false);
  });
});

describe('macros', () => {
  const values: SpfMacroValues = {
    s: 'strong-bad@email.example.com',
    l: 'strong-bad',
    o: 'email.example.com',
    d: 'email.example.com',
    i: '192.0.2.3',
    p: 'unknown',
    v: 'in-addr',
    h: 'mx.example.org',
    c: '192.0.2.3',
    r: 'unknown',
    t: '0',
  };
  const expand = (text: string, explanation = false): string => {
    const parsed = parseSpfMacroString(text, { explanation });
    if (!parsed.ok) throw new Error(parsed.error.message);
    return expandSpfMacros(parsed.value, values);
  };

  it('expands the examples of RFC 7208 §7.4', () => {
    expect(expand('%{s}')).toBe('strong-bad@email.example.com');
    expect(expand('%{o}')).toBe('email.example.com');
    expect(expand('%{d4}')).toBe('email.example.com');
    expect(expand('%{d2}')).toBe('example.com');
    expect(expand('%{d1}')).toBe('com');
    expect(expand('%{dr}')).toBe('com.example.email');
    expect(expand('%{d2r}')).toBe('example.email');
    expect(expand('%{l}')).toBe('strong-bad');
    expect(expand('%{l-}')).toBe('strong.bad');
    expect(expand('%{lr}')).toBe('strong-bad');
    expect(expand('%{lr-}')).toBe('bad.strong');
    expect(expand('%{l1r-}')).toBe('strong');
    expect(expand('%{ir}.%{v}._spf.%{d2}')).toBe('3.2.0.192.in-addr._spf.example.com');
    expect(expand('%{lr-}.lp._spf.%{d2}')).toBe('bad.strong.lp._spf.example.com');
  });

  it('turns %%, %_ and %- into "%", a space and "%20", and URL-escapes uppercase letters', () => {
    expect(expand('a%%b%_c%-d')).toBe('a%b c%20d');
    expect(expand('%{S}')).toBe('strong-bad%40email.example.com');
    expect(expand('from %{c} at %{t}', true)).toBe('from 192.0.2.3 at 0');
  });

  it('refuses c, r and t outside explanations, and cuts long names from the left', () => {
    expect(parseSpfMacroString('%{c}').ok).toBe(false);
    expect(truncateDomain(`${'a.'.repeat(200)}example.com.`)).toHaveLength(253);
  });
});
