import type { Reference } from '../model/finding.js';

/**
 * Where the RPKI subtests' requirements come from, for the website and mail checks alike: route
 * origin validation, the RPKI architecture and the Forum Standaardisatie listing.
 */
export const rpkiReferences: readonly Reference[] = Object.freeze([
  { kind: 'rfc', id: 'RFC 6811' },
  { kind: 'rfc', id: 'RFC 6480' },
  { kind: 'forum-standaardisatie', id: 'RPKI' },
]);
