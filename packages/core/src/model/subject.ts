/** What a subject is, in the test: the domain under test, one of its mail or name servers, a web server. */
export type SubjectRole = 'domain' | 'web' | 'mx' | 'ns';

/**
 * What a piece of evidence or a finding is about: a DNS name, and where a server was contacted,
 * its address and port. Names are lowercase A-labels without a trailing dot.
 */
export interface Subject {
  /** The DNS name (A-label, lowercase, no trailing dot). */
  readonly name: string;
  /** The part the name plays in the test. Defaults to `domain`. */
  readonly role?: SubjectRole;
  /** The IP address that was (or is to be) contacted, when the subject is one server address. */
  readonly ip?: string;
  /** The TCP or UDP port, when the subject is one service. */
  readonly port?: number;
}

/** A stable key for a subject: equal subjects give equal keys. */
export function subjectKey(subject: Subject): string {
  const role = subject.role ?? 'domain';
  const ip = subject.ip === undefined ? '' : subject.ip.includes(':') ? `[${subject.ip}]` : subject.ip;
  const port = subject.port === undefined ? '' : `:${subject.port}`;
  return ip === '' && port === '' ? `${role}:${subject.name}` : `${role}:${subject.name}@${ip}${port}`;
}

/** A short human-readable label for a subject, as reports show it. */
export function subjectLabel(subject: Subject): string {
  if (subject.ip === undefined) return subject.port === undefined ? subject.name : `${subject.name}:${subject.port}`;
  const ip = subject.ip.includes(':') ? `[${subject.ip}]` : subject.ip;
  return subject.port === undefined ? `${subject.name} (${subject.ip})` : `${subject.name} (${ip}:${subject.port})`;
}
