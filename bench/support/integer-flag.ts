/**
 * A bench flag that must be a whole number in a range: its value, or `fallback` when it is absent.
 *
 * @throws RangeError naming the flag when the value is not an integer from `min` to `max`
 */
export function integerFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new RangeError(`--${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return parsed;
}
