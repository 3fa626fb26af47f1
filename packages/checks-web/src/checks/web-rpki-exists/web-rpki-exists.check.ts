import { defineCheck, rpkiReferences, judgeRoaExistence, webRouteOriginDeclaration } from '@pastoe/core/model';

/** A ROA covers every web server address of the domain (Internet.nl `web_rpki_exists`). */
export const webRpkiExists = defineCheck({
  id: 'web-rpki-exists',
  standard: 'rpki',
  internetnl: 'web_rpki_exists',
  references: rpkiReferences,
  probes: { origins: webRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRoaExistence('web-rpki-exists', origins),
});
