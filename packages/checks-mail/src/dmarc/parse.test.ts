import { describe, expect, it } from 'vitest';
import { type DmarcRuleset, dmarcMaxTags, dmarcRecordMaxLength, parseDmarc } from './parse.js';

const errorCodes = (text: string, ruleset: DmarcRuleset = 'rfc7489') => parseDmarc(text, { ruleset }).errors.map((e) => e.code);
const warningCodes = (text: string, ruleset: DmarcRuleset = 'rfc7489') => parseDmarc(text, { ruleset }).warnings.map((w) => w.code);

describe('parseDmarc by RFC 7489', () => {
  it('reads every tag of a full record, whitespace around separators and case of names and values aside', () => {
    const parsed = parseDmarc(
      'v=DMARC1 ; P = Reject;sp=quarantine; np=none; ADKIM=s; aspf=r; rua=mailto:agg@example.nl!10m, mailto:x@report.test; ' +
        'ruf=mailto:fail@example.nl; fo=0:1 : d:s; pct=100; rf=afrf; ri=3600;',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.valid).toBe(true);
    expect(parsed.record).toEqual({
      p: 'reject',
      sp: 'quarantine',
      np: 'none',
      adkim: 's',
      aspf: 'r',
      rua: [
        { uri: 'mailto:agg@example.nl', scheme: 'mailto', address: 'agg@example.nl', host: 'example.nl', sizeLimit: 10 * 2 ** 20 },
        { uri: 'mailto:x@report.test', scheme: 'mailto', address: 'x@report.test', host: 'report.test' },
      ],
      ruf: [{ uri: 'mailto:fail@example.nl', scheme: 'mailto', address: 'fail@example.nl', host: 'example.nl' }],
      fo: ['0', '1', 'd', 's'],
      pct: 100,
      rf: ['afrf'],
      ri: 3600,
    });
    expect(parsed.tags.map((tag) => tag.name)).toEqual(['p', 'sp', 'np', 'adkim', 'aspf', 'rua', 'ruf', 'fo', 'pct', 'rf', 'ri']);
  });

  it('requires v=DMARC1 first, in uppercase, followed by ";"', () => {
    expect(errorCodes('p=reject; v=DMARC1')).toEqual(['not-dmarc']);
    expect(errorCodes('v=DMARC2; p=reject')).toEqual(['invalid-version']);
    expect(errorCodes('v=dmarc1; p=reject')).toEqual(['version-case']);
    expect(errorCodes('V=DMARC1; p=reject')).toEqual([]);
    expect(errorCodes('v=DMARC1')).toEqual(['missing-separator', 'missing-p']);
    expect(errorCodes(' v=DMARC1; p=reject')).toEqual(['leading-whitespace']);
    expect(parseDmarc('v=DMARC1; p=reject').valid).toBe(true);
  });

  it('requires p, right after v', () => {
    expect(errorCodes('v=DMARC1;')).toEqual(['missing-p']);
    expect(errorCodes('v=DMARC1; sp=reject')).toEqual(['missing-p']);
    expect(errorCodes('v=DMARC1; rua=mailto:a@example.nl; p=reject')).toEqual(['p-not-first']);
  });

  it('names invalid values, duplicate tags and malformed parts precisely', () => {
    const parsed = parseDmarc('v=DMARC1; p=block; p=reject; sp; 1x=2; adkim=x; pct=101; ri=-1; fo=2; t=maybe');
    expect(parsed.errors.map((e) => [e.code, e.tag])).toEqual([
      ['invalid-value', 'p'],
      ['duplicate-tag', 'p'],
      ['malformed-tag', undefined],
      ['invalid-tag-name', '1x'],
      ['invalid-value', 'adkim'],
      ['invalid-value', 'pct'],
      ['invalid-value', 'ri'],
      ['invalid-value', 'fo'],
      ['invalid-value', 't'],
    ]);
    expect(parsed.record.p).toBeUndefined();
    expect(errorCodes('v=DMARC1; p=reject;; sp=none')).toEqual(['empty-tag']);
    expect(errorCodes('v=DMARC1; p=reject ')).toEqual(['trailing-whitespace']);
    expect(errorCodes('v=DMARC1; p=reject; ')).toEqual([]);
    expect(errorCodes('v=DMARC1; p=reject; v=DMARC1')).toEqual(['duplicate-tag']);
    expect(errorCodes('v=DMARC1; p=re\u00e9ject')).toEqual(['invalid-value']);
  });

  it('checks report URIs: a scheme, one "!size", a mailto address with a domain', () => {
    expect(errorCodes('v=DMARC1; p=reject; rua=dmarc@example.nl')).toEqual(['invalid-uri']);
    expect(errorCodes('v=DMARC1; p=reject; rua=mailto:a@example.nl!10m!5')).toEqual(['invalid-uri']);
    expect(errorCodes('v=DMARC1; p=reject; rua=mailto:a@example.nl!lots')).toEqual(['invalid-uri']);
    expect(errorCodes('v=DMARC1; p=reject; rua=mailto:example.nl')).toEqual(['invalid-uri']);
    expect(errorCodes('v=DMARC1; p=reject; rua=mailto:a@.example.nl')).toEqual(['invalid-uri']);
    expect(errorCodes('v=DMARC1; p=reject; rua=mailto:a@example.nl,')).toEqual(['invalid-uri']);
    expect(parseDmarc('v=DMARC1; p=reject; rua=mailto:a@Example.NL?subject=x!2k').record.rua).toEqual([
      { uri: 'mailto:a@Example.NL?subject=x', scheme: 'mailto', address: 'a@Example.NL', host: 'example.nl', sizeLimit: 2048 },
    ]);
    expect(warningCodes('v=DMARC1; p=reject; rua=https://report.example.nl/dmarc')).toEqual(['uri-not-mailto']);
  });

  it('warns of unknown tags (ignored), RFC 9989 tags, fo without ruf, a partial pct and unregistered formats', () => {
    const parsed = parseDmarc('v=DMARC1; p=reject; foo=bar; t=y; psd=n; fo=1; pct=50; rf=iodef');
    expect(parsed.valid).toBe(true);
    expect(parsed.warnings.map((w) => [w.code, w.tag])).toEqual([
      ['unknown-tag', 'foo'],
      ['newer-tag', 't'],
      ['newer-tag', 'psd'],
      ['unknown-report-format', 'rf'],
      ['fo-without-ruf', 'fo'],
      ['partial-pct', 'pct'],
    ]);
    expect(parsed.record).toMatchObject({ t: 'y', psd: 'n', pct: 50 });
  });

  it('stays bounded on hostile input', () => {
    expect(errorCodes(`v=DMARC1; p=reject; rua=${'mailto:a@example.nl,'.repeat(500)}`.slice(0, dmarcRecordMaxLength + 1))).toEqual([
      'too-long',
    ]);
    const manyTags = `v=DMARC1; p=reject; ${Array.from({ length: 100 }, (_, i) => `x${i}=1`).join('; ')}`;
    const parsed = parseDmarc(manyTags);
    expect(parsed.tags).toHaveLength(dmarcMaxTags);
    expect(parsed.errors.map((e) => e.code)).toEqual(['too-many']);
    const manyUris = parseDmarc(`v=DMARC1; p=reject; rua=${Array.from({ length: 40 }, () => 'mailto:a@example.nl').join(',')}`);
    expect(manyUris.record.rua).toHaveLength(32);
    expect(manyUris.errors.map((e) => e.code)).toEqual(['too-many']);
    expect(parseDmarc('').errors.map((e) => e.code)).toEqual(['not-dmarc']);
  });
});

