import { describe, expect, it } from 'vitest';
import { csvField, csvText } from './cell.js';

describe('csvField', () => {
  it('quotes a field with a comma, a quote, CR or LF, doubling its quotes (RFC 4180)', () => {
    expect(csvField('plain.nl')).toBe('plain.nl');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('prefixes a cell that starts with a formula character with a single quote (OWASP)', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes numbers as they are and nothing as an empty field', () => {
    expect(csvField(98)).toBe('98');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('csvText', () => {
  it('ends every record, the last included, with CRLF', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['1', 2],
          ['x,y', null],
        ],
      ),
    ).toBe('a,b\r\n1,2\r\n"x,y",\r\n');
  });
});
