import { describe, expect, it } from 'vitest';
import { isTlsRptRecordText, parseTlsRpt } from './parse.js';

const codes = (text: string): string[] => parseTlsRpt(text).errors.map((error) => error.code);

describe('parseTlsRpt', () => {
  it('reads mailto and https destinations, spaces around commas allowed, extensions kept', () => {
    expect(parseTlsRpt('v=TLSRPTv1; rua=mailto:tls@example.com , https://reports.example.com/tlsrpt; x=1;')).toEqual({
      valid: true,
      record: {
        rua: [
          { uri: 'mailto:tls@example.com', scheme: 'mailto' },
          { uri: 'https://reports.example.com/tlsrpt', scheme: 'https' },
        ],
        extensions: [{ name: 'x', value: '1' }],
      },
      errors: [],
    });
  });

  it('rejects a wrong version, a missing or repeated rua and bad URIs', () => {
    expect(codes('v=TLSRPTv2; rua=mailto:a@b.example')).toEqual(['version']);
    expect(codes('v=TLSRPTv1;')).toEqual(['missing-rua']);
    expect(codes('v=TLSRPTv1; rua=mailto:a@b.example; rua=mailto:c@d.example')).toEqual(['duplicate-field']);
    expect(codes('v=TLSRPTv1; rua=http://b.example/r')).toEqual(['unsupported-uri-scheme']);
    expect(codes('v=TLSRPTv1; rua=mailto:nobody')).toEqual(['invalid-uri']);
    expect(codes('v=TLSRPTv1; rua=https://')).toEqual(['invalid-uri']);
    expect(codes('v=TLSRPTv1; rua=mailto:a@b.example,')).toEqual(['invalid-uri']);
    expect(codes('v=TLSRPTv1 rua=mailto:a@b.example')).toEqual(['version']);
  });

  it('counts as a record only text that begins with v=TLSRPTv1 and a semicolon', () => {
    expect(isTlsRptRecordText('v=TLSRPTv1; rua=mailto:a@b.example')).toBe(true);
    expect(isTlsRptRecordText('v=TLSRPTv1')).toBe(true);
    expect(isTlsRptRecordText('v=TLSRPTv10;')).toBe(false);
    expect(isTlsRptRecordText('v=spf1 -all')).toBe(false);
  });
});
