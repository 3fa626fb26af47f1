import type { CheckCatalogue } from './types.js';

/** The messages of the website test's checks (`@pastoe/checks-web`), by check id. */
export const webMessages: CheckCatalogue = {};
