import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DnsMessage, DnsQuestion, DnsResult, Resolver } from '../dns/types.js';
import { isSubdomain, nameKey } from './names.js';
import { T } from './rrtypes.js';
import {
  anchorText,
  corruptSignature,
  dsFor,
  editMessage,
  generateKey,
  keyFromPair,
  type Rewrite,
  rr,
  type TestKey,
  TestZones,
  type ZoneSpec,
} from './test-support/zones.js';
import { createValidator, type ValidatorOptions } from './validator.js';

const now = (): Date => new Date('2030-01-01T00:00:00Z');
const past = { inception: Date.UTC(2020, 0, 1) / 1000, expiration: Date.UTC(2021, 0, 1) / 1000 };
const future = { inception: Date.UTC(2035, 0, 1) / 1000, expiration: Date.UTC(2040, 0, 1) / 1000 };

const rootKey = generateKey(13);
const tldKey = generateKey(13);
const k = (algorithm = 13, flags = 257): TestKey => generateKey(algorithm, flags);

function leaf(apex: string, keys: readonly TestKey[], extra: Partial<ZoneSpec> = {}): ZoneSpec {
  return {
    apex,
    keys,
    records: [
      rr(apex, { type: 'A', address: '192.0.2.1' }),
      rr(`www.${apex}`, { type: 'A', address: '192.0.2.2' }),
      rr(`www.${apex}`, { type: 'AAAA', address: '2001:db8::2' }),
      rr(`*.wild.${apex}`, { type: 'A', address: '192.0.2.77' }),
      rr(`host.ent.${apex}`, { type: 'A', address: '192.0.2.3' }),
      rr(`a.b.c.d.deep.${apex}`, { type: 'TXT', strings: ['deep'] }),
      rr(`alias.${apex}`, { type: 'CNAME', target: `www.${apex}` }),
    ],
    ...extra,
  };
}

/** A P-256 key whose DNSKEY, DS and RRSIGs claim algorithm 253 (private), which pastoe does not validate. */
const unknownAlgorithmKey = (() => {
  const real = k(13);
  return keyFromPair(13, 257, real.privateKey, createPublicKey(real.privateKey), 253);
})();

const ecdsa = k(13);
const rsaKsk = k(8, 257);
const rsaZsk = k(8, 256);
const ed25519 = k(15);
const ed448 = k(16);
const p384 = k(14);
const rsa512 = k(10);
const nsec3Key = k(13);
const optoutKey = k(13);
const slowKey = k(13);
const expiredKey = k(13);
const futureKey = k(13);
const badsigKey = k(13);
const nosigKey = k(13);
const nonsecKey = k(13);
const mismatchKey = k(13);
const absentKey = k(13);
const strayKey = k(13);
const noZoneBitKey = generateKey(13, 1);
const gostKey = k(13);
const dnskeyFailKey = k(13);

const zones: ZoneSpec[] = [
  { apex: '', keys: [rootKey] },
  { apex: 'test', keys: [tldKey] },
  leaf('secure.test', [ecdsa], {
    records: [
      ...(leaf('secure.test', []).records ?? []),
      rr('out.secure.test', { type: 'CNAME', target: 'www.insecure.test' }),
      rr('tobad.secure.test', { type: 'CNAME', target: 'www.badsig.test' }),
      rr('loop1.secure.test', { type: 'CNAME', target: 'loop2.secure.test' }),
      rr('loop2.secure.test', { type: 'CNAME', target: 'loop1.secure.test' }),
      rr('old.secure.test', { type: 'DNAME', target: 'nsec3.test' }),
    ],
  }),
  leaf('rsa.test', [rsaKsk, rsaZsk]),
  leaf('ed25519.test', [ed25519]),
  leaf('ed448.test', [ed448]),
  leaf('p384.test', [p384], { ds: [dsFor('p384.test', p384, 4)] }),
  leaf('rsasha512.test', [rsa512], { ds: [dsFor('rsasha512.test', rsa512, 1), dsFor('rsasha512.test', rsa512, 2)] }),
  leaf('nsec3.test', [nsec3Key], { denial: 'nsec3', nsec3: { iterations: 5, salt: 'beef' } }),
  leaf('optout.test', [optoutKey], { denial: 'nsec3', nsec3: { iterations: 0, optOut: true } }),
  leaf('unsigned.optout.test', []),
  leaf('slow.test', [slowKey], { denial: 'nsec3', nsec3: { iterations: 200, salt: 'ab' } }),
  leaf('insecure.test', []),
  leaf('island.insecure.test', [k(13)]),
  leaf('sub.nocut.test', [k(13)]),
  leaf('expired.test', [expiredKey], past),
  leaf('future.test', [futureKey], future),
  leaf('badsig.test', [badsigKey]),
  leaf('nosig.test', [nosigKey]),
  leaf('nonsec.test', [nonsecKey]),
  leaf('ds-mismatch.test', [mismatchKey], { ds: [{ ...dsFor('ds-mismatch.test', mismatchKey), digest: '00'.repeat(32) }] }),
  leaf('ds-absent-key.test', [absentKey], { ds: [dsFor('ds-absent-key.test', strayKey)] }),
  leaf('unknown-algo.test', [unknownAlgorithmKey]),
  leaf('gost.test', [gostKey], { ds: [{ ...dsFor('gost.test', gostKey), digestType: 3 }] }),
  leaf('no-zone-bit.test', [noZoneBitKey]),
  leaf('dnskey-fail.test', [dnskeyFailKey]),
  leaf('broken.test', [k(13)]),
  leaf('slowserver.test', [k(13)]),
];

