import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readDerExact, sequenceItems } from '../../x509/der.js';
import { certificateKeyLevel, certificateSignatureLevel } from './certificates.js';
import { cipherSuite, cipherSuites, ncscGoodSuites, ncscPhaseOutSuites, ncscSufficientSuites } from './cipher-suites.js';
import { ffdheGroupByCode, ffdheGroups, identifyFfdhePrime } from './ffdhe.js';
import { namedGroup, namedGroups } from './groups.js';
import { worstLevel } from './levels.js';
import { signatureScheme } from './signature-schemes.js';
import { tlsVersionLevels } from './versions.js';

describe('versions', () => {
  it('follows NCSC 2025-05: 1.3 good, 1.2 sufficient, the rest insufficient', () => {
    expect(tlsVersionLevels['TLSv1.3']).toBe('good');
    expect(tlsVersionLevels['TLSv1.2']).toBe('sufficient');
    for (const v of ['TLSv1.1', 'TLSv1.0', 'SSLv3', 'SSLv2'] as const) expect(tlsVersionLevels[v]).toBe('insufficient');
    expect(Object.isFrozen(tlsVersionLevels)).toBe(true);
  });
});

describe('cipher suites', () => {
  it('has 2 good, 10 sufficient and 35 phase-out suites, each in the table', () => {
    expect(ncscGoodSuites).toHaveLength(2);
    expect(ncscSufficientSuites).toHaveLength(10);
    expect(ncscPhaseOutSuites).toHaveLength(35);
    const byName = new Map([...cipherSuites.values()].map((suite) => [suite.iana, suite]));
    for (const name of ncscGoodSuites) expect(byName.get(name)?.level).toBe('good');
    for (const name of ncscSufficientSuites) expect(byName.get(name)?.level).toBe('sufficient');
    for (const name of ncscPhaseOutSuites) expect(byName.get(name)?.level).toBe('phase-out');
    const counts = { good: 0, sufficient: 0, 'phase-out': 0, insufficient: 0 };
    for (const suite of cipherSuites.values()) counts[suite.level]++;
    expect(counts).toMatchObject({ good: 2, sufficient: 10, 'phase-out': 35 });
    expect(counts.insufficient).toBeGreaterThan(150);
  });

  it('classifies the spec examples', () => {
    expect(cipherSuite(0xc02f)).toMatchObject({
      iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
      keyExchange: 'ECDHE',
      authentication: 'RSA',
      encryption: 'AES_128_GCM',
      mac: 'AEAD',
      forwardSecret: true,
      minVersion: 'TLSv1.2',
      level: 'sufficient',
      internetnlSees: true,
    });
    expect(cipherSuite(0xc013)).toMatchObject({ mac: 'SHA1', level: 'insufficient', minVersion: 'SSLv3' });
    expect(cipherSuite(0x009c)).toMatchObject({ keyExchange: 'RSA', forwardSecret: false, level: 'insufficient' });
    expect(cipherSuite(0x1305)).toMatchObject({ iana: 'TLS_AES_128_CCM_8_SHA256', keyExchange: 'any', level: 'insufficient' });
    expect(cipherSuite(0x1302)).toMatchObject({ level: 'good', minVersion: 'TLSv1.3' });
    expect(cipherSuite(0x0003)).toMatchObject({ export: true, encryption: 'RC4_40', mac: 'MD5' });
    expect(cipherSuite(0x000a)).toMatchObject({ encryption: '3DES_EDE_CBC', mac: 'SHA1' });
    expect(cipherSuite(0xc0aa)).toMatchObject({ keyExchange: 'DHE_PSK', internetnlSees: false });
    expect(cipherSuite(0x0081)).toMatchObject({ keyExchange: 'GOST', internetnlSees: false });
  });

  it('marks what Internet.nl cannot see: CAMELLIA-GCM, ARIA-CBC, old CHACHA20, PSK, SRP', () => {
    for (const code of [0xc086, 0xc087, 0xc08a, 0xc08b, 0xc07c, 0xc07d]) {
      expect(cipherSuite(code)).toMatchObject({ level: 'phase-out', openssl: null, internetnlSees: false });
    }
    for (const code of [0xc048, 0xc049, 0xc04c, 0xc04d, 0xc044, 0xc045]) {
      expect(cipherSuite(code)).toMatchObject({ level: 'phase-out', openssl: null, internetnlSees: false });
    }
    for (const code of [0xcc13, 0xcc14, 0xcc15]) expect(cipherSuite(code)).toMatchObject({ level: 'insufficient', internetnlSees: false });
    expect(cipherSuite(0x00a8).internetnlSees).toBe(false);
    expect(cipherSuite(0xc01d).internetnlSees).toBe(false);
    expect(cipherSuite(0xc05c)).toMatchObject({ level: 'phase-out', internetnlSees: true });
  });

  it('derives every component without surprises', () => {
    for (const suite of cipherSuites.values()) {
      expect(suite.encryption).toMatch(/^[A-Z0-9_]+$/);
      expect(Object.isFrozen(suite)).toBe(true);
      if (suite.level !== 'insufficient') expect(suite.forwardSecret).toBe(true);
    }
  });

  it('agrees with the installed OpenSSL on code, IANA name and OpenSSL name', () => {
    const listing = execFileSync('openssl', ['ciphers', '-V', '-stdname', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'], { encoding: 'utf8' });
    let checked = 0;
    for (const line of listing.split('\n')) {
      const match = /0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\S+)\s+- (\S+)/.exec(line);
      if (match === null) continue;
      const code = Number.parseInt(`${match[1]}${match[2]}`, 16);
      // Another OpenSSL release may list suites this table lacks; those are simply unknown here.
      if (!cipherSuites.has(code)) continue;
      expect(cipherSuite(code)).toMatchObject({ iana: match[3], openssl: match[4] });
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('marks as served by OpenSSL 3 exactly the TLS 1.3 suites and what the installed OpenSSL lists', () => {
    const listing = execFileSync('openssl', ['ciphers', '-V', '-stdname', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'], { encoding: 'utf8' });
    const listed = new Set<number>();
    for (const line of listing.split('\n')) {
      const match = /0x([0-9A-F]{2}),0x([0-9A-F]{2}) - /.exec(line);
      if (match !== null) listed.add(Number.parseInt(`${match[1]}${match[2]}`, 16));
    }
    for (const suite of cipherSuites.values()) {
      const tls13 = suite.minVersion === 'TLSv1.3' && suite.openssl !== null;
      expect([suite.iana, suite.opensslServes]).toEqual([suite.iana, tls13 || listed.has(suite.code)]);
    }
    expect(cipherSuite(0x0005)).toMatchObject({ openssl: 'RC4-SHA', opensslServes: false });
    expect(cipherSuite(0x1305)).toMatchObject({ openssl: 'TLS_AES_128_CCM_8_SHA256', opensslServes: true });
    expect(cipherSuite(0xc02f).opensslServes).toBe(true);
    expect(cipherSuite(0x7777).opensslServes).toBe(false);
  });

  it('treats unknown codes as insufficient and invisible to Internet.nl', () => {
    expect(cipherSuite(0x7777)).toMatchObject({ iana: 'UNKNOWN_0x7777', level: 'insufficient', internetnlSees: false });
  });

  it('cannot be changed', () => {
    expect(() => (cipherSuites as Map<number, unknown>).set(1, {})).toThrow(TypeError);
    expect(() => (cipherSuites as Map<number, unknown>).clear()).toThrow(TypeError);
    expect(cipherSuite(0xc02f).level).toBe('sufficient');
  });
});

describe('named groups', () => {
  it('classifies curves as Internet.nl does', () => {
    expect(namedGroup(23)).toMatchObject({ name: 'secp256r1', kind: 'ec', level: 'good' });
    expect(namedGroup(29)).toMatchObject({ name: 'x25519', kind: 'ecx', level: 'good' });
    expect(namedGroup(21).level).toBe('phase-out');
    expect(namedGroup(19).level).toBe('insufficient');
    expect(namedGroup(22).level).toBe('insufficient');
    expect(namedGroup(256)).toMatchObject({ name: 'ffdhe2048', level: 'insufficient' });
    expect(namedGroup(257)).toMatchObject({ name: 'ffdhe3072', level: 'phase-out' });
    expect(namedGroup(0x9999)).toMatchObject({ kind: 'ec', level: 'insufficient' });
  });

  it("carries OpenSSL's names, which node's createECDH and ecdhCurve take", async () => {
    const { createECDH, getCurves } = await import('node:crypto');
    const { createSecureContext } = await import('node:tls');
    expect(namedGroup(23).openssl).toBe('prime256v1');
    expect(namedGroup(29).openssl).toBe('X25519');
    expect(namedGroup(256).openssl).toBe('ffdhe2048');
    expect(namedGroup(1).openssl).toBeUndefined();
    expect(namedGroup(0x11ec).openssl).toBeUndefined();
    const named = [...namedGroups.values()].filter((info) => info.openssl !== undefined);
    expect(named).toHaveLength(16);
    for (const info of named) {
      if (info.kind === 'ec') {
        expect(getCurves()).toContain(info.openssl);
        expect(createECDH(info.openssl as string).generateKeys().length).toBe(2 * Math.ceil(info.bits / 8) + 1);
      }
    }
    expect(() => createSecureContext({ ecdhCurve: named.map((info) => info.openssl).join(':') })).not.toThrow();
  });

  it('knows the three ML-KEM hybrids as good', () => {
    expect(namedGroup(0x11ec)).toMatchObject({ name: 'X25519MLKEM768', kind: 'hybrid', level: 'good' });
    expect(namedGroup(0x11eb)).toMatchObject({ name: 'SecP256r1MLKEM768', level: 'good' });
    expect(namedGroup(0x11ed)).toMatchObject({ name: 'SecP384r1MLKEM1024', level: 'good' });
    expect(namedGroups.size).toBeGreaterThan(40);
  });
});

/** e * 2^bits, truncated, from the series sum of 1/k! with guard bits. */
function eFixed(bits: number): bigint {
  const guard = 128n;
  let term = 1n << (BigInt(bits) + guard);
  let total = 0n;
  for (let k = 1n; term > 0n; k++) {
    total += term;
    term /= k;
  }
  return total >> guard;
}

describe('RFC 7919 primes', () => {
  it.each(ffdheGroups.map((group) => [group.name, group] as const))('%s matches the RFC 7919 formula', (_name, group) => {
    const b = BigInt(group.bits);
    const p = (1n << b) - (1n << (b - 64n)) + ((eFixed(group.bits - 130) + BigInt(group.x)) << 64n) - 1n;
    expect(p.toString(16)).toBe(group.primeHex);
    expect(group.primeHex.length * 4).toBe(group.bits);
    expect(identifyFfdhePrime(group.primeHex)).toBe(group);
    expect(ffdheGroupByCode(group.code)).toBe(group);
  });

  it.each(ffdheGroups.map((group) => [group.name] as const))('%s equals OpenSSL’s built-in group', (name) => {
    const pem = execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', `group:${name}`], { encoding: 'utf8' });
    const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    const [p, g] = sequenceItems(readDerExact(der), 'DHParameter');
    expect(
      Buffer.from(p?.content ?? [])
        .toString('hex')
        .replace(/^0+/, ''),
    ).toBe(ffdheGroups.find((x) => x.name === name)?.primeHex);
    expect(Buffer.from(g?.content ?? []).toString('hex')).toBe('02');
  });

  it('accepts leading zeros and upper case, and rejects a prime one bit off', () => {
    const group = ffdheGroups[1];
    if (group === undefined) throw new Error('no group');
    expect(identifyFfdhePrime(`00${group.primeHex.toUpperCase()}`)).toBe(group);
    for (const position of [0, 17, group.primeHex.length - 1]) {
      const digit = Number.parseInt(group.primeHex[position] as string, 16) ^ 1;
      const flipped = `${group.primeHex.slice(0, position)}${digit.toString(16)}${group.primeHex.slice(position + 1)}`;
      expect(identifyFfdhePrime(flipped)).toBeUndefined();
    }
    expect(ffdheGroups.map((x) => [x.name, x.level])).toEqual([
      ['ffdhe2048', 'insufficient'],
      ['ffdhe3072', 'phase-out'],
      ['ffdhe4096', 'phase-out'],
      ['ffdhe6144', 'phase-out'],
      ['ffdhe8192', 'phase-out'],
    ]);
  });
});

describe('signature schemes', () => {
  it('grades the key-exchange hash', () => {
    expect(signatureScheme(0x0201)).toMatchObject({ name: 'rsa_pkcs1_sha1', hash: 'sha1', kexHashLevel: 'insufficient' });
    expect(signatureScheme(0x0303)).toMatchObject({ hash: 'sha224', kexHashLevel: 'phase-out' });
    expect(signatureScheme(0x0804)).toMatchObject({ signature: 'rsa-pss', hash: 'sha256', kexHashLevel: 'good' });
    expect(signatureScheme(0x0807)).toMatchObject({ hash: 'intrinsic', kexHashLevel: 'good' });
    expect(signatureScheme(0x0101).kexHashLevel).toBe('insufficient');
    expect(signatureScheme(0xabcd).kexHashLevel).toBe('insufficient');
  });
});

describe('certificate levels', () => {
  it('grades keys', () => {
    const rsa = (bits: number) => certificateKeyLevel({ type: 'rsa', algorithmOid: '', bits }).internetnl;
    expect([rsa(1024), rsa(2047), rsa(2048), rsa(3071), rsa(3072), rsa(4096)]).toEqual([
      'insufficient',
      'insufficient',
      'phase-out',
      'phase-out',
      'sufficient',
      'sufficient',
    ]);
    const ec = (curve: string) => certificateKeyLevel({ type: 'ec', algorithmOid: '', curve }).internetnl;
    expect([ec('secp256r1'), ec('brainpoolP512r1'), ec('secp224r1'), ec('secp256k1')]).toEqual([
      'sufficient',
      'sufficient',
      'phase-out',
      'insufficient',
    ]);
    expect(certificateKeyLevel({ type: 'ed25519', algorithmOid: '' })).toEqual({
      internetnl: 'insufficient',
      pastoe: 'sufficient',
      deviation: 'eddsa-key',
    });
    expect(certificateKeyLevel({ type: 'dsa', algorithmOid: '', bits: 3072 }).internetnl).toBe('insufficient');
  });

  it('grades signatures by OID, and PSS by its hash in pastoe’s reading', () => {
    const sig = (oid: string) => certificateSignatureLevel({ oid, name: oid, hash: 'unknown' }).internetnl;
    expect(sig('1.2.840.113549.1.1.11')).toBe('sufficient');
    expect(sig('1.3.101.112')).toBe('sufficient');
    expect(sig('1.2.840.113549.1.1.14')).toBe('phase-out');
    expect(sig('1.2.840.10045.4.3.1')).toBe('phase-out');
    expect(sig('1.2.840.113549.1.1.5')).toBe('insufficient');
    expect(sig('2.16.840.1.101.3.4.3.2')).toBe('insufficient');
    const pss = (hash: 'sha256' | 'sha1', mgfHash: 'sha256' | 'sha1') =>
      certificateSignatureLevel({ oid: '1.2.840.113549.1.1.10', name: 'RSASSA-PSS', hash, pss: { hash, mgfHash, saltLength: 32 } });
    expect(pss('sha256', 'sha256')).toEqual({ internetnl: 'insufficient', pastoe: 'sufficient', deviation: 'rsassa-pss-signature' });
    expect(pss('sha1', 'sha1')).toEqual({ internetnl: 'insufficient', pastoe: 'insufficient' });
  });

  it('takes the worst level', () => {
    expect(worstLevel(['good', 'phase-out', 'sufficient'])).toBe('phase-out');
    expect(worstLevel([])).toBe('good');
  });
});
