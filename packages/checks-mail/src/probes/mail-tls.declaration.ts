import { declareProbe, type TlsEvidence } from '@pastoe/core/model';

/** The STARTTLS scan of one address of a mail server. */
export interface MailServerTlsScan {
  /** The address scanned. */
  readonly ip: string;
  /** What the scan of SMTP STARTTLS on port 25 of that address observed. */
  readonly tls: TlsEvidence;
}

/** SMTP STARTTLS on port 25 of one MX host: its addresses and the scans of those pastoe tested. */
export interface MailServerTlsEvidence {
  /** The MX host name. */
  readonly host: string;
  /** Its IPv4 addresses, in the order of the DNS answer. */
  readonly ipv4: readonly string[];
  /** Its IPv6 addresses, in the order of the DNS answer. */
  readonly ipv6: readonly string[];
  /** Why an address lookup gave no answer (e.g. `NXDOMAIN`, `SERVFAIL`), when one did not. */
  readonly addressError?: string;
  /** The scans: one, of the first IPv6 address, else the first IPv4 address; none without an address. */
  readonly scans: readonly MailServerTlsScan[];
}

/**
 * STARTTLS on port 25 of every mail server the mail test judges: one piece of evidence per MX
 * host, with the TLS scan of one of its addresses (the first IPv6, else the first IPv4).
 */
export const mailTlsDeclaration = declareProbe<MailServerTlsEvidence>({
  id: 'tls-mail',
  description: 'Scans SMTP STARTTLS on port 25 of every MX host (its first IPv6 address, else its first IPv4 address)',
  scope: 'each',
  needs: ['dns', 'tcp', 'smtp'],
});