const faults: Rewrite = (original: DnsMessage, question): DnsMessage | DnsResult => {
  let message = original;
  const under = (zone: string): boolean => isSubdomain(question.name, zone);
  // The A record of www.badsig.test is changed after signing, wherever it appears.
  if (question.type === T.A) {
    message = editMessage(message, {
      answers: (r) => (r.name === 'www.badsig.test' && r.data.type === 'A' ? rr(r.name, { type: 'A', address: '192.0.2.99' }) : r),
    });
  }
  if (under('badsig.test') && question.name === 'badsig.test' && question.type === T.A) {
    return editMessage(message, { answers: (r) => (r.data.type === 'RRSIG' ? corruptSignature(r) : r) });
  }
  if (under('nosig.test') && question.type === T.A) {
    return editMessage(message, { answers: (r) => (r.data.type === 'RRSIG' ? undefined : r) });
  }
  if (under('nonsec.test') && question.type !== T.DS && question.type !== T.DNSKEY) {
    return editMessage(message, {
      authority: (r) => (r.data.type === 'NSEC' || (r.data.type === 'RRSIG' && r.data.typeCovered === 'NSEC') ? undefined : r),
    });
  }
  if (question.name === 'www.broken.test') return editMessage(message, { rcode: 'SERVFAIL', answers: () => undefined });
  if (question.name === 'dnskey-fail.test' && question.type === T.DNSKEY)
    return editMessage(message, { rcode: 'SERVFAIL', answers: () => undefined });
  if (question.name === 'www.slowserver.test') {
    return { ok: false, error: { code: 'timeout', message: 'no answer within 2000 ms' }, server: 'memory', elapsedMs: 2000 };
  }
  return message;
};

function setup(options: Partial<ValidatorOptions> = {}, rewrite: Rewrite | undefined = faults) {
  const server = new TestZones(zones, rewrite);
  const validator = createValidator({ resolver: server, trustAnchors: anchorText('', [rootKey]), now, ...options });
  return { server, validator };
}

