import { defineCheck, dnssecProbe, judgeDnssecExists } from '@pastoe/core';

/** The domain's zone is signed with DNSSEC (Internet.nl `web_dnssec_exist`). */
export const webDnssecExists = defineCheck({
  id: 'web-dnssec-exists',
  level: 'required',
  standard: 'dnssec',
  internetnl: { name: 'web_dnssec_exist', category: 'web_dnssec' },
  references: [
    { kind: 'rfc', id: 'RFC 4033' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecProbe },
  evaluate: ({ dnssec }) => judgeDnssecExists('web-dnssec-exists', dnssec.data),
});
