import { describe, expect, it } from 'vitest';
import { secureContextFor } from './secure-context.js';
import { createTrustStore } from './store.js';

describe('secureContextFor', () => {
  it('makes one context per trust store and settings, and reuses it', () => {
    const mozilla = createTrustStore();
    const other = createTrustStore();
    const tls12 = { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' } as const;
    expect(secureContextFor(mozilla)).toBe(secureContextFor(mozilla));
    expect(secureContextFor(mozilla, tls12)).toBe(secureContextFor(mozilla, { ...tls12 }));
    expect(secureContextFor(mozilla, tls12)).not.toBe(secureContextFor(mozilla));
    expect(secureContextFor(mozilla, { ...tls12, ciphers: 'ALL:@SECLEVEL=0' })).not.toBe(secureContextFor(mozilla, tls12));
    expect(secureContextFor(other)).not.toBe(secureContextFor(mozilla));
  });
});
