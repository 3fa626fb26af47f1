import { describe, expect, it } from 'vitest';
import { defaultCacheMaxBytes, TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('evicts the oldest entries when the sizes given exceed the byte bound', () => {
    const cache = new TtlCache<string, string>({ maxBytes: 1000 });
    cache.set('a', 'A', 60_000, 400);
    cache.set('b', 'B', 60_000, 400);
    expect(cache.bytes).toBe(800);
    cache.set('c', 'C', 60_000, 400);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('B');
    expect(cache.get('c')).toBe('C');
    expect(cache.bytes).toBe(800);
    // Replacing an entry charges its new size only.
    cache.set('c', 'C2', 60_000, 100);
    expect(cache.bytes).toBe(500);
    cache.delete('b');
    expect(cache.bytes).toBe(100);
    cache.clear();
    expect(cache.bytes).toBe(0);
  });

  it('keeps an entry that is read while newer ones push the others out (least recently used first)', () => {
    const cache = new TtlCache<string, string>({ maxEntries: 3 });
    cache.set('hot', 'H', 60_000);
    cache.set('a', 'A', 60_000);
    cache.set('b', 'B', 60_000);
    expect(cache.get('hot')).toBe('H');
    cache.set('c', 'C', 60_000);
    cache.set('d', 'D', 60_000);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('hot')).toBe('H');
    expect(cache.size).toBe(3);
  });

  it('refuses an entry larger than the whole bound and keeps the others', () => {
    const cache = new TtlCache<string, string>({ maxBytes: 1000 });
    cache.set('small', 's', 60_000, 10);
    cache.set('huge', 'h', 60_000, 1001);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')).toBe('s');
    expect(cache.bytes).toBe(10);
  });

  it('gives back the bytes of entries that expire', () => {
    let now = 0;
    const cache = new TtlCache<string, string>({ maxBytes: 1000, now: () => now });
    cache.set('a', 'A', 1000, 300);
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('counts entries set without a size as 0 bytes and still bounds them by count', () => {
    const cache = new TtlCache<number, number>({ maxEntries: 2 });
    for (let i = 0; i < 5; i++) cache.set(i, i, 60_000);
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(0);
    expect(cache.get(4)).toBe(4);
    expect(defaultCacheMaxBytes).toBe(64 * 1024 * 1024);
  });

  it('drops expired entries from the oldest end when a new one is set, without reads of them', () => {
    let now = 0;
    const cache = new TtlCache<string, string>({ now: () => now });
    cache.set('old-1', 'A', 100, 10);
    cache.set('long', 'B', 10_000, 10);
    cache.set('old-2', 'C', 100, 10);
    now = 500;
    cache.set('new', 'D', 100, 10);
    // old-1 went; old-2 stays behind the live 'long' until a read or a later pass reaches it.
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(30);
    now = 20_000;
    cache.set('newest', 'E', 100, 10);
    expect(cache.size).toBe(1);
    expect(cache.get('newest')).toBe('E');
  });
});
