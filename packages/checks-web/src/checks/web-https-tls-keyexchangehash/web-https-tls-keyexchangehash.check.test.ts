import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsKeyExchangeHash } from './web-https-tls-keyexchangehash.check.js';

const judge = (overrides: Parameters<typeof tlsEvidence>[0]) =>
  evaluate([webHttpsTlsKeyExchangeHash], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence(overrides) }]))[0];

describe('web-https-tls-keyexchangehash', () => {
  it('becomes required once tested: SHA-1 fails, SHA-224 is phase-out, SHA-256 passes', () => {
    expect(judge({ kexHash: { sha1: true, sha224: null } })).toMatchObject({ status: 'fail', outcome: 'bad', level: 'required' });
    expect(judge({ kexHash: { sha1: false, sha224: true } })).toMatchObject({ status: 'warning', outcome: 'phase-out', level: 'required' });
    expect(judge({})).toMatchObject({ status: 'pass', outcome: 'good', level: 'required' });
  });

  it('stays optional when the test could not run', () => {
    expect(judge({ kexHash: { sha1: null, sha224: null } })).toMatchObject({ status: 'not-tested', level: 'optional' });
    expect(judge({ reachable: false })).toMatchObject({ status: 'not-tested', outcome: 'not-tested', level: 'optional' });
  });
});
