import { declareProbe } from '@pastoe/core/model';

/** One TXT lookup the SPF probe made. */
export interface SpfTxtLookup {
  /** The response code, or the error code when no response came (`timeout`, `network`, ...). */
  readonly rcode: string;
  /** Why the lookup gave no usable answer, when it did not. */
  readonly error?: string;
  /** The TXT records, each with its character-strings joined without separator, as received. */
  readonly texts: readonly string[];
}

/** The SPF records of the mail domain and of every include and redirect target they name. */
export interface SpfEvidence {
  /** The mail domain, lowercase. */
  readonly domain: string;
  /** The TXT lookup at the mail domain. */
  readonly lookup: SpfTxtLookup;
  /**
   * The TXT lookups of the include and redirect targets met while following the records, by
   * lowercase domain; targets with macros are not followed (they depend on the message).
   */
  readonly targets: Readonly<Record<string, SpfTxtLookup>>;
  /** Set when the walk stopped at its bound of domains, leaving some targets unread. */
  readonly truncated: boolean;
}

/** The SPF record of the mail domain and the records its includes and redirects lead to. */
export const spfDeclaration = declareProbe<SpfEvidence>({
  id: 'mail-spf',
  description: 'Looks up the TXT records of the mail domain and of every SPF include and redirect target they name',
});
