import { describe, expect, it } from 'vitest';
import { ffdheGroups } from '../tables/ffdhe.js';
import type { TlsEvidence } from '../types.js';
import { evaluateTlsCipherOrder } from './cipher-order.js';
import { evaluateTlsCiphers } from './ciphers.js';
import { evaluateTlsKexHash } from './kex-hash.js';
import { evaluateTlsKeyExchange } from './key-exchange.js';
import { dhe, ecdhe, findingNames, pastoeFindings, suites, testContext, tlsEvidence, versions } from './test-support/evidence.js';
import { evaluateTlsVersion } from './version.js';

const ctx = testContext();
const prime = (name: string) => ffdheGroups.find((g) => g.name === name)?.primeHex ?? '';

describe('preconditions', () => {
  it('is not tested when the server is unreachable or speaks no TLS', () => {
    expect(evaluateTlsVersion(tlsEvidence({ reachable: false }), ctx)).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
    expect(evaluateTlsCiphers(tlsEvidence({ versions: versions() }), ctx).outcome).toBe('not-tested');
  });

  it('prefixes finding ids with the check id and attaches the subject', () => {
    const subject = { name: 'example.nl', role: 'web' as const, ip: '192.0.2.10', port: 443 };
    const result = evaluateTlsVersion(
      tlsEvidence({ versions: versions('TLSv1.0', 'TLSv1.2') }),
      testContext({ checkId: 'web-tls-version', subject }),
    );
    expect(result.findings[0]).toEqual({ id: 'web-tls-version.insufficient-version', params: { version: 'TLSv1.0' }, subject });
  });
});

describe('evaluateTlsVersion', () => {
  it('passes TLS 1.2 and 1.3', () => {
    expect(evaluateTlsVersion(tlsEvidence(), ctx)).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(evaluateTlsVersion(tlsEvidence({ versions: versions('TLSv1.3') }), ctx).outcome).toBe('good');
  });

  it.each(['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1'] as const)('fails %s', (old) => {
    const result = evaluateTlsVersion(tlsEvidence({ versions: versions(old, 'TLSv1.2') }), ctx);
    expect(result).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(findingNames(result)).toEqual(['insufficient-version']);
  });

  it('lists undecided versions without counting them', () => {
    const result = evaluateTlsVersion(
      tlsEvidence({
        versions: [...versions('TLSv1.2').filter((v) => v.version !== 'SSLv3'), { version: 'SSLv3', supported: null, detail: 'timeout' }],
      }),
      ctx,
    );
    expect(result.outcome).toBe('good');
    expect(pastoeFindings(result)).toEqual(['version-undecided']);
    expect(result.facts.undecided).toEqual(['SSLv3']);
  });
});

