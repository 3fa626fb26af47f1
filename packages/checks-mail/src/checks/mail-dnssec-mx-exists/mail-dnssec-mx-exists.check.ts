import { defineCheck, judgeDnssecExists } from '@pastoe/core';
import { mxDnssecProbe } from '../../probes/mx-dnssec.probe.js';
import { mxProbe } from '../../probes/mx.probe.js';
import { judgePerMailServer, noMailServerResult } from '../per-mail-server.js';

/** Every mail server's zone is signed with DNSSEC (Internet.nl `mail_dnssec_mx_exist`). */
export const mailDnssecMxExists = defineCheck({
  id: 'mail-dnssec-mx-exists',
  level: 'recommended',
  standard: 'dnssec',
  internetnl: { name: 'mail_dnssec_mx_exist', category: 'mail_dnssec' },
  references: [
    { kind: 'rfc', id: 'RFC 4033' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { mx: mxProbe, servers: mxDnssecProbe },
  evaluate: ({ mx, servers }) =>
    judgePerMailServer('mail-dnssec-mx-exists', mx, servers, judgeDnssecExists, (situation) =>
      noMailServerResult('mail-dnssec-mx-exists', situation, 'no-mailservers'),
    ),
});
