import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentCoding } from './content-coding.js';

const page = Buffer.from('<!doctype html><title>modern.test</title><p>modern.test, a pastoe lab site.</p>\n'.repeat(50));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const live = new AbortController().signal;

describe('decodeContentCoding', () => {
  it('decodes gzip, x-gzip, deflate and br, and passes identity through', async () => {
    for (const [coding, body] of [
      ['gzip', gzipSync(page)],
      ['X-Gzip', gzipSync(page)],
      ['deflate', deflateSync(page)],
      ['br', brotliCompressSync(page)],
      [undefined, page],
      ['identity', page],
    ] as const) {
      const decoded = await decodeContentCoding(body, coding, 500_000, live);
      expect(decoded && text(decoded.bytes), String(coding)).toBe(text(page));
      expect(decoded?.truncated).toBe(false);
    }
  });

  it('stops at the limit, so a small body that inflates to 5 MB costs the limit only', async () => {
    const bomb = gzipSync(Buffer.alloc(5_000_000, 0x41));
    expect(bomb.length).toBeLessThan(10_000);
    const decoded = await decodeContentCoding(bomb, 'gzip', 500_000, live);
    expect(decoded?.bytes.length).toBe(500_000);
    expect(decoded?.truncated).toBe(true);
  });

  it('keeps what a body cut short gives, marked truncated; nothing for garbage or a coding it lacks', async () => {
    const coded = gzipSync(page);
    const cut = await decodeContentCoding(coded.subarray(0, Math.floor(coded.length / 2)), 'gzip', 500_000, live);
    expect(cut?.truncated).toBe(true);
    expect(text(page).startsWith(text(cut?.bytes ?? new Uint8Array(0)))).toBe(true);
    expect(await decodeContentCoding(page, 'gzip', 500_000, live)).toBeUndefined();
    expect(await decodeContentCoding(coded, 'zstd', 500_000, live)).toBeUndefined();
    expect(await decodeContentCoding(coded, 'gzip, br', 500_000, live)).toBeUndefined();
    expect(await decodeContentCoding(coded, 'constructor', 500_000, live)).toBeUndefined();
  });

  it('rejects as aborted when the signal has aborted', async () => {
    await expect(decodeContentCoding(gzipSync(page), 'gzip', 500_000, AbortSignal.abort())).rejects.toMatchObject({ code: 'aborted' });
  });
});
