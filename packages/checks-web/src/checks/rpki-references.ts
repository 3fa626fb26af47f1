import type { Reference } from '@pastoe/core/model';

/** Where the RPKI subtests' requirements come from: route origin validation and the Forum Standaardisatie listing. */
export const rpkiReferences: readonly Reference[] = Object.freeze([
  { kind: 'rfc', id: 'RFC 6811' },
  { kind: 'rfc', id: 'RFC 6480' },
  { kind: 'forum-standaardisatie', id: 'RPKI' },
]);
