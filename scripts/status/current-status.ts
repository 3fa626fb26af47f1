import { fileURLToPath } from 'node:url';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { internetnlCatalogue } from '@pastoe/core';
import { renderStatus } from './render-status.js';

/** Where the status page lives. */
export const statusPath: string = fileURLToPath(new URL('../../docs/status.md', import.meta.url));

/** docs/status.md as the code in this checkout says it should read. */
export function currentStatus(): string {
  return renderStatus({ presets: [webPreset, mailPreset], catalogue: internetnlCatalogue });
}
