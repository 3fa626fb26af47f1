import { describe, expect, it } from 'vitest';
import type { HelloOutcome } from './dialer.js';
import { type FirstHello, helloFingerprint } from './hello-fingerprint.js';
import type { ServerFlight } from './records.js';

function hello(suite: number, extra: Partial<ServerFlight> = {}, extensions: readonly number[] = [0xff01, 0x17]): HelloOutcome {
  return {
    kind: 'hello',
    flight: {
      serverHello: {
        legacyVersion: 0x0303,
        version: 0x0303,
        helloRetry: false,
        suite,
        compression: 0,
        extensions,
        secureRenegotiation: true,
        extendedMasterSecret: true,
        statusRequest: false,
      },
      keyExchangeSent: true,
      keyExchange: { kind: 'ecdhe', group: 29, signatureScheme: 0x0804, signed: true },
      certificateRequested: false,
      complete: true,
      ...extra,
    },
  };
}

const refusal: HelloOutcome = { kind: 'alert', level: 2, description: 70, message: 'protocol_version' };

function firstHellos(tls12: HelloOutcome, tls11: HelloOutcome = refusal): FirstHello[] {
  return [
    { version: 'TLSv1.2', outcome: tls12 },
    { version: 'TLSv1.1', outcome: tls11 },
  ];
}

describe('helloFingerprint', () => {
  it('is equal for equal answers, whatever certificates came with them or the order of extensions', () => {
    const one = helloFingerprint('full', firstHellos(hello(0xc02f, { certificates: [new Uint8Array([1, 2, 3])] })));
    const other = helloFingerprint('full', firstHellos(hello(0xc02f, { certificates: [new Uint8Array([9])] }, [0x17, 0xff01])));
    expect(one).toMatch(/^[0-9a-f]{32}$/);
    expect(other).toBe(one);
  });

  it('differs when the suite, a key-exchange parameter, an extension, a refusal or the profile differs', () => {
    const base = helloFingerprint('full', firstHellos(hello(0xc02f)));
    const variants = [
      helloFingerprint('full', firstHellos(hello(0xc030))),
      helloFingerprint(
        'full',
        firstHellos(hello(0xc02f, { keyExchange: { kind: 'ecdhe', group: 23, signatureScheme: 0x0804, signed: true } })),
      ),
      helloFingerprint('full', firstHellos(hello(0xc02f, {}, [0xff01]))),
      helloFingerprint('full', firstHellos(hello(0xc02f), { kind: 'failure', code: 'reset', message: 'reset' })),
      helloFingerprint('minimal', firstHellos(hello(0xc02f))),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('is absent when an answer depended on timing', () => {
    expect(helloFingerprint('full', firstHellos(hello(0xc02f), { kind: 'failure', code: 'timeout', message: 'timeout' }))).toBeUndefined();
    const unavailable: HelloOutcome = { kind: 'unavailable', failure: { stage: 'connect', code: 'refused', message: 'refused' } };
    expect(helloFingerprint('full', firstHellos(unavailable))).toBeUndefined();
  });
});
