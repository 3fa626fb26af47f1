/** Reading sslscan's XML report, from a trimmed copy of a real 2.0.7 report (runs without sslscan). */
import type { TlsEvidence, TlsVersion } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { ExternalToolError } from './process.js';
import { compareWithSslscan, parseSslscanXml } from './tls-sslscan.js';

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

/** pastoe's evidence of the endpoint of the report above, with the given changes. */
function evidenceOf(
  changes: { versions?: readonly TlsVersion[]; tls12?: readonly number[]; groups12?: readonly number[] } = {},
): TlsEvidence {
  const enabled = changes.versions ?? ['TLSv1.0', 'TLSv1.2', 'TLSv1.3'];
  const all: readonly TlsVersion[] = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
  const suites = (version: TlsVersion, accepted: readonly number[]) => ({ version, accepted, complete: true, candidates: 100 });
  return {
    endpoint: { host: 'localhost', ip: '127.0.0.1', port: 8443 },
    reachable: true,
    versions: all.map((version) => ({ version, supported: enabled.includes(version) })),
    suites: [suites('TLSv1.0', [0x002f]), suites('TLSv1.2', changes.tls12 ?? [0xc030, 0x000a]), suites('TLSv1.3', [0x1302])],
    groups: [
      { version: 'TLSv1.2', accepted: changes.groups12 ?? [29, 23], complete: true },
      { version: 'TLSv1.3', accepted: [29], complete: true },
    ],
    keyExchanges: [],
    compression: false,
    secureRenegotiation: true,
    extendedMasterSecret: true,
    certificateChains: [],
    connections: 10,
    problems: [],
  };
}

describe('compareWithSslscan', () => {
  const parsed = parseSslscanXml(report);

  it('finds nothing to report when both saw the same versions, suites and groups (in any order)', () => {
    expect(compareWithSslscan(evidenceOf({ tls12: [0x000a, 0xc030], groups12: [23, 29] }), parsed)).toEqual([]);
  });

  it('names each version, suite and group on which they disagree', () => {
    const differences = compareWithSslscan(
      evidenceOf({ versions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], tls12: [0xc030, 0xc02f], groups12: [29] }),
      parsed,
    );
    expect(differences).toEqual([
      'TLSv1.1: pastoe says enabled, sslscan disabled',
      'TLSv1.2: suites only sslscan found: TLS_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLSv1.2: suites only pastoe found: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLSv1.2: groups only sslscan found: secp256r1',
    ]);
  });
});