describe('parseDmarc by RFC 9989', () => {
  it('reads a record without p as p=none, in any tag order, and accepts the bare version', () => {
    expect(errorCodes('v=DMARC1; rua=mailto:a@example.nl', 'rfc9989')).toEqual([]);
    expect(warningCodes('v=DMARC1; rua=mailto:a@example.nl', 'rfc9989')).toEqual(['missing-p']);
    expect(errorCodes('v=DMARC1', 'rfc9989')).toEqual([]);
    expect(errorCodes('v=DMARC1; rua=mailto:a@example.nl; p=reject', 'rfc9989')).toEqual([]);
    expect(warningCodes('v=DMARC1; rua=mailto:a@example.nl; p=reject', 'rfc9989')).toEqual(['p-not-first']);
    expect(warningCodes('v=DMARC1; p=reject ;; ', 'rfc9989')).toEqual(['empty-tag']);
  });

  it('accepts np, psd and t, and marks pct, rf, ri and size limits historic (bad values of those only warn)', () => {
    const parsed = parseDmarc('v=DMARC1; p=quarantine; np=reject; psd=y; t=y; pct=20; rf=afrf; ri=bad; rua=mailto:a@example.nl!1m', {
      ruleset: 'rfc9989',
    });
    expect(parsed.valid).toBe(true);
    expect(parsed.record).toMatchObject({ p: 'quarantine', np: 'reject', psd: 'y', t: 'y', pct: 20 });
    expect(parsed.warnings.map((w) => [w.code, w.tag])).toEqual([
      ['historic-tag', 'pct'],
      ['historic-tag', 'rf'],
      ['historic-tag', 'ri'],
      ['invalid-value', 'ri'],
      ['uri-size-limit', 'rua'],
    ]);
  });

  it('still rejects what neither ruleset allows', () => {
    expect(errorCodes('v=dmarc1; p=reject', 'rfc9989')).toEqual(['version-case']);
    expect(errorCodes('v=DMARC1; p=reject; p=none', 'rfc9989')).toEqual(['duplicate-tag']);
    expect(errorCodes('v=DMARC1; p=maybe', 'rfc9989')).toEqual(['invalid-value']);
    expect(errorCodes('v=DMARC1; p=reject; rua=a@example.nl', 'rfc9989')).toEqual(['invalid-uri']);
  });
});
