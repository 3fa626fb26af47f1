import { type DnssecEvidence, implementProbe, type ProbeDefinition, probeDnssec } from '@pastoe/core';
import { mailServers } from '../parsers/mail-servers.js';
import { mxDnssecDeclaration } from './mx-dnssec.declaration.js';
import { mxDeclaration } from './mx.declaration.js';

/** Implements {@link mxDnssecDeclaration}: plans the hosts from the MX evidence, validates each with the scan's validator. */
export const mxDnssecProbe: ProbeDefinition<DnssecEvidence, 'each'> = implementProbe(mxDnssecDeclaration, {
  async plan(context) {
    const mx = await context.evidence(mxDeclaration);
    if (!mx.ok) return [];
    return mailServers(mx.data).hosts.map((name) => ({ name, role: 'mx' as const }));
  },
  run: (subject, context) => probeDnssec(subject.name, context),
});
