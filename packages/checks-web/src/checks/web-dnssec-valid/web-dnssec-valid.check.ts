import { defineCheck, dnssecDeclaration, judgeDnssecValid } from '@pastoe/core/model';

/** The domain's DNSSEC validates from the root down (Internet.nl `web_dnssec_valid`). */
export const webDnssecValid = defineCheck({
  id: 'web-dnssec-valid',
  standard: 'dnssec',
  internetnl: 'web_dnssec_valid',
  references: [
    { kind: 'rfc', id: 'RFC 4035', section: '5' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecDeclaration },
  evaluate: ({ dnssec }) => judgeDnssecValid('web-dnssec-valid', dnssec.data),
});
