import { implementProbe, type ProbeDefinition } from '@pastoe/core';
import { lookupVersionedTxt } from '../txt/txt-lookup.js';
import { isTlsRptRecordText } from '../tls-rpt/parse.js';
import { type TlsRptEvidence, tlsRptDeclaration } from './tls-rpt.declaration.js';

/** Implements {@link tlsRptDeclaration} with the scan's resolver. */
export const tlsRptProbe: ProbeDefinition<TlsRptEvidence, 'target'> = implementProbe(tlsRptDeclaration, {
  async run(subject, context) {
    const domain = subject.name.toLowerCase().replace(/\.$/, '');
    const record = await lookupVersionedTxt(`_smtp._tls.${domain}`, isTlsRptRecordText, {
      resolver: context.transports.resolver,
      signal: context.signal,
    });
    return { domain, record };
  },
});
