import { readFile, stat } from 'node:fs/promises';
import { maxSupplierCatalogueLength, parseSupplierCatalogue, type SupplierCatalogue } from '@pastoe/reporting';
import { UsageError } from './usage-error.js';

/**
 * Reads and checks a `--suppliers` catalogue (of `pastoe bulk` and `pastoe report`); any problem
 * is a usage error naming the file.
 */
export async function readSupplierCatalogue(file: string): Promise<SupplierCatalogue> {
  try {
    // A UTF-16 code unit takes at most three bytes of UTF-8: a file over this is over the length bound.
    if ((await stat(file)).size > maxSupplierCatalogueLength * 3)
      throw new UsageError(`--suppliers ${JSON.stringify(file)} is larger than a supplier catalogue may be`);
    return parseSupplierCatalogue(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--suppliers ${JSON.stringify(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
