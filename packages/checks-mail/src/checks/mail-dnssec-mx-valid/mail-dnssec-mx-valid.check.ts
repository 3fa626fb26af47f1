import { defineCheck, judgeDnssecValid } from '@pastoe/core';
import { mxDnssecProbe } from '../../probes/mx-dnssec.probe.js';
import { mxProbe } from '../../probes/mx.probe.js';
import { judgePerMailServer } from '../per-mail-server.js';

/** Every mail server's DNSSEC validates (Internet.nl `mail_dnssec_mx_valid`). */
export const mailDnssecMxValid = defineCheck({
  id: 'mail-dnssec-mx-valid',
  level: 'recommended',
  standard: 'dnssec',
  internetnl: { name: 'mail_dnssec_mx_valid', category: 'mail_dnssec' },
  references: [
    { kind: 'rfc', id: 'RFC 4035', section: '5' },
    { kind: 'forum-standaardisatie', id: 'DNSSEC' },
  ],
  probes: { mx: mxProbe, servers: mxDnssecProbe },
  evaluate: ({ mx, servers }) =>
    judgePerMailServer('mail-dnssec-mx-valid', mx, servers, judgeDnssecValid, () => ({ status: 'not-tested', outcome: 'not-tested' })),
});
