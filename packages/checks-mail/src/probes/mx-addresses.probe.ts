import { type AddressEvidence, implementProbe, type ProbeDefinition, probeAddresses } from '@pastoe/core';
import { mailServerSubjects } from './mail-server-subjects.js';
import { mxAddressesDeclaration } from './mx-addresses.declaration.js';

/**
 * Implements {@link mxAddressesDeclaration}: plans the MX hosts from the MX evidence when the
 * domain has real mail servers, and looks up each one's addresses with core's address lookup
 * (CNAMEs followed; SERVFAIL and failed queries are typed failures). When the MX lookup failed
 * the plan fails as `dependency`.
 */
export const mxAddressesProbe: ProbeDefinition<AddressEvidence, 'each'> = implementProbe(mxAddressesDeclaration, {
  plan: mailServerSubjects,
  run: (subject, context) => probeAddresses(subject.name, context),
});
