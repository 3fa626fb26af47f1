import { defineCheck, dnssecDeclaration, judgeDnssecValid } from '@pastoe/core/model';

/** The mail domain's DNSSEC validates from the root down (Internet.nl `mail_dnssec_mailto_valid`). */
export const mailDnssecValid = defineCheck({
  id: 'mail-dnssec-valid',
  standard: 'dnssec',
  internetnl: 'mail_dnssec_mailto_valid',
  references: [
    { kind: 'rfc', id: 'RFC 4035', section: '5' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecDeclaration },
  evaluate: ({ dnssec }) => judgeDnssecValid('mail-dnssec-valid', dnssec.data),
});
