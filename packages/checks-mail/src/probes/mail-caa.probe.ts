import { type CaaEvidence, implementProbe, type ProbeDefinition, probeCaa } from '@pastoe/core';
import { mailCaaDeclaration } from './mail-caa.declaration.js';
import { planMailServers } from './mail-server-plan.js';

/** Implements {@link mailCaaDeclaration}: core's CAA tree climb from each MX host name. */
export const mailCaaProbe: ProbeDefinition<CaaEvidence, 'each'> = implementProbe(mailCaaDeclaration, {
  plan: planMailServers,
  run: (subject, context) => probeCaa(subject.name, context),
});
