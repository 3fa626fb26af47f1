import { declareProbe } from '@pastoe/core/model';

/** One TXT lookup the DKIM probe made. */
export interface DkimTxtLookup {
  /** The name asked. */
  readonly name: string;
  /** The response code, when a response came. */
  readonly rcode?: string;
  /**
   * Why the lookup gave no usable answer: no response (`timeout: ...`), or a response code other
   * than NOERROR and NXDOMAIN (`SERVFAIL`). Absent when the answer says what the name holds.
   */
  readonly error?: string;
  /** The TXT records at the name (CNAMEs followed), each one's strings joined, as received. */
  readonly texts: readonly string[];
  /** Whether the resolver marked the answer authenticated (the AD bit of a validating resolver). */
  readonly authenticated: boolean;
}

/** The TXT lookup of one selector the scan was given. */
export interface DkimSelectorLookup {
  /** The selector, lowercase. */
  readonly selector: string;
  /** The lookup of `<selector>._domainkey.<domain>`. */
  readonly lookup: DkimTxtLookup;
}

/**
 * What the DKIM probe asks: `_domainkey.<domain>` (Internet.nl's existence test), a random label
 * below it (a wildcard answers that too), and the selectors the scan was given.
 */
export interface DkimEvidence {
  /** The mail domain, lowercase. */
  readonly domain: string;
  /** The TXT lookup of `_domainkey.<domain>`. */
  readonly domainkey: DkimTxtLookup;
  /**
   * The TXT lookup of `<random label>._domainkey.<domain>`, a name no one publishes: NOERROR there
   * means a wildcard makes every name below `_domainkey` exist.
   */
  readonly wildcardProbe: DkimTxtLookup;
  /** The selectors' lookups, in the order given; empty when the scan was given none. */
  readonly selectors: readonly DkimSelectorLookup[];
}

/** `_domainkey` of the mail domain, a random name below it, and the given DKIM selectors. */
export const dkimDeclaration = declareProbe<DkimEvidence>({
  id: 'mail-dkim',
  description:
    'Looks up _domainkey of the mail domain, a random name below it (wildcards), and the TXT records of the given DKIM selectors',
});
