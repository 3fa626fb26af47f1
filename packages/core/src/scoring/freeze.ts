/**
 * Freezes a value and everything reachable from it. Exported policies and the catalogue are
 * shared by every scan in the process, so one caller's edit must not leak into another's score.
 *
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  freezeInto(value, new WeakSet());
  return value;
}

function freezeInto(value: unknown, seen: WeakSet<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  // Children first: an object that arrives already frozen may still hold mutable children.
  for (const key of Object.keys(value)) freezeInto((value as Record<string, unknown>)[key], seen);
  Object.freeze(value);
}
