import { type DnssecEvidence, defineProbe, type ProbeDefinition, probeDnssec } from '@pastoe/core';
import { mailServers } from '../parsers/mail-servers.js';
import { mxProbe } from './mx.probe.js';

/** The DNSSEC of each mail server's name (SOA lookup), one run per MX host. */
export const mxDnssecProbe: ProbeDefinition<DnssecEvidence, 'each'> = defineProbe({
  id: 'mail-mx-dnssec',
  description: 'Validates the DNSSEC chain of every MX host name (SOA lookup)',
  scope: 'each',
  async plan(context) {
    const mx = await context.evidence(mxProbe);
    if (!mx.ok) return [];
    return mailServers(mx.data).hosts.map((name) => ({ name, role: 'mx' as const }));
  },
  run: (subject, context) => probeDnssec(subject.name, context),
});
