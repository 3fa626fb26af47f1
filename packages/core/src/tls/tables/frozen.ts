/**
 * Tables are shared by every scan in the process, so a caller must not be able to change them.
 * `Object.freeze` does not stop `Map.prototype.set`, hence this wrapper.
 */
export function frozenMap<K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  const map = new Map<K, V>(entries);
  const refuse = (): never => {
    throw new TypeError('pastoe tables are read-only');
  };
  for (const method of ['set', 'delete', 'clear'] as const) {
    Object.defineProperty(map, method, { value: refuse, enumerable: false });
  }
  return Object.freeze(map);
}
