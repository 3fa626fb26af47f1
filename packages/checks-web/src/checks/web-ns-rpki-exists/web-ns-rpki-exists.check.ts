import {
  defineCheck,
  rpkiReferences,
  judgeRoaExistence,
  nameServerAddressEvidence,
  nameServerRouteOriginDeclaration,
} from '@pastoe/core/model';

/** A ROA covers every address of every name server of the domain (Internet.nl `web_ns_rpki_exists`). */
export const webNsRpkiExists = defineCheck({
  id: 'web-ns-rpki-exists',
  standard: 'rpki',
  internetnl: 'web_ns_rpki_exists',
  references: rpkiReferences,
  probes: { origins: nameServerRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRoaExistence('web-ns-rpki-exists', nameServerAddressEvidence(origins)),
});
