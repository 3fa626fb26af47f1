import { defineCheck, dnssecProbe, judgeDnssecExists } from '@pastoe/core';

/** The mail domain's zone is signed with DNSSEC (Internet.nl `mail_dnssec_mailto_exist`). */
export const mailDnssecExists = defineCheck({
  id: 'mail-dnssec-exists',
  level: 'required',
  standard: 'dnssec',
  internetnl: { name: 'mail_dnssec_mailto_exist', category: 'mail_dnssec' },
  references: [
    { kind: 'rfc', id: 'RFC 4033' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecProbe },
  evaluate: ({ dnssec }) => judgeDnssecExists('mail-dnssec-exists', dnssec.data),
});
