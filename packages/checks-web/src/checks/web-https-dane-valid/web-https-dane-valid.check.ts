import { defineCheck, judgeDaneValid, webTlsaDeclaration, webTlsDeclaration } from '@pastoe/core/model';
import { daneEvaluator } from '../dane-per-address.js';
import { judgePerWebAddress } from '../per-web-address.js';

/**
 * The certificate chain each address sends validates against the domain's TLSA records
 * (Internet.nl `web_https_dane_valid`, recommended; as `ldns-dane -n verify`: DANE-EE matches the
 * leaf, DANE-TA needs the anchor in the chain sent, PKIX usages need the PKIX verification too).
 * Not tested when DANE does not exist.
 */
export const webHttpsDaneValid = defineCheck({
  id: 'web-https-dane-valid',
  standard: 'dane',
  internetnl: 'web_https_dane_valid',
  references: [
    { kind: 'rfc', id: 'RFC 6698' },
    { kind: 'rfc', id: 'RFC 7671' },
    { kind: 'forum-standaardisatie', id: 'DANE' },
  ],
  probes: { tlsa: webTlsaDeclaration, tls: webTlsDeclaration },
  evaluate: ({ tlsa, tls }, context) => judgePerWebAddress('web-https-dane-valid', tls, daneEvaluator(tlsa.data, judgeDaneValid), context),
});
