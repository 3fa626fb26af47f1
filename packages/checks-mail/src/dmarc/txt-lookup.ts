import { lookupVersionedTxt, type VersionedTxtLookupOptions } from '../txt/txt-lookup.js';
import type { DmarcTxtLookup } from './evidence.js';

/** Options of a DMARC TXT lookup. */
export type TxtLookupOptions = VersionedTxtLookupOptions;

/** Whether a TXT text is a DMARC record by discovery's test: it begins with `v=DMARC1` in any case. */
function startsAsDmarc(text: string): boolean {
  return text.slice(0, 8).toLowerCase() === 'v=dmarc1';
}

/** Asks for the TXT records at a name (following CNAMEs) and sorts out the DMARC ones. */
export function lookupDmarcTxt(name: string, options: TxtLookupOptions): Promise<DmarcTxtLookup> {
  return lookupVersionedTxt(name, startsAsDmarc, options);
}
