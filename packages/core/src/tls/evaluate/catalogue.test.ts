import { describe, expect, it } from 'vitest';
import { evaluateCaa, judgeCaa } from '../../caa/evaluate.js';
import { evaluateDane } from '../../dane/evaluate.js';
import { judgeDaneExists, judgeDaneRollover, judgeDaneValid } from '../../dane/judge.js';
import { findInternetNlSubtest } from '../../scoring/internetnl-catalogue.js';
import type { TlsEvidence } from '../types.js';
import { evaluateCertHostmatch } from './cert-hostmatch.js';
import { evaluateCertPubkey } from './cert-pubkey.js';
import { evaluateCertSignature } from './cert-signature.js';
import { evaluateCertTrust } from './cert-trust.js';
import { evaluateTlsCipherOrder } from './cipher-order.js';
import { evaluateTlsCiphers } from './ciphers.js';
import { evaluateTlsClientRenegotiation } from './client-renegotiation.js';
import { evaluateTlsCompression } from './compression.js';
import { evaluateTlsExtendedMasterSecret } from './extended-master-secret.js';
import { evaluateTlsKexHash } from './kex-hash.js';
import { evaluateTlsKeyExchange } from './key-exchange.js';
import { evaluateTlsOcsp } from './ocsp.js';
import { evaluateTlsSecureRenegotiation } from './secure-renegotiation.js';
import type { TlsEvaluationContext, TlsJudgement } from './shared.js';
import { ecdhe, suites, testContext, tlsEvidence, versions } from './test-support/evidence.js';
import { evaluateTlsVersion } from './version.js';
import { evaluateTlsZeroRtt } from './zero-rtt.js';

type Evaluator = (evidence: TlsEvidence, context: TlsEvaluationContext) => TlsJudgement;

/** Each evaluator with the web and mail subtests it serves. */
const evaluators: readonly (readonly [Evaluator, string, string | undefined])[] = [
  [evaluateTlsVersion, 'web_https_tls_version', 'mail_starttls_tls_version'],
  [evaluateTlsCiphers, 'web_https_tls_ciphers', 'mail_starttls_tls_ciphers'],
  [evaluateTlsCipherOrder, 'web_https_tls_cipherorder', 'mail_starttls_tls_cipherorder'],
  [evaluateTlsKeyExchange, 'web_https_tls_keyexchange', 'mail_starttls_tls_keyexchange'],
  [evaluateTlsKexHash, 'web_https_tls_keyexchangehash', 'mail_starttls_tls_keyexchangehash'],
  [evaluateTlsCompression, 'web_https_tls_compress', 'mail_starttls_tls_compress'],
  [evaluateTlsSecureRenegotiation, 'web_https_tls_secreneg', 'mail_starttls_tls_secreneg'],
  [evaluateTlsClientRenegotiation, 'web_https_tls_clientreneg', 'mail_starttls_tls_clientreneg'],
  [evaluateTlsExtendedMasterSecret, 'web_https_tls_extendedmastersecret', 'mail_starttls_tls_extendedmastersecret'],
  [evaluateTlsZeroRtt, 'web_https_tls_0rtt', 'mail_starttls_tls_0rtt'],
  [evaluateTlsOcsp, 'web_https_tls_ocsp', undefined],
  [evaluateCertTrust, 'web_https_cert_chain', 'mail_starttls_cert_chain'],
  [evaluateCertPubkey, 'web_https_cert_pubkey', 'mail_starttls_cert_pubkey'],
  [evaluateCertSignature, 'web_https_cert_sig', 'mail_starttls_cert_sig'],
  [evaluateCertHostmatch, 'web_https_cert_domain', 'mail_starttls_cert_domain'],
];

