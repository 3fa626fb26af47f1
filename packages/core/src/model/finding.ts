import type { Subject } from './subject.js';

/** Parameters that fill a message's placeholders. */
export type MessageParams = Readonly<Record<string, string | number | boolean>>;

/**
 * One thing a check found, as a message id with parameters (localised late, by the renderer)
 * and the subject it concerns. A dotted id is the message id as it stands: `<check-id>.<finding>`
 * (`mail-dmarc-policy.too-weak`) or a shared one (`runner.error`); a bare id is short for the
 * reporting check's own (`max-age-too-short` in `web-hsts` means `web-hsts.max-age-too-short`).
 */
export interface Finding {
  /** The message id (`<check-id>.<finding>` or a shared `runner.error`), or a bare finding id of the check's own. */
  readonly id: string;
  /** Values for the message's placeholders. */
  readonly params?: MessageParams;
  /** What the finding is about, when not the whole target. */
  readonly subject?: Subject;
}

/** A reference that says where a requirement comes from. */
export interface Reference {
  /** What kind of document. */
  readonly kind: 'rfc' | 'ncsc' | 'forum-standaardisatie' | 'internetnl' | 'other';
  /** Its identifier, e.g. `RFC 6797` or `NCSC TLS 2025-05`. */
  readonly id: string;
  /** The section, e.g. `6.1.1`. */
  readonly section?: string;
}

/**
 * The standards on the Dutch comply-or-explain list (and the extra ones pastoe checks) that a
 * check contributes to.
 */
export type StandardId =
  | 'ipv6'
  | 'dnssec'
  | 'https'
  | 'hsts'
  | 'tls'
  | 'security-headers'
  | 'security-txt'
  | 'rpki'
  | 'spf'
  | 'dkim'
  | 'dmarc'
  | 'starttls'
  | 'dane'
  | 'caa'
  | 'mta-sts'
  | 'tls-rpt';
