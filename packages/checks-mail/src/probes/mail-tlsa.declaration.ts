import { declareProbe, type TlsaLookupEvidence } from '@pastoe/core/model';

/** The TLSA records for SMTP of every mail server (`_25._tcp.<mx>`), validated from the trust anchors down. */
export const mailTlsaDeclaration = declareProbe<TlsaLookupEvidence>({
  id: 'tlsa-mail',
  description: 'Looks up and validates the TLSA records for SMTP (_25._tcp) of every MX host',
  scope: 'each',
});
