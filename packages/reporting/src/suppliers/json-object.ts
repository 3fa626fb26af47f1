/** Whether a value read from JSON is an object (not null, not a list), so its fields can be read. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
