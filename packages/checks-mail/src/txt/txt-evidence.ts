/** The evidence of a versioned TXT lookup (MTA-STS, TLS-RPT), as plain data: types only, so a check's import graph holds no I/O. */

/** A TXT lookup as evidence keeps it. */
export interface VersionedTxtLookup {
  /** The name asked, e.g. `_mta-sts.example.nl`. */
  readonly name: string;
  /** The response code, when a response came. */
  readonly rcode?: string;
  /**
   * Why the lookup gave no usable answer: no response (`timeout: ...`), or a response code other
   * than NOERROR and NXDOMAIN (`SERVFAIL`). Absent when the answer says what the name holds.
   */
  readonly error?: string;
  /** The TXT records of the kind asked for (each one's strings joined), at most {@link maxTxtRecordsKept}. */
  readonly records: readonly string[];
  /** How many other TXT records the name holds. */
  readonly otherRecords: number;
}

/** The most records of the kind kept: one is valid, a hostile zone could publish hundreds. */
export const maxTxtRecordsKept = 8;
