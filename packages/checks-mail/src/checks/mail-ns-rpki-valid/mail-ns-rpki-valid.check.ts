import {
  defineCheck,
  judgeRouteValidity,
  nameServerAddressEvidence,
  nameServerRouteOriginDeclaration,
  rpkiReferences,
} from '@pastoe/core/model';

/** Every route to every address of every name server of the mail domain is RPKI-valid (Internet.nl `mail_ns_rpki_valid`). */
export const mailNsRpkiValid = defineCheck({
  id: 'mail-ns-rpki-valid',
  standard: 'rpki',
  internetnl: 'mail_ns_rpki_valid',
  references: rpkiReferences,
  probes: { origins: nameServerRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRouteValidity('mail-ns-rpki-valid', nameServerAddressEvidence(origins)),
});
