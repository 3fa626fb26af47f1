import { declareProbe } from '@pastoe/core/model';
import type { VersionedTxtLookup } from '../txt/txt-evidence.js';

/** One response header MTA-STS evidence keeps (name lowercased). */
export type MtaStsHeader = readonly [name: string, value: string];

/**
 * Why the policy could not be fetched, when the cause lies with the domain's side: no address for
 * `mta-sts.<domain>`, or the HTTP client's error (`refused`, `unreachable`, `timeout`,
 * `tls-handshake`, `certificate`, `closed`, `header-too-large`, `malformed-response`,
 * `bad-chunked-encoding`). pastoe's own failures (aborted, an address it may not reach) fail the
 * probe instead.
 */
export interface MtaStsFetchError {
  /** `no-address`, or the HTTP client's error code. */
  readonly code: string;
  /** One line for people. */
  readonly message: string;
  /** Node's or OpenSSL's code behind it (`ECONNREFUSED`, `ERR_TLS_CERT_ALTNAME_INVALID`, ...). */
  readonly nodeCode?: string;
}

/** The HTTPS GET of the policy file. */
export interface MtaStsPolicyFetch {
  /** `https://mta-sts.<domain>/.well-known/mta-sts.txt`. */
  readonly url: string;
  /** The address connected to, when `mta-sts.<domain>` has one. */
  readonly ip?: string;
  /** Why there is no response, when there is none. */
  readonly error?: MtaStsFetchError;
  /** The status code. */
  readonly status?: number;
  /** The headers of interest: Content-Type, Location (a redirect is never followed), Content-Length, Cache-Control, Content-Encoding. */
  readonly headers?: readonly MtaStsHeader[];
  /** The body as UTF-8 text, at most the limit ({@link mtaStsPolicyMaxBytes} bytes). */
  readonly body?: string;
  /** Whether the body was longer than the limit (and cut there). */
  readonly bodyTruncated?: boolean;
  /** Whether the certificate chain validated against the trust store and names `mta-sts.<domain>`. */
  readonly certificateValid?: boolean;
  /** Why not: OpenSSL's or Node's reason (`CERT_HAS_EXPIRED`, `ERR_TLS_CERT_ALTNAME_INVALID`, ...). */
  readonly certificateError?: string;
}

/** What the MTA-STS probe records: the TXT record lookup and, when a record exists, the policy fetch. */
export interface MtaStsEvidence {
  /** The mail domain, lowercased. */
  readonly domain: string;
  /** The TXT lookup at `_mta-sts.<domain>`, keeping the records that begin with `v=STSv1`. */
  readonly record: VersionedTxtLookup;
  /** The policy fetch: made when at least one MTA-STS record exists. */
  readonly policy?: MtaStsPolicyFetch;
}

/**
 * The MTA-STS record of the mail domain (RFC 8461 §3.1) and its policy file, fetched over HTTPS
 * from `mta-sts.<domain>` with the certificate validated for that name and no redirect followed
 * (§3.3). SERVFAIL or no answer for the record is kept as a lookup error.
 */
export const mtaStsDeclaration = declareProbe<MtaStsEvidence>({
  id: 'mail-mta-sts',
  description: 'Looks up the MTA-STS record of the mail domain and fetches its policy over HTTPS from mta-sts.<domain>',
  needs: ['dns', 'tcp'],
});
