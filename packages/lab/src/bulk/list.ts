import { writeFile } from 'node:fs/promises';
import type { LabBulkDomain } from './rotation.js';

/** The bulk domains as CSV: a `domain,group` header, then a line per domain. */
export function bulkDomainListText(domains: readonly LabBulkDomain[]): string {
  return `domain,group\n${domains.map((domain) => `${domain.name},${domain.group}\n`).join('')}`;
}

/**
 * Writes the lab's bulk domains to `file` as CSV with a `domain,group` header (the input
 * `pastoe bulk --group-column group` reads), replacing the file if it exists.
 */
export async function writeBulkDomainList(lab: { readonly bulkDomains: readonly LabBulkDomain[] }, file: string): Promise<void> {
  await writeFile(file, bulkDomainListText(lab.bulkDomains), 'utf8');
}