/** A spread of evidence that drives most branches. */
const fixtures: TlsEvidence[] = [
  tlsEvidence(),
  tlsEvidence({ reachable: false }),
  tlsEvidence({ versions: versions('TLSv1.3'), suites: [suites('TLSv1.3')], keyExchanges: [ecdhe('TLSv1.3', 0x1302, 29)] }),
  tlsEvidence({
    versions: versions('TLSv1.0', 'TLSv1.2'),
    suites: [suites('TLSv1.2', 0xc02f, 0xc027, 0xc013)],
    keyExchanges: [ecdhe('TLSv1.2', 0xc02f, 21), ecdhe('TLSv1.2', 0xc013, 22)],
    kexHash: { sha1: true, sha224: true },
    compression: true,
    secureRenegotiation: false,
    extendedMasterSecret: false,
    cipherOrder: { tested: true, violation: { chosen: 0xc027, expected: 0xc02f }, serverPreference: false },
    renegotiation: { attempted: 11, accepted: 11 },
    zeroRtt: { maxEarlyData: 16384, accepted: true },
    trust: { verified: false, store: 'mozilla' },
  }),
  tlsEvidence({
    suites: [suites('TLSv1.2', 0xc02f, 0xc027)],
    kexHash: { sha1: false, sha224: true },
    cipherOrder: { tested: false, serverPreference: null },
    renegotiation: { attempted: 11, accepted: 3 },
    extendedMasterSecret: null,
  }),
];

describe('outcome codes match the Internet.nl catalogue', () => {
  for (const [evaluate, web, mail] of evaluators) {
    it(`${web}${mail === undefined ? '' : ` / ${mail}`}`, () => {
      for (const [name, service] of [
        [web, 'web'],
        [mail, 'mail'],
      ] as const) {
        if (name === undefined) continue;
        const subtest = findInternetNlSubtest(name);
        expect(subtest, name).toBeDefined();
        for (const evidence of fixtures) {
          for (const hasDaneTa of [false, true]) {
            const result = evaluate(evidence, testContext({ service, hasDaneTa }));
            const expected = subtest?.outcomes[result.outcome];
            expect(expected, `${name}: ${result.outcome}`).toBeDefined();
            expect(result.status, `${name}: ${result.outcome}`).toBe(expected?.status);
            if (result.forced) expect(name).toBe('mail_starttls_cert_domain');
          }
        }
      }
    });
  }

  it('DANE and CAA judgements use catalogue outcomes', () => {
    const now = new Date();
    const results = [
      evaluateDane({ service: 'mail', tlsa: { records: [], dnssec: 'secure' }, now }),
      evaluateDane({ service: 'mail', tlsa: { records: [], dnssec: 'bogus' }, now }),
      evaluateDane({
        service: 'mail',
        tlsa: { records: [{ usage: 3, selector: 1, matchingType: 1, certificateData: 'ab' }], dnssec: 'secure' },
        now,
      }),
    ];
    for (const result of results) {
      for (const [judge, names] of [
        [judgeDaneExists, ['web_https_dane_exist', 'mail_starttls_dane_exist']],
        [judgeDaneValid, ['web_https_dane_valid', 'mail_starttls_dane_valid']],
        [judgeDaneRollover, ['mail_starttls_dane_rollover']],
      ] as const) {
        for (const name of names) {
          const judged = judge('x', result);
          expect(findInternetNlSubtest(name)?.outcomes[judged.outcome]?.status, `${name}: ${judged.outcome}`).toBe(judged.status);
        }
      }
    }
    const caa = [
      evaluateCaa({ status: 'not-found', tried: [] }),
      evaluateCaa({ status: 'found', name: 'a.nl', canonicalName: 'a.nl', records: [{ flags: 0, tag: 'issue', value: ';' }] }),
      evaluateCaa({ status: 'found', name: 'a.nl', canonicalName: 'a.nl', records: [{ flags: 0, tag: 'issuewild', value: ';' }] }),
      evaluateCaa({ status: 'found', name: 'a.nl', canonicalName: 'a.nl', records: [{ flags: 0, tag: 'iodef', value: 'x' }] }),
    ];
    for (const evaluation of caa) {
      for (const name of ['web_https_tls_caa', 'mail_starttls_tls_caa']) {
        const judged = judgeCaa('x', evaluation);
        expect(findInternetNlSubtest(name)?.outcomes[judged.outcome]?.status, `${name}: ${judged.outcome}`).toBe(judged.status);
      }
    }
  });
});
