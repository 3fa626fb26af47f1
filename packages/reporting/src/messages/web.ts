import type { CheckCatalogue } from './types.js';
import { webCertificateMessages } from './web/certificates.js';
import { webDnssecRpkiMessages } from './web/dnssec-rpki.js';
import { webHeaderMessages } from './web/headers.js';
import { webHttpsMessages } from './web/https.js';
import { webIpv6Messages } from './web/ipv6.js';
import { webSecurityTxtMessages } from './web/securitytxt.js';
import { webTlsMessages } from './web/tls.js';

/** The messages of the website test's checks (`@pastoe/checks-web`), by check id. */
export const webMessages: CheckCatalogue = {
  ...webIpv6Messages,
  ...webDnssecRpkiMessages,
  ...webHttpsMessages,
  ...webTlsMessages,
  ...webCertificateMessages,
  ...webHeaderMessages,
  ...webSecurityTxtMessages,
};
