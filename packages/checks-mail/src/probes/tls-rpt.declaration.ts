import { declareProbe } from '@pastoe/core/model';
import type { VersionedTxtLookup } from '../txt/txt-evidence.js';

/** What the TLS-RPT probe records: the TXT lookup at `_smtp._tls.<domain>`, keeping records that begin with `v=TLSRPTv1`. */
export interface TlsRptEvidence {
  /** The mail domain, lowercased. */
  readonly domain: string;
  /** The lookup. */
  readonly record: VersionedTxtLookup;
}

/** The TLS-RPT record of the mail domain (RFC 8460 §3). SERVFAIL or no answer is kept as a lookup error. */
export const tlsRptDeclaration = declareProbe<TlsRptEvidence>({
  id: 'mail-tls-rpt',
  description: 'Looks up the TLS-RPT record of the mail domain at _smtp._tls.<domain>',
});
