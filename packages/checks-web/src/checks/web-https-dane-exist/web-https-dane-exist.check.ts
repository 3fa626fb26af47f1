import { defineCheck, judgeDaneExists, webTlsaDeclaration, webTlsDeclaration } from '@pastoe/core/model';
import { daneEvaluator } from '../dane-per-address.js';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The website publishes DNSSEC-secure TLSA records for HTTPS at `_443._tcp.<domain>` (Internet.nl
 * `web_https_dane_exist`, optional): present and secure is `good`; none, or in an unsigned zone, is
 * `bad`; a bogus answer or a bogus denial is `bogus`. Judged per address that answered TLS.
 */
export const webHttpsDaneExist = defineCheck({
  id: 'web-https-dane-exist',
  standard: 'dane',
  internetnl: 'web_https_dane_exist',
  references: [
    { kind: 'rfc', id: 'RFC 6698' },
    { kind: 'rfc', id: 'RFC 7671' },
    { kind: 'forum-standaardisatie', id: 'DANE' },
  ],
  probes: { tlsa: webTlsaDeclaration, tls: webTlsDeclaration },
  evaluate: ({ tlsa, tls }, context) => judgePerWebAddress('web-https-dane-exist', tls, daneEvaluator(tlsa.data, judgeDaneExists), context),
});
