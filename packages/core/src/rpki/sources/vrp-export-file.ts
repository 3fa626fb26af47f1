/** Reads an rpki-client / Routinator JSON VRP export from a file, bounded in size. */
import { open } from 'node:fs/promises';
import type { VrpSource } from '../types.js';
import { createVrpExportSource, type VrpExportLimits } from './vrp-export.js';

/** Options for {@link loadVrpExportFile}. */
export interface LoadVrpExportFileOptions extends VrpExportLimits {
  /** Stops the read. */
  readonly signal?: AbortSignal;
  /** The largest file accepted, in bytes. Default 512 MiB. */
  readonly maxBytes?: number;
}

/**
 * Loads a JSON VRP export file (`routinator vrps -f json -o vrps.json`, rpki-client's
 * `json` output) into a VRP source. Load it once and pass the source to every scan.
 *
 * @throws RangeError when the file is larger than `maxBytes`; TypeError when it is not an export
 */
export async function loadVrpExportFile(path: string, options: LoadVrpExportFileOptions = {}): Promise<VrpSource> {
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new RangeError(`${path} has ${size} bytes, more than ${maxBytes}`);
    const text = await handle.readFile({ encoding: 'utf8', ...(options.signal === undefined ? {} : { signal: options.signal }) });
    if (text.length > maxBytes) throw new RangeError(`${path} grew past ${maxBytes} bytes while read`);
    return createVrpExportSource(text, `VRP export ${path}`, options);
  } finally {
    await handle.close();
  }
}
