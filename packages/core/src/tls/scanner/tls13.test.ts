import { hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  RecordProtection,
  clientEarlyTrafficSecret,
  clientKeyShares,
  x25519KeyShare,
  deriveSecret,
  earlySecret,
  emptyHash,
  finishedMac,
  handshakeSecret,
  hkdfExpand,
  hkdfExtract,
  masterSecret,
  resumptionBinderKey,
  resumptionMasterSecret,
  ticketPsk,
  tls13ClientSuite,
  trafficKeys,
  trafficSecrets,
} from './tls13.js';

const sha256 = tls13ClientSuite(0x1301);

const hex = (text: string): Buffer => Buffer.from(text, 'hex');

// RFC 8448 §3 (simple 1-RTT handshake) and §4 (resumed 0-RTT handshake), TLS_AES_128_GCM_SHA256.
const rfc8448 = {
  shared: '8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d',
  /** Hash of ClientHello … ServerHello. */
  helloHash: '860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8',
  /** Hash of ClientHello … server Finished. */
  serverFinishedHash: '9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13',
  /** Hash of ClientHello … client Finished. */
  clientFinishedHash: '209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d',
  handshake: '1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac',
  clientHandshakeTraffic: 'b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21',
  serverHandshakeTraffic: 'b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38',
  serverHandshakeKey: '3fce516009c21727d0f2e4e86ee403bc',
  serverHandshakeIv: '5d313eb2671276ee13000b30',
  master: '18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919',
  clientApplicationTraffic: '9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5',
  serverApplicationTraffic: 'a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643',
  clientFinished: 'a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61',
  resumptionMaster: '7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c',
  /** The ticket's PSK (nonce 00 00). */
  psk: '4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3',
  resumedEarly: '9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c',
  binderKey: '69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256',
  /** Hash of the resumed ClientHello up to its binders. */
  partialHelloHash: '63224b2e4573f2d3454ca84b9d009a04f6be9e05711a8396473aefa01e924a14',
  binder: '3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d',
  /** Hash of the whole resumed ClientHello. */
  resumedHelloHash: '08ad0fa05d7c7233b1775ba2ff9f4c5b8b59276b7f227f13a976245f5d960913',
  clientEarlyTraffic: '3fbbe6a60deb66c30a32795aba0eff7eaa10105586e7be5c09678d63b6caab62',
};

describe('TLS 1.3 key schedule', () => {
  it('matches RFC 8448 (simple 1-RTT handshake): early secret and its derived secret', () => {
    if (sha256 === undefined) throw new Error('no suite');
    const early = hkdfExtract('sha256', new Uint8Array(32), new Uint8Array(32));
    expect(early.toString('hex')).toBe('33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a');
    expect(earlySecret(sha256).toString('hex')).toBe(early.toString('hex'));
    expect(deriveSecret(sha256, early, 'derived', emptyHash(sha256)).toString('hex')).toBe(
      '6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba',
    );
  });

  it('matches RFC 8448 (simple 1-RTT handshake): handshake, master, traffic and resumption secrets, keys and Finished', () => {
    if (sha256 === undefined) throw new Error('no suite');
    const handshake = handshakeSecret(sha256, earlySecret(sha256), hex(rfc8448.shared));
    expect(handshake.toString('hex')).toBe(rfc8448.handshake);
    const handshakeTraffic = trafficSecrets(sha256, handshake, 'hs', hex(rfc8448.helloHash));
    expect(handshakeTraffic.client.toString('hex')).toBe(rfc8448.clientHandshakeTraffic);
    expect(handshakeTraffic.server.toString('hex')).toBe(rfc8448.serverHandshakeTraffic);
    const keys = trafficKeys(sha256, handshakeTraffic.server);
    expect([keys.key.toString('hex'), keys.iv.toString('hex')]).toEqual([rfc8448.serverHandshakeKey, rfc8448.serverHandshakeIv]);
    const master = masterSecret(sha256, handshake);
    expect(master.toString('hex')).toBe(rfc8448.master);
    const applicationTraffic = trafficSecrets(sha256, master, 'ap', hex(rfc8448.serverFinishedHash));
    expect(applicationTraffic.client.toString('hex')).toBe(rfc8448.clientApplicationTraffic);
    expect(applicationTraffic.server.toString('hex')).toBe(rfc8448.serverApplicationTraffic);
    expect(finishedMac(sha256, handshakeTraffic.client, hex(rfc8448.serverFinishedHash)).toString('hex')).toBe(rfc8448.clientFinished);
    const resumption = resumptionMasterSecret(sha256, master, hex(rfc8448.clientFinishedHash));
    expect(resumption.toString('hex')).toBe(rfc8448.resumptionMaster);
    expect(ticketPsk(sha256, resumption, Uint8Array.from([0, 0])).toString('hex')).toBe(rfc8448.psk);
  });

  it('matches RFC 8448 (resumed 0-RTT handshake): early secret, binder and early traffic secret', () => {
    if (sha256 === undefined) throw new Error('no suite');
    const early = earlySecret(sha256, hex(rfc8448.psk));
    expect(early.toString('hex')).toBe(rfc8448.resumedEarly);
    const binderKey = resumptionBinderKey(sha256, early);
    expect(binderKey.toString('hex')).toBe(rfc8448.binderKey);
    expect(finishedMac(sha256, binderKey, hex(rfc8448.partialHelloHash)).toString('hex')).toBe(rfc8448.binder);
    expect(clientEarlyTrafficSecret(sha256, early, hex(rfc8448.resumedHelloHash)).toString('hex')).toBe(rfc8448.clientEarlyTraffic);
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

describe('x25519KeyShare', () => {
  it('gives the public key and shared secret of RFC 7748 section 6.1', () => {
    const hex = (text: string) => Buffer.from(text, 'hex');
    const alice = x25519KeyShare(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'));
    const bob = x25519KeyShare(hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb'));
    expect(Buffer.from(alice.publicKey).toString('hex')).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(Buffer.from(bob.publicKey).toString('hex')).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    expect(alice.secret(bob.publicKey)?.toString('hex')).toBe('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
    expect(() => x25519KeyShare(new Uint8Array(31))).toThrow(RangeError);
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