describe('createValidator over signed in-memory zones', () => {
  it('validates a signed answer from the root down and reports each zone', async () => {
    const { validator } = setup();
    const result = await validator.validate('www.secure.test', 'A');
    expect(result).toMatchObject({ status: 'secure', reason: 'validated', rcode: 'NOERROR', answer: 'positive', wildcard: false });
    expect(result.records.map((r) => r.data)).toEqual([{ type: 'A', address: '192.0.2.2' }]);
    expect(result.chain.map((s) => [s.zone, s.ds, s.dnskey, s.status])).toEqual([
      ['', 'trust-anchor', 'secure', 'secure'],
      ['test', 'secure', 'secure', 'secure'],
      ['secure.test', 'secure', 'secure', 'secure'],
    ]);
    expect(result.chain[2]).toMatchObject({ keyTags: [ecdsa.tag], algorithms: [13], dsKeyTags: [ecdsa.tag], dsDigestTypes: [2] });
    expect(result.chain[2]?.keys).toEqual([{ keyTag: ecdsa.tag, algorithm: 13, flags: 257, bits: 256 }]);
    // DNSKEY of the root, DS and DNSKEY of test and of secure.test, and the answer.
    expect(result.queries).toBe(6);
  });

  it('reuses cached keys for the next name of the same zone', async () => {
    const { validator, server } = setup();
    await validator.validate('www.secure.test', 'A');
    const before = server.log.length;
    const second = await validator.validate('secure.test', 'A');
    expect(second).toMatchObject({ status: 'secure', queries: 1 });
    expect(server.log.slice(before)).toEqual(['secure.test/A']);
    const third = await validator.validate('www.secure.test', 'AAAA');
    expect(third).toMatchObject({ status: 'secure', queries: 1 });
    const stats = validator.stats();
    expect(stats).toMatchObject({ validations: 3, queries: 8 });
    expect(stats.cacheHits).toBeGreaterThanOrEqual(6);
    expect(stats.cachedZones).toBe(3);
    validator.clearCache();
    expect((await validator.validate('secure.test', 'A')).queries).toBe(6);
  });

  it('fetches the keys once for concurrent validations below the same zones', async () => {
    const { validator, server } = setup();
    const names = ['www.secure.test', 'secure.test', 'alias.secure.test', 'nope.secure.test', 'www.nsec3.test', 'www.rsa.test'];
    const results = await Promise.all(names.map((name) => validator.validate(name, 'A')));
    expect(results.map((r) => r.status)).toEqual(['secure', 'secure', 'secure', 'secure', 'secure', 'secure']);
    expect(server.log.filter((q) => q === './DNSKEY')).toHaveLength(1);
    expect(server.log.filter((q) => q === 'secure.test/DNSKEY')).toHaveLength(1);
    expect(validator.stats().coalesced).toBeGreaterThan(0);
    // Each result still lists the whole chain it relied on.
    expect(results[1]?.chain.map((s) => s.zone)).toEqual(['', 'test', 'secure.test']);
  });

  it('does its own work when the validation it joined was aborted', async () => {
    const { validator } = setup();
    const controller = new AbortController();
    const first = validator.validate('www.secure.test', 'A', { signal: controller.signal });
    const second = validator.validate('secure.test', 'A');
    controller.abort();
    expect(await first).toMatchObject({ status: 'indeterminate', reason: 'aborted' });
    expect(await second).toMatchObject({ status: 'secure' });
  });

  it.each([
    ['rsa.test', 8],
    ['ed25519.test', 15],
    ['ed448.test', 16],
    ['p384.test', 14],
    ['rsasha512.test', 10],
  ])('validates %s (algorithm %i)', async (zone, algorithm) => {
    const { validator } = setup();
    const result = await validator.validate(`www.${zone}`, 'A');
    expect(result).toMatchObject({ status: 'secure', reason: 'validated' });
    expect(result.chain.at(-1)?.algorithms).toContain(algorithm);
    expect(result.chain.at(-1)?.keys?.map((key) => key.algorithm)).toContain(algorithm);
  });

  it('reports the modulus size of RSA keys (RFC 3110)', async () => {
    const { validator } = setup();
    const rsa = await validator.validate('www.rsa.test', 'A');
    const rsasha512 = await validator.validate('www.rsasha512.test', 'A');
    expect(rsa.chain.at(-1)?.keys?.map((key) => [key.flags, key.bits])).toEqual([
      [257, 1024],
      [256, 1024],
    ]);
    expect(rsasha512.chain.at(-1)?.keys?.map((key) => key.bits)).toEqual([2048]);
  });

  it('ignores the SHA-1 DS when a SHA-256 DS is present (RFC 4509 §3)', async () => {
    const { validator } = setup();
    const result = await validator.validate('rsasha512.test', 'A');
    expect(result.chain.at(-1)?.dsDigestTypes).toEqual([1, 2]);
    expect(result.status).toBe('secure');
  });

  it('follows a CNAME inside a zone and returns the chain', async () => {
    const { validator } = setup();
    const result = await validator.validate('alias.secure.test', 'A');
    expect(result).toMatchObject({ status: 'secure', answer: 'positive' });
    expect(result.records.map((r) => r.type)).toEqual(['CNAME', 'A']);
  });

  it('validates a DNAME and the CNAME synthesised from it', async () => {
    const { validator } = setup();
    const result = await validator.validate('www.old.secure.test', 'A');
    expect(result).toMatchObject({ status: 'secure' });
    expect(result.records.map((r) => `${r.name} ${r.type}`)).toEqual([
      'old.secure.test DNAME',
      'www.nsec3.test A',
      'www.old.secure.test CNAME',
    ]);
  });

  it('is insecure when a CNAME leads into an unsigned zone', async () => {
    const { validator } = setup();
    const result = await validator.validate('out.secure.test', 'A');
    expect(result).toMatchObject({ status: 'insecure', reason: 'insecure-delegation' });
    expect(result.records.map((r) => r.type)).toEqual(['CNAME', 'A']);
  });

  it('is bogus when a CNAME leads to bogus data', async () => {
    const { validator } = setup();
    const result = await validator.validate('tobad.secure.test', 'A');
    expect(result).toMatchObject({ status: 'bogus', reason: 'signature-invalid', records: [] });
  });

  it('detects a CNAME loop', async () => {
    const { validator } = setup();
    expect(await validator.validate('loop1.secure.test', 'A')).toMatchObject({ status: 'bogus', reason: 'cname-loop' });
  });

  it('proves NXDOMAIN with NSEC', async () => {
    const { validator } = setup();
    const result = await validator.validate('nope.secure.test', 'A');
    expect(result).toMatchObject({ status: 'secure', rcode: 'NXDOMAIN', answer: 'nxdomain', records: [] });
  });

  it('proves NODATA with NSEC, also at an empty non-terminal', async () => {
    const { validator } = setup();
    expect(await validator.validate('www.secure.test', 'TXT')).toMatchObject({ status: 'secure', answer: 'nodata', rcode: 'NOERROR' });
    expect(await validator.validate('ent.secure.test', 'A')).toMatchObject({ status: 'secure', answer: 'nodata' });
  });

  it('validates a wildcard answer with its NSEC proof, and rejects it without', async () => {
    const { validator } = setup();
    const result = await validator.validate('anything.wild.secure.test', 'A');
    expect(result).toMatchObject({ status: 'secure', wildcard: true });
    expect(result.records[0]).toMatchObject({ name: 'anything.wild.secure.test', data: { type: 'A', address: '192.0.2.77' } });
    expect(await validator.validate('x.wild.secure.test', 'MX')).toMatchObject({ status: 'secure', answer: 'nodata' });
    const stripped = setup({}, (message, q) =>
      q.name === 'anything.wild.secure.test' ? editMessage(message, { authority: () => undefined }) : message,
    );
    expect(await stripped.validator.validate('anything.wild.secure.test', 'A')).toMatchObject({ status: 'bogus', reason: 'nsec-missing' });
  });

  it('waits for two rounds of queries cold, whatever the depth, with no more queries than one step at a time', async () => {
    const { validator, server } = setup();
    const result = await validator.validate('www.secure.test', 'A');
    // The answer; then the root keys and the DS and DNSKEY RRsets of test and secure.test.
    expect([result.status, result.queries, validator.stats().sequentialQueries]).toEqual(['secure', 6, 2]);
    expect(new Set(server.log).size).toBe(server.log.length);
    // Warm, the answer is all it asks.
    await validator.validate('secure.test', 'A');
    expect(validator.stats().sequentialQueries).toBe(3);
  });

  it('asks in vain, ahead of the walk, the keys of a name that is no cut and the chain below an insecure delegation', async () => {
    // The DNSKEY RRset of nocut.test (no zone) is asked alongside its DS RRset, and the walk
    // finds out only then that it is not needed: one query more than a walk one step at a time.
    const nocut = setup();
    const secure = await nocut.validator.validate('www.sub.nocut.test', 'A');
    expect([secure.status, secure.queries, nocut.validator.stats().sequentialQueries]).toEqual(['secure', 8, 2]);
    expect(nocut.server.log).toContain('nocut.test/DNSKEY');
    // A signed island below the unsigned insecure.test: its keys and DS RRset, and the keys of
    // insecure.test, are asked before the walk learns that the chain ends at insecure.test.
    const island = setup();
    const insecure = await island.validator.validate('www.island.insecure.test', 'A');
    expect([insecure.status, insecure.reason, insecure.queries]).toEqual(['insecure', 'insecure-delegation', 8]);
    expect(island.server.log).toEqual(
      expect.arrayContaining(['insecure.test/DNSKEY', 'island.insecure.test/DS', 'island.insecure.test/DNSKEY']),
    );
  });

  it('does not check the same signature twice: a warm validation takes its checks from memory', async () => {
    const { validator } = setup();
    await validator.validate('www.secure.test', 'A');
    const cold = validator.stats();
    expect(cold.signaturesRemembered).toBe(0);
    expect((await validator.validate('www.secure.test', 'A')).status).toBe('secure');
    const warm = validator.stats();
    // The keys are cached; the answer's one signature is checked again, from memory.
    expect([warm.signatureChecks - cold.signatureChecks, warm.signaturesRemembered]).toEqual([1, 1]);
    // Another RRset signed by the same key is another check.
    await validator.validate('www.secure.test', 'AAAA');
    expect(validator.stats().signaturesRemembered).toBe(1);
    validator.clearCache();
    await validator.validate('www.secure.test', 'A');
    expect(validator.stats().signaturesRemembered).toBe(1);
  });

  it('sends nothing ahead when the answer itself fails', async () => {
    const { validator, server } = setup();
    const result = await validator.validate('www.broken.test', 'A');
    expect([result.status, result.queries, server.log]).toEqual(['indeterminate', 1, ['www.broken.test/A']]);
    expect(validator.stats().sequentialQueries).toBe(1);
  });

  it('validates deep names with one walk to the signing zone', async () => {
    const { validator } = setup();
    const result = await validator.validate('a.b.c.d.deep.secure.test', 'TXT');
    expect(result).toMatchObject({ status: 'secure', queries: 6 });
  });

  it('validates NSEC3 answers: positive, NXDOMAIN, NODATA, empty non-terminal and wildcard', async () => {
    const { validator } = setup();
    expect(await validator.validate('www.nsec3.test', 'A')).toMatchObject({ status: 'secure' });
    expect(await validator.validate('nope.nsec3.test', 'A')).toMatchObject({ status: 'secure', answer: 'nxdomain' });
    expect(await validator.validate('www.nsec3.test', 'MX')).toMatchObject({ status: 'secure', answer: 'nodata' });
    expect(await validator.validate('ent.nsec3.test', 'A')).toMatchObject({ status: 'secure', answer: 'nodata' });
    expect(await validator.validate('x.y.wild.nsec3.test', 'A')).toMatchObject({ status: 'secure', wildcard: true });
    expect(await validator.validate('x.wild.nsec3.test', 'TXT')).toMatchObject({ status: 'secure', answer: 'nodata' });
  });

  it('treats an opt-out span over an unsigned delegation as insecure', async () => {
    const { validator } = setup();
    expect(await validator.validate('www.unsigned.optout.test', 'A')).toMatchObject({ status: 'insecure', reason: 'insecure-delegation' });
    expect(await validator.validate('www.optout.test', 'A')).toMatchObject({ status: 'secure' });
    expect(await validator.validate('nope.optout.test', 'A')).toMatchObject({ status: 'insecure', reason: 'nsec3-optout' });
  });

  it('treats NSEC3 with too many iterations as insecure, and the limit is configurable', async () => {
    const { validator } = setup();
    expect(await validator.validate('nope.slow.test', 'A')).toMatchObject({
      status: 'insecure',
      reason: 'nsec3-iterations-too-high',
      ede: 27,
    });
    expect(await validator.validate('www.slow.test', 'A')).toMatchObject({ status: 'secure' });
    const lenient = setup({ maxNsec3Iterations: 500 });
    expect(await lenient.validator.validate('nope.slow.test', 'A')).toMatchObject({ status: 'secure', answer: 'nxdomain' });
  });

  it('is insecure below a delegation without DS', async () => {
    const { validator } = setup();
    const result = await validator.validate('www.insecure.test', 'A');
    expect(result).toMatchObject({ status: 'insecure', reason: 'insecure-delegation' });
    expect(result.records).toHaveLength(1);
    expect(result.chain.at(-1)).toMatchObject({ zone: 'insecure.test', ds: 'absent', dnskey: 'not-checked', status: 'insecure' });
    expect(await validator.validate('nope.insecure.test', 'A')).toMatchObject({ status: 'insecure', answer: 'nxdomain' });
  });

  it.each([
    ['www.expired.test', 'bogus', 'signature-expired', 7],
    ['www.future.test', 'bogus', 'signature-not-yet-valid', 8],
    ['www.badsig.test', 'bogus', 'signature-invalid', 6],
    ['badsig.test', 'bogus', 'signature-invalid', 6],
    ['www.nosig.test', 'bogus', 'rrsigs-missing', 10],
    ['nope.nonsec.test', 'bogus', 'nsec-missing', 12],
    ['www.nonsec.test', 'secure', 'validated', undefined],
    ['www.ds-mismatch.test', 'bogus', 'ds-mismatch', 6],
    ['www.ds-absent-key.test', 'bogus', 'dnskey-missing', 9],
    ['www.no-zone-bit.test', 'bogus', 'no-zone-key-bit', 11],
    ['www.unknown-algo.test', 'insecure', 'unsupported-dnskey-algorithm', 1],
    ['www.gost.test', 'insecure', 'unsupported-ds-digest', 2],
    ['www.broken.test', 'indeterminate', 'servfail', undefined],
    ['www.dnskey-fail.test', 'indeterminate', 'servfail', undefined],
    ['www.slowserver.test', 'indeterminate', 'timeout', undefined],
  ] as const)('%s is %s (%s)', async (name, status, reason, ede) => {
    const { validator } = setup();
    const result = await validator.validate(name, 'A');
    expect(result).toMatchObject({ status, reason });
    expect(result.ede).toBe(ede);
    if (status === 'bogus' || status === 'indeterminate') expect(result.records).toEqual([]);
    expect(result.detail === undefined).toBe(status === 'secure');
  });

  it('keeps bad data of one RRset from spoiling the rest of the zone', async () => {
    const { validator } = setup();
    expect(await validator.validate('www.badsig.test', 'A')).toMatchObject({ status: 'bogus' });
    expect(await validator.validate('www.badsig.test', 'AAAA')).toMatchObject({ status: 'secure' });
  });

  it('caches a bogus zone for a short time only', async () => {
    let clock = new Date('2030-01-01T00:00:00Z');
    const { validator, server } = setup({ now: () => clock });
    await validator.validate('www.ds-mismatch.test', 'A');
    const before = server.log.length;
    await validator.validate('ds-mismatch.test', 'A');
    expect(server.log.length - before).toBe(1);
    clock = new Date('2030-01-01T00:02:00Z');
    const after = server.log.length;
    await validator.validate('ds-mismatch.test', 'A');
    // The answer, then the DS and DNSKEY of the zone again; the root and test stay cached.
    expect(server.log.slice(after)).toEqual(['ds-mismatch.test/A', 'ds-mismatch.test/DS', 'ds-mismatch.test/DNSKEY']);
  });

  it('validates DS and DNSKEY queries themselves', async () => {
    const { validator } = setup();
    expect(await validator.validate('secure.test', 'DS')).toMatchObject({ status: 'secure', answer: 'positive' });
    expect(await validator.validate('secure.test', 'DNSKEY')).toMatchObject({ status: 'secure', answer: 'positive' });
    expect(await validator.validate('insecure.test', 'DS')).toMatchObject({ status: 'secure', answer: 'nodata' });
  });

  it('is bogus for everything when the trust anchor does not match the root keys', async () => {
    const server = new TestZones(zones);
    const validator = createValidator({ resolver: server, trustAnchors: anchorText('', [k(13)]), now });
    const result = await validator.validate('www.secure.test', 'A');
    expect(result).toMatchObject({ status: 'bogus', reason: 'dnskey-missing' });
    expect(result.chain).toMatchObject([{ zone: '', ds: 'trust-anchor', dnskey: 'bogus' }]);
  });

  it('accepts a DNSKEY trust anchor below the root, and is insecure outside it', async () => {
    const server = new TestZones(zones);
    const key = tldKey.dnskey;
    const validator = createValidator({
      resolver: server,
      trustAnchors: `test. IN DNSKEY ${key.flags} 3 ${key.algorithm} ${key.publicKey}`,
      now,
    });
    const result = await validator.validate('www.secure.test', 'A');
    expect(result).toMatchObject({ status: 'secure' });
    expect(result.chain.map((s) => s.zone)).toEqual(['test', 'secure.test']);
    expect(await validator.validate('example', 'A')).toMatchObject({ status: 'insecure', reason: 'no-trust-anchor' });
  });

  it('is indeterminate when the query budget runs out', async () => {
    const { validator } = setup({ limits: { maxQueries: 3 } });
    expect(await validator.validate('www.secure.test', 'A')).toMatchObject({ status: 'indeterminate', reason: 'work-limit-exceeded' });
  });

  it('is indeterminate when aborted or given an invalid name, and never rejects', async () => {
    const { validator } = setup();
    const controller = new AbortController();
    controller.abort();
    expect(await validator.validate('www.secure.test', 'A', { signal: controller.signal })).toMatchObject({
      status: 'indeterminate',
      reason: 'aborted',
    });
    expect(await validator.validate('a..b', 'A')).toMatchObject({ status: 'indeterminate', reason: 'invalid-name' });
    expect(await validator.validate('ok.test', 'NOPE' as never)).toMatchObject({ status: 'indeterminate', reason: 'invalid-name' });
    expect(await validator.validate('ok.test', 'ANY')).toMatchObject({ status: 'indeterminate', reason: 'invalid-name' });
    const throwing: Resolver = {
      description: 'broken',
      query: () => Promise.reject(new Error('boom')),
      stats: () => ({ queries: 0, upstreamQueries: 0, cacheHits: 0, coalesced: 0 }),
    };
    const broken = createValidator({ resolver: throwing, trustAnchors: anchorText('', [rootKey]), now });
    expect(await broken.validate('www.secure.test', 'A')).toMatchObject({ status: 'indeterminate', reason: 'network' });
  });

  it('normalises the name it is given', async () => {
    const { validator } = setup();
    expect(await validator.validate('WWW.Secure.TEST.', 'A')).toMatchObject({ name: 'www.secure.test', status: 'secure' });
  });
});

