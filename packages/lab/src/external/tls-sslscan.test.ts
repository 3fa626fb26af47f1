/** Reading sslscan's XML report, from a trimmed copy of a real 2.0.7 report (runs without sslscan). */
import { describe, expect, it } from 'vitest';
import { ExternalToolError } from './process.js';
import { parseSslscanXml } from './tls-sslscan.js';

const report = `<?xml version="1.0" encoding="UTF-8"?>
<document title="SSLScan Results" version="2.0.7" web="http://github.com/rbsec/sslscan">
 <ssltest host="127.0.0.1" sniname="localhost" port="8443">
  <protocol type="ssl" version="2" enabled="0" />
  <protocol type="ssl" version="3" enabled="0" />
  <protocol type="tls" version="1.0" enabled="1" />
  <protocol type="tls" version="1.1" enabled="0" />
  <protocol type="tls" version="1.2" enabled="1" />
  <protocol type="tls" version="1.3" enabled="1" />
  <renegotiation supported="1" secure="1" />
  <cipher status="preferred" sslversion="TLSv1.3" bits="256" cipher="TLS_AES_256_GCM_SHA384" id="0x1302" strength="strong" curve="25519" ecdhebits="253" />
  <cipher status="accepted" sslversion="TLSv1.2" bits="256" cipher="ECDHE-RSA-AES256-GCM-SHA384" id="0xC030" strength="strong" curve="25519" ecdhebits="253" />
  <cipher status="accepted" sslversion="TLSv1.2" bits="112" cipher="TLS_RSA_WITH_3DES_EDE_CBC_SHA" id="0x000A" strength="medium" />
  <cipher status="accepted" sslversion="TLSv1.0" bits="128" cipher="AES128-SHA" id="0x002F" strength="acceptable" />
  <group sslversion="TLSv1.3" bits="128" name="x25519" id="0x001d" />
  <group sslversion="TLSv1.2" bits="128" name="secp256r1 (NIST P-256)" id="0x0017" />
  <group sslversion="TLSv1.2" bits="128" name="x25519" id="0x001d" />
  <certificates>
   <certificate type="short">
    <subject><![CDATA[localhost]]></subject>
   </certificate>
  </certificates>
 </ssltest>
</document>
`;

describe('parseSslscanXml', () => {
  it('reads versions, suites by id, groups and renegotiation', () => {
    const parsed = parseSslscanXml(report);
    expect(parsed.sslscanVersion).toBe('2.0.7');
    expect([...parsed.versions]).toEqual([
      ['SSLv2', false],
      ['SSLv3', false],
      ['TLSv1.0', true],
      ['TLSv1.1', false],
      ['TLSv1.2', true],
      ['TLSv1.3', true],
    ]);
    expect(parsed.suites.get('TLSv1.3')).toEqual([0x1302]);
    expect(parsed.suites.get('TLSv1.2')).toEqual([0xc030, 0x000a]);
    expect(parsed.suites.get('TLSv1.0')).toEqual([0x002f]);
    expect(parsed.suites.get('TLSv1.1')).toBeUndefined();
    expect(parsed.suiteNames.get(0x000a)).toBe('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
    expect(parsed.groups.get('TLSv1.2')).toEqual([0x17, 0x1d]);
    expect(parsed.groups.get('TLSv1.3')).toEqual([0x1d]);
    expect(parsed.renegotiation).toEqual({ supported: true, secure: true });
    expect(parsed.compression).toBeNull();
  });

  it('reads a compression result when sslscan made one', () => {
    const parsed = parseSslscanXml(report.replace('<renegotiation', '<compression supported="0" />\n  <renegotiation'));
    expect(parsed.compression).toBe(false);
  });

  it('turns an <error> into an exception', () => {
    const failed = `<?xml version="1.0" encoding="UTF-8"?>
<document title="SSLScan Results" version="2.0.7" web="http://github.com/rbsec/sslscan">
  <error><![CDATA[Could not open a connection to host 127.0.0.1 (127.0.0.1) on port 1.]]></error>
</document>`;
    expect(() => parseSslscanXml(failed)).toThrow(ExternalToolError);
    expect(() => parseSslscanXml(failed)).toThrow(/Could not open a connection/);
  });

  it('rejects what is not an sslscan report, and suites without an id', () => {
    expect(() => parseSslscanXml('<html></html>')).toThrow(/not an sslscan XML report/);
    expect(() => parseSslscanXml(report.replace(' id="0xC030"', ''))).toThrow(/without a valid id/);
  });
});
