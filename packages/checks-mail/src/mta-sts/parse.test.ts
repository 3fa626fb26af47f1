import { describe, expect, it } from 'vitest';
import { isMtaStsRecordText, parseMtaStsRecord } from './record.js';
import { mtaStsPolicyMaxBytes, mxMatchesPolicy, parseMtaStsPolicy } from './policy.js';

const codes = (result: { errors: readonly { code: string }[] }): string[] => result.errors.map((error) => error.code);

describe('parseMtaStsRecord', () => {
  it('reads the id and keeps extensions, with or without a trailing semicolon and spaces', () => {
    expect(parseMtaStsRecord('v=STSv1; id=20160831085700Z;')).toEqual({
      valid: true,
      record: { id: '20160831085700Z', extensions: [] },
      errors: [],
    });
    expect(parseMtaStsRecord('v=STSv1 ;id=abc\t; ext.1=x')).toMatchObject({
      valid: true,
      record: { id: 'abc', extensions: [{ name: 'ext.1', value: 'x' }] },
    });
  });

  it('rejects a wrong version, a missing, long, odd or repeated id and malformed fields', () => {
    expect(codes(parseMtaStsRecord('v=STSv2; id=1'))).toEqual(['version']);
    expect(codes(parseMtaStsRecord(' v=STSv1; id=1'))).toEqual(['version']);
    expect(codes(parseMtaStsRecord('v=stsv1; id=1'))).toEqual(['version']);
    expect(codes(parseMtaStsRecord('v=STSv1;'))).toEqual(['missing-id']);
    expect(codes(parseMtaStsRecord(`v=STSv1; id=${'a'.repeat(33)}`))).toEqual(['invalid-id']);
    expect(codes(parseMtaStsRecord('v=STSv1; id=2024-01-01'))).toEqual(['invalid-id']);
    expect(codes(parseMtaStsRecord('v=STSv1; id=a; id=b'))).toEqual(['duplicate-field']);
    expect(codes(parseMtaStsRecord('v=STSv1; id=a;; x=1'))).toEqual(['empty-field']);
    expect(codes(parseMtaStsRecord('v=STSv1; id=a; oops'))).toEqual(['malformed-field']);
    expect(codes(parseMtaStsRecord('v=STSv1; id=a; x=a b'))).toEqual(['invalid-extension']);
    expect(codes(parseMtaStsRecord(`v=STSv1; id=a; x=${'y'.repeat(9000)}`))).toEqual(['too-long']);
  });

  it('counts as a record only text that begins with v=STSv1 and a semicolon (or nothing)', () => {
    expect(isMtaStsRecordText('v=STSv1; id=1')).toBe(true);
    expect(isMtaStsRecordText('v=STSv1 ; id=1')).toBe(true);
    expect(isMtaStsRecordText('v=STSv1')).toBe(true);
    expect(isMtaStsRecordText('v=STSv10; id=1')).toBe(false);
    expect(isMtaStsRecordText('google-site-verification=x')).toBe(false);
  });
});

describe('parseMtaStsPolicy', () => {
  const good = 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n';

  it('reads a CRLF policy and the same with LF, unknown keys kept as extensions', () => {
    const expected = {
      valid: true,
      policy: { version: 'STSv1', mode: 'enforce', maxAge: 604800, mx: ['mail.example.com', '*.example.net'], extensions: [] },
      errors: [],
      warnings: [],
    };
    expect(parseMtaStsPolicy(good)).toEqual(expected);
    expect(parseMtaStsPolicy(good.replaceAll('\r\n', '\n').trimEnd())).toEqual(expected);
    expect(parseMtaStsPolicy(`${good}future_key:  some value \n`).policy?.extensions).toEqual([{ key: 'future_key', value: 'some value' }]);
  });

  it('lets mode none go without mx, and accepts blank lines with a warning', () => {
    const none = parseMtaStsPolicy('version: STSv1\nmode: none\n\nmax_age: 0\n');
    expect(none).toMatchObject({ valid: true, policy: { mode: 'none', maxAge: 0, mx: [] } });
    expect(none.warnings).toEqual([{ code: 'blank-line', line: 3, message: 'line 3 is blank' }]);
  });

  it('names each error with its line', () => {
    const bad = parseMtaStsPolicy('version: STSv2\nmode: Enforce\nmax_age: 31557601\nmx: bad_host.example\nmx: *.*.example\nnonsense\n');
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((e) => [e.code, e.line])).toEqual([
      ['malformed-line', 6],
      ['invalid-version', 1],
      ['invalid-mode', 2],
      ['max-age-too-large', 3],
      ['invalid-mx', 4],
      ['invalid-mx', 5],
    ]);
  });

  it('requires version, mode and max_age once each, and mx unless mode none', () => {
    expect(codes(parseMtaStsPolicy('mode: enforce\nmx: a.example\n'))).toEqual(['missing-field', 'missing-field']);
    expect(codes(parseMtaStsPolicy('version: STSv1\nmode: testing\nmax_age: 86400\n'))).toEqual(['missing-mx']);
    expect(codes(parseMtaStsPolicy('version: STSv1\nmode: testing\nmode: enforce\nmax_age: 1\nmx: a.example\n'))).toEqual([
      'duplicate-field',
    ]);
    expect(codes(parseMtaStsPolicy('version: STSv1\nmode: testing\nmax_age: -1\nmx: a.example\n'))).toEqual(['invalid-max-age']);
    expect(codes(parseMtaStsPolicy('version: STSv1\nmode: testing\nmax_age: 12345678901\nmx: a.example\n'))).toEqual(['invalid-max-age']);
    expect(codes(parseMtaStsPolicy('Version: STSv1\nmode: testing\nmax_age: 1\nmx: a.example\n'))).toEqual(['missing-field']);
  });

  it('refuses control characters, a lone CR included, and text over 64 KiB', () => {
    expect(codes(parseMtaStsPolicy('version: STSv1\rmode: enforce\nmax_age: 1\nmx: a.example\n'))).toContain('invalid-character');
    const huge = `version: STSv1\nmode: enforce\nmax_age: 1\nmx: a.example\n${'x: y\n'.repeat(mtaStsPolicyMaxBytes / 5)}`;
    expect(codes(parseMtaStsPolicy(huge))).toEqual(['too-large']);
  });
});

describe('mxMatchesPolicy', () => {
  it('matches names exactly, without case or trailing dot', () => {
    expect(mxMatchesPolicy('Mail.Example.com.', ['mail.example.com'])).toBe(true);
    expect(mxMatchesPolicy('mail2.example.com', ['mail.example.com'])).toBe(false);
  });

  it('matches a wildcard on exactly one leftmost label', () => {
    const patterns = ['*.example.com'];
    expect(mxMatchesPolicy('mx1.example.com', patterns)).toBe(true);
    expect(mxMatchesPolicy('example.com', patterns)).toBe(false);
    expect(mxMatchesPolicy('a.b.example.com', patterns)).toBe(false);
    expect(mxMatchesPolicy('mx1.notexample.com', patterns)).toBe(false);
    expect(mxMatchesPolicy('.example.com', patterns)).toBe(false);
  });
});
