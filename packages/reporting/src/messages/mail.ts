import { mailCertificateDaneMessages } from './mail/certificate-dane.js';
import { mailDkimMessages } from './mail/dkim.js';
import { mailDmarcMessages } from './mail/dmarc.js';
import { mailDnssecMessages } from './mail/dnssec.js';
import { mailIpv6Messages } from './mail/ipv6.js';
import { mailMtaStsTlsRptMessages } from './mail/mta-sts-tls-rpt.js';
import { mailRpkiMessages } from './mail/rpki.js';
import { mailSpfMessages } from './mail/spf.js';
import { mailStarttlsMessages } from './mail/starttls.js';
import type { CheckCatalogue, LocalText } from './types.js';

/** The messages of the mail test's checks (`@pastoe/checks-mail`), by check id, in Internet.nl's report order. */
export const mailMessages: CheckCatalogue = {
  ...mailIpv6Messages,
  ...mailDnssecMessages,
  ...mailDmarcMessages,
  ...mailDkimMessages,
  ...mailSpfMessages,
  ...mailStarttlsMessages,
  ...mailCertificateDaneMessages,
  ...mailRpkiMessages,
  ...mailMtaStsTlsRptMessages,
};

/**
 * Shared (dotted, not check-qualified) finding ids the mail checks emit, for the lead to merge
 * into `commonFindings`. Empty: every mail finding id is `<check>.<finding>` of a mail check, and
 * `runner.error` is in `commonFindings` already.
 */
export const mailCommonFindings: Readonly<Record<string, LocalText>> = {};
