import { describe, expect, it } from 'vitest';
import { armor } from './openpgp-armor.js';
import { parseSecurityTxt, type SecurityTxt } from './parse.js';

const now = new Date('2026-03-01T12:00:00Z');
const url = 'https://example.test/.well-known/security.txt';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string | Uint8Array, extra: { url?: string } = { url }): SecurityTxt =>
  parseSecurityTxt(typeof text === 'string' ? bytes(text) : text, { now, ...extra });
const codes = (parsed: SecurityTxt) => ({
  errors: parsed.errors.map(({ code, line }) => `${code}@${line ?? '-'}`),
  recommendations: parsed.recommendations.map(({ code, line }) => `${code}@${line ?? '-'}`),
  notifications: parsed.notifications.map(({ code, line }) => `${code}@${line ?? '-'}`),
});

const good = [
  'Contact: mailto:security@example.test',
  'Contact: https://example.test/report',
  'Expires: 2026-09-01T00:00:00Z',
  'Encryption: https://example.test/pgp-key.txt',
  'Preferred-Languages: nl, en-GB',
  `Canonical: ${url}`,
  'Policy: https://example.test/policy',
  '',
].join('\n');

/** A v4 signature packet that reads (RSA, SHA-256, no subpackets), to wrap in a cleartext frame. */
const signaturePacket = Uint8Array.of(0xc2, 13, 4, 1, 1, 8, 0, 0, 0, 0, 0xab, 0xcd, 0, 1, 1);
const signed = (text: string, signature = armor('SIGNATURE', signaturePacket)): string =>
  `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n${text}${signature}`;

