import { describe, expect, it } from 'vitest';
import type { DnsRecord } from '../dns/types.js';
import { evaluateCaa, judgeCaa } from './evaluate.js';
import { type CaaLookup, caaLookupNames, selectCaaRRset } from './lookup.js';
import { type CaaRecord, checkCaaRecord } from './parse.js';

const caa = (flags: number, tag: string, value: string): CaaRecord => ({ flags, tag, value });
const found = (...records: CaaRecord[]) => evaluateCaa({ status: 'found', name: 'example.nl', canonicalName: 'example.nl', records });

describe('checkCaaRecord', () => {
  it('accepts the RFC 8659 examples and Internet.nl’s valid cases', () => {
    const valid = [
      caa(0, 'issue', 'ca.example.net'),
      caa(0, 'issue', 'ca.example.net; account=230123'),
      caa(0, 'issue', ';'),
      caa(128, 'issue', ';'),
      caa(0, 'issuewild', 'ca.example.com'),
      caa(0, 'issue', 'ca.example.net; policy=ev'),
      caa(0, 'iodef', 'mailto:security@example.com'),
      caa(0, 'iodef', 'https://iodef.example.com/'),
      caa(0, 'contactemail', 'contact@example.com'),
      caa(0, 'contactphone', '+3185123456'),
      caa(0, 'contactphone', '+31-85-(123)456;ext=12'),
      caa(0, 'issuevmc', ';'),
      caa(0, 'issuevmc', 'ca.example.com'),
      caa(0, 'issuemail', ';'),
      caa(0, 'issuemail', 'authority.example; account=123456'),
      caa(0, 'issue', 'example.net; accounturi=https://example.net/account/1234'),
      caa(0, 'issue', 'example.net; validationmethods=dns-01,ca-custom'),
      caa(0, 'issuewild', 'example.net; accounturi=https://example.net/account/2345; validationmethods=http-01'),
      caa(0, 'ISSUE', 'ca.example.net'),
      caa(0, 'issue', '  ca.example.net  ;  a = b ; c=d  '),
    ];
    for (const record of valid) expect(checkCaaRecord(record), `${record.tag} ${record.value}`).toBeUndefined();
  });

  it.each([
    [caa(255, 'issue', ';'), 'invalid-flags-reserved-bits'],
    [caa(1, 'issue', ';'), 'invalid-flags-reserved-bits'],
    [caa(0, 'issue', '%'), 'invalid-property-syntax'],
    [caa(0, 'issue', '%%%%%'), 'invalid-property-syntax'],
    [caa(0, 'issue', '💩'), 'invalid-property-syntax'],
    [caa(0, 'issuewild', '💩'), 'invalid-property-syntax'],
    [caa(0, 'issuevmc', '💩'), 'invalid-property-syntax'],
    [caa(0, 'issue', 'ca.example.net; a=b;'), 'invalid-property-syntax'],
    [caa(0, 'issue', '-ca.example.net'), 'invalid-property-syntax'],
    [caa(0, 'issuewild', '\u0008'), 'invalid-property-syntax'],
    [caa(0, 'iodef', 'https://'), 'invalid-property-iodef-value'],
    [caa(0, 'iodef', 'http://report.example.com'), 'invalid-property-iodef-value'],
    [caa(0, 'iodef', 'ftp://report.example.com'), 'invalid-property-iodef-value'],
    [caa(0, 'iodef', 'mailto:nobody'), 'invalid-property-iodef-value'],
    [caa(0, 'contactemail', 'not-an-email'), 'invalid-property-contactemail-value'],
    [caa(0, 'contactemail', 'a@b.nl, c@d.nl'), 'invalid-property-contactemail-value'],
    [caa(0, 'contactphone', 'not-a-phone-number'), 'invalid-property-syntax'],
    [caa(0, 'contactphone', '3185123456'), 'invalid-property-syntax'],
    [caa(0, 'issuemail', 'authority.example; account=💩'), 'invalid-property-syntax'],
    [caa(0, 'issue', 'example.net; validationmethods=dns-01,custom'), 'invalid-property-issue-validation-method'],
    [caa(0, 'issue', 'example.net; validationmethods=dns_01'), 'invalid-property-syntax'],
    [caa(0, 'auth', 'x'), 'invalid-reserved-property'],
    [caa(0, 'path', 'x'), 'invalid-reserved-property'],
    [caa(0, 'policy', 'x'), 'invalid-reserved-property'],
    [caa(128, 'tbs', 'Unknown'), 'invalid-unknown-property'],
    [caa(0, 'unknown', ';'), 'invalid-unknown-property'],
  ])('rejects %j as %s', (record, id) => {
    expect(checkCaaRecord(record)?.id).toBe(id);
  });
});

