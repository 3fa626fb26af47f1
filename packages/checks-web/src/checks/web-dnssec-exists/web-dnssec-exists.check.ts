import { defineCheck, dnssecDeclaration, judgeDnssecExists } from '@pastoe/core/model';

/** The domain's zone is signed with DNSSEC (Internet.nl `web_dnssec_exist`). */
export const webDnssecExists = defineCheck({
  id: 'web-dnssec-exists',
  standard: 'dnssec',
  internetnl: 'web_dnssec_exist',
  references: [
    { kind: 'rfc', id: 'RFC 4033' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecDeclaration },
  evaluate: ({ dnssec }) => judgeDnssecExists('web-dnssec-exists', dnssec.data),
});
