import { evaluate } from '@pastoe/core/model';
import { describe, expect, it } from 'vitest';
import { tlsEvidence } from '../../../../core/src/tls/evaluate/test-support/evidence.js';
import { tlsBundle } from '../test-support/tls-bundle.js';
import { webHttpsTlsCompress } from './web-https-tls-compress.check.js';

const judge = (overrides: Parameters<typeof tlsEvidence>[0]) =>
  evaluate([webHttpsTlsCompress], tlsBundle([{ ip: '192.0.2.1', data: tlsEvidence(overrides) }]))[0];

describe('web-https-tls-compress', () => {
  it('fails TLS compression and passes without it', () => {
    expect(judge({ compression: true })).toMatchObject({ status: 'fail', outcome: 'bad', internetnl: { name: 'web_https_tls_compress' } });
    expect(judge({ compression: false })).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(judge({ reachable: false })).toMatchObject({ status: 'not-tested', outcome: 'not-tested' });
  });
});