describe('evaluateTlsCiphers', () => {
  it('passes good and sufficient suites', () => {
    expect(evaluateTlsCiphers(tlsEvidence(), ctx)).toMatchObject({ status: 'pass', outcome: 'good' });
  });

  it('gives phase-out for a phase-out suite and bad for an insufficient one', () => {
    const phaseOut = evaluateTlsCiphers(tlsEvidence({ suites: [suites('TLSv1.2', 0xc02f, 0xc027)] }), ctx);
    expect(phaseOut).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(phaseOut.findings[0]?.params).toMatchObject({ suite: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', code: '0xc027' });
    const bad = evaluateTlsCiphers(tlsEvidence({ suites: [suites('TLSv1.2', 0xc02f, 0xc027, 0xc013)] }), ctx);
    expect(bad).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(findingNames(bad)).toEqual(['phase-out-suite', 'insufficient-suite']);
  });

  it('judges only the highest version below 1.3', () => {
    const result = evaluateTlsCiphers(
      tlsEvidence({ versions: versions('TLSv1.0', 'TLSv1.2'), suites: [suites('TLSv1.2', 0xc02f), suites('TLSv1.0', 0x000a, 0xc013)] }),
      ctx,
    );
    expect(result.outcome).toBe('good');
    expect(result.facts.otherVersions).toEqual([
      { version: 'TLSv1.0', suites: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] },
    ]);
  });

  it('uses TLS 1.1 when it is the highest version below 1.3', () => {
    const result = evaluateTlsCiphers(tlsEvidence({ versions: versions('TLSv1.1', 'TLSv1.3'), suites: [suites('TLSv1.1', 0xc013)] }), ctx);
    expect(result.outcome).toBe('bad');
    expect(result.facts.version).toBe('TLSv1.1');
  });

  it('judges TLS 1.3 CCM_8 only, as Internet.nl probes nothing else there', () => {
    const ccm8 = evaluateTlsCiphers(tlsEvidence({ suites: [suites('TLSv1.2', 0xc02f), suites('TLSv1.3', 0x1302, 0x1305)] }), ctx);
    expect(ccm8).toMatchObject({ outcome: 'bad' });
    expect(ccm8.findings[0]?.params).toMatchObject({ suite: 'TLS_AES_128_CCM_8_SHA256', version: 'TLSv1.3' });
    const only13 = evaluateTlsCiphers(
      tlsEvidence({ versions: versions('TLSv1.3'), suites: [suites('TLSv1.3', 0x1301, 0x1302, 0x1303)] }),
      ctx,
    );
    expect(only13.outcome).toBe('good');
  });

  it('reports suites Internet.nl cannot see beside its verdict', () => {
    const result = evaluateTlsCiphers(tlsEvidence({ suites: [suites('TLSv1.2', 0xc02f, 0xc08b, 0xcc13)] }), ctx);
    expect(result).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(pastoeFindings(result)).toEqual(['phase-out-suite', 'insufficient-suite']);
    expect(result.facts.pastoe).toEqual({ status: 'fail', outcome: 'bad' });
  });

  it('flags an incomplete enumeration and is not tested without one', () => {
    const partial = evaluateTlsCiphers(
      tlsEvidence({ suites: [{ version: 'TLSv1.2', accepted: [0xc02f], complete: false, candidates: 40 }] }),
      ctx,
    );
    expect(pastoeFindings(partial)).toEqual(['enumeration-incomplete']);
    expect(evaluateTlsCiphers(tlsEvidence({ suites: [] }), ctx)).toMatchObject({ outcome: 'not-tested' });
  });
});

describe('evaluateTlsCipherOrder', () => {
  const withPhaseOut = (cipherOrder: TlsEvidence['cipherOrder']) =>
    tlsEvidence({ suites: [suites('TLSv1.2', 0xc02f, 0xc027)], cipherOrder });

  it('is na for a TLS 1.3-only server and when nothing but good suites are judged', () => {
    expect(evaluateTlsCipherOrder(tlsEvidence({ versions: versions('TLSv1.3'), suites: [suites('TLSv1.3')] }), ctx)).toMatchObject({
      status: 'pass',
      outcome: 'na',
    });
    expect(
      evaluateTlsCipherOrder(tlsEvidence({ versions: versions('TLSv1.2', 'TLSv1.3'), suites: [suites('TLSv1.2'), suites('TLSv1.3')] }), ctx)
        .outcome,
    ).toBe('na');
  });

  it('is good without probing when there is no phase-out suite, or nothing better than one', () => {
    expect(evaluateTlsCipherOrder(tlsEvidence(), ctx).outcome).toBe('good');
    expect(evaluateTlsCipherOrder(tlsEvidence({ suites: [suites('TLSv1.2', 0xc02f, 0xc013)] }), ctx).outcome).toBe('good');
    expect(evaluateTlsCipherOrder(tlsEvidence({ suites: [suites('TLSv1.2', 0xc027, 0x009e)] }), ctx).outcome).toBe('good');
  });

  it('follows the probe: violation bad, none good, missing na', () => {
    const bad = evaluateTlsCipherOrder(
      withPhaseOut({ tested: true, violation: { chosen: 0xc027, expected: 0xc02f }, serverPreference: false }),
      ctx,
    );
    expect(bad).toMatchObject({ status: 'fail', outcome: 'bad' });
    expect(bad.facts.violation).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
    expect(findingNames(bad)).toEqual(['no-server-preference', 'violation']);
    expect(evaluateTlsCipherOrder(withPhaseOut({ tested: true, serverPreference: true }), ctx).outcome).toBe('good');
    const failed = evaluateTlsCipherOrder(withPhaseOut({ tested: false, serverPreference: null }), ctx);
    expect(failed).toMatchObject({ status: 'pass', outcome: 'na' });
    expect(pastoeFindings(failed)).toEqual(['probe-failed']);
    expect(evaluateTlsCipherOrder(withPhaseOut(undefined), ctx).outcome).toBe('na');
  });
});

describe('evaluateTlsKeyExchange', () => {
  it('passes good curves', () => {
    expect(evaluateTlsKeyExchange(tlsEvidence(), ctx)).toMatchObject({
      status: 'pass',
      outcome: 'good',
      facts: { ecdhParam: 256, dhParam: null },
    });
  });

  it('is na for X25519 only, and for RSA key exchange', () => {
    expect(evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 29)] }), ctx).outcome).toBe('na');
    expect(evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [{ version: 'TLSv1.2', suite: 0x009c }] }), ctx).outcome).toBe('na');
  });

  it('gives phase-out for secp224r1 and bad for other curves', () => {
    const p224 = evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 21)] }), ctx);
    expect(p224).toMatchObject({ status: 'warning', outcome: 'phase-out' });
    expect(p224.findings[0]?.params).toEqual({ parameters: 'ECDH-secp224r1' });
    expect(evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 22)] }), ctx).outcome).toBe('bad');
    expect(evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 14)] }), ctx).outcome).toBe('bad');
  });

  it.each(['ffdhe3072', 'ffdhe4096', 'ffdhe6144', 'ffdhe8192'])('gives phase-out for DHE with %s', (name) => {
    const result = evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [dhe('TLSv1.2', 0x009e, prime(name))] }), ctx);
    expect(result).toMatchObject({ status: 'warning', outcome: 'phase-out' });
  });

  it('gives bad for ffdhe2048, a custom prime and a prime one bit off', () => {
    expect(evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [dhe('TLSv1.2', 0x009e, prime('ffdhe2048'))] }), ctx).outcome).toBe('bad');
    const p = prime('ffdhe3072');
    const flipped = `${p.slice(0, 40)}${(Number.parseInt(p[40] as string, 16) ^ 1).toString(16)}${p.slice(41)}`;
    const result = evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [dhe('TLSv1.2', 0x009e, flipped)] }), ctx);
    expect(result).toMatchObject({ outcome: 'bad', facts: { dhParam: 3072 } });
  });

  it('reproduces Internet.nl on a generator other than 2 (no finding) and flags it for pastoe', () => {
    const result = evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [dhe('TLSv1.2', 0x009e, prime('ffdhe3072'), '05')] }), ctx);
    expect(result).toMatchObject({ status: 'pass', outcome: 'good', facts: { dhParam: 3072, pastoe: { outcome: 'bad' } } });
    expect(pastoeFindings(result)).toEqual(['generator-not-2']);
  });

  it('misses weak DHE like Internet.nl does, but reports it', () => {
    const result = evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [dhe('TLSv1.2', 0x009e, 'ff'.repeat(64), '02', 512)] }), ctx);
    expect(result).toMatchObject({ status: 'pass', outcome: 'na', facts: { dhParam: null, pastoe: { status: 'fail', outcome: 'bad' } } });
    expect(pastoeFindings(result)).toEqual(['dh-below-internetnl-minimum']);
  });

  it('only uses the highest version below 1.3 and TLS 1.3 CCM_8', () => {
    const lower = evaluateTlsKeyExchange(
      tlsEvidence({
        versions: versions('TLSv1.0', 'TLSv1.2', 'TLSv1.3'),
        keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 23), ecdhe('TLSv1.0', 0xc013, 19)],
      }),
      ctx,
    );
    expect(lower.outcome).toBe('good');
    const ccm8 = evaluateTlsKeyExchange(tlsEvidence({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 29), ecdhe('TLSv1.3', 0x1305, 21)] }), ctx);
    expect(ccm8.outcome).toBe('phase-out');
    const other13 = evaluateTlsKeyExchange(
      tlsEvidence({ keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 29), ecdhe('TLSv1.3', 0x1302, 256)] }),
      ctx,
    );
    expect(other13).toMatchObject({ outcome: 'na', facts: { pastoe: { outcome: 'bad' } } });
    expect(pastoeFindings(other13)).toEqual(['insufficient-parameters']);
  });

  it('judges TLS 1.3 ffdhe groups by code, and hybrids as good', () => {
    const ffdhe = evaluateTlsKeyExchange(
      tlsEvidence({ versions: versions('TLSv1.3'), keyExchanges: [ecdhe('TLSv1.3', 0x1305, 257)] }),
      ctx,
    );
    expect(ffdhe).toMatchObject({ outcome: 'phase-out', facts: { dhParam: 3072 } });
    const hybrid = evaluateTlsKeyExchange(
      tlsEvidence({ versions: versions('TLSv1.3'), keyExchanges: [ecdhe('TLSv1.3', 0x1302, 0x11ec)] }),
      ctx,
    );
    expect(hybrid).toMatchObject({ outcome: 'na' });
    expect(hybrid.facts.pastoe).toBeUndefined();
  });

  it('adds enumerated groups to pastoe’s view only', () => {
    const result = evaluateTlsKeyExchange(tlsEvidence({ groups: [{ version: 'TLSv1.2', accepted: [29, 23, 19], complete: true }] }), ctx);
    expect(result.outcome).toBe('good');
    expect(pastoeFindings(result)).toEqual(['accepts-insufficient-group']);
    expect(result.facts.pastoe).toEqual({ status: 'fail', outcome: 'bad' });
  });
});

