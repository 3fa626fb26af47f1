/** The domain a scan is about, after normalisation, and what the user typed. */
export interface ScanTarget {
  /** The normalised domain: lowercase A-labels, no trailing dot. */
  readonly domain: string;
  /** The input as given, before normalisation. */
  readonly input: string;
}