describe('trustUpstreamAd mode', () => {
  function upstream(answer: (q: DnsQuestion) => Partial<DnsMessage>): Resolver & { questions: DnsQuestion[] } {
    const questions: DnsQuestion[] = [];
    return {
      description: 'fake',
      questions,
      query: async (q) => {
        questions.push(q);
        const message: DnsMessage = {
          id: 1,
          rcode: 'NOERROR',
          flags: { aa: false, tc: false, rd: true, ra: true, ad: false, cd: false },
          question: [{ name: q.name, type: q.type, class: 'IN' }],
          answers: [],
          authority: [],
          additional: [],
          ...answer(q),
        };
        return { ok: true, message, server: 'fake', elapsedMs: 1, cached: false };
      },
      stats: () => ({ queries: questions.length, upstreamQueries: questions.length, cacheHits: 0, coalesced: 0 }),
    };
  }

  it('trusts AD, reads DNSSEC EDEs on SERVFAIL and calls the rest insecure', async () => {
    const resolver = upstream((q) => {
      const name = nameKey(q.name);
      if (name === 'good.test')
        return {
          flags: { aa: false, tc: false, rd: true, ra: true, ad: true, cd: false },
          answers: [rr(name, { type: 'A', address: '192.0.2.1' })],
        };
      if (name === 'bad.test')
        return { rcode: 'SERVFAIL', edns: { udpPayloadSize: 1232, dnssecOk: true, extendedErrors: [{ code: 7, text: 'expired' }] } };
      if (name === 'down.test') return { rcode: 'SERVFAIL' };
      return { answers: [rr(name, { type: 'A', address: '192.0.2.9' })] };
    });
    const validator = createValidator({ resolver, trustUpstreamAd: true });
    expect(await validator.validate('good.test', 'A')).toMatchObject({ status: 'secure', queries: 1, records: [{ name: 'good.test' }] });
    expect(await validator.validate('bad.test', 'A')).toMatchObject({ status: 'bogus', reason: 'signature-expired' });
    expect(await validator.validate('down.test', 'A')).toMatchObject({ status: 'indeterminate', reason: 'servfail' });
    expect(await validator.validate('plain.test', 'A')).toMatchObject({ status: 'insecure', reason: 'upstream-not-authenticated' });
    expect(resolver.questions.every((q) => q.checkingDisabled === false && q.dnssecOk === true)).toBe(true);
  });
});
