import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { sha1, sha256, sha512 } from './sha.js';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The 448-bit message of the FIPS 180-4 examples: two blocks once padded. */
const twoBlock = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';

describe('sha256 (FIPS 180-4 examples)', () => {
  it.each([
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    [twoBlock, '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j', (message, digest) => {
    expect(toHex(sha256(ascii(message)))).toBe(digest);
  });

  it('hashes a million times "a"', () => {
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});

describe('sha1 (FIPS 180-4 examples)', () => {
  it.each([
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    [twoBlock, '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ])('hashes %j', (message, digest) => {
    expect(toHex(sha1(ascii(message)))).toBe(digest);
  });
});

describe('sha512 (FIPS 180-4 examples)', () => {
  const twoBlock512 = 'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
  it.each([
    [
      'abc',
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    ],
    [
      '',
      'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    ],
    [
      twoBlock512,
      '8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909',
    ],
  ])('hashes %j', (message, digest) => {
    expect(toHex(sha512(ascii(message)))).toBe(digest);
  });
});

describe('sha1, sha256 and sha512 agree with node:crypto', () => {
  // Every length around the padding boundaries (55, 56, 63, 64 bytes) and some longer inputs,
  // as views into a larger buffer, so that byteOffset handling is exercised too.
  const lengths = [...Array.from({ length: 140 }, (_, n) => n), 1000, 4095, 4096, 65_537];
  it('on random inputs of every length near a block boundary', () => {
    for (const length of lengths) {
      const backing = randomBytes(length + 7);
      const message = new Uint8Array(backing.buffer, backing.byteOffset + 3, length);
      expect(toHex(sha256(message)), `sha256, ${length} bytes`).toBe(createHash('sha256').update(message).digest('hex'));
      expect(toHex(sha1(message)), `sha1, ${length} bytes`).toBe(createHash('sha1').update(message).digest('hex'));
    }
  });

  it('sha512 on random inputs of every length near its 128-byte block boundary', () => {
    for (const length of [...Array.from({ length: 260 }, (_, n) => n), 4095, 4096]) {
      const backing = randomBytes(length + 5);
      const message = new Uint8Array(backing.buffer, backing.byteOffset + 2, length);
      expect(toHex(sha512(message)), `sha512, ${length} bytes`).toBe(createHash('sha512').update(message).digest('hex'));
    }
  });
});
