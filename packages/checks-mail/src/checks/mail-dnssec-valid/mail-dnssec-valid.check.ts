import { defineCheck, dnssecProbe, judgeDnssecValid } from '@pastoe/core';

/** The mail domain's DNSSEC validates from the root down (Internet.nl `mail_dnssec_mailto_valid`). */
export const mailDnssecValid = defineCheck({
  id: 'mail-dnssec-valid',
  level: 'required',
  standard: 'dnssec',
  internetnl: { name: 'mail_dnssec_mailto_valid', category: 'mail_dnssec' },
  references: [
    { kind: 'rfc', id: 'RFC 4035', section: '5' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { dnssec: dnssecProbe },
  evaluate: ({ dnssec }) => judgeDnssecValid('mail-dnssec-valid', dnssec.data),
});
