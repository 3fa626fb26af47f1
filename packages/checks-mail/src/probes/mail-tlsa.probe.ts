import { implementProbe, type ProbeDefinition, probeTlsa, type TlsaLookupEvidence } from '@pastoe/core';
import { planMailServers } from './mail-server-plan.js';
import { mailTlsaDeclaration } from './mail-tlsa.declaration.js';

/** Implements {@link mailTlsaDeclaration}: core's TLSA lookup at `_25._tcp.<mx>`, with its bogus-denial query, per MX host. */
export const mailTlsaProbe: ProbeDefinition<TlsaLookupEvidence, 'each'> = implementProbe(mailTlsaDeclaration, {
  plan: planMailServers,
  run: (subject, context) => probeTlsa(subject.name, 25, context),
});
