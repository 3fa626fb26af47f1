import type { Subject } from './subject.js';

/** Parameters that fill a message's placeholders. */
export type MessageParams = Readonly<Record<string, string | number | boolean>>;

/**
 * One thing a check found, as a message id with parameters (localised late, by the renderer)
 * and the subject it concerns. A check's own finding has a bare id (`max-age-too-short`) whose
 * message id is `<check-id>.<id>`; a finding shared by many checks has a dotted id
 * (`runner.error`) that is its message id as it stands.
 */
export interface Finding {
  /** The finding id: bare for the check's own (`max-age-too-short`), dotted for a shared one (`runner.error`). */
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
