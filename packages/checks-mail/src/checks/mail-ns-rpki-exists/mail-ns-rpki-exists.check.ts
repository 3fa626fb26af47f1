import {
  defineCheck,
  judgeRoaExistence,
  nameServerAddressEvidence,
  nameServerRouteOriginDeclaration,
  rpkiReferences,
} from '@pastoe/core/model';

/** A ROA covers every address of every name server of the mail domain (Internet.nl `mail_ns_rpki_exists`). */
export const mailNsRpkiExists = defineCheck({
  id: 'mail-ns-rpki-exists',
  standard: 'rpki',
  internetnl: 'mail_ns_rpki_exists',
  references: rpkiReferences,
  probes: { origins: nameServerRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRoaExistence('mail-ns-rpki-exists', nameServerAddressEvidence(origins)),
});
