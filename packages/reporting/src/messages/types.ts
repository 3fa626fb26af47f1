/** A language pastoe's reports are written in: Dutch or English. */
export type Language = 'nl' | 'en';

/** The languages every message has, in the order reports offer them. */
export const languages: readonly Language[] = ['nl', 'en'];

/**
 * One message in both languages. Placeholders are `{name}` and are filled from a finding's
 * parameters when the message is rendered; `{{` and `}}` write a literal brace.
 */
export interface LocalText {
  /** Dutch. */
  readonly nl: string;
  /** English. */
  readonly en: string;
}

/** Everything a report says about one check, in both languages. */
export interface CheckMessages {
  /** The headline when the check passed, e.g. "HSTS is offered". Message id `<check>.title`. */
  readonly title: LocalText;
  /** The headline when it did not, e.g. "HSTS is not offered". Message id `<check>.failure-title`. */
  readonly failureTitle: LocalText;
  /** What the check tests and why it matters, for a reader who is not a specialist. */
  readonly explanation: LocalText;
  /** Concretely how to fix a failure: what to configure, with an example where one helps. */
  readonly advice: LocalText;
  /** What to ask a hosting or software supplier, as one or two sentences to paste into a ticket. */
  readonly supplier: LocalText;
  /** The check's own findings by finding id (the id without the `<check>.` prefix). */
  readonly findings: Readonly<Record<string, LocalText>>;
}

/** A catalogue: the messages of a set of checks by check id. */
export type CheckCatalogue = Readonly<Record<string, CheckMessages>>;