describe('evaluateTlsKexHash', () => {
  it('grades the forced weak hashes', () => {
    expect(evaluateTlsKexHash(tlsEvidence(), ctx)).toMatchObject({
      status: 'pass',
      outcome: 'good',
      facts: { defaultScheme: 'rsa_pss_rsae_sha256' },
    });
    expect(evaluateTlsKexHash(tlsEvidence({ kexHash: { sha1: true, sha224: true } }), ctx)).toMatchObject({
      status: 'fail',
      outcome: 'bad',
    });
    expect(evaluateTlsKexHash(tlsEvidence({ kexHash: { sha1: false, sha224: true } }), ctx)).toMatchObject({
      status: 'warning',
      outcome: 'phase-out',
    });
  });

  it('is good without TLS 1.2, and not tested without an observation', () => {
    expect(evaluateTlsKexHash(tlsEvidence({ versions: versions('TLSv1.3') }), ctx).outcome).toBe('good');
    expect(evaluateTlsKexHash(tlsEvidence({ kexHash: undefined }), ctx).outcome).toBe('not-tested');
    expect(evaluateTlsKexHash(tlsEvidence({ kexHash: { sha1: null, sha224: null } }), ctx).outcome).toBe('not-tested');
  });

  it('reports a weak hash under the normal offer for pastoe', () => {
    const result = evaluateTlsKexHash(tlsEvidence({ kexHash: { sha1: false, sha224: false, defaultScheme: 0x0201 } }), ctx);
    expect(result).toMatchObject({ outcome: 'good', facts: { pastoe: { outcome: 'bad' } } });
    expect(pastoeFindings(result)).toEqual(['weak-default-hash']);
  });
});
