import { defineCheck, judgeDnssecValid } from '@pastoe/core/model';
import { mxDnssecDeclaration } from '../../probes/mx-dnssec.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServer } from '../per-mail-server.js';

/** Every mail server's DNSSEC validates (Internet.nl `mail_dnssec_mx_valid`). */
export const mailDnssecMxValid = defineCheck({
  id: 'mail-dnssec-mx-valid',
  standard: 'dnssec',
  internetnl: 'mail_dnssec_mx_valid',
  references: [
    { kind: 'rfc', id: 'RFC 4035', section: '5' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { mx: mxDeclaration, servers: mxDnssecDeclaration },
  evaluate: ({ mx, servers }) =>
    judgePerMailServer('mail-dnssec-mx-valid', mx, servers, judgeDnssecValid, () => ({ status: 'not-tested', outcome: 'not-tested' })),
});
