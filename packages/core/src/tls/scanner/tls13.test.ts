import { hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RecordProtection, clientKeyShares, deriveSecret, emptyHash, hkdfExpand, hkdfExtract, tls13ClientSuite } from './tls13.js';

const sha256 = tls13ClientSuite(0x1301);

describe('TLS 1.3 key schedule', () => {
  it('matches RFC 8448 (simple 1-RTT handshake): early secret and its derived secret', () => {
    if (sha256 === undefined) throw new Error('no suite');
    const early = hkdfExtract('sha256', new Uint8Array(32), new Uint8Array(32));
    expect(early.toString('hex')).toBe('33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a');
    expect(deriveSecret(sha256, early, 'derived', emptyHash(sha256)).toString('hex')).toBe(
      '6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba',
    );
  });

  it('agrees with node:crypto HKDF', () => {
    const salt = randomBytes(32);
    const ikm = randomBytes(40);
    const info = randomBytes(20);
    for (const length of [12, 32, 48, 100]) {
      const ours = hkdfExpand('sha384', hkdfExtract('sha384', salt, ikm), info, length);
      expect(ours.toString('hex')).toBe(Buffer.from(hkdfSync('sha384', ikm, salt, info, length)).toString('hex'));
    }
  });
});

describe('RecordProtection', () => {
  it.each([0x1301, 0x1302, 0x1303])('seals and opens records with suite %i, and rejects tampering', (code) => {
    const suite = tls13ClientSuite(code);
    if (suite === undefined) throw new Error('no suite');
    const secret = randomBytes(suite.hashLength);
    const sender = new RecordProtection(suite, secret);
    const receiver = new RecordProtection(suite, secret);
    for (const text of ['first', 'second record']) {
      const record = sender.seal(23, Buffer.from(text));
      expect(record[0]).toBe(23);
      expect(receiver.open(record.subarray(0, 5), record.subarray(5))).toEqual({ type: 23, plaintext: Buffer.from(text) });
    }
    const record = sender.seal(22, Buffer.from('x'));
    record[record.length - 1] = (record[record.length - 1] as number) ^ 1;
    expect(receiver.open(record.subarray(0, 5), record.subarray(5))).toBeUndefined();
  });
});

describe('clientKeyShares', () => {
  it('offers X25519, P-256 and P-384 shares that agree with a peer', () => {
    const shares = clientKeyShares();
    expect(shares.map((s) => [s.group, s.publicKey.length])).toEqual([
      [29, 32],
      [23, 65],
      [24, 97],
    ]);
    const peer = clientKeyShares();
    for (const [i, share] of shares.entries()) {
      const other = peer[i];
      if (other === undefined) throw new Error('missing');
      expect(share.secret(other.publicKey)?.toString('hex')).toBe(other.secret(share.publicKey)?.toString('hex'));
    }
    expect(shares[0]?.secret(new Uint8Array(5))).toBeUndefined();
    expect(shares[1]?.secret(new Uint8Array(65))).toBeUndefined();
  });
});
