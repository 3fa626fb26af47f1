import type { CheckCatalogue } from './types.js';

/** The messages of the mail test's checks (`@pastoe/checks-mail`), by check id. */
export const mailMessages: CheckCatalogue = {};