describe('evaluateCaa', () => {
  it('is bad without records, good with a valid issue property', () => {
    expect(evaluateCaa({ status: 'not-found', tried: ['example.nl', 'nl'] })).toMatchObject({ found: false, outcome: 'bad' });
    expect(found(caa(0, 'issue', 'letsencrypt.org'), caa(0, 'iodef', 'mailto:a@example.nl'))).toMatchObject({
      found: true,
      outcome: 'good',
      records: ['0 issue "letsencrypt.org"', '0 iodef "mailto:a@example.nl"'],
      errors: [],
    });
  });

  it('is insufficient when only the issue property is missing', () => {
    const result = found(caa(0, 'issuewild', 'ca.example.net'));
    expect(result).toMatchObject({
      outcome: 'insufficient',
      errors: [{ id: 'missing-required-property-issue', params: { property_tag: 'issue' } }],
    });
  });

  it('is a syntax error for any record error, as in Internet.nl’s own test', () => {
    const result = found(caa(0, 'issuewild', '\u0008'), caa(0, 'unknown', ';'));
    expect(result.outcome).toBe('syntax-error');
    expect(result.errors.map((e) => e.id)).toEqual([
      'invalid-property-syntax',
      'invalid-unknown-property',
      'missing-required-property-issue',
    ]);
    expect(result.errors[1]?.params).toEqual({ property_tag: 'unknown' });
  });

  it('looks for the issue tag case-sensitively, as Internet.nl, and remarks on it', () => {
    const result = found(caa(0, 'ISSUE', 'ca.example.net'));
    expect(result.outcome).toBe('insufficient');
    expect(result.remarks.map((r) => r.id)).toEqual(['issue-tag-case']);
  });

  it('judges with findings per error', () => {
    const judged = judgeCaa('web-caa', found(caa(0, 'issuewild', 'ca.example.net')));
    expect(judged).toMatchObject({ status: 'fail', outcome: 'insufficient', facts: { enabled: true, foundOn: 'example.nl' } });
    expect(judged.findings.map((f) => f.id)).toEqual(['web-caa.missing-required-property-issue']);
    expect(judgeCaa('web-caa', evaluateCaa({ status: 'not-found', tried: [] })).findings[0]?.id).toBe('web-caa.no-caa');
    expect(judgeCaa('web-caa', found(caa(0, 'issue', ';'))).status).toBe('pass');
  });
});

function answer(name: string, records: DnsRecord[], rcode: CaaLookup['rcode'] = 'NOERROR'): CaaLookup {
  return { name, rcode, records };
}
function caaRecord(owner: string, tag: string, value: string): DnsRecord {
  return { name: owner, type: 'CAA', class: 'IN', ttl: 300, data: { type: 'CAA', flags: 0, tag, value } };
}

describe('CAA tree climbing', () => {
  it('plans the domain and its parents, never the root', () => {
    expect(caaLookupNames('www.Sub.Example.NL.')).toEqual(['www.sub.example.nl', 'sub.example.nl', 'example.nl', 'nl']);
    expect(caaLookupNames('nl')).toEqual(['nl']);
  });

  it('asks for the next name until it has an answer', () => {
    expect(selectCaaRRset('www.example.nl', [])).toEqual({ status: 'lookup', name: 'www.example.nl' });
    expect(selectCaaRRset('www.example.nl', [answer('www.example.nl', [], 'NXDOMAIN')])).toEqual({ status: 'lookup', name: 'example.nl' });
  });

  it('takes the first set found, climbing over NXDOMAIN and no data', () => {
    const lookups = [
      answer('www.example.nl', [], 'NXDOMAIN'),
      answer('example.nl', [caaRecord('example.nl', 'issue', 'ca.example.net')]),
      answer('nl', [caaRecord('nl', 'issue', ';')]),
    ];
    expect(selectCaaRRset('www.example.nl', lookups)).toEqual({
      status: 'found',
      name: 'example.nl',
      canonicalName: 'example.nl',
      records: [{ flags: 0, tag: 'issue', value: 'ca.example.net' }],
    });
  });

  it('reports the CNAME target as where the records were found, and climbs from the alias on no data', () => {
    const cname: DnsRecord = {
      name: 'www.example.nl',
      type: 'CNAME',
      class: 'IN',
      ttl: 60,
      data: { type: 'CNAME', target: 'cdn.example.com' },
    };
    const viaAlias = selectCaaRRset('www.example.nl', [
      answer('www.example.nl', [cname, caaRecord('cdn.example.com.', 'issue', 'ca.example.net')]),
    ]);
    expect(viaAlias).toMatchObject({ status: 'found', name: 'www.example.nl', canonicalName: 'cdn.example.com' });
    expect(selectCaaRRset('www.example.nl', [answer('www.example.nl', [cname])])).toEqual({ status: 'lookup', name: 'example.nl' });
  });

  it('stops on a failed lookup and reports not found after the TLD', () => {
    expect(selectCaaRRset('example.nl', [answer('example.nl', [], 'SERVFAIL')])).toEqual({
      status: 'error',
      name: 'example.nl',
      rcode: 'SERVFAIL',
    });
    expect(selectCaaRRset('example.nl', new Map([['example.nl', answer('example.nl', [], 'timeout')]]))).toMatchObject({ status: 'error' });
    expect(selectCaaRRset('example.nl', [answer('example.nl', []), answer('nl', [], 'NXDOMAIN')])).toEqual({
      status: 'not-found',
      tried: ['example.nl', 'nl'],
    });
  });
});
