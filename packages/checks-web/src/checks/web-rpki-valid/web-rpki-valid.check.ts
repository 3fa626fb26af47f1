import { defineCheck, rpkiReferences, judgeRouteValidity, webRouteOriginDeclaration } from '@pastoe/core/model';

/** Every route to every web server address of the domain is RPKI-valid (Internet.nl `web_rpki_valid`). */
export const webRpkiValid = defineCheck({
  id: 'web-rpki-valid',
  standard: 'rpki',
  internetnl: 'web_rpki_valid',
  references: rpkiReferences,
  probes: { origins: webRouteOriginDeclaration },
  acceptsProbeErrors: true,
  evaluate: ({ origins }) => judgeRouteValidity('web-rpki-valid', origins),
});