describe('parseSecurityTxt', () => {
  it('reads a complete file into its fields, with only the signature recommended', () => {
    const parsed = parse(good);
    expect(parsed).toMatchObject({
      contact: ['mailto:security@example.test', 'https://example.test/report'],
      expires: '2026-09-01T00:00:00Z',
      encryption: ['https://example.test/pgp-key.txt'],
      preferredLanguages: ['nl', 'en-GB'],
      canonical: [url],
      policy: ['https://example.test/policy'],
      signed: false,
      truncated: false,
    });
    expect(codes(parsed)).toEqual({ errors: [], recommendations: ['not_signed@-'], notifications: [] });
  });

  it('reports missing, repeated, malformed, expired and far Expires', () => {
    expect(codes(parse('Contact: mailto:a@b.test\n')).errors).toEqual(['no_expire@-']);
    expect(codes(parse('Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\nExpires: 2026-08-01T00:00:00Z\n')).errors).toEqual([
      'multi_expire@3',
    ]);
    expect(codes(parse('Contact: tel:+31\nExpires: 1 September 2026\n')).errors).toEqual(['invalid_expiry@2']);
    expect(codes(parse('Contact: tel:+31\nExpires: 2026-02-30T00:00:00Z\n')).errors).toEqual(['invalid_expiry@2']);
    expect(codes(parse('Contact: tel:+31\nExpires: 2026-02-01T00:00:00+01:00\n')).errors).toEqual(['expired@2']);
    expect(codes(parse('Contact: tel:+31\nExpires: 2027-03-02T00:00:00Z\n')).recommendations).toEqual(['long_expiry@2', 'not_signed@-']);
    expect(codes(parse('Contact: tel:+31\nExpires: 2027-02-28T23:59:59.5-01:00\n')).recommendations).toEqual(['not_signed@-']);
  });

  it('reports a missing Contact, URIs without a scheme or over http, and mailto without Encryption', () => {
    expect(codes(parse('Expires: 2026-09-01T00:00:00Z\n')).errors).toEqual(['no_contact@-']);
    const parsed = parse(
      'Contact: security@example.test\nContact: http://example.test/\nExpires: 2026-09-01T00:00:00Z\nContact: mailto:x@example.test\n',
    );
    expect(codes(parsed)).toEqual({
      errors: ['no_uri@1', 'no_https@2'],
      recommendations: ['no_encryption@-', 'not_signed@-'],
      notifications: [],
    });
  });

  it('requires the final URL among the Canonical fields, when there are any', () => {
    const text = 'Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\nCanonical: https://other.test/.well-known/security.txt\n';
    expect(codes(parse(text)).errors).toEqual(['no_canonical_match@-']);
    expect(codes(parse(text, { url: 'https://OTHER.test:443/.well-known/security.txt' })).errors).toEqual([]);
    expect(codes(parse(text, {})).errors).toEqual([]);
  });

  it('checks Preferred-Languages: one field of RFC 5646 tags', () => {
    const base = 'Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\n';
    expect(codes(parse(`${base}Preferred-Languages: nl, zh-Hant-TW, x-private, i-klingon, de-CH-1996\n`)).errors).toEqual([]);
    expect(codes(parse(`${base}Preferred-Languages: nl; en\n`)).errors).toEqual(['invalid_lang@3']);
    expect(codes(parse(`${base}Preferred-Languages: en_GB\nPreferred-Languages: nl\n`)).errors).toEqual(['invalid_lang@3', 'multi_lang@4']);
  });

  it('reports every line syntax error on its line', () => {
    const text = [
      'Contact : tel:+31',
      'Contact:tel:+32',
      ': value',
      'Policy: ',
      'just words',
      '# a comment: fine',
      ' Contact: tel:+33',
      'Expires: 2026-09-01T00:00:00Z',
    ].join('\n');
    expect(codes(parse(text)).errors).toEqual([
      'prec_ws@1',
      'no_space@2',
      'empty_key@3',
      'empty_value@4',
      'invalid_line@5',
      'invalid_line@7',
      'no_line_separators@8',
    ]);
    expect(parse(text).contact).toEqual(['tel:+31', 'tel:+32']);
  });

  it('accepts CRLF line ends and notes unknown fields', () => {
    const parsed = parse('Contact: tel:+31\r\nExpires: 2026-09-01T00:00:00Z\r\nX-Bounty: none\r\n');
    expect(codes(parsed)).toEqual({ errors: [], recommendations: ['not_signed@-'], notifications: ['unknown_field@3'] });
    expect(parsed.unknownFields).toEqual([{ name: 'X-Bounty', value: 'none', line: 3 }]);
  });

  it('checks CSAF fields: a provider-metadata.json, recommended once', () => {
    const base = 'Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\n';
    const parsed = parse(
      `${base}CSAF: https://example.test/.well-known/csaf/provider-metadata.json\nCSAF: https://example.test/csaf/index.html\n`,
    );
    expect(codes(parsed)).toEqual({
      errors: ['no_csaf_file@4'],
      recommendations: ['multiple_csaf_fields@4', 'not_signed@-'],
      notifications: [],
    });
  });

  it('reports a BOM, invalid UTF-8 and an empty file', () => {
    const text = bytes('Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\n');
    expect(codes(parse(Uint8Array.of(0xef, 0xbb, 0xbf, ...text))).errors).toEqual(['bom_in_file@1']);
    expect(codes(parse(Uint8Array.of(...text, 0x23, 0xff, 0x0a))).errors).toEqual(['utf8@-']);
    expect(codes(parse('')).errors).toEqual(['no_expire@-', 'no_contact@-']);
  });

  it('reads no more than 100 KB', () => {
    const parsed = parse(`Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\n${'# filler\n'.repeat(20_000)}`);
    expect(parsed.truncated).toBe(true);
    expect(codes(parsed).errors).toEqual(['no_line_separators@11375']);
  });

  it('validates the signed text of a cleartext-signed file, dash-escaping undone', () => {
    const parsed = parse(signed(`Contact: tel:+31\n- Expires: 2026-09-01T00:00:00Z\nCanonical: ${url}\n`));
    expect(parsed.signed).toBe(true);
    expect(parsed.expires).toBe('2026-09-01T00:00:00Z');
    expect(parsed.signature).toMatchObject({
      hashHeaders: ['SHA256'],
      signedText: `Contact: tel:+31\r\nExpires: 2026-09-01T00:00:00Z\r\nCanonical: ${url}`,
      version: 4,
    });
    expect(codes(parsed)).toEqual({ errors: [], recommendations: [], notifications: [] });
    expect(codes(parse(signed('Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\n'))).recommendations).toEqual(['no_canonical@-']);
  });

  it('reports signature framework problems', () => {
    const body = 'Contact: tel:+31\nExpires: 2026-09-01T00:00:00Z\n';
    expect(codes(parse(`# first\n${signed(body)}`)).errors).toContain('signed_format_issue@2');
    expect(codes(parse(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n${body}`)).errors).toEqual([
      'signed_format_issue@3',
      'signed_format_issue@-',
    ]);
    expect(codes(parse(`${signed(body)}Contact: tel:+32\n`)).errors).toEqual(['data_after_sig@11']);
    expect(codes(parse(signed(body, '-----BEGIN PGP SIGNATURE-----\n\n!!!\n-----END PGP SIGNATURE-----\n'))).errors).toEqual([
      'pgp_data_error@6',
    ]);
    expect(codes(parse(signed(body, '-----BEGIN PGP SIGNATURE-----\n\nwsA=\n'))).errors).toEqual(['pgp_data_error@6']);
    expect(codes(parse(signed(body, armor('SIGNATURE', Uint8Array.of(0xc2, 3, 9, 9, 9))))).errors).toEqual(['pgp_error@6']);
    const badChecksum = armor('SIGNATURE', signaturePacket).replace(/=(....)\n/, '=AAAA\n');
    expect(codes(parse(signed(body, badChecksum))).errors).toEqual(['pgp_data_error@6']);
  });
});
