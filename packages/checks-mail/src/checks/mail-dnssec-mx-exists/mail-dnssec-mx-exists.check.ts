import { defineCheck, judgeDnssecExists } from '@pastoe/core/model';
import { mxDnssecDeclaration } from '../../probes/mx-dnssec.declaration.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { judgePerMailServer, noMailServerResult } from '../per-mail-server.js';

/** Every mail server's zone is signed with DNSSEC (Internet.nl `mail_dnssec_mx_exist`). */
export const mailDnssecMxExists = defineCheck({
  id: 'mail-dnssec-mx-exists',
  standard: 'dnssec',
  internetnl: 'mail_dnssec_mx_exist',
  references: [
    { kind: 'rfc', id: 'RFC 4033' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { mx: mxDeclaration, servers: mxDnssecDeclaration },
  evaluate: ({ mx, servers }) =>
    judgePerMailServer('mail-dnssec-mx-exists', mx, servers, judgeDnssecExists, (situation, { nullMxAdvised }) =>
      noMailServerResult('mail-dnssec-mx-exists', situation, 'no-mailservers', nullMxAdvised),
    ),
});
