import { defineCheck, dnssecDeclaration, judgeDnssecExists } from '@pastoe/core/model';

/** The mail domain's zone is signed with DNSSEC (Internet.nl `mail_dnssec_mailto_exist`). */
export const mailDnssecExists = defineCheck({
  id: 'mail-dnssec-exists',
  standard: 'dnssec',
  internetnl: 'mail_dnssec_mailto_exist',
  references: [
    { kind: 'rfc', id: 'RFC 4033' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecDeclaration },
  evaluate: ({ dnssec }) => judgeDnssecExists('mail-dnssec-exists', dnssec.data),
});
