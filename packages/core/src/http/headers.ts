import type { HttpHeader } from './types.js';

/**
 * The values of every field with this name, in the order received (a response may repeat a
 * field, e.g. Strict-Transport-Security twice, which a check may need to see).
 *
 * @param headers - a response's headers or trailers
 * @param name - the field name, any case
 */
export function headerValues(headers: readonly HttpHeader[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([field]) => field === wanted).map(([, value]) => value);
}
