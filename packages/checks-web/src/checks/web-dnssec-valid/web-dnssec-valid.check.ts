import { defineCheck, dnssecProbe, judgeDnssecValid } from '@pastoe/core';

/** The domain's DNSSEC validates from the root down (Internet.nl `web_dnssec_valid`). */
export const webDnssecValid = defineCheck({
  id: 'web-dnssec-valid',
  level: 'required',
  standard: 'dnssec',
  internetnl: { name: 'web_dnssec_valid', category: 'web_dnssec' },
  references: [
    { kind: 'rfc', id: 'RFC 4035', section: '5' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecProbe },
  evaluate: ({ dnssec }) => judgeDnssecValid('web-dnssec-valid', dnssec.data),
});
