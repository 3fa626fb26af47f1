import {
  defineCheck,
  rpkiReferences,
  judgeRouteValidity,
  nameServerAddressEvidence,
  nameServerRouteOriginDeclaration,
} from '@pastoe/core/model';

/** Every route to every address of every name server of the domain is RPKI-valid (Internet.nl `web_ns_rpki_valid`). */
export const webNsRpkiValid = defineCheck({
  id: 'web-ns-rpki-valid',
  standard: 'rpki',
  internetnl: 'web_ns_rpki_valid',
  references: rpkiReferences,
  probes: { origins: nameServerRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRouteValidity('web-ns-rpki-valid', nameServerAddressEvidence(origins)),
});
